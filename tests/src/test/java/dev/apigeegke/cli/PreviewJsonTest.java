package dev.apigeegke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.pulumi.automation.OperationType;
import com.pulumi.automation.events.DiagnosticEvent;
import com.pulumi.automation.events.StepEventMetadata;
import com.pulumi.automation.events.StepEventStateMetadata;
import com.pulumi.automation.events.SummaryEvent;
import com.pulumi.automation.serialization.internal.LocalSerializer;
import dev.apigeegke.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preview --json} against Pulumi's own published description of {@code pulumi preview --json}: the Go structs
 * transcribed into a JSON Schema (validated with networknt's validator), and Pulumi's Java engine-event types.
 */
class PreviewJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private static final Schema DIGEST = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(PreviewJsonTest.class.getResourceAsStream("/pulumi/preview-digest.schema.json"));
    /** The encrypted value the sample secrets are given, and what the offline engine hands the program instead. */
    private static final String CIPHERTEXT = "v1:cGxhY2Vob2xkZXI=:cmVwbGFjZSB3aXRoIHB1bHVtaSBjb25maWcgc2V0IC0tc2VjcmV0";

    @TempDir
    Path tmp;

    private static String root() {
        return Repo.root().toString();
    }

    private static CommandRun ok(String... args) {
        var r = CommandRun.of(args);
        assertThat(r.code()).as(r.err()).isZero();
        return r;
    }

    private static JsonNode json(String pattern, String... more) throws Exception {
        var args = new ArrayList<>(List.of("preview", pattern, "--project-dir", root(), "--json"));
        args.addAll(List.of(more));
        return JSON.readTree(ok(args.toArray(String[]::new)).out());
    }

    /** The pattern's plan.json with its sample stack file. */
    private Path basePlan(String pattern) {
        Path dir = tmp.resolve("base-" + pattern);
        ok("preview", pattern, "--project-dir", root(), "--out", dir.toString());
        return dir.resolve("plan.json");
    }

    /** A copy of the pattern's sample stack file with {@code from} replaced by {@code to}. */
    private Path config(String pattern, String from, String to) throws Exception {
        String sample = Files.readString(Repo.root().resolve("Pulumi." + pattern + ".yaml"));
        assertThat(sample).contains(from);
        Path file = tmp.resolve("Pulumi." + pattern + "-" + Integer.toHexString((from + to).hashCode()) + ".yaml");
        Files.writeString(file, sample.replace(from, to));
        return file;
    }

    private static List<JsonNode> steps(JsonNode digest) {
        var steps = new ArrayList<JsonNode>();
        digest.path("steps").forEach(steps::add);
        return steps;
    }

    private static String typeOf(JsonNode step) {
        return step.has("newState") ? step.path("newState").path("type").asText() : step.path("oldState").path("type").asText();
    }

    private static void assertIsPreviewDigest(JsonNode digest) {
        assertThat(DIGEST.validate(digest)).as("schema errors").isEmpty();
    }

    @Test
    void everyPatternPrintsAPreviewDigestAsPulumisTypesDescribeIt() throws Exception {
        for (String pattern : Patterns.names()) {
            var fresh = json(pattern);
            assertIsPreviewDigest(fresh);
            // Renamed resources are created and deleted, the unchanged root stack is a same step.
            String n = pattern.substring(pattern.length() - 1);
            var renamed = json(pattern, "--against", basePlan(pattern).toString(),
                    "--config", config(pattern, "prefix: apigee-p" + n, "prefix: apigee-q" + n).toString());
            assertIsPreviewDigest(renamed);
            assertThat(steps(renamed)).extracting(s -> s.path("op").asText()).contains("create", "delete", "same");
        }
    }

    @Test
    void theSchemaRefusesWhatPulumiWouldNotPrint() throws Exception {
        // The schema must be able to fail: a step without detailedDiff, an unknown op, a field ResourceV3 lacks.
        var digest = (com.fasterxml.jackson.databind.node.ObjectNode) json("pattern1");
        var step = (com.fasterxml.jackson.databind.node.ObjectNode) digest.path("steps").get(1);
        step.remove("detailedDiff");
        step.put("op", "upsert");
        ((com.fasterxml.jackson.databind.node.ObjectNode) step.path("newState")).put("deleteBeforeReplace", true);
        assertThat(DIGEST.validate(digest)).extracting(e -> e.getKeyword())
                .contains("required", "enum", "additionalProperties");
    }

    @Test
    void aFreshStackCreatesTheRootStackAndEveryResourceButTheDefaultProviders() throws Exception {
        for (String pattern : Patterns.names()) {
            var digest = json(pattern);
            Path dir = tmp.resolve("out-" + pattern);
            var written = ok("preview", pattern, "--project-dir", root(), "--json", "--out", dir.toString());
            assertThat(written.err()).contains("wrote " + dir.resolve("plan.json"));
            var plan = JSON.readTree(Files.readString(dir.resolve("plan.json")));
            var urns = new HashSet<String>();
            plan.path("resources").forEach(r -> urns.add(r.path("urn").asText()));
            var steps = steps(digest);
            assertThat(steps).extracting(s -> s.path("urn").asText()).containsExactlyInAnyOrderElementsOf(urns);
            assertThat(steps).allSatisfy(s -> assertThat(s.path("op").asText()).isEqualTo("create"));
            assertThat(steps.get(0).path("newState").path("type").asText()).isEqualTo("pulumi:pulumi:Stack");
            assertThat(steps).noneMatch(s -> s.path("urn").asText().matches(".*::pulumi:providers:[^:]+::default.*"));
            assertThat(steps).allSatisfy(s -> assertThat(s.path("detailedDiff").isNull()).isTrue());
            assertThat(digest.path("changeSummary")).isEqualTo(JSON.readTree("{\"create\": " + steps.size() + "}"));
            // A resource's step comes after those of its parent and of every resource it depends on.
            var seen = new HashSet<String>();
            for (var s : steps) {
                var state = s.path("newState");
                if (state.has("parent")) {
                    assertThat(seen).contains(state.path("parent").asText());
                }
                state.path("dependencies").forEach(d -> assertThat(seen).contains(d.asText()));
                seen.add(s.path("urn").asText());
            }
        }
    }

    @Test
    void everyKubernetesStepUsesTheClusterProvidersReferenceAndCloudStepsTheirDefaultProvider() throws Exception {
        for (String pattern : Patterns.names()) {
            var digest = json(pattern);
            var plan = JSON.readTree(Files.readString(basePlan(pattern)));
            var k8sProviders = steps(digest).stream().filter(s -> typeOf(s).equals("pulumi:providers:kubernetes")).toList();
            assertThat(k8sProviders).hasSize(1);
            String k8s = k8sProviders.get(0).path("urn").asText() + "::" + UNKNOWN;
            var defaults = new HashMap<String, String>();
            plan.path("providers").forEach(p -> {
                if (p.path("default").asBoolean()) {
                    defaults.put(p.path("package").asText(), p.path("urn").asText() + "::" + UNKNOWN);
                }
            });
            for (var s : steps(digest)) {
                String type = typeOf(s);
                String expected = type.startsWith("kubernetes:") ? k8s
                        : type.startsWith("gcp:") ? defaults.get("gcp")
                        : type.startsWith("apigee:") ? defaults.get("apigee") : null;
                if (expected != null) {
                    assertThat(s.path("provider").asText()).as(s.path("urn").asText()).isEqualTo(expected);
                    assertThat(s.path("newState").path("provider").asText()).isEqualTo(expected);
                } else {
                    assertThat(s.has("provider")).as(s.path("urn").asText()).isFalse();
                }
            }
        }
    }

    @Test
    void noSecretIsPrintedInClearAndEveryUnknownIsTheEnginesPlaceholder() throws Exception {
        for (String pattern : List.of("pattern2", "pattern3")) {
            Path config = config(pattern, "  apigee-gke:prefix:", "  apigee-gke:microgatewayKey:\n    secure: " + CIPHERTEXT
                    + "\n  apigee-gke:microgatewaySecret:\n    secure: " + CIPHERTEXT + "\n  apigee-gke:prefix:");
            String out = ok("preview", pattern, "--project-dir", root(), "--config", config.toString(), "--json").out();
            var digest = JSON.readTree(out);
            assertThat(out).doesNotContain(CIPHERTEXT).doesNotContain(dev.apigeegke.preview.StackFile.ENCRYPTED_PLACEHOLDER)
                    .doesNotContain("[unknown]");
            assertThat(digest.path("config").path("apigee-gke:microgatewayKey").asText()).isEqualTo("[secret]");
            assertThat(digest.path("config").path("apigee-gke:microgatewaySecret").asText()).isEqualTo("[secret]");
            var credentials = steps(digest).stream().filter(s -> typeOf(s).equals("kubernetes:core/v1:Secret")
                    && s.path("urn").asText().endsWith("-credentials")).findFirst().orElseThrow();
            assertThat(credentials.path("newState").path("inputs").path("stringData").path("mgw-key").asText()).isEqualTo("[secret]");
            assertThat(credentials.path("newState").path("inputs").path("stringData").path("mgw-secret").asText()).isEqualTo("[secret]");
            var k8s = steps(digest).stream().filter(s -> typeOf(s).equals("pulumi:providers:kubernetes")).findFirst().orElseThrow();
            assertThat(k8s.path("newState").path("inputs").path("kubeconfig").asText()).isEqualTo(UNKNOWN);
        }
    }

    @Test
    void theSamePlanPrintsTheSameBytesAndOnlyTheDocument() {
        String first = ok("preview", "pattern1", "--project-dir", root(), "--json").out();
        String second = ok("preview", "pattern1", "--project-dir", root(), "--json").out();
        assertThat(second).isEqualTo(first);
        // json.MarshalIndent(&digest, "", "    ") then fmt.Println.
        assertThat(first).startsWith("{\n    \"config\": {\n        \"").endsWith("\n}\n").doesNotContain("Previewing");
        assertThat(first).doesNotContain("\" : ");
    }

    @Test
    void theProgramsWarningsAreWarningDiagnostics() throws Exception {
        // Pattern 1's sample stack has no domain: the program warns that Apigee reaches the Ingress over plain HTTP.
        var diagnostics = json("pattern1").path("diagnostics");
        assertThat(diagnostics).isNotEmpty();
        assertThat(diagnostics).allSatisfy(d -> {
            assertThat(d.path("severity").asText()).isEqualTo("warning");
            assertThat(d.path("message").asText()).startsWith("warning: ").endsWith("\n");
        });
        assertThat(diagnostics.get(0).path("message").asText()).contains("plain HTTP");
    }

    @Test
    void againstAnEarlierPlanTheStepsAreTheChangesPulumiWouldShowAndEveryResourceIsCounted() throws Exception {
        Path base = basePlan("pattern1");
        var digest = json("pattern1", "--against", base.toString(), "--config",
                config("pattern1", "europe-west1", "europe-west4").toString());
        var byName = new TreeMap<String, JsonNode>();
        steps(digest).forEach(s -> byName.put(s.path("urn").asText().replaceAll(".*::", "") + " " + typeOf(s), s));
        var cluster = byName.get("apigee-p1 gcp:container/cluster:Cluster");
        assertThat(cluster.path("op").asText()).isEqualTo("replace");
        assertThat(cluster.path("replaceReasons")).containsExactly(JSON.getNodeFactory().textNode("location"));
        assertThat(cluster.path("diffReasons")).containsExactly(JSON.getNodeFactory().textNode("location"));
        assertThat(cluster.path("detailedDiff").path("location"))
                .isEqualTo(JSON.readTree("{\"kind\": \"update-replace\", \"inputDiff\": true}"));
        assertThat(cluster.path("oldState").path("inputs").path("location").asText()).isEqualTo("europe-west1");
        assertThat(cluster.path("newState").path("inputs").path("location").asText()).isEqualTo("europe-west4");
        var stack = steps(digest).get(0);
        assertThat(stack.path("op").asText()).isEqualTo("same");
        assertThat(stack.has("oldState") && stack.has("newState")).isTrue();
        // Same steps are hidden (but the root stack's) and counted; the others are each shown once.
        var shown = new TreeMap<String, Integer>();
        steps(digest).forEach(s -> shown.merge(s.path("op").asText(), 1, Integer::sum));
        var summary = JSON.convertValue(digest.path("changeSummary"), Map.class);
        int resources = JSON.readTree(Files.readString(base)).path("resources").size();
        assertThat(shown.get("same")).isEqualTo(1);
        assertThat(summary.get("same")).isEqualTo(resources - shown.get("replace") - shown.getOrDefault("update", 0));
        shown.remove("same");
        summary.remove("same");
        assertThat(summary).isEqualTo(shown);

        var renamed = json("pattern1", "--against", base.toString(), "--config",
                config("pattern1", "prefix: apigee-p1", "prefix: apigee-q1").toString());
        for (var s : steps(renamed)) {
            switch (s.path("op").asText()) {
                case "create" -> assertThat(s.has("newState") && !s.has("oldState")).isTrue();
                case "delete" -> {
                    assertThat(s.has("oldState") && !s.has("newState")).isTrue();
                    assertThat(s.path("urn").asText()).contains("apigee-p1");
                }
                default -> assertThat(s.path("op").asText()).isIn("same", "update", "replace");
            }
        }
    }

    @Test
    void aKubernetesObjectWhoseProviderIsReplacedIsReplacedForTheProviderAlone() throws Exception {
        // A new project replaces the cluster, so its Kubernetes provider (whose kubeconfig is then unknown) replaces
        // every object it serves: the engine stops at the provider (replaceReasons ["provider"], nothing diffed).
        var digest = json("pattern1", "--against", basePlan("pattern1").toString(), "--config",
                config("pattern1", "gcp:project: my-gcp-project", "gcp:project: other-project").toString());
        var objects = steps(digest).stream().filter(s -> typeOf(s).startsWith("kubernetes:")).toList();
        assertThat(objects).hasSize(9).allSatisfy(s -> {
            assertThat(s.path("op").asText()).as(s.path("urn").asText()).isEqualTo("replace");
            assertThat(s.path("replaceReasons")).containsExactly(JSON.getNodeFactory().textNode("provider"));
            assertThat(s.has("diffReasons")).isFalse();
            assertThat(s.path("detailedDiff").isNull()).isTrue();
            assertThat(s.path("provider").asText()).endsWith("pulumi:providers:kubernetes::apigee-p1-k8s::"
                    + "04da6b54-80e4-46f7-96ec-b56ff0331ba9");
        });
    }

    @Test
    void pulumisJavaTypesReadEveryStep() throws Exception {
        var serializer = new LocalSerializer();
        Path base = basePlan("pattern1");
        var documents = List.of(json("pattern1"),
                json("pattern1", "--against", base.toString(), "--config",
                        config("pattern1", "europe-west1", "europe-west4").toString()),
                json("pattern1", "--against", base.toString(), "--config",
                        config("pattern1", "quotaCount: 1000", "quotaCount: 2000").toString()));
        var ops = new HashSet<OperationType>();
        var kinds = new HashSet<String>();
        for (var digest : documents) {
            // The change summary is the summary event's resourceChanges: a count per Pulumi operation.
            var summary = serializer.deserializeJson("{\"resourceChanges\": " + digest.path("changeSummary") + "}",
                    SummaryEvent.class);
            assertThat(summary.resourceChanges()).doesNotContainKey(OperationType.UNKNOWN).doesNotContainKey(null);
            assertThat(summary.resourceChanges().values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(JSON.convertValue(digest.path("changeSummary"), Map.class).values().stream()
                            .mapToInt(v -> (Integer) v).sum());
            for (var d : digest.path("diagnostics")) {
                DiagnosticEvent event = serializer.deserializeJson(d.toString(), DiagnosticEvent.class);
                assertThat(event.severity()).isEqualTo("warning");
                assertThat(event.message()).isEqualTo(d.path("message").asText());
            }
            for (var s : steps(digest)) {
                // A digest step holds the engine event's op, urn, provider and detailedDiff under the same names.
                StepEventMetadata m = serializer.deserializeJson(s.toString(), StepEventMetadata.class);
                assertThat(m.op()).isNotNull().isNotEqualTo(OperationType.UNKNOWN);
                ops.add(m.op());
                assertThat(m.urn()).isEqualTo(s.path("urn").asText());
                assertThat(m.provider()).isEqualTo(s.has("provider") ? s.path("provider").asText() : null);
                if (m.detailedDiff() != null) {
                    m.detailedDiff().values().forEach(d -> {
                        assertThat(d.kind()).isNotNull();
                        kinds.add(d.kind().name());
                    });
                }
                for (String field : List.of("oldState", "newState")) {
                    if (!s.has(field)) {
                        continue;
                    }
                    var state = s.path(field);
                    StepEventStateMetadata st = serializer.deserializeJson(state.toString(), StepEventStateMetadata.class);
                    assertThat(st.urn()).isEqualTo(state.path("urn").asText());
                    assertThat(st.type()).isEqualTo(state.path("type").asText());
                    assertThat(st.custom()).isEqualTo(state.path("custom").asBoolean());
                    assertThat(st.parent()).isEqualTo(state.has("parent") ? state.path("parent").asText() : null);
                    assertThat(st.provider()).isEqualTo(state.has("provider") ? state.path("provider").asText() : null);
                    assertThat(st.inputs() == null ? List.of() : st.inputs().keySet())
                            .containsExactlyInAnyOrderElementsOf(() -> state.path("inputs").fieldNames());
                }
            }
        }
        assertThat(ops).contains(OperationType.CREATE, OperationType.SAME, OperationType.REPLACE, OperationType.UPDATE);
        assertThat(kinds).contains("UPDATE_REPLACE", "UPDATE");
    }

    @Test
    void jsonPrintsOnlyTheDigestSoItRefusesTheOtherViews() {
        for (String other : List.of("--diagram", "--capacity")) {
            var r = CommandRun.of("preview", "pattern1", "--project-dir", root(), "--json", other);
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("--json prints only the preview").contains("drop " + other);
        }
        var r = CommandRun.of("preview", "pattern1", "--project-dir", root(), "--json", "--against", "x.json",
                "--format", "markdown");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("drop --format");
    }
}
