package dev.apigeegke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigeegke.examples.pattern1.Pattern1;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.testing.Repo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewCommandTest {
    @TempDir
    Path tmp;

    /** Runs the command line; returns exit code, stdout and stderr. */
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

    @Test
    void printsThePattern1ResourceTree() {
        var run = run("preview", "pattern1", "--project-dir", root());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("pulumi:pulumi:Stack")
                .contains("├─ apigee-gke:index:GkeCluster")
                .contains("│  ├─ gcp:container/cluster:Cluster")
                .contains("gcp:container/nodePool:NodePool")
                .contains("gcp:compute/globalAddress:GlobalAddress")
                .contains("gcp:compute/securityPolicy:SecurityPolicy")
                .contains("kubernetes:cloud.google.com/v1:BackendConfig")
                .contains("kubernetes:core/v1:Service")
                .contains("kubernetes:apps/v1:Deployment")
                .contains("kubernetes:networking.k8s.io/v1:Ingress")
                .contains("├─ apigee-gke:index:ApigeeProxy")
                .contains("apigee:index:ApiProxy")
                .contains("apigee:index:ApiProduct")
                .contains("apigee:index:DeveloperApp")
                .contains("consumerKey:    output<string> (known after apply)")
                .contains("warning: Apigee reaches the Ingress over plain HTTP")
                .contains("ingressAddress: output<string> (known after apply)")
                .containsPattern("\\+ \\d+ to create")
                .containsPattern("\\s2\\s+kubernetes:apps/v1:Deployment");
    }

    @Test
    void previewsThePattern1StackAcrossThreeClusters() {
        var run = run("preview", "pattern1", "--project-dir", root(), "--stack", "pattern1-multi");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .containsPattern("\\s3\\s+apigee-gke:index:GkeCluster")
                .containsPattern("\\s3\\s+kubernetes:networking.k8s.io/v1:Ingress")
                .containsPattern("\\s3\\s+apigee:index:TargetServer")
                .containsPattern("\\s1\\s+apigee:index:ApiProxy")
                .contains("clusterNames:", "ingressAddresses:");
    }

    @Test
    void writesTheSamePlanAndManifestsOnEveryRun() throws Exception {
        var first = tmp.resolve("a");
        var second = tmp.resolve("b");
        assertThat(run("preview", "pattern1", "--project-dir", root(), "--out", first.toString()).code()).isZero();
        assertThat(run("preview", "pattern1", "--project-dir", root(), "--out", second.toString()).code()).isZero();
        assertThat(Files.readAllBytes(first.resolve("plan.json"))).isEqualTo(Files.readAllBytes(second.resolve("plan.json")));
        List<Path> manifests;
        try (var files = Files.list(first.resolve("manifests"))) {
            manifests = files.sorted().toList();
        }
        assertThat(manifests).hasSize(9);
        for (Path m : manifests) {
            assertThat(Files.readAllBytes(second.resolve("manifests").resolve(m.getFileName()))).isEqualTo(Files.readAllBytes(m));
        }
        Path zip = first.resolve("apigee/apigee-p1-api.zip");
        assertThat(Files.readAllBytes(second.resolve("apigee/apigee-p1-api.zip"))).isEqualTo(Files.readAllBytes(zip));
        assertThat(first.resolve("apigee/apigee-p1-api/apiproxy/apigee-p1-api.xml")).isRegularFile();
        assertThat(first.resolve("apigee/apigee-p1-api/apiproxy/proxies/default.xml")).isRegularFile();
    }

    @Test
    void planJsonHasTheDocumentedShape() throws Exception {
        var out = tmp.resolve("plan");
        run("preview", "pattern1", "--project-dir", root(), "--out", out.toString());
        Map<String, Object> plan = new ObjectMapper().readValue(out.resolve("plan.json").toFile(),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(List.copyOf(plan.keySet())).containsExactly("outputs", "project", "providers", "resources", "stack");
        assertThat(plan.get("project")).isEqualTo("apigee-gke");
        assertThat(plan.get("stack")).isEqualTo("pattern1");
        var resources = ((List<?>) plan.get("resources")).stream().map(r -> (Map<?, ?>) r).toList();
        // A custom resource names its provider; a component has none (its children name theirs).
        assertThat(resources).allSatisfy(r -> {
            var keys = r.keySet().stream().map(String::valueOf).toList();
            boolean component = r.get("type").equals("pulumi:pulumi:Stack") || String.valueOf(r.get("type")).startsWith("apigee-gke:");
            assertThat(keys).as("%s", r.get("urn")).containsAll(List.of("dependencies", "inputs", "name", "options", "parent",
                    "type", "urn"));
            assertThat(keys.contains("provider")).as("%s names a provider", r.get("urn")).isEqualTo(!component);
        });
        assertThat(resources).allSatisfy(r -> assertThat(((Map<?, ?>) r.get("options")).keySet().stream()
                .map(String::valueOf).toList()).containsAll(List.of("additionalSecretOutputs", "aliases", "customTimeouts",
                "deleteBeforeReplace", "ignoreChanges", "protect", "replaceOnChanges", "retainOnDelete")));
        var stack = resources.stream().filter(r -> r.get("type").equals("pulumi:pulumi:Stack")).findFirst();
        assertThat(stack).hasValueSatisfying(s -> assertThat(s.get("parent")).isNull());
        var provider = resources.stream().filter(r -> r.get("type").equals("pulumi:providers:kubernetes")).findFirst().orElseThrow();
        var deployment = resources.stream().filter(r -> r.get("type").equals("kubernetes:apps/v1:Deployment")).findFirst().orElseThrow();
        assertThat(deployment.get("provider")).isEqualTo(provider.get("urn"));
        var pool = resources.stream().filter(r -> r.get("type").equals("gcp:container/nodePool:NodePool")).findFirst().orElseThrow();
        var cluster = resources.stream().filter(r -> r.get("type").equals("gcp:container/cluster:Cluster")).findFirst().orElseThrow();
        assertThat(pool.get("provider")).isEqualTo("default");
        var account = resources.stream().filter(r -> r.get("type").equals("gcp:serviceaccount/account:Account")).findFirst().orElseThrow();
        // Inputs taken from what the cloud computes (the account's email) keep their dependency, as in a real preview.
        assertThat(((Map<?, ?>) pool.get("dependencies")).get("inputs")).isEqualTo(Map.of("cluster", List.of(cluster.get("urn")),
                "nodeConfig", List.of(account.get("urn"))));
        var providers = ((List<?>) plan.get("providers")).stream().map(p -> (Map<?, ?>) p).toList();
        assertThat(providers.stream().map(p -> (Object) p.get("urn")).toList()).contains(provider.get("urn"),
                "urn:pulumi:pattern1::apigee-gke::pulumi:providers:gcp::default_7_0_0");
        var gcp = providers.stream().filter(p -> "gcp".equals(p.get("package"))).findFirst().orElseThrow();
        assertThat(gcp.get("default")).isEqualTo(true);
        assertThat(gcp.get("inputs")).isEqualTo(Map.of("project", "my-gcp-project", "region", "europe-west1"));
    }

    @Test
    void secretsNeverAppearInClearInThePlan() throws Exception {
        var result = OfflineEngine.run("apigee-gke", "dev", Map.of(), java.util.Set.of(),
                ctx -> Pattern1.build(ctx, new dev.apigeegke.examples.pattern1.Pattern1Config("my-project", "europe-west1",
                        "europe-west1", "p1", List.of("203.0.113.0/24"), List.of(), List.of(),
                        java.util.Optional.empty(), java.util.Optional.empty(), true,
                        dev.apigeegke.examples.pattern1.ApigeeSettings.edge("my-org", List.of("test")))),
                false, new Harness.FakeCloud());
        String json = PlanWriter.json(result.plan());
        // With the cluster created, the kubeconfig is known: it must show as a secret, in outputs and provider inputs.
        assertThat(json).contains("\"kubeconfig\" : \"[secret]\"")
                .doesNotContain(Harness.FakeCloud.CA)
                .doesNotContain("gke-gcloud-auth-plugin");
    }

    @Test
    void encryptedStackValuesArePreviewedAsSecrets() throws Exception {
        var stackFile = tmp.resolve("Pulumi.enc.yaml");
        String sample = Files.readString(Repo.root().resolve("Pulumi.pattern1.yaml"));
        assertThat(sample).contains("  apigee-gke:prefix: apigee-p1\n");
        Files.writeString(stackFile, sample.replace("  apigee-gke:prefix: apigee-p1\n",
                "  apigee-gke:prefix:\n    secure: v1:c2VjcmV0:c2VjcmV0\n"));
        var parsed = StackFile.read(stackFile, "apigee-gke");
        assertThat(parsed.secretKeys()).contains("apigee-gke:prefix");
        assertThat(parsed.config().get("apigee-gke:prefix")).isEqualTo(StackFile.ENCRYPTED_PLACEHOLDER);
    }

    @Test
    void invalidConfigurationExitsWithAReadableMessage() throws Exception {
        var stackFile = tmp.resolve("Pulumi.bad.yaml");
        Files.writeString(stackFile, """
                config:
                  apigee-gke:pattern: pattern1
                  gcp:project: my-gcp-project
                  apigee-gke:allowlist:
                    - 203.0.113.0/24
                    - 300.1.1.0/24
                  apigee-gke:apigeeEnvironments: [test]
                """);
        var run = run("preview", "pattern1", "--project-dir", root(), "--config", stackFile.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("apigee-gke: the pattern1 program failed with " + stackFile + ":\n" + """
                  stack configuration: 3 invalid arguments
                    - gcp:region = (not set): set the GCP region, e.g. europe-west1 (pulumi config set gcp:region ...)
                    - apigee:organization = (not set): set the Apigee organization the proxy is deployed to \
                (pulumi config set apigee:organization ...)
                    - apigee-gke:allowlist[1] = "300.1.1.0/24": the number 300 is above 255: each of an IPv4 address's four numbers \
                is from 0 to 255
                """);
        assertThat(run.out()).isEmpty();

        Files.writeString(stackFile, """
                config:
                  apigee-gke:pattern: pattern1
                  gcp:project: my-gcp-project
                  gcp:region: europe-west1
                  apigee:organization: my-org
                  apigee-gke:apigeeEnvironments: [test]
                  apigee-gke:allowlist:
                    - 203.0.113.0/24
                    - 300.1.1.0/24
                """);
        var bad = run("preview", "pattern1", "--project-dir", root(), "--config", stackFile.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).isEqualTo("apigee-gke: the pattern1 program failed with " + stackFile + ":\n" + """
                  stack configuration: 1 invalid argument
                    - apigee-gke:allowlist[1] = "300.1.1.0/24": the number 300 is above 255: each of an IPv4 address's four numbers \
                is from 0 to 255
                """);
    }

    @Test
    void badUsageExitsWithTwoAndExplains() {
        var unknown = run("preview", "pattern9", "--project-dir", root());
        assertThat(unknown.code()).isEqualTo(2);
        String usage = run("--help").out();
        assertThat(usage).startsWith("usage: apigee-gke preview <pattern>");
        assertThat(unknown.err()).isEqualTo("apigee-gke: unknown pattern 'pattern9': use one of [pattern1, pattern2, "
                + "pattern3]\n\n" + usage);
        var missing = run("preview", "pattern1", "--project-dir", root(), "--stack", "nosuchstack");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("apigee-gke: no stack configuration at " + Repo.root().resolve("Pulumi.nosuchstack.yaml")
                + "; create it (see README) or pass --stack/--config\n");
        assertThat(run().code()).isEqualTo(2);
        assertThat(run("deploy").err()).isEqualTo("apigee-gke: unknown command 'deploy'\n\n" + usage);
    }
}
