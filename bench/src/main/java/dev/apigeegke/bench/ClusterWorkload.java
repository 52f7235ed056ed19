package dev.apigeegke.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.Context;
import dev.apigeegke.examples.pattern1.Pattern1;
import dev.apigeegke.examples.pattern1.Pattern1Clusters;
import dev.apigeegke.preview.StackFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Pattern 1 across {@code clusters} clusters, each with the {@code services} microservices of
 * {@link Workload#pattern1Services()}: the sample stack {@code Pulumi.pattern1.yaml} with {@code apigee-gke:clusters}
 * listing them, one region each. Compared with {@link #single()}, the single-cluster program with the same services.
 *
 * @param clusters how many clusters (2 to {@link #LOCATIONS}' size)
 * @param services microservices per cluster (at least 1)
 */
public record ClusterWorkload(int clusters, int services) {
    /** The clusters' regions, in order: one per cluster, so that each has a region's three zones. */
    static final List<String> LOCATIONS = List.of("europe-west1", "us-central1", "asia-southeast1", "europe-west4",
            "us-east1", "asia-northeast1", "australia-southeast1", "southamerica-east1");
    private static final ObjectMapper JSON = new ObjectMapper();

    public ClusterWorkload {
        if (clusters < 2 || clusters > LOCATIONS.size()) {
            throw new IllegalArgumentException("clusters = " + clusters + ": use 2 to " + LOCATIONS.size());
        }
        if (services < 1) {
            throw new IllegalArgumentException("services = " + services + ": use at least 1");
        }
    }

    /** The single-cluster workload with the same services per cluster. */
    public Workload single() {
        return new Workload("pattern1", services);
    }

    /** The name of cluster {@code i}: c0, c1, ... (its resources' prefix is {@code <prefix>-c<i>}). */
    public static String clusterName(int i) {
        return "c" + i;
    }

    /** The stack configuration: the sample stack's, with {@code apigee-gke:clusters} listing the clusters. */
    public StackFile stackFile(Path projectDir) throws IOException {
        var stack = single().stackFile(projectDir);
        var config = new TreeMap<>(stack.config());
        var objects = new TreeSet<>(stack.objectKeys());
        config.put(Pattern1Clusters.KEY, JSON.writeValueAsString(clusterEntries()));
        objects.add(Pattern1Clusters.KEY);
        return new StackFile(config, stack.secretKeys(), objects);
    }

    /** The clusters as the stack lists them: name, location and {@code services} ({name, image, path} each). */
    List<Map<String, Object>> clusterEntries() {
        var services = single().pattern1Services().stream()
                .map(s -> Map.<String, Object>of("name", s.name(), "image", s.image(), "path", s.path()))
                .toList();
        return IntStream.range(0, clusters).mapToObj(i -> {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("name", clusterName(i));
            entry.put("location", LOCATIONS.get(i));
            entry.put("services", services);
            return (Map<String, Object>) entry;
        }).toList();
    }

    /** The program: pattern 1's stack program, which reads the clusters from the stack configuration. */
    public Consumer<Context> program() {
        return Pattern1::stack;
    }

    @Override
    public String toString() {
        return "pattern1 × " + clusters + " clusters × " + services;
    }
}
