package dev.apigeegke.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.testing.Node;
import dev.apigeegke.testing.Repo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every manifest the pattern programs render passes the OpenAPI schemas of kubernetes-models and
 * {@code @kubernetes-models/gke}, an independent checker; a schema error fails the build. The three patterns' manifests
 * and a broken set are checked in one Node start.
 */
class ManifestSchemaTest {
    @TempDir
    static Path out;

    /** The checker's report on each pattern's manifests and on the broken set. */
    private static Node.Batch schemas;

    @BeforeAll
    static void renderAndCheckTheManifests() throws Exception {
        preview("pattern1", out);
        preview("pattern2", out.resolve("p2"));
        preview("pattern3", out.resolve("p3"));
        schemas = Node.check("validate-manifests.mjs", Map.of(
                "pattern1", List.of(out.resolve("manifests").toString()),
                "pattern2", List.of(out.resolve("p2/manifests").toString()),
                "pattern3", List.of(out.resolve("p3/manifests").toString()),
                "bad", List.of(brokenSet().toString())));
    }

    private static void preview(String pattern, Path dir) {
        int code = dev.apigeegke.cli.MainAccess.run(new String[] {"preview", pattern, "--project-dir", Repo.root().toString(),
                "--out", dir.toString()}, new PrintStream(new ByteArrayOutputStream()), System.err);
        assertThat(code).as(pattern).isZero();
    }

    /** Pattern 1's BackendConfig with a wrong type, its Deployment with a string replica count, and an unknown kind. */
    private static Path brokenSet() throws Exception {
        var bad = Files.createDirectories(out.resolve("bad"));
        Path backendConfig;
        Path deployment;
        try (var list = Files.list(out.resolve("manifests"))) {
            var files = list.sorted().toList();
            backendConfig = files.stream().filter(f -> f.getFileName().toString().contains("backendconfig")).findFirst().orElseThrow();
            deployment = files.stream().filter(f -> f.getFileName().toString().contains("deployment")).findFirst().orElseThrow();
        }
        Files.writeString(bad.resolve("bc.yaml"), Files.readString(backendConfig).replace("timeoutSec: 30", "timeoutSec: thirty"));
        Files.writeString(bad.resolve("deploy.yaml"), Files.readString(deployment).replace("replicas: 2", "replicas: two"));
        Files.writeString(bad.resolve("unknown.yaml"), "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n");
        return bad;
    }

    @Test
    void pattern1ManifestsPassTheKubernetesAndGkeSchemas() throws Exception {
        var report = schemas.report("pattern1");
        assertThat(report.get("errors")).as(report.toPrettyString()).isEmpty();
        assertThat(report.get("ok").asBoolean()).isTrue();
        long files;
        try (var list = Files.list(out.resolve("manifests"))) {
            files = list.count();
        }
        assertThat(report.get("checked").asInt()).isEqualTo(files).isEqualTo(9);
    }

    @Test
    void pattern2ManifestsPassTheKubernetesAndGkeSchemas() throws Exception {
        Path p2 = out.resolve("p2");
        var report = schemas.report("pattern2");
        assertThat(report.get("errors")).as(report.toPrettyString()).isEmpty();
        assertThat(report.get("checked").asInt()).isEqualTo(18);
        assertThat(report.toString()).doesNotContain("offline-preview-placeholder");
        try (var files = Files.walk(p2)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(f.toString()).doesNotContain("offline-preview-placeholder");
            }
        }
        // The sample brings no key of its own: the gateway's config waits for the regional host the setup's credential
        // finds, so the preview writes none (MicrogatewaySecretsTest has one written); edgemicro-auth's bundle is there.
        assertThat(p2.resolve("microgateway/apigee-p2-gateway-config.yaml")).doesNotExist();
        assertThat(p2.resolve("apigee/edgemicro-auth.zip")).isRegularFile();
    }

    @Test
    void pattern3ManifestsPassTheSchemasWithoutPrivilegedOrNetAdminContainers() throws Exception {
        var report = schemas.report("pattern3");
        assertThat(report.get("errors")).as(report.toPrettyString()).isEmpty();
        assertThat(report.get("checked").asInt()).isEqualTo(13);
        try (var files = Files.list(out.resolve("p3/manifests"))) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f)).as(f.toString())
                        .doesNotContain("NET_ADMIN").doesNotContain("privileged: true").doesNotContain("offline-preview-placeholder");
            }
        }
    }

    @Test
    void theCheckerRejectsAnInvalidManifest() {
        // The same BackendConfig with a wrong type and a Deployment with a string replica count must fail,
        // so a green run above means the schemas were really applied; the start as a whole fails with them.
        var report = schemas.report("bad");
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(schemas.exitCode()).isEqualTo(1);
        assertThat(report.get("errors").toString())
                .contains("/spec/timeoutSec must be integer")
                .contains("/spec/replicas must be integer")
                .contains("no schema for apiVersion example.com/v1");
    }
}
