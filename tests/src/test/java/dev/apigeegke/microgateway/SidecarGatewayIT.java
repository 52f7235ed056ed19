package dev.apigeegke.microgateway;

import static dev.apigeegke.microgateway.GatewayScenarios.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.examples.pattern2.Pattern2Test;
import dev.apigeegke.examples.pattern3.Pattern3;
import dev.apigeegke.microgateway.MicrogatewayConfig.SpikeArrestPlugin;
import dev.apigeegke.testing.Harness;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pattern 3: the gateway as a sidecar in each service's pod, each with its own policy. The real engine
 * (microgateway-core and microgateway-plugins, tests/node/run-gateway.mjs) runs in local-proxy / decorator mode
 * ({@code EDGEMICRO_LOCAL_PROXY=1}, {@code EDGEMICRO_DECORATOR=1}) with the one route {@code edgemicro start -a -v -b / -t}
 * builds: base path "/" to one loopback backend standing for the app on localhost. "orders" requires a token
 * (healthcheck, oauth, spikearrest, quota); "catalog" is open but rate-limited (healthcheck, spikearrest). Every
 * scenario of this class runs in one Node start.
 */
class SidecarGatewayIT {
    /**
     * What edgemicro-auth/products returns for the orders sidecar: in local-proxy mode a product needs no edgemicro_
     * proxy, only edgemicro-auth and resource paths; the oauth plugin then checks a token's products against the
     * resource paths alone.
     */
    private static final List<Map<String, Object>> ORDERS_PRODUCTS = List.of(
            Map.of("name", "orders-product", "proxies", List.of("edgemicro-auth"), "apiResources", List.of("/", "/**")),
            Map.of("name", "catalog-product", "proxies", List.of("edgemicro-auth"), "apiResources", List.of("/catalog/**")));

    private static final KeyPair KEYS = GatewayScenarios.rsaKeys();

    @TempDir
    static Path dir;

    private static GatewayScenarios scenarios;
    /** What each scenario's sidecar is: its service and the plugins its config lists. */
    private static final Map<String, Map.Entry<String, List<String>>> SIDECARS = new HashMap<>();

    /** The orders sidecar's config: token required, spike arrest as {@code edgemicro init} writes it, quota. */
    private static MicrogatewayConfig orders() {
        return MicrogatewayConfig.builder().organization("acme").environment("test")
                .plugins(List.of("healthcheck", "oauth", "spikearrest", "quota"))
                .spikeArrest(SpikeArrestPlugin.defaults())
                .publicKeyOverride(LocalTokens.publicKeyPem(KEYS))
                .build();
    }

    /** The catalog sidecar's config: no authentication, one request per minute and no buffer. */
    private static MicrogatewayConfig catalog() {
        return MicrogatewayConfig.builder().organization("acme").environment("test")
                .plugins(List.of("healthcheck", "spikearrest"))
                .spikeArrest(new SpikeArrestPlugin("minute", 1, 0))
                .publicKey(LocalTokens.publicKeyPem(KEYS))
                .build();
    }

    /** Adds one service's sidecar: its config, one proxy at "/" to the app's loopback backend, the requests in order. */
    private static void addSidecar(String name, String service, MicrogatewayConfig config, List<Map<String, Object>> products,
            List<Map<String, Object>> requests) throws Exception {
        addSidecar(name, service, config.toYaml(), config.organization(), config.environment(), config.plugins(), products, requests);
    }

    private static void addSidecar(String name, String service, String yaml, String org, String env, List<String> expectedPlugins,
            List<Map<String, Object>> products, List<Map<String, Object>> requests) throws Exception {
        scenarios.add(name, yaml, org, env, List.of(Map.of("name", "edgemicro_" + service, "base_path", "/")), products, requests, true);
        SIDECARS.put(name, Map.entry(service, expectedPlugins));
    }

    /** Scenario {@code name}'s report, once it ran in the sidecar's shape. */
    private static JsonNode sidecarReport(String name) {
        var report = scenarios.report(name);
        String service = SIDECARS.get(name).getKey();
        assertThat(report.path("mode").asText()).isEqualTo("local-proxy");
        // Sidecar shape: the engine routes exactly one proxy, at "/", so every path goes to the app.
        assertThat(report.path("proxies").size()).isEqualTo(1);
        assertThat(report.path("proxies").get(0).path("name").asText()).isEqualTo("edgemicro_" + service);
        assertThat(report.path("proxies").get(0).path("base_path").asText()).isEqualTo("/");
        var plugins = new ArrayList<String>();
        report.path("plugins").forEach(p -> plugins.add(p.asText()));
        assertThat(plugins).isEqualTo(SIDECARS.get(name).getValue());
        return report;
    }

    @BeforeAll
    static void runTheScenarios() throws Exception {
        scenarios = new GatewayScenarios(dir);
        addOrdersScenario();
        // One request per minute, no buffer: the first passes, the next ones (sent at once) are refused; health
        // checks are answered before spike arrest and neither count nor get refused.
        addSidecar("catalog", "catalog", catalog(), List.of(), List.of(
                get("/healthcheck"),
                get("/catalog/items?page=2"),
                get("/catalog/items"),
                get("/anything/else"),
                get("/healthcheck")));
        addPattern3Scenarios();
        // microgateway-config's own loader (the one `edgemicro start` calls), on the sidecars' own configs.
        addSidecar("loaderOrders", "orders", orders(), ORDERS_PRODUCTS, List.of(get("/healthcheck")));
        addSidecar("loaderCatalog", "catalog", catalog(), List.of(), List.of(get("/healthcheck")));
        scenarios.run();
    }

    /** No credentials, garbage, expired, foreign-key, other resources, valid and unknown-product tokens, health checks. */
    private static void addOrdersScenario() throws Exception {
        Instant inAnHour = Instant.now().plusSeconds(3600);
        String valid = LocalTokens.token(KEYS, LocalTokens.claims(List.of("orders-product"), inAnHour));
        String expired = LocalTokens.token(KEYS, LocalTokens.claims(List.of("orders-product"), Instant.now().minusSeconds(3600)));
        String otherResources = LocalTokens.token(KEYS, LocalTokens.claims(List.of("catalog-product"), inAnHour));
        String unknownProduct = LocalTokens.token(KEYS, LocalTokens.claims(List.of("some-other-product"), inAnHour));
        String foreign = LocalTokens.token(GatewayScenarios.rsaKeys(), LocalTokens.claims(List.of("orders-product"), inAnHour));
        addSidecar("orders", "orders", orders(), ORDERS_PRODUCTS, List.of(
                get("/healthcheck"),
                get("/orders/42?expand=lines"),
                get("/orders/42", Map.of("authorization", "Bearer not-a-token")),
                get("/orders/42", Map.of("authorization", "Bearer " + expired)),
                get("/orders/42", Map.of("authorization", "Bearer " + foreign)),
                get("/orders/42", Map.of("authorization", "Bearer " + otherResources)),
                get("/orders/42?expand=lines", Map.of("authorization", "Bearer " + valid)),
                get("/orders/43", Map.of("authorization", "Bearer " + unknownProduct)),
                get("/healthcheck", Map.of("authorization", "Bearer not-a-token"))));
    }

    /** The configs the pattern 3 program renders for its two sidecars, with a local key as the org's key. */
    private static void addPattern3Scenarios() throws Exception {
        var config = new TreeMap<>(Pattern2Test.stackConfig());
        config.put("apigee-gke:edgemicroPublicKey", LocalTokens.publicKeyPem(KEYS));
        var result = Harness.preview(config, Set.of(), Pattern3::stack);
        assertThat(result.errors()).isEmpty();
        var plan = result.plan();
        String ordersYaml = (String) plan.outputsOf(plan.get(MicrogatewaySidecar.TYPE, "apigee-p3-orders-mgw")).get("config");
        String catalogYaml = (String) plan.outputsOf(plan.get(MicrogatewaySidecar.TYPE, "apigee-p3-catalog-mgw")).get("config");
        addSidecar("pattern3Orders", "orders", ordersYaml, "my-org", "test", List.of("healthcheck", "oauth", "spikearrest", "quota"),
                ORDERS_PRODUCTS, List.of(get("/healthcheck"), get("/orders/1"), get("/orders/1", Map.of("authorization",
                        "Bearer " + LocalTokens.token(KEYS, LocalTokens.claims(List.of("orders-product"), Instant.now().plusSeconds(300)))))));
        addSidecar("pattern3Catalog", "catalog", catalogYaml, "my-org", "test", List.of("healthcheck", "spikearrest"),
                List.of(), List.of(get("/healthcheck"), get("/catalog")));
    }

    private static void assertHealthAnsweredByThePlugin(JsonNode result) {
        assertThat(result.path("status").asInt()).isEqualTo(200);
        assertThat(result.path("backend").isNull()).as("answered by the healthcheck plugin, not the app").isTrue();
        assertThat(result.path("body").has("uptime")).isTrue();
        assertThat(result.path("body").has("decoratorError")).as("decorator mode: the app's port is in use").isFalse();
    }

    @Test
    void ordersSidecarRefusesRequestsWithoutCredentialsAndAdmitsASignedToken() {
        var results = sidecarReport("orders").path("results");

        // Health, then no credentials / garbage / expired / foreign key: 401; a product whose resource paths do not
        // cover the path: 403; a valid token: 200. A validly signed token naming a product the gateway does not know
        // is admitted too: in local-proxy mode the plugin skips the proxy check and a product without resource paths
        // matches every path, so product scoping rests on the products edgemicro-auth/products lists.
        assertThat(LocalTokens.statuses(results)).containsExactly(200, 401, 401, 401, 401, 403, 200, 200, 200);
        assertHealthAnsweredByThePlugin(results.get(0));
        assertHealthAnsweredByThePlugin(results.get(8));
        assertThat(results.get(1).path("backend").isNull()).as("the app never sees the refused request").isTrue();
        assertThat(results.get(1).path("body").path("error").asText()).isEqualTo("missing_authorization");
        assertThat(results.get(5).path("body").path("error").asText()).isEqualTo("access_denied");
        // The admitted request reaches the app with its whole path: base path "/" strips nothing.
        var admitted = results.get(6);
        assertThat(admitted.path("backend").asText()).isEqualTo("edgemicro_orders");
        assertThat(admitted.path("backendPath").asText()).isEqualTo("/orders/42?expand=lines");
        assertThat(admitted.path("backendHeaders").has("authorization")).isFalse();
        assertThat(admitted.path("backendHeaders").has("x-authorization-claims")).isTrue();
    }

    @Test
    void catalogSidecarServesWithoutCredentialsAndSpikeArrestsPastItsRate() {
        var results = sidecarReport("catalog").path("results");

        assertThat(LocalTokens.statuses(results)).containsExactly(200, 200, 503, 503, 200);
        assertHealthAnsweredByThePlugin(results.get(0));
        assertHealthAnsweredByThePlugin(results.get(4));
        assertThat(results.get(1).path("backend").asText()).isEqualTo("edgemicro_catalog");
        assertThat(results.get(1).path("backendPath").asText()).isEqualTo("/catalog/items?page=2");
        assertThat(results.get(2).path("backend").isNull()).isTrue();
        assertThat(results.get(2).path("body").path("message").asText()).isEqualTo("SpikeArrest engaged");
        assertThat(results.get(3).path("body").path("message").asText()).isEqualTo("SpikeArrest engaged");
    }

    @Test
    void thePattern3ProgramsSidecarConfigsEnforceEachServicesPolicy() {
        var orders = sidecarReport("pattern3Orders");
        assertThat(LocalTokens.statuses(orders.path("results"))).containsExactly(200, 401, 200);
        assertThat(orders.path("loader").path("loaded").asBoolean()).as(orders.path("loader").toString()).isTrue();

        var catalog = sidecarReport("pattern3Catalog");
        assertThat(LocalTokens.statuses(catalog.path("results"))).containsExactly(200, 200);
        assertThat(catalog.path("loader").path("loaded").asBoolean()).as(catalog.path("loader").toString()).isTrue();
    }

    @Test
    void theInstalledLoaderAcceptsBothSidecarConfigs() {
        // microgateway-config's own loader (the one `edgemicro start` calls) downloads nothing in local-proxy mode and
        // wants a public_key in oauth, apikeys and oauthv2, which its defaults always contain: both configs carry the
        // organization's key there (the open one never uses it). Both load, so both sidecars start on this version.
        var orders = sidecarReport("loaderOrders");
        assertThat(orders.path("loader").path("loaded").asBoolean()).as(orders.path("loader").toString()).isTrue();
        assertThat(orders.path("loader").path("publicKey").asBoolean()).isTrue();
        var catalog = sidecarReport("loaderCatalog");
        assertThat(catalog.path("loader").path("loaded").asBoolean()).as(catalog.path("loader").toString()).isTrue();
        assertThat(catalog.path("loader").path("publicKey").asBoolean()).isTrue();
    }
}
