package dev.apigeegke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.apigeegke.provider.grpc.ApigeeProvider;
import dev.apigeegke.provider.schema.PropertySchema;
import dev.apigeegke.provider.schema.ProviderSchema;
import io.grpc.stub.StreamObserver;
import dev.apigeegke.testing.Node;
import dev.apigeegke.testing.Repo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewDiffTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String root() {
        return Repo.root().toString();
    }

    /** Writes the pattern's plan with its sample stack file; returns the plan.json. */
    private Path basePlan(String pattern) {
        Path dir = tmp.resolve("base-" + pattern);
        var r = run("preview", pattern, "--project-dir", root(), "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return dir.resolve("plan.json");
    }

    /** A copy of the pattern's sample stack file with {@code from} replaced by {@code to}. */
    private Path config(String pattern, String from, String to) throws Exception {
        String sample = Files.readString(Repo.root().resolve("Pulumi." + pattern + ".yaml"));
        assertThat(sample).contains(from);
        Path file = tmp.resolve("Pulumi." + pattern + "-" + Integer.toHexString(to.hashCode()) + ".yaml");
        Files.writeString(file, sample.replace(from, to));
        return file;
    }

    private Run diff(String pattern, Path against, Path config, String... more) {
        var args = new ArrayList<>(List.of("preview", pattern, "--project-dir", root(), "--against", against.toString()));
        if (config != null) {
            args.addAll(List.of("--config", config.toString()));
        }
        args.addAll(List.of(more));
        var r = run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return r;
    }

    /** The resource lines of a text diff: {@code <op> <type> <name> (<verb>)}. */
    private static List<String> resourceLines(String out) {
        return out.lines().filter(l -> l.matches("  (\\+-|\\+ |~ |- ) \\S+ \\S+ \\(\\w+(\\[retain])?\\)( 🔒| 🔓)?"))
                .map(String::strip).toList();
    }

    @Test
    void aPlanComparedWithItselfHasNoChangesAndTheSameBytesEveryRun() {
        Path base = basePlan("pattern1");
        var first = diff("pattern1", base, null);
        assertThat(first.out()).contains("no changes (29 unchanged)");
        assertThat(resourceLines(first.out())).isEmpty();
        assertThat(diff("pattern1", base, null).out()).isEqualTo(first.out());
        var md = diff("pattern1", base, null, "--format", "markdown");
        assertThat(md.out()).contains("No changes.").doesNotContain("<details>").contains("```mermaid")
                .doesNotContain("class ");
        assertThat(diff("pattern1", base, null, "--format", "markdown").out()).isEqualTo(md.out());
    }

    @Test
    void addingAnAllowlistRangeUpdatesOnlyTheSecurityPolicyRule() throws Exception {
        Path base = basePlan("pattern1");
        var r = diff("pattern1", base, config("pattern1", "    - 2001:db8:1200::/48\n",
                "    - 2001:db8:1200::/48\n    - 192.0.2.0/24\n"));
        assertThat(resourceLines(r.out())).containsExactly(
                "~  gcp:compute/securityPolicy:SecurityPolicy apigee-p1-ingress-armor (update)");
        assertThat(r.out()).contains("+ rules[2].match.config.srcIpRanges[3]: \"192.0.2.0/24\"")
                .contains("~  1 to update").contains("28 unchanged").doesNotContain("forces replacement");
    }

    @Test
    void changingTheQuotaUpdatesTheProductAndTheBundleThatEnforcesIt() throws Exception {
        Path base = basePlan("pattern1");
        var r = diff("pattern1", base, config("pattern1", "quotaCount: 1000", "quotaCount: 2000"));
        assertThat(resourceLines(r.out())).containsExactly(
                "~  apigee:index:ApiProduct apigee-p1-api-product (update)",
                "~  apigee:index:ApiProxy apigee-p1-api (update)");
        assertThat(r.out()).contains("~ quota: \"1000\" → \"2000\"")
                // The bundle is shown by its start, length and digest, never as megabytes of base64.
                .containsPattern("~ bundle: \"UEsDB[^\\n]*chars, sha256 [0-9a-f]{12}\\) → ")
                .contains("~ bundleHash: ")
                .doesNotContain("forces replacement");
    }

    @Test
    void changingTheMachineTypeReplacesTheNodePool() throws Exception {
        Path base = basePlan("pattern1");
        String sample = Files.readString(Repo.root().resolve("Pulumi.pattern1.yaml"));
        Path config = config("pattern1", "  apigee-gke:prefix: apigee-p1\n",
                "  apigee-gke:prefix: apigee-p1\n  apigee-gke:machineType: e2-standard-4\n");
        assertThat(sample).doesNotContain("machineType");
        var r = diff("pattern1", base, config);
        assertThat(resourceLines(r.out())).containsExactly(
                "+- gcp:container/nodePool:NodePool apigee-p1-nodes (replace)");
        assertThat(r.out()).contains("~ nodeConfig.machineType: \"e2-standard-2\" → \"e2-standard-4\"  "
                + "[forces replacement: nodeConfig.machineType]").contains("+- 1 to replace");
    }

    @Test
    void changingThePrefixCreatesTheNewResourcesAndDeletesTheOld() throws Exception {
        Path base = basePlan("pattern1");
        var r = diff("pattern1", base, config("pattern1", "prefix: apigee-p1", "prefix: apigee-q1"));
        var lines = resourceLines(r.out());
        // The cluster is protected (apigee-gke:deletionProtection): the preview says Pulumi refuses to delete it.
        assertThat(lines).contains("+  gcp:container/cluster:Cluster apigee-q1 (create) 🔒",
                "-  gcp:container/cluster:Cluster apigee-p1 (delete) 🔒",
                "+  gcp:compute/securityPolicy:SecurityPolicy apigee-q1-ingress-armor (create)",
                "-  gcp:compute/securityPolicy:SecurityPolicy apigee-p1-ingress-armor (delete)");
        // The services keep their names (and URNs): their Deployments are untouched or updated in place.
        assertThat(lines).noneMatch(l -> l.contains("Deployment") && l.contains("(delete)"));
        int creates = (int) lines.stream().filter(l -> l.startsWith("+  ")).count();
        int deletes = (int) lines.stream().filter(l -> l.startsWith("-  ")).count();
        assertThat(r.out()).contains("+  " + creates + " to create").contains("-  " + deletes + " to delete");
        // Operations are grouped: creates, updates, replaces, then deletes.
        assertThat(r.out().indexOf("(create)")).isLessThan(r.out().indexOf("(delete)"));
    }

    @Test
    void resourcesAComponentAdoptsThroughAliasesAreUnchangedAndOnlyTheComponentIsNew() throws Exception {
        // The plan of a stack from before ApigeeProduct grouped the product, developer and app: the three sat beside
        // it, directly under the ApigeeProxy. Their aliases lead the current program to them.
        Path base = basePlan("pattern1");
        String layer = "$apigee-gke:index:ApigeeProduct";
        var plan = (ObjectNode) new ObjectMapper()
                .readTree(Files.readString(base));
        var resources = (ArrayNode) plan.get("resources");
        int moved = 0;
        for (int i = resources.size() - 1; i >= 0; i--) {
            var r = (ObjectNode) resources.get(i);
            String urn = r.get("urn").asText();
            if (urn.endsWith(layer + "::apigee-p1-api")) {
                resources.remove(i);
            } else if (urn.contains(layer + "$")) {
                r.put("urn", urn.replace(layer, ""));
                r.put("parent", r.get("parent").asText().replace(layer, ""));
                moved++;
            }
        }
        assertThat(moved).isEqualTo(3);
        Path before = tmp.resolve("before-product.json");
        Files.writeString(before, plan.toString());
        var r = diff("pattern1", before, null);
        assertThat(resourceLines(r.out())).containsExactly("+  apigee-gke:index:ApigeeProduct apigee-p1-api (create)");
        assertThat(r.out()).contains("+  1 to create").contains("28 unchanged");
    }

    @Test
    void theInitialCountAnAutoscaledPoolIgnoresIsNoChange() throws Exception {
        String limits = "  apigee-gke:prefix: apigee-p1\n  apigee-gke:minNodes: 3\n  apigee-gke:maxNodes: 9\n";
        Path dir = tmp.resolve("base-limits");
        var written = run("preview", "pattern1", "--project-dir", root(), "--out", dir.toString(),
                "--config", config("pattern1", "  apigee-gke:prefix: apigee-p1\n", limits).toString());
        assertThat(written.code()).as(written.err()).isZero();
        // Two nodes per zone start the pool at 6 nodes instead of 3, within the same limits: only initialNodeCount
        // differs, and the pool ignores it (the autoscaler owns the size), as Pulumi would.
        var r = diff("pattern1", dir.resolve("plan.json"),
                config("pattern1", "  apigee-gke:prefix: apigee-p1\n", limits + "  apigee-gke:nodesPerZone: 2\n"));
        assertThat(r.out()).contains("no changes (29 unchanged)");
        assertThat(resourceLines(r.out())).isEmpty();
    }

    @Test
    void renamingAKubernetesObjectInPlaceIsAReplacement() throws Exception {
        Path base = basePlan("pattern2");
        String json = Files.readString(base);
        // The same URN with another metadata.name: as if a component renamed an object but kept its child name.
        Path edited = tmp.resolve("edited.json");
        Files.writeString(edited, json.replace("\"name\" : \"apigee-p2-gateway\",", "\"name\" : \"old-gateway\","));
        assertThat(Files.readString(edited)).isNotEqualTo(json);
        var r = diff("pattern2", edited, null);
        assertThat(r.out()).contains("[forces replacement: metadata.name]").contains("(replace)");
    }

    /** The pattern's plan.json as a tree, to edit into an earlier plan. */
    private static ObjectNode planTree(Path plan) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(Files.readString(plan));
    }

    private static ObjectNode resource(ObjectNode plan, String type, String name) {
        for (var r : plan.get("resources")) {
            if (r.get("type").asText().equals(type) && r.get("name").asText().equals(name)) {
                return (ObjectNode) r;
            }
        }
        throw new AssertionError("no " + type + " " + name);
    }

    private Path write(ObjectNode plan, String name) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, plan.toPrettyString());
        return file;
    }

    @Test
    void aDeploymentThatRanOnASecondClustersProviderIsReplacedAndAnEditedDependencyIsRecordedApart() throws Exception {
        var plan = planTree(basePlan("pattern1"));
        var k8s = resource(plan, "pulumi:providers:kubernetes", "apigee-p1-k8s");
        String second = k8s.get("urn").asText().replace("::apigee-p1-k8s", "::second-k8s");
        var copy = k8s.deepCopy().put("urn", second).put("name", "second-k8s");
        ((ArrayNode) plan.get("resources")).add(copy);
        resource(plan, "kubernetes:apps/v1:Deployment", "orders").put("provider", second);
        // The earlier Ingress also waited for the orders Deployment.
        var ingress = resource(plan, "kubernetes:networking.k8s.io/v1:Ingress", "apigee-p1-ingress");
        String orders = resource(plan, "kubernetes:apps/v1:Deployment", "orders").get("urn").asText();
        ((ArrayNode) ingress.get("dependencies").get("dependsOn")).add(orders);
        Path before = write(plan, "second-cluster.json");

        var r = diff("pattern1", before, null);
        assertThat(resourceLines(r.out())).containsExactly(
                "+- kubernetes:apps/v1:Deployment orders (replace)",
                "-  pulumi:providers:kubernetes second-k8s (delete)");
        assertThat(r.out()).contains("[provider: " + second + " => " + k8s.get("urn").asText() + "]\n"
                + "        [replace reasons: provider]")
                .contains("+- 1 to replace").contains("-  1 to delete").contains("28 unchanged")
                .contains(TextDiff.RECORDED + ":\n    kubernetes:networking.k8s.io/v1:Ingress apigee-p1-ingress\n"
                        + "        - dependencies.dependsOn: \"" + orders + "\"\n");

        var md = diff("pattern1", before, null, "--format", "markdown");
        assertThat(md.out()).contains("| `+-` replace | 1 |").contains("| unchanged | 28 |")
                .contains("<details><summary><code>+-</code> replace: 1 resource</summary>")
                .contains("  [provider: " + second + " => " + k8s.get("urn").asText() + "]")
                .contains("<details><summary>" + TextDiff.RECORDED + ": 1 resource</summary>")
                .contains("  - dependencies.dependsOn: \"" + orders + "\"");
    }

    @Test
    void aNewProjectReplacesTheClusterSoItsKubernetesProviderAndEveryWorkloadAreReplacedToo() throws Exception {
        Path base = basePlan("pattern1");
        var r = diff("pattern1", base, config("pattern1", "gcp:project: my-gcp-project", "gcp:project: other-project"));
        var lines = resourceLines(r.out());
        assertThat(r.out()).contains("[protected: pulumi preview fails here: it does not replace a protected resource;");
        assertThat(lines).contains("+- gcp:container/cluster:Cluster apigee-p1 (replace) 🔒",
                "+- pulumi:providers:kubernetes apigee-p1-k8s (replace)",
                "+- kubernetes:apps/v1:Deployment orders (replace)",
                "+- kubernetes:networking.k8s.io/v1:Ingress apigee-p1-ingress (replace)");
        // Every Kubernetes object runs on the replaced provider, whose ID is known only after apply.
        long objects = lines.stream().filter(l -> l.startsWith("+- kubernetes:")).count();
        assertThat(objects).isEqualTo(9);
        assertThat(r.out()).contains("$pulumi:providers:kubernetes::apigee-p1-k8s::[unknown]]")
                .contains("apigee-p1-k8s: kubeconfig (from apigee-p1)")
                .doesNotContain("apigee-p1-k8s: kubeconfig;");
        // The default gcp provider's new project is the engine's own step: recorded, not shown as a change.
        assertThat(r.out()).contains("    pulumi:providers:gcp default_7_0_0\n"
                + "        ~ inputs.project: \"my-gcp-project\" → \"other-project\"");
    }

    @Test
    void aPlanWrittenBeforeProvidersAndOptionsWereRecordedHasNoChangesAndSaysSoOnce() throws Exception {
        var plan = planTree(basePlan("pattern1"));
        plan.remove("providers");
        plan.get("resources").forEach(r -> ((ObjectNode) r).remove(List.of("provider", "dependencies", "options")));
        Path before = write(plan, "old-format.json");
        String note = "The earlier plan records no providers/options";
        var text = diff("pattern1", before, null);
        assertThat(text.out()).contains("no changes (29 unchanged)");
        assertThat(text.out().split(note, -1)).hasSize(2);
        var md = diff("pattern1", before, null, "--format", "markdown");
        assertThat(md.out()).contains("No changes.").doesNotContain("<details>");
        assertThat(md.out().split(note, -1)).hasSize(2);
    }

    @Test
    void aProtectionTheEarlierPlanLackedIsShownLockedAndARetainMarksTheDelete() throws Exception {
        var plan = planTree(basePlan("pattern1"));
        // The earlier plan's cluster was not protected; the program protects it now.
        ((ObjectNode) resource(plan, "gcp:container/cluster:Cluster", "apigee-p1").get("options")).put("protect", false);
        var gone = resource(plan, "gcp:compute/globalAddress:GlobalAddress", "apigee-p1-ingress-ip").deepCopy();
        gone.put("urn", gone.get("urn").asText().replace("apigee-p1-ingress-ip", "apigee-p1-old-ip"))
                .put("name", "apigee-p1-old-ip");
        ((ObjectNode) gone.get("options")).put("retainOnDelete", true);
        ((ArrayNode) plan.get("resources")).add(gone);
        var r = diff("pattern1", write(plan, "protected.json"), null);
        assertThat(r.out()).contains("     gcp:container/cluster:Cluster apigee-p1 (same) 🔒\n")
                .contains("-  gcp:compute/globalAddress:GlobalAddress apigee-p1-old-ip (delete[retain])\n")
                .contains("-  1 to delete").contains("29 unchanged");
        var md = diff("pattern1", write(plan, "protected.json"), null, "--format", "markdown");
        assertThat(md.out()).contains("<details><summary>same, protection changed: 1 resource</summary>")
                .contains("- `gcp:container/cluster:Cluster` **apigee-p1** 🔒")
                .contains("- `gcp:compute/globalAddress:GlobalAddress` **apigee-p1-old-ip** `[retain]`");
    }

    @Test
    void markdownHasTheSummaryTableDetailsAndAHighlightedDiagram() throws Exception {
        Path base = basePlan("pattern1");
        var r = diff("pattern1", base, config("pattern1", "    - 2001:db8:1200::/48\n",
                "    - 2001:db8:1200::/48\n    - 192.0.2.0/24\n"), "--format", "markdown");
        assertThat(r.out())
                .contains("| Operation | Resources |")
                .contains("| `~` update | 1 |")
                .contains("| `+-` replace | 0 |")
                .contains("| unchanged | 28 |")
                .contains("<details><summary><code>~</code> update: 1 resource</summary>")
                .contains("+ rules[2].match.config.srcIpRanges[3]: \"192.0.2.0/24\"")
                .contains("</details>")
                .contains("```mermaid\nflowchart LR\n")
                .contains("classDef changed")
                .contains("class SecurityPolicy_apigee_p1_ingress_armor changed");
        assertThat(r.out().indexOf("<details>")).isLessThan(r.out().indexOf("```mermaid"));
    }

    @Test
    void diagramsAreDrawnFromEachPatternsResources() {
        var p1 = run("preview", "pattern1", "--project-dir", root(), "--diagram");
        assertThat(p1.code()).as(p1.err()).isZero();
        assertThat(p1.out()).startsWith("flowchart LR\n")
                .contains("client --> ApigeeProxy_apigee_p1_api")
                .contains("ApigeeProxy_apigee_p1_api --> SecurityPolicy_apigee_p1_ingress_armor")
                .contains("SecurityPolicy_apigee_p1_ingress_armor --> Ingress_apigee_p1_ingress")
                .contains("Ingress_apigee_p1_ingress --> Microservice_catalog")
                .contains("Ingress_apigee_p1_ingress --> Microservice_orders");
        var p2 = run("preview", "pattern2", "--project-dir", root(), "--diagram");
        assertThat(p2.out()).contains("client --> SecurityPolicy_apigee_p2_ingress_armor")
                .contains("Ingress_apigee_p2_ingress --> MicrogatewayService_apigee_p2_gateway")
                .contains("MicrogatewayService_apigee_p2_gateway --> Microservice_orders")
                .contains("apigee_config -.-> MicrogatewayService_apigee_p2_gateway")
                .doesNotContain("client --> Apigee");
        var p3 = run("preview", "pattern3", "--project-dir", root(), "--diagram");
        assertThat(p3.out()).contains("Ingress_apigee_p3_ingress --> MicrogatewaySidecar_apigee_p3_orders_mgw")
                .contains("MicrogatewaySidecar_apigee_p3_orders_mgw --> Microservice_orders")
                .contains("MicrogatewaySidecar_apigee_p3_catalog_mgw --> Microservice_catalog")
                .doesNotContain("MicrogatewaySidecar_apigee_p3_orders_mgw --> Microservice_catalog");
        assertThat(run("preview", "pattern3", "--project-dir", root(), "--diagram").out()).isEqualTo(p3.out());
    }

    @Test
    void secretValuesNeverAppearInAnyFormat() throws Exception {
        String key = "plain-key-4f1c9e";
        String secret = "plain-secret-8d2b7a";
        String sample = Files.readString(Repo.root().resolve("Pulumi.pattern2.yaml"));
        // The sample brings no key of its own (the program sets Edge Microgateway up): give it one, in clear.
        assertThat(sample).doesNotContain("apigee-gke:microgatewayKey:").doesNotContain("apigee-gke:microgatewaySecret:");
        Path before = tmp.resolve("Pulumi.before.yaml");
        Files.writeString(before, sample
                + "  apigee-gke:microgatewayKey: old-" + key + "\n  apigee-gke:microgatewaySecret: old-" + secret + "\n");
        Path after = tmp.resolve("Pulumi.after.yaml");
        Files.writeString(after, sample
                + "  apigee-gke:microgatewayKey: " + key + "\n  apigee-gke:microgatewaySecret: " + secret + "\n");
        Path dir = tmp.resolve("base");
        var written = run("preview", "pattern2", "--project-dir", root(), "--config", before.toString(), "--out", dir.toString());
        assertThat(written.code()).as(written.err()).isZero();
        assertThat(Files.readString(dir.resolve("plan.json"))).doesNotContain(key).doesNotContain(secret);
        for (var format : List.of("text", "markdown")) {
            var r = diff("pattern2", dir.resolve("plan.json"), after, "--format", format);
            assertThat(r.out() + r.err()).doesNotContain(key).doesNotContain(secret);
            assertThat(r.out()).contains("Secret values are not compared");
        }
        var diagram = diff("pattern2", dir.resolve("plan.json"), after, "--diagram");
        assertThat(diagram.out()).doesNotContain(key).doesNotContain(secret);
    }

    @Test
    void aMissingOrInvalidPlanExitsWithTwoAndSaysHowToWriteOne() throws Exception {
        var missing = run("preview", "pattern1", "--project-dir", root(), "--against", tmp.resolve("nope.json").toString());
        assertThat(missing.code()).isEqualTo(2);
        String hint = "; write one with: apigee-gke preview <pattern> --out DIR (then pass --against DIR/plan.json)\n";
        assertThat(missing.err()).isEqualTo("apigee-gke: --against " + tmp.resolve("nope.json") + ": no such file" + hint);
        Path notJson = tmp.resolve("bad.json");
        Files.writeString(notJson, "{ not json");
        var bad = run("preview", "pattern1", "--project-dir", root(), "--against", notJson.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("apigee-gke: --against " + notJson + " is not JSON (Unexpected character ('n' (code "
                + "110)): "
                + "was expecting double-quote to start field name)" + hint);
        Path wrongShape = tmp.resolve("shape.json");
        Files.writeString(wrongShape, "{\"resources\": [{\"urn\": 1}]}");
        var shape = run("preview", "pattern1", "--project-dir", root(), "--against", wrongShape.toString());
        assertThat(shape.code()).isEqualTo(2);
        assertThat(shape.err()).isEqualTo("apigee-gke: --against " + wrongShape + " is not a plan.json written by apigee-gke "
                + "preview: "
                + "resources[0] has no \"urn\" string, resources[0] has no \"type\" string, resources[0] has no \"name\" "
                        + "string" + hint);
        var format = run("preview", "pattern1", "--project-dir", root(), "--format", "html");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).isEqualTo("apigee-gke: unknown --format 'html': use text or markdown\n\n"
                + run("--help").out());
    }

    @Test
    void anApigeeInputForcesAReplacementInThePreviewExactlyWhenTheProvidersDiffReplaces() {
        var provider = new ApigeeProvider();
        var replacing = new ArrayList<String>();
        var updating = new ArrayList<String>();
        for (var resource : ProviderSchema.get().resources()) {
            for (var input : resource.inputs()) {
                var diff = new AtomicReference<pulumirpc.Provider.DiffResponse>();
                provider.diff(pulumirpc.Provider.DiffRequest.newBuilder().setType(resource.token())
                        .setOlds(Struct.newBuilder().putFields(input.name(), sample(input, "a")))
                        .setNews(Struct.newBuilder().putFields(input.name(), sample(input, "b"))).build(), observer(diff));
                var replaces = diff.get().getReplacesList().contains(input.name());
                assertThat(ReplaceRules.hit(resource.token(), input.name()) != null)
                        .as(resource.token() + "." + input.name() + " replaces").isEqualTo(replaces);
                (replaces ? replacing : updating).add(resource.token() + "." + input.name());
            }
        }
        assertThat(replacing).contains("apigee:index:TargetServer.environment", "apigee:index:Developer.email");
        assertThat(updating).contains("apigee:index:TargetServer.host", "apigee:index:ApiProduct.displayName");
    }

    /** A value of the input's type, different for each {@code seed}. */
    private static Value sample(PropertySchema input, String seed) {
        var text = Value.newBuilder().setStringValue(seed).build();
        return switch (input.type()) {
            case "integer", "number" -> Value.newBuilder().setNumberValue(seed.charAt(0)).build();
            case "boolean" -> Value.newBuilder().setBoolValue(seed.equals("a")).build();
            case "array" -> Value.newBuilder().setListValue(ListValue.newBuilder().addValues(text)).build();
            case "object" -> Value.newBuilder().setStructValue(Struct.newBuilder().putFields("k", text)).build();
            default -> text;
        };
    }

    private static <T> StreamObserver<T> observer(AtomicReference<T> answer) {
        return new StreamObserver<>() {
            @Override
            public void onNext(T value) {
                answer.set(value);
            }

            @Override
            public void onError(Throwable t) {
                throw new AssertionError(t);
            }

            @Override
            public void onCompleted() {
            }
        };
    }

    @Test
    void diagramsAndTheMarkdownMermaidBlockPassMermaidsParser() throws Exception {
        var files = new ArrayList<String>();
        for (String pattern : List.of("pattern1", "pattern2", "pattern3")) {
            var r = run("preview", pattern, "--project-dir", root(), "--diagram");
            assertThat(r.code()).as(r.err()).isZero();
            Path file = tmp.resolve(pattern + ".mmd");
            Files.writeString(file, r.out());
            files.add(file.toString());
        }
        Path base = basePlan("pattern2");
        var md = diff("pattern2", base, config("pattern2", "prefix: apigee-p2", "prefix: apigee-q2"), "--format", "markdown");
        assertThat(md.out()).contains("class ");
        Path mdFile = tmp.resolve("comment.md");
        Files.writeString(mdFile, md.out());
        files.add(mdFile.toString());
        // One Node start for all four: the checker reports each file's errors by name.
        var mermaid = Node.check("check-mermaid.mjs", java.util.Map.of("diagrams", files));
        var report = mermaid.report("diagrams");
        assertThat(report.path("ok").asBoolean()).as(report + mermaid.stderr()).isTrue();
        assertThat(report.path("checked").asInt()).as("diagrams checked").isGreaterThanOrEqualTo(files.size());
    }
}
