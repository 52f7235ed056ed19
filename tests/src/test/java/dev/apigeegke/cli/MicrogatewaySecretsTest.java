package dev.apigeegke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import dev.apigeegke.microgateway.MicrogatewayConfig;
import dev.apigeegke.microgateway.MicrogatewayService;
import dev.apigeegke.microgateway.MicrogatewayServiceArgs.ProtectedBackend;
import dev.apigeegke.microgateway.MicrogatewayServiceArgs;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.testing.Node;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What leaves the engine for a MicrogatewayService: no credential in clear, and manifests Kubernetes accepts. */
class MicrogatewaySecretsTest {
    private static final String KEY = "c8cc184ba56ae9512e9252e58f7c81f6d15aca3dabf5b272654e253c8b1339f7";
    private static final String SECRET = "80c0301e8ef43d01c08489927b0cda2d31427dd9135dea7e0cc5b09beed8f6f8";
    private static final MicrogatewayConfig CONFIG = MicrogatewayConfig.builder().organization("acme").environment("test").build();
    private static final String ENCODED_CONFIG = Base64.getEncoder().encodeToString(CONFIG.toYaml().getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path out;

    private static Plan preview(boolean outputs) {
        var args = MicrogatewayServiceArgs.builder().organization("acme").environment("test").config(CONFIG)
                .protectedBackends(new ProtectedBackend("shop", Map.of("app.kubernetes.io/name", "orders"), 8080));
        if (outputs) {
            // As another resource's outputs would arrive, not marked secret: the component must mark them.
            args.key(Output.of(KEY)).secret(Output.of(SECRET));
        } else {
            args.key(KEY).secret(SECRET);
        }
        var built = args.build();
        return Harness.preview(ctx -> {
            var gateway = new MicrogatewayService("edge-microgateway", built, null);
            ctx.export("config", gateway.config());
            ctx.export("serviceName", gateway.serviceName());
        });
    }

    @Test
    void thePlanJsonNeverHoldsTheKeySecretOrEncodedConfig() throws Exception {
        for (boolean outputs : List.of(true, false)) {
            var json = PlanWriter.json(preview(outputs));
            assertThat(json).as("credentials given as outputs: " + outputs)
                    .doesNotContain(KEY).doesNotContain(SECRET).doesNotContain(ENCODED_CONFIG)
                    .contains("\"mgw-key\" : \"[secret]\"")
                    .contains("\"mgw-secret\" : \"[secret]\"")
                    .contains("\"mgw-config\" : \"[secret]\"");
        }
    }

    @Test
    void theWrittenManifestsNeverHoldTheKeyOrSecret() throws Exception {
        var written = PlanWriter.write(preview(true), out);
        assertThat(written.manifests()).isNotEmpty();
        for (var file : written.manifests()) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain(KEY).doesNotContain(SECRET).doesNotContain(ENCODED_CONFIG);
        }
        assertThat(Files.readString(out.resolve("plan.json"))).doesNotContain(KEY).doesNotContain(SECRET);
    }

    @Test
    void everyManifestPassesTheKubernetesSchemas() throws Exception {
        var written = PlanWriter.write(preview(true), out);
        // Namespace, ServiceAccount, Secret, Deployment, Service, PDB, HPA and two NetworkPolicies.
        assertThat(written.manifests()).hasSize(9);
        var schemas = Node.check("validate-manifests.mjs", Map.of("manifests", List.of(out.resolve("manifests").toString())));
        var report = schemas.report("manifests");
        assertThat(report.get("errors")).as(report.toPrettyString()).isEmpty();
        assertThat(schemas.exitCode()).isZero();
        assertThat(report.get("checked").asInt()).isEqualTo(9);
    }
}
