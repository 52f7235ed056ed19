package dev.apigeegke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigeegke.testing.BundleFiles;
import dev.apigeegke.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull-request diff ({@code preview --against}) of pattern 1's clusters: adding one, draining one, removing one.
 * Every plan is of the stack {@code pattern1-multi}, so the URNs compare as one stack's.
 */
class PreviewClustersDiffTest {
    private static final String STACK = "urn:pulumi:pattern1-multi::apigee-gke::";
    private static final String PROXY = STACK + "apigee-gke:index:ApigeeProxy$apigee:index:ApiProxy::apigee-p1-api";
    private static final Pattern SERVER = Pattern.compile("<Server name=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static List<String> preview(Path config, String... more) {
        var args = new ArrayList<>(List.of("preview", "pattern1", "--project-dir", Repo.root().toString(), "--stack", "pattern1-multi"));
        if (config != null) {
            args.addAll(List.of("--config", config.toString()));
        }
        args.addAll(List.of(more));
        var r = CommandRun.of(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return List.of(r.out());
    }

    /** Writes the plan of {@code config} (the sample stack when null) under {@code dir}; returns its plan.json. */
    private Path plan(Path config, String dir) {
        preview(config, "--out", tmp.resolve(dir).toString());
        return tmp.resolve(dir).resolve("plan.json");
    }

    /** The steps of the preview against {@code before}, as {@code --json} gives them: URN → op, the unchanged left out. */
    private static Map<String, String> steps(Path config, Path before) throws Exception {
        var json = JSON.readTree(preview(config, "--against", before.toString(), "--json").get(0));
        var steps = new TreeMap<String, String>();
        json.path("steps").forEach(s -> {
            if (!s.path("op").asText().equals("same")) {
                steps.put(s.path("urn").asText(), s.path("op").asText());
            }
        });
        return steps;
    }

    /** The inputs of the proxy's update that differ between its old and new state. */
    private static Set<String> changedInputs(Path config, Path before) throws Exception {
        var json = JSON.readTree(preview(config, "--against", before.toString(), "--json").get(0));
        var changed = new TreeSet<String>();
        for (JsonNode s : json.path("steps")) {
            if (s.path("urn").asText().equals(PROXY)) {
                var old = s.path("oldState").path("inputs");
                var now = s.path("newState").path("inputs");
                Stream.concat(iterate(old), iterate(now)).distinct().filter(k -> !old.path(k).equals(now.path(k))).forEach(changed::add);
            }
        }
        return changed;
    }

    private static Stream<String> iterate(JsonNode object) {
        var names = new ArrayList<String>();
        object.fieldNames().forEachRemaining(names::add);
        return names.stream();
    }

    /** The URNs of one cluster's own resources: its GkeCluster and children, services, ArmoredIngress and children, target server. */
    private static Map<String, String> clusterResources(String c, String op) {
        String p = "apigee-p1-" + c;
        String gke = STACK + "apigee-gke:index:GkeCluster";
        String ingress = STACK + "apigee-gke:index:ArmoredIngress";
        var urns = new ArrayList<>(List.of(
                gke + "::" + p,
                gke + "$gcp:container/cluster:Cluster::" + p,
                gke + "$gcp:container/nodePool:NodePool::" + p + "-nodes",
                gke + "$gcp:serviceaccount/account:Account::" + p + "-nodes",
                gke + "$gcp:serviceaccount/account:Account$gcp:projects/iAMMember:IAMMember::" + p + "-nodes-artifactregistry-reader",
                gke + "$gcp:serviceaccount/account:Account$gcp:projects/iAMMember:IAMMember::" + p
                        + "-nodes-container-defaultnodeserviceaccount",
                gke + "$pulumi:providers:kubernetes::" + p + "-k8s",
                ingress + "::" + p + "-ingress",
                ingress + "$gcp:compute/globalAddress:GlobalAddress::" + p + "-ingress-ip",
                ingress + "$gcp:compute/securityPolicy:SecurityPolicy::" + p + "-ingress-armor",
                ingress + "$kubernetes:networking.k8s.io/v1:Ingress::" + p + "-ingress",
                STACK + "apigee-gke:index:ApigeeProxy$apigee:index:TargetServer::apigee-p1-api-target-" + c + "-test"));
        for (String s : List.of("orders", "catalog")) {
            urns.add(STACK + "apigee-gke:index:Microservice::" + c + "-" + s);
            urns.add(STACK + "apigee-gke:index:Microservice$kubernetes:apps/v1:Deployment::" + c + "-" + s);
            urns.add(ingress + "$kubernetes:cloud.google.com/v1:BackendConfig::" + p + "-ingress-" + s);
            urns.add(ingress + "$kubernetes:core/v1:Service::" + p + "-ingress-" + s);
            urns.add(ingress + "$kubernetes:networking.k8s.io/v1:NetworkPolicy::" + p + "-ingress-" + s);
        }
        var steps = new TreeMap<String, String>();
        urns.forEach(u -> steps.put(u, op));
        return steps;
    }

    /** The files of the proxy bundle in {@code plan}, by path. */
    private static Map<String, String> bundle(Path plan) throws Exception {
        var files = new TreeMap<String, String>();
        for (JsonNode r : JSON.readTree(Files.readString(plan)).path("resources")) {
            if (r.path("urn").asText().equals(PROXY)) {
                files.putAll(BundleFiles.of(r.path("inputs").path("bundle").asText()));
            }
        }
        assertThat(files).as("the proxy's bundle in " + plan).isNotEmpty();
        return files;
    }

    private static List<String> servers(Map<String, String> bundle) {
        return SERVER.matcher(bundle.get("apiproxy/targets/default.xml")).results().map(m -> m.group(1)).toList();
    }

    @Test
    void addingAThirdClusterCreatesExactlyItsResourcesAndChangesTheProxysServerList() throws Exception {
        Path two = ClusterStacks.edited(tmp, ClusterStacks.WITHOUT_ASIA);
        Path before = plan(two, "two");
        Path after = plan(null, "three");

        var expected = new TreeMap<>(clusterResources("asia", "create"));
        expected.put(PROXY, "update");
        assertThat(steps(null, before)).isEqualTo(expected);
        assertThat(changedInputs(null, before)).containsExactly("bundle", "bundleHash");
        // What changed in the bundle: the target endpoint balances over the new cluster's target server too.
        var old = bundle(before);
        var now = bundle(after);
        assertThat(servers(old)).containsExactly("apigee-p1-api-eu", "apigee-p1-api-us");
        assertThat(servers(now)).containsExactly("apigee-p1-api-eu", "apigee-p1-api-us", "apigee-p1-api-asia");
        assertThat(now.keySet()).isEqualTo(old.keySet());
        // Only the target endpoint changes: the descriptor, the proxy endpoint and the policies do not name the clusters.
        old.keySet().stream().filter(f -> !f.equals("apiproxy/targets/default.xml"))
                .forEach(f -> assertThat(now.get(f)).as(f).isEqualTo(old.get(f)));

        // The text and the Markdown diff name the same: 22 creates, one update, nothing deleted or replaced.
        String text = preview(null, "--against", before.toString()).get(0);
        var lines = text.lines().filter(l -> l.matches("  (\\+-|\\+ |~ |- ) \\S+ \\S+ \\(\\w+\\)( 🔒)?")).map(String::strip).toList();
        assertThat(lines).hasSize(23).allMatch(l -> l.startsWith("+  ") && l.contains("asia") && l.contains("(create)")
                || l.equals("~  apigee:index:ApiProxy apigee-p1-api (update)"));
        assertThat(text).contains("+  22 to create").contains("~  1 to update").doesNotContain("to delete")
                .doesNotContain("to replace");
        // The reviewer sees the changed proxy target, not only the bundle's hash: the one file, the server it adds.
        assertThat(text.lines().filter(l -> l.strip().startsWith("--- ") || l.strip().startsWith("+++ ")).map(String::strip))
                .containsExactly("--- a/apiproxy/targets/default.xml", "+++ b/apiproxy/targets/default.xml");
        assertThat(text.lines().map(String::strip).filter(l -> l.startsWith("+ ") || l.startsWith("- ")).filter(l -> l.contains("<")))
                .containsExactly("+            <Server name=\"apigee-p1-api-asia\">", "+                <Weight>1</Weight>",
                        "+            </Server>");
        String md = preview(null, "--against", before.toString(), "--format", "markdown").get(0);
        assertThat(md).contains("| `+` create | 22 |", "| `~` update | 1 |", "| `+-` replace | 0 |", "| `-` delete | 0 |",
                "<summary><code>~</code> update: 1 resource</summary>\n\n- `apigee:index:ApiProxy` **apigee-p1-api**\n");
        assertThat(md.lines().filter(l -> l.startsWith("- `")).filter(l -> !l.contains("asia")).toList())
                .containsOnly("- `apigee:index:ApiProxy` **apigee-p1-api**");
    }

    @Test
    void drainingAClusterDisablesItsTargetServersAndLeavesTheRoundRobinBundleAlone() throws Exception {
        Path before = plan(ClusterStacks.edited(tmp, ClusterStacks.NO_WEIGHTS, ClusterStacks.ROUND_ROBIN), "serving");
        Path drained = ClusterStacks.edited(tmp, ClusterStacks.US_DRAINED, ClusterStacks.ROUND_ROBIN);
        String target = STACK + "apigee-gke:index:ApigeeProxy$apigee:index:TargetServer::apigee-p1-api-target-us-test";
        assertThat(steps(drained, before)).isEqualTo(Map.of(target, "update"));
        String text = preview(drained, "--against", before.toString()).get(0);
        assertThat(text).contains("~ enabled: true → false").contains("~  1 to update").doesNotContain("to delete")
                .doesNotContain("to replace");
    }

    @Test
    void removingAClusterDeletesExactlyItsResourcesAndChangesTheProxysServerList() throws Exception {
        Path before = plan(null, "three");
        Path two = ClusterStacks.edited(tmp, ClusterStacks.WITHOUT_ASIA);
        var expected = new TreeMap<>(clusterResources("asia", "delete"));
        expected.put(PROXY, "update");
        assertThat(steps(two, before)).isEqualTo(expected);
        assertThat(changedInputs(two, before)).containsExactly("bundle", "bundleHash");
    }
}
