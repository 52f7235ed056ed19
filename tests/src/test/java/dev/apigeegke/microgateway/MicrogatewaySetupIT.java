package dev.apigeegke.microgateway;

import static dev.apigeegke.microgateway.GatewayScenarios.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.apigee.ApiConsumer;
import dev.apigeegke.apigee.MicrogatewayProxies;
import dev.apigeegke.apigee.MicrogatewayProxiesArgs;
import dev.apigeegke.apigee.MicrogatewayRoute;
import dev.apigeegke.examples.pattern2.Pattern2;
import dev.apigeegke.examples.pattern2.Pattern2Test;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.provider.api.ApigeeClient;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.api.Credentials;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import dev.apigeegke.provider.grpc.ApigeeBackedCloud;
import dev.apigeegke.provider.testing.ApigeeEmulator;
import dev.apigeegke.testing.Harness;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edge Microgateway set up as code, end to end: a program declares a {@link MicrogatewaySetup} on an empty Edge
 * organization (the Apigee emulator, every Apigee resource created through this repository's provider), the
 * {@code edgemicro_} proxies and product of {@link MicrogatewayProxies}, and a {@link MicrogatewayService} taking the
 * setup's outputs; then the real gateway starts as {@code edgemicro start} does with the config the program rendered and
 * the key and secret the provider registered, and its loader downloads everything from the emulator. No
 * {@code edgemicro configure}, no pasted key, secret or public key. Also the pattern 2 program from its sample stack,
 * which brings no key, on an empty organization.
 */
@ExtendWith(ConformanceExtension.class)
class MicrogatewaySetupIT {
    private static final String ENV = "test";
    private static final ApiConsumer CONSUMER = ApiConsumer.sample("dev@example.com", "shop-app");

    @TempDir
    static Path dir;

    private static ApigeeBackedCloud cloud;
    private static EchoBackend orders;
    private static Plan plan;
    private static GatewayStarts starts;

    @BeforeAll
    static void setUpOnApigeeAndStartTheGateway() throws Exception {
        cloud = ApigeeBackedCloud.start(ApigeePlatform.EDGE);
        orders = EchoBackend.start("orders");
        var apigee = cloud.apigee();
        String org = cloud.organization();
        // The emulator's runtime host of each environment, as a template: Edge cloud's is https://{org}-{env}.apigee.net.
        String runtime = apigee.runtimeUrl(ENV).toString().replace(org + "-" + ENV, "{org}-{env}");
        var result = OfflineEngine.run(Harness.PROJECT, Harness.STACK, Map.of(), Set.of(), ctx -> {
            var setup = new MicrogatewaySetup("edgemicro", MicrogatewaySetupArgs.builder()
                    .organization(org).environments(ENV).runtimeBaseUrl(runtime).build());
            var gateway = new MicrogatewayService("gateway", MicrogatewayServiceArgs.builder()
                    .setup(setup.environment(ENV))
                    .config(MicrogatewayConfig.builder().organization(org).environment(ENV)
                            .plugins(List.of("healthcheck", "oauth")).build())
                    .build());
            // The product lists edgemicro-auth, which Edge checks exists when the product is created.
            new MicrogatewayProxies("shop", MicrogatewayProxiesArgs.builder().organization(org).environment(ENV)
                    .routes(List.of(new MicrogatewayRoute("orders", "/orders", orders.url())))
                    .productName("shop-product").consumer(CONSUMER).build(),
                    com.pulumi.resources.ComponentResourceOptions.builder().dependsOn(setup.proxy()).build());
            ctx.export("config", gateway.config());
        }, false, cloud);
        assertThat(result.errors()).isEmpty();
        plan = result.plan();

        var registered = apigee.microgatewayCredentials();
        assertThat(registered).hasSize(1);
        String appKey = appKey();
        starts = new GatewayStarts(dir, apigee);
        starts.add("setUp", (String) plan.outputs().get("config"), org, ENV, registered.get(0).key(), registered.get(0).secret(),
                List.of(get("/healthcheck"), get("/orders/1"), get("/orders/2", Map.of("x-api-key", appKey)),
                        get("/orders/3", Map.of("x-api-key", "no-app-has-this-key"))));
        starts.run();
    }

    @AfterAll
    static void stop() throws Exception {
        if (orders != null) {
            orders.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    /** The sample app's key, as its developer reads it from Apigee. */
    private static String appKey() {
        var client = new ApigeeClient(cloud.apigee().config(new Credentials.Bearer(ApigeeEmulator.TOKEN)));
        var app = client.get("/developers/" + ApigeeClient.segment(CONSUMER.email()) + "/apps/" + CONSUMER.appName()).orElseThrow();
        return app.path("credentials").get(0).path("consumerKey").asText();
    }

    @Test
    void theSetupLeavesTheOrganizationAsEdgemicroConfigureDoes() {
        var apigee = cloud.apigee();
        assertThat(apigee.deployedRevision(ENV, "edgemicro-auth")).contains(1);
        var vault = apigee.keyValueMap(ENV, "microgateway").orElseThrow();
        assertThat(vault.keySet()).containsExactlyInAnyOrder("private_key", "public_key", "public_key1", "private_key_kid",
                "public_key1_kid");
        assertThat(vault.get("private_key")).startsWith("-----BEGIN");
        assertThat(vault.get("public_key")).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(vault.get("public_key1")).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(vault.get("private_key_kid")).isEqualTo("1");
        assertThat(cloud.createdTypes()).contains("apigee:index:RsaKeyPair", "apigee:index:KeyValueMap",
                "apigee:index:MicrogatewayCredential");
    }

    @Test
    void theGatewayLoadsFromTheRegionalHostTheRegistrationFoundAndTheRuntimeGiven() {
        String config = (String) plan.outputs().get("config");
        String services = cloud.apigee().microgatewayServicesUrl().toString();
        assertThat(config).contains("bootstrap: " + services + "/edgemicro/bootstrap/organization/" + cloud.organization()
                + "/environment/" + ENV);
        var report = starts.started("setUp");
        assertThat(GatewayStarts.calls(report, services + "/edgemicro/bootstrap/")).containsExactly("GET 200");
        String auth = cloud.apigee().runtimeUrl(ENV) + "/edgemicro-auth/";
        assertThat(GatewayStarts.calls(report, auth + "products")).containsExactly("GET 200");
        assertThat(GatewayStarts.calls(report, auth + "publicKey")).containsExactly("GET 200");
        assertThat(report.path("loaded").path("proxies")).extracting(p -> p.path("name").asText())
                .contains("edgemicro_orders", "edgemicro_healthcheck");
        // The certificate of the key the setup generated is what the auth plugins verify tokens with.
        assertThat(report.path("loaded").path("publicKey").asText())
                .isEqualTo(cloud.apigee().keyValueMap(ENV, "microgateway").orElseThrow().get("public_key"));
    }

    @Test
    void theAppsKeyPassesAndAMissingOrForeignKeyDoesNot() {
        var results = starts.started("setUp").path("results");
        assertThat(LocalTokens.statuses(results)).containsExactly(200, 401, 200, 403);
        // Exchanged at edgemicro-auth's verifyApiKey for a token signed with the setup's private key, which the gateway
        // checked against the downloaded certificate.
        JsonNode admitted = results.get(2);
        assertThat(admitted.path("backend").asText()).isEqualTo("orders");
        assertThat(admitted.path("backendPath").asText()).isEqualTo("/2");
    }

    @Test
    void thePattern2SampleStackSetsUpAnEmptyOrganization() throws Exception {
        try (var empty = ApigeeBackedCloud.start(ApigeePlatform.EDGE)) {
            var config = Pattern2Test.setupStackConfig();
            config.put("apigee:organization", empty.organization());
            var result = OfflineEngine.run(Harness.PROJECT, "pattern2", config, Set.of(), Pattern2::stack, false, empty);
            assertThat(result.errors()).isEmpty();
            assertThat(empty.apigee().deployedRevision(ENV, "edgemicro-auth")).contains(1);
            assertThat(empty.apigee().microgatewayCredentials()).hasSize(1);
            // Edge refuses a product naming a proxy that is not there: the product, naming edgemicro-auth, came after it.
            assertThat(empty.createdTypes()).contains("apigee:index:ApiProduct");
            String gatewayConfig = (String) result.plan().outputsOf(result.plan().get(MicrogatewayService.TYPE, "apigee-p2-gateway"))
                    .get("config");
            assertThat(gatewayConfig).contains("bootstrap: " + empty.apigee().microgatewayServicesUrl() + "/edgemicro/bootstrap/");

            empty.destroy();
            assertThat(empty.apigee().deployedRevision(ENV, "edgemicro-auth")).isEmpty();
            assertThat(empty.apigee().microgatewayCredentials()).isEmpty();
        }
    }
}
