package dev.apigeegke.microgateway;

import static dev.apigeegke.microgateway.GatewayScenarios.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.Context;
import dev.apigeegke.apigee.ProductQuota;
import dev.apigeegke.examples.common.PatternProgram;
import dev.apigeegke.examples.gateway.GatewayStackSettings;
import dev.apigeegke.examples.pattern3.Pattern3;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import dev.apigeegke.provider.grpc.ApigeeBackedCloud;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pattern 3 end to end on loopback: the program, from the sample stack (no key of its own: the program sets Edge
 * Microgateway up), creates its Apigee side through the provider on an empty emulated Edge organization
 * ({@link ApigeeBackedCloud}); then each service's sidecar starts in
 * local-proxy mode with what the program gave its pods (the config, key and secret of the sidecar's Secret) and the
 * local proxy a pod of the service's Deployment runs, and downloads the rest from the emulator; echo backends stand
 * for the apps at the pods' {@code localhost} port. Both services are keyed here, so that a key of one service's
 * product can be seen refused at the other's sidecar, and the orders product's quota is small. One Node start.
 */
@ExtendWith(ConformanceExtension.class)
class Pattern3OnApigeeIT {
    private static final String ENV = "test";
    private static final String ORDERS_PRODUCT = "apigee-p3-orders";
    private static final int QUOTA = 3;
    private static final String APP = "localhost:8080";

    @TempDir
    static Path dir;

    private static ApigeeBackedCloud cloud;
    private static GatewayOrganization org;
    private static EchoBackend orders;
    private static EchoBackend catalog;
    private static String ordersProxy;
    private static GatewayStarts starts;

    @BeforeAll
    static void runTheProgramAndStartItsSidecars() throws Exception {
        cloud = ApigeeBackedCloud.start(ApigeePlatform.EDGE);
        org = new GatewayOrganization(cloud.apigee());
        var overrides = new HashMap<String, String>();
        // At the sample's 30 per second with no buffer, back-to-back requests would be smoothed away (503).
        overrides.put("apigee-gke:spikeArrest", "1000ps");
        String image = Pattern3.SAMPLES.get(0).image();
        var services = List.of(new Pattern3.Service("orders", image, true, new ProductQuota(QUOTA, 1, "hour")),
                new Pattern3.Service("catalog", image, true));
        Consumer<Context> program = ctx -> PatternProgram.run(
                () -> Pattern3.build(ctx, GatewayStackSettings.from(ctx, Pattern3.DEFAULT_PREFIX), services));
        ProgramOnApigee.run(cloud, "pattern3", program, overrides);

        // The sample app holds every keyed service's product; an app holding orders' alone has "orders' key".
        org.developer();
        String ordersKey = org.app("orders-only-app", ORDERS_PRODUCT).path("consumerKey").asText();
        String sampleKey = (String) cloud.outputsOf("apigee:index:DeveloperApp", "apigee-p3-app").get("consumerKey");

        orders = EchoBackend.start("orders");
        catalog = EchoBackend.start("catalog");
        ordersProxy = SidecarGatewayIT.localProxyOf(deploymentName("orders"));
        starts = new GatewayStarts(dir, cloud.apigee());
        sidecar("orders", ordersProxy, orders, List.of(
                get("/healthcheck"),
                get("/orders/1"),
                get("/orders/1?expand=lines", Map.of("x-api-key", ordersKey)),
                get("/orders/2", Map.of("x-api-key", ordersKey)),
                get("/orders/3", Map.of("x-api-key", ordersKey)),
                get("/orders/4", Map.of("x-api-key", ordersKey)),
                get("/orders/5", Map.of("x-api-key", sampleKey))));
        sidecar("catalog", SidecarGatewayIT.localProxyOf(deploymentName("catalog")), catalog, List.of(
                get("/catalog/1"),
                get("/catalog/1", Map.of("x-api-key", ordersKey)),
                get("/catalog/2", Map.of("x-api-key", sampleKey))));
        starts.run();
    }

    private static void sidecar(String service, String localProxy, EchoBackend app, List<Map<String, Object>> requests) {
        var pod = ProgramOnApigee.podCredentials(cloud, "apigee-p3-" + service + "-mgw-credentials");
        starts.addSidecar(service, pod.configYaml(), pod.org(), pod.env(), pod.key(), pod.secret(), localProxy, "http://" + APP,
                requests).hosts(service, Map.of(APP, app.address()));
    }

    @SuppressWarnings("unchecked")
    private static String deploymentName(String service) {
        var metadata = (Map<String, Object>) cloud.inputsOf("kubernetes:apps/v1:Deployment", service).get("metadata");
        return (String) metadata.get("name");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable running : new AutoCloseable[] {orders, catalog, cloud}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception ignored) {
                // stopping is best effort
            }
        }
    }

    @Test
    void eachSidecarRunsItsServicesLocalProxyWithTheProductsFromApigee() {
        for (String service : List.of("orders", "catalog")) {
            var report = starts.started(service);
            assertThat(report.path("mode").asText()).isEqualTo("local-proxy");
            assertThat(GatewayStarts.calls(report, cloud.apigee().microgatewayServicesUrl() + "/edgemicro/bootstrap/")).isEmpty();
            assertThat(report.path("mapped")).extracting(m -> m.path("from").asText()).containsExactly("http://" + APP);
            assertThat(report.path("loaded").path("products")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder(ORDERS_PRODUCT, "apigee-p3-catalog");
            assertThat(report.path("loaded").path("publicKey").asText()).as(service + "'s public key is the setup's certificate")
                    .isEqualTo(ProgramOnApigee.outputsOfTheOne(cloud, "apigee:index:RsaKeyPair").get("certificatePem"));
        }
        assertThat(ordersProxy).isEqualTo("edgemicro_ORDERS");
        assertThat(starts.started("orders").path("loaded").path("proxies").get(0).path("name").asText()).isEqualTo(ordersProxy);
    }

    @Test
    void answersTheHealthCheckAndRefusesARequestWithoutAKey() {
        var atOrders = starts.started("orders").path("results");
        assertThat(atOrders.get(0).path("body").has("uptime")).as("answered by the healthcheck plugin").isTrue();
        assertThat(atOrders.get(1).path("status").asInt()).isEqualTo(401);
        assertThat(atOrders.get(1).path("body").path("error").asText()).isEqualTo("missing_authorization");
        assertThat(starts.started("catalog").path("results").get(0).path("status").asInt()).isEqualTo(401);
    }

    @Test
    void ordersKeyPassesOrdersSidecarAndIsRefusedAtCatalogs() {
        var atOrders = starts.started("orders").path("results");
        assertThat(LocalTokens.statuses(atOrders).subList(0, 5)).containsExactly(200, 401, 200, 200, 200);
        assertThat(atOrders.get(2).path("backend").asText()).isEqualTo("orders");
        assertThat(atOrders.get(2).path("backendPath").asText()).isEqualTo("/orders/1?expand=lines");
        var atCatalog = starts.started("catalog").path("results");
        assertThat(LocalTokens.statuses(atCatalog)).containsExactly(401, 403, 200);
        assertThat(atCatalog.get(1).path("backend").isNull()).as("catalog never sees orders' key").isTrue();
        assertThat(atCatalog.get(2).path("backend").asText()).isEqualTo("catalog");
    }

    @Test
    void ordersQuotaAppliesToTheAppAndIsCountedOnApigee() {
        var results = starts.started("orders").path("results");
        assertThat(results.get(5).path("status").asInt()).isEqualTo(403);
        assertThat(results.get(5).path("body").path("message").asText()).isEqualTo("exceeded quota");
        assertThat(results.get(5).path("backend").isNull()).as("the backend never sees it").isTrue();
        // Another app's count is its own.
        assertThat(results.get(6).path("status").asInt()).isEqualTo(200);
        var applied = cloud.apigee().requests("POST", "/edgemicro-auth/v2/quotas/apply");
        assertThat(applied).as("quota calls to edgemicro-auth").isNotEmpty();
        assertThat(applied.stream().map(r -> GatewayOrganization.read(r.bodyText()).path("identifier").asText()))
                .contains(cloud.organization() + "." + ENV + ".orders-only-app." + ORDERS_PRODUCT);
    }

    @Test
    void bothSidecarsRunWithTheKeyTheProgramRegistered() {
        String registered = ProgramOnApigee.sha256((String) ProgramOnApigee.outputsOfTheOne(cloud,
                "apigee:index:MicrogatewayCredential").get("key"));
        for (String service : List.of("orders", "catalog")) {
            var pod = ProgramOnApigee.podCredentials(cloud, "apigee-p3-" + service + "-mgw-credentials");
            assertThat(ProgramOnApigee.sha256(pod.key())).as(service + "'s key is the registered one").isEqualTo(registered);
        }
    }

    @Test
    void theSidecarsUploadTheirAnalytics() {
        for (String service : List.of("orders", "catalog")) {
            assertThat(starts.started(service).path("analytics").path("uploads")).isNotEmpty()
                    .allMatch(status -> status.asInt() == 200);
        }
    }
}
