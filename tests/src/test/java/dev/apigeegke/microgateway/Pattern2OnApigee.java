package dev.apigeegke.microgateway;

import static dev.apigeegke.microgateway.GatewayScenarios.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigeegke.examples.pattern2.Pattern2;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import dev.apigeegke.provider.grpc.ApigeeBackedCloud;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pattern 2 end to end on loopback: the program, from the sample stack, creates its Apigee side through the provider
 * on an empty emulated Edge organization ({@link ApigeeBackedCloud}); then the real gateway starts with what the
 * program gave its pods (the config, key and secret of the gateway's Secret) and downloads the rest from the emulator,
 * with echo backends standing for the services (their cluster names mapped to loopback, as the cluster's DNS would).
 * A subclass says where the gateway's key comes from. One Node start per class.
 */
@ExtendWith(ConformanceExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Pattern2OnApigee {
    static final String ENV = "test";
    static final String PRODUCT = "apigee-p2-product";
    private static final String OTHER_PRODUCT = "other-product";
    private static final int QUOTA = 3;

    ApigeeBackedCloud cloud;
    GatewayOrganization org;
    ProgramOnApigee.PodCredentials pod;
    private Path dir;
    private EchoBackend orders;
    private EchoBackend catalog;
    private GatewayStarts starts;

    /** The stack settings that choose the gateway's key (after {@link #org} exists, before the program runs). */
    abstract Map<String, String> keySettings();

    /** The certificate the gateway must verify tokens with. */
    abstract String expectedCertificate();

    @BeforeAll
    void runTheProgramAndStartItsGateway() throws Exception {
        dir = Files.createTempDirectory("pattern2-on-apigee");
        cloud = ApigeeBackedCloud.start(ApigeePlatform.EDGE);
        org = new GatewayOrganization(cloud.apigee());
        var overrides = new HashMap<>(keySettings());
        // At the sample's 30 per second with no buffer, back-to-back requests would be smoothed away (503).
        overrides.put("apigee-gke:spikeArrest", "1000ps");
        ProgramOnApigee.run(cloud, "pattern2", Pattern2::stack, overrides);

        // The sample product grants no quota: give it a small one, as its owner could on Apigee.
        var product = (ObjectNode) org.client.get("/apiproducts/" + PRODUCT).orElseThrow();
        product.remove(List.of("createdAt", "createdBy", "lastModifiedAt", "lastModifiedBy"));
        product.put("quota", String.valueOf(QUOTA)).put("quotaInterval", "1").put("quotaTimeUnit", "hour");
        org.client.put("/apiproducts/" + PRODUCT, product);
        // An app of another developer, on a product listing none of the pattern's proxies.
        org.developer();
        org.product(OTHER_PRODUCT, List.of("edgemicro-auth"), 1000);
        String foreignKey = org.app("other-app", OTHER_PRODUCT).path("consumerKey").asText();

        pod = ProgramOnApigee.podCredentials(cloud, "apigee-p2-gateway-credentials");
        String appKey = (String) cloud.outputsOf("apigee:index:DeveloperApp", "apigee-p2-orders-app").get("consumerKey");
        orders = EchoBackend.start("orders");
        catalog = EchoBackend.start("catalog");
        var key = Map.of("x-api-key", appKey);
        starts = new GatewayStarts(dir, cloud.apigee());
        starts.add("gateway", pod.configYaml(), pod.org(), pod.env(), pod.key(), pod.secret(), List.of(
                        get("/healthcheck"),
                        get("/orders/1"),
                        get("/orders/1", Map.of("x-api-key", foreignKey)),
                        get("/orders/1?expand=lines", key),
                        get("/catalog/7", key),
                        get("/orders/2", key),
                        get("/orders/3", key)))
                .hosts("gateway", Map.of(
                        "orders.default.svc.cluster.local:80", orders.address(),
                        "catalog.default.svc.cluster.local:80", catalog.address()));
        starts.run();
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable running : new AutoCloseable[] {orders, catalog, cloud}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception ignored) {
                // stopping is best effort
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void theGatewayBootstrapsWithThePatternsRoutesFromWhatTheProgramCreated() {
        var report = starts.started("gateway");
        assertThat(GatewayStarts.calls(report, cloud.apigee().microgatewayServicesUrl() + "/edgemicro/bootstrap/"))
                .containsExactly("GET 200");
        assertThat(report.path("loaded").path("proxies")).extracting(p -> p.path("name").asText())
                .containsExactlyInAnyOrder("edgemicro_orders", "edgemicro_catalog", "edgemicro_healthcheck");
        assertThat(report.path("mapped")).extracting(m -> m.path("proxy").asText() + " " + m.path("from").asText())
                .containsExactlyInAnyOrder("edgemicro_orders http://orders.default.svc.cluster.local",
                        "edgemicro_catalog http://catalog.default.svc.cluster.local");
        assertThat(report.path("loaded").path("products")).extracting(JsonNode::asText).contains(PRODUCT);
        assertThat(report.path("loaded").path("publicKey").asText()).isEqualTo(expectedCertificate());
        assertThat(report.path("results").get(0).path("body").has("uptime")).as("answered by the healthcheck plugin").isTrue();
    }

    @Test
    void admitsTheSampleAppsKeyAndRefusesAMissingOrForeignKey() {
        var results = starts.started("gateway").path("results");
        assertThat(LocalTokens.statuses(results).subList(1, 6)).containsExactly(401, 403, 200, 200, 200);
        assertThat(results.get(1).path("body").path("error").asText()).isEqualTo("missing_authorization");
        assertThat(results.get(2).path("body").path("error").asText()).isEqualTo("access_denied");
        assertThat(results.get(3).path("backend").asText()).isEqualTo("orders");
        assertThat(results.get(3).path("backendPath").asText()).isEqualTo("/1?expand=lines");
        assertThat(results.get(4).path("backend").asText()).isEqualTo("catalog");
        assertThat(results.get(4).path("backendPath").asText()).isEqualTo("/7");
    }

    @Test
    void refusesTheRequestAfterTheProductsQuotaCountedOnApigee() {
        var refused = starts.started("gateway").path("results").get(6);
        assertThat(refused.path("status").asInt()).isEqualTo(403);
        assertThat(refused.path("body").path("message").asText()).isEqualTo("exceeded quota");
        assertThat(refused.path("backend").isNull()).as("the backend never sees it").isTrue();
        // Counted by edgemicro-auth's /v2/quotas/apply, at the config's quotaUri, not only in the gateway.
        var applied = cloud.apigee().requests("POST", "/edgemicro-auth/v2/quotas/apply");
        assertThat(applied).as("quota calls to edgemicro-auth").isNotEmpty();
        var first = GatewayOrganization.read(applied.get(0).bodyText());
        assertThat(first.path("identifier").asText()).isEqualTo(pod.org() + "." + ENV + ".apigee-p2-sample-app." + PRODUCT);
        assertThat(first.path("allow").asInt()).isEqualTo(QUOTA);
    }

    @Test
    void uploadsTheAnalyticsOfWhatItRouted() {
        var report = starts.started("gateway");
        assertThat(report.path("analytics").path("uploads")).isNotEmpty().allMatch(status -> status.asInt() == 200);
        assertThat(cloud.apigee().analyticsRecords(ENV).stream().filter(r -> r.path("response_status_code").asInt() == 200)
                .map(r -> r.path("apiproxy").asText())).contains("edgemicro_orders", "edgemicro_catalog");
    }
}
