package dev.apigeegke.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.testing.Node;
import dev.apigeegke.testing.Repo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every manifest the pattern programs render passes the OpenAPI schemas of kubernetes-models and
 * {@code @kubernetes-models/gke}, an independent checker; a schema error fails the build.
 */
class ManifestSchemaTest {
    @TempDir
    static Path out;

    @BeforeAll
    static void renderPattern1() throws Exception {
        int code = dev.apigeegke.cli.MainAccess.run(new String[] {"preview", "pattern1", "--project-dir", Repo.root().toString(),
                "--out", out.toString()}, new PrintStream(new ByteArrayOutputStream()), System.err);
        assertThat(code).isZero();
    }

    @Test
    void pattern1ManifestsPassTheKubernetesAndGkeSchemas() throws Exception {
        var report = Node.run("validate-manifests.mjs", List.of(out.resolve("manifests").toString()));
        assertThat(report.json().get("errors")).as(report.json().toPrettyString()).isEmpty();
        assertThat(report.exitCode()).isZero();
        long files;
        try (var list = Files.list(out.resolve("manifests"))) {
            files = list.count();
        }
        assertThat(report.json().get("checked").asInt()).isEqualTo(files).isEqualTo(9);
    }

    @Test
    void pattern2ManifestsPassTheKubernetesAndGkeSchemas() throws Exception {
        Path p2 = out.resolve("p2");
        int code = dev.apigeegke.cli.MainAccess.run(new String[] {"preview", "pattern2", "--project-dir", Repo.root().toString(),
                "--out", p2.toString()}, new PrintStream(new ByteArrayOutputStream()), System.err);
        assertThat(code).isZero();
        var report = Node.run("validate-manifests.mjs", List.of(p2.resolve("manifests").toString()));
        assertThat(report.json().get("errors")).as(report.json().toPrettyString()).isEmpty();
        assertThat(report.json().get("checked").asInt()).isEqualTo(18);
        assertThat(report.json().toString()).doesNotContain("offline-preview-placeholder");
        try (var files = Files.walk(p2)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(f.toString()).doesNotContain("offline-preview-placeholder");
            }
        }
        assertThat(p2.resolve("microgateway/apigee-p2-gateway-config.yaml")).isRegularFile();
    }

    @Test
    void pattern3ManifestsPassTheSchemasWithoutPrivilegedOrNetAdminContainers() throws Exception {
        Path p3 = out.resolve("p3");
        int code = dev.apigeegke.cli.MainAccess.run(new String[] {"preview", "pattern3", "--project-dir", Repo.root().toString(),
                "--out", p3.toString()}, new PrintStream(new ByteArrayOutputStream()), System.err);
        assertThat(code).isZero();
        var report = Node.run("validate-manifests.mjs", List.of(p3.resolve("manifests").toString()));
        assertThat(report.json().get("errors")).as(report.json().toPrettyString()).isEmpty();
        assertThat(report.json().get("checked").asInt()).isEqualTo(13);
        try (var files = Files.list(p3.resolve("manifests"))) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f)).as(f.toString())
                        .doesNotContain("NET_ADMIN").doesNotContain("privileged: true").doesNotContain("offline-preview-placeholder");
            }
        }
    }

    @Test
    void theCheckerRejectsAnInvalidManifest() throws Exception {
        // The same BackendConfig with a wrong type and a Deployment with a string replica count must fail,
        // so a green run above means the schemas were really applied.
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
        var report = Node.run("validate-manifests.mjs", List.of(bad.toString()));
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.json().get("errors").toString())
                .contains("/spec/timeoutSec must be integer")
                .contains("/spec/replicas must be integer")
                .contains("no schema for apiVersion example.com/v1");
    }
}
