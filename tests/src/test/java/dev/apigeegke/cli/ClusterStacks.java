package dev.apigeegke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Variants of the sample multi-cluster stack file, Pulumi.pattern1-multi.yaml (eu, us, asia; Weighted 2/2/1). */
final class ClusterStacks {
    /** Replacements that drop the third cluster, asia. */
    static final List<String> WITHOUT_ASIA = List.of(
            "    - name: asia\n      location: asia-southeast1\n      weight: 1\n      nodesPerZone: 1\n", "");
    /** Replacements that balance RoundRobin, with the weights removed. */
    static final List<String> ROUND_ROBIN = List.of("apigee-gke:loadBalancer: Weighted", "apigee-gke:loadBalancer: RoundRobin",
            "      weight: 1\n", "");
    /** With {@link #ROUND_ROBIN}: the eu cluster's weight removed, the us cluster drained (weight 0). */
    static final List<String> US_DRAINED = List.of(
            "      weight: 2\n    - name: us\n      location: us-central1\n      weight: 2\n",
            "\n    - name: us\n      location: us-central1\n      weight: 0\n");
    /** With {@link #ROUND_ROBIN}: the eu and us clusters' weights removed. */
    static final List<String> NO_WEIGHTS = List.of("      weight: 2\n", "");

    private ClusterStacks() {
    }

    /** The sample file with each replacement list applied in turn (pairs of from, to), written under {@code dir}. */
    @SafeVarargs
    static Path edited(Path dir, List<String>... replacements) throws Exception {
        String text = Files.readString(Repo.root().resolve("Pulumi.pattern1-multi.yaml"));
        var all = new ArrayList<String>();
        Arrays.stream(replacements).forEach(all::addAll);
        for (int i = 0; i < all.size(); i += 2) {
            assertThat(text).contains(all.get(i));
            text = text.replace(all.get(i), all.get(i + 1));
        }
        Path file = dir.resolve("stack-" + Integer.toHexString(String.join("|", all).hashCode()) + ".yaml");
        Files.writeString(file, text);
        return file;
    }
}
