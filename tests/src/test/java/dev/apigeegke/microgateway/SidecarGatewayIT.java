package dev.apigeegke.microgateway;

import static dev.apigeegke.microgateway.GatewayScenarios.get;
import static dev.apigeegke.testing.Harness.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.apigee.ProductQuota;
import dev.apigeegke.examples.gateway.GatewayStackSettings;
import dev.apigeegke.examples.pattern2.Pattern2Test;
import dev.apigeegke.examples.pattern3.Pattern3;
import dev.apigeegke.microgateway.MicrogatewayConfig.SpikeArrestPlugin;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.Harness;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pattern 3: the gateway as a sidecar in each service's pod, each with its own policy. The real engine
 * (microgateway-core and microgateway-plugins, tests/node/run-gateway.mjs) runs in local-proxy / decorator mode
 * ({@code EDGEMICRO_LOCAL_PROXY=1}, {@code EDGEMICRO_DECORATOR=1}) with the one route {@code edgemicro start -a -v -b / -t}
 * builds: the local proxy, named as the image's entrypoint names it after the pod, at base path "/" to one loopback
 * backend standing for the app on localhost. "orders" requires a token (healthcheck, oauth, spikearrest, quota);
 * "catalog" is open but rate-limited (healthcheck, spikearrest). The products are what edgemicro-auth/products would
 * list: for the pattern's scenarios, the ones the pattern 3 program declares. Every scenario of this class runs in one
 * Node start.
 */
class SidecarGatewayIT {
    /**
     * Products of the kind the first sidecars had: edgemicro-auth and resource paths, no local proxy; the oauth plugin
     * checks a token's products against the resource paths alone.
     */
    private static final List<Map<String, Object>> ORDERS_PRODUCTS = List.of(
            Map.of("name", "orders-product", "proxies", List.of("edgemicro-auth"), "apiResources", List.of("/", "/**")),
            Map.of("name", "catalog-product", "proxies", List.of("edgemicro-auth"), "apiResources", List.of("/catalog/**")));
    /** The quota of each product in the isolation scenarios: small enough to run out in a few requests. */
    private static final ProductQuota TWO_A_MINUTE = new ProductQuota(2, 1, "minute");

    private static final KeyPair KEYS = GatewayScenarios.rsaKeys();

    @TempDir
    static Path dir;

    private static GatewayScenarios scenarios;
    /** What each scenario's sidecar is: the local proxy its pod runs and the plugins its config lists. */
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

    /**
     * A keyed sidecar's config for the organization of the pattern's test stack, without spike arrest: the scenarios
     * using it send requests back to back, which the stack's spike arrest (no buffer) would refuse in turn.
     */
    private static MicrogatewayConfig keyedWithoutSpikeArrest() {
        return MicrogatewayConfig.builder().organization("my-org").environment("test")
                .plugins(List.of("healthcheck", "oauth", "quota"))
                .publicKeyOverride(LocalTokens.publicKeyPem(KEYS))
                .build();
    }

    /**
     * The local proxy's name the image's entrypoint gives a pod of Deployment {@code deployment}: edgemicro_ and the
     * part of the pod's name ({@code <deployment>-<hash>-<suffix>}) before the first '-', upper-cased.
     */
    private static String localProxyOf(String deployment) {
        return "edgemicro_" + (deployment + "-5f7c9d8b6-k2x7q").split("-", 2)[0].toUpperCase(Locale.ROOT);
    }

    /** Adds one service's sidecar: its config, its local proxy at "/" to the app's loopback backend, the requests in order. */
    private static void addSidecar(String name, String deployment, MicrogatewayConfig config, List<Map<String, Object>> products,
            List<Map<String, Object>> requests) throws Exception {
        addSidecar(name, deployment, config.toYaml(), config.organization(), config.environment(), config.plugins(), products, requests);
    }

    private static void addSidecar(String name, String deployment, String yaml, String org, String env, List<String> expectedPlugins,
            List<Map<String, Object>> products, List<Map<String, Object>> requests) throws Exception {
        String proxy = localProxyOf(deployment);
        scenarios.add(name, yaml, org, env, List.of(Map.of("name", proxy, "base_path", "/")), products, requests, true);
        SIDECARS.put(name, Map.entry(proxy, expectedPlugins));
    }

    /** Scenario {@code name}'s report, once it ran in the sidecar's shape. */
    private static JsonNode sidecarReport(String name) {
        var report = scenarios.report(name);
        assertThat(report.path("mode").asText()).isEqualTo("local-proxy");
        // Sidecar shape: the engine routes exactly one proxy, the local one at "/", so every path goes to the app.
        assertThat(report.path("proxies").size()).isEqualTo(1);
        assertThat(report.path("proxies").get(0).path("name").asText()).isEqualTo(SIDECARS.get(name).getKey());
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
        addIsolationScenarios();
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

    /** The pattern 3 program's plan for {@code services} (the sample ones when null), with a local key as the org's key. */
    private static Plan pattern3Plan(List<Pattern3.Service> services) {
        var config = new TreeMap<>(Pattern2Test.stackConfig());
        config.put("apigee-gke:edgemicroPublicKey", LocalTokens.publicKeyPem(KEYS));
        Consumer<com.pulumi.Context> program = services == null ? Pattern3::stack
                : ctx -> Pattern3.build(ctx, GatewayStackSettings.from(ctx, Pattern3.DEFAULT_PREFIX), services);
        var result = Harness.preview(config, Set.of(), program);
        assertThat(result.errors()).isEmpty();
        return result.plan();
    }

    /** What edgemicro-auth/products lists for the products a plan declares: their names, proxies, paths and quotas. */
    private static List<Map<String, Object>> productsOf(Plan plan) {
        var products = new ArrayList<Map<String, Object>>();
        for (var product : plan.ofType("apigee:index:ApiProduct")) {
            var listed = new LinkedHashMap<String, Object>();
            for (String field : List.of("name", "proxies", "apiResources", "quota", "quotaInterval", "quotaTimeUnit")) {
                if (product.inputs().containsKey(field)) {
                    listed.put(field, product.inputs().get(field));
                }
            }
            products.add(listed);
        }
        return products;
    }

    /** The name of the Deployment the plan declares for {@code service}, after which its pods are named. */
    private static String deployment(Plan plan, String service) {
        return (String) at(plan.get("kubernetes:apps/v1:Deployment", service).inputs(), "metadata", "name");
    }

    private static Map<String, String> bearer(String product) throws Exception {
        var token = LocalTokens.token(KEYS, LocalTokens.claims(List.of(product), Instant.now().plusSeconds(600)));
        return Map.of("authorization", "Bearer " + token);
    }

    /** The configs and products the pattern 3 program renders for its two sample sidecars. */
    private static void addPattern3Scenarios() throws Exception {
        var plan = pattern3Plan(null);
        String ordersYaml = (String) plan.outputsOf(plan.get(MicrogatewaySidecar.TYPE, "apigee-p3-orders-mgw")).get("config");
        String catalogYaml = (String) plan.outputsOf(plan.get(MicrogatewaySidecar.TYPE, "apigee-p3-catalog-mgw")).get("config");
        addSidecar("pattern3Orders", deployment(plan, "orders"), ordersYaml, "my-org", "test",
                List.of("healthcheck", "oauth", "spikearrest", "quota"), productsOf(plan), List.of(get("/healthcheck"),
                        get("/orders/1"), get("/orders/1", bearer("apigee-p3-orders"))));
        addSidecar("pattern3Catalog", deployment(plan, "catalog"), catalogYaml, "my-org", "test", List.of("healthcheck", "spikearrest"),
                productsOf(plan), List.of(get("/healthcheck"), get("/catalog")));
    }

    /**
     * Pattern 3 with both services keyed, each product with a quota of two requests a minute: each service's sidecar
     * with the products the program declares, keys of one product each (an app subscribed to that product alone).
     */
    private static void addIsolationScenarios() throws Exception {
        String image = Pattern3.SAMPLES.get(0).image();
        var plan = pattern3Plan(List.of(new Pattern3.Service("orders", image, true, TWO_A_MINUTE),
                new Pattern3.Service("catalog", image, true, TWO_A_MINUTE)));
        var products = productsOf(plan);
        var ordersKey = bearer("apigee-p3-orders");
        var catalogKey = bearer("apigee-p3-catalog");
        addSidecar("isolationOrders", deployment(plan, "orders"), keyedWithoutSpikeArrest(), products, List.of(
                get("/orders/1", ordersKey),
                get("/orders/1", catalogKey),
                get("/orders", ordersKey),
                get("/orders/2", ordersKey),
                get("/orders/3", catalogKey),
                get("/healthcheck")));
        addSidecar("isolationCatalog", deployment(plan, "catalog"), keyedWithoutSpikeArrest(), products, List.of(
                get("/catalog/1", catalogKey),
                get("/catalog/1", ordersKey),
                get("/catalog/2?page=2", catalogKey),
                get("/catalog/3", catalogKey)));
        // What the products do not isolate: a caller that reaches the orders sidecar directly (not through the
        // Ingress, which routes /catalog elsewhere) with the catalog's path, and a product granting every path.
        var everyPath = new ArrayList<>(products);
        everyPath.add(Map.of("name", "every-path", "proxies", List.of("edgemicro-auth"), "apiResources", List.of("/", "/**")));
        addSidecar("isolationLimits", deployment(plan, "orders"), keyedWithoutSpikeArrest(), everyPath, List.of(
                get("/catalog/items", catalogKey),
                get("/orders/1", bearer("every-path"))));
        // The same quota on a product that lists edgemicro-auth but not the local proxy: the quota plugin skips it.
        addSidecar("quotaWithoutTheLocalProxy", deployment(plan, "orders"), keyedWithoutSpikeArrest(), List.of(Map.of(
                "name", "apigee-p3-orders", "proxies", List.of("edgemicro-auth"), "apiResources", List.of("/orders", "/orders/**"),
                "quota", "2", "quotaInterval", "1", "quotaTimeUnit", "minute")), List.of(
                get("/orders/1", ordersKey), get("/orders/2", ordersKey), get("/orders/3", ordersKey), get("/orders/4", ordersKey)));
    }

    private static void assertHealthAnsweredByThePlugin(JsonNode result) {
        assertThat(result.path("status").asInt()).isEqualTo(200);
        assertThat(result.path("backend").isNull()).as("answered by the healthcheck plugin, not the app").isTrue();
        assertThat(result.path("body").has("uptime")).isTrue();
        assertThat(result.path("body").has("decoratorError")).as("decorator mode: the app's port is in use").isFalse();
    }

    private static void assertRefusedAsAccessDenied(JsonNode result) {
        assertThat(result.path("backend").isNull()).as("the app never sees the refused request").isTrue();
        assertThat(result.path("body").path("error").asText()).isEqualTo("access_denied");
    }

    private static void assertRefusedAsOverQuota(JsonNode result) {
        assertThat(result.path("backend").isNull()).as("the app never sees the refused request").isTrue();
        assertThat(result.path("body").path("message").asText()).isEqualTo("exceeded quota");
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
        assertThat(admitted.path("backend").asText()).isEqualTo("edgemicro_ORDERS");
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
        assertThat(results.get(1).path("backend").asText()).isEqualTo("edgemicro_CATALOG");
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
    void aServicesKeyPassesItsOwnSidecarAndIsRefusedAtTheOthers() {
        var orders = sidecarReport("isolationOrders").path("results");
        assertThat(orders.get(0).path("status").asInt()).isEqualTo(200);
        assertThat(orders.get(0).path("backendPath").asText()).isEqualTo("/orders/1");
        assertThat(orders.get(1).path("status").asInt()).as("the catalog key at the orders sidecar").isEqualTo(403);
        assertRefusedAsAccessDenied(orders.get(1));
        assertThat(orders.get(4).path("status").asInt()).as("the catalog key at the orders sidecar").isEqualTo(403);
        assertRefusedAsAccessDenied(orders.get(4));

        var catalog = sidecarReport("isolationCatalog").path("results");
        assertThat(catalog.get(0).path("status").asInt()).isEqualTo(200);
        assertThat(catalog.get(0).path("backendPath").asText()).isEqualTo("/catalog/1");
        assertThat(catalog.get(1).path("status").asInt()).as("the orders key at the catalog sidecar").isEqualTo(403);
        assertRefusedAsAccessDenied(catalog.get(1));
    }

    @Test
    void eachProductsQuotaAppliesAtItsServicesSidecar() {
        // Two requests a minute per app: the orders key's third admitted request is refused (403, as the quota
        // plugin answers), and the refused catalog-key requests in between did not count.
        var orders = sidecarReport("isolationOrders").path("results");
        assertThat(LocalTokens.statuses(orders)).containsExactly(200, 403, 200, 403, 403, 200);
        assertRefusedAsOverQuota(orders.get(3));
        assertHealthAnsweredByThePlugin(orders.get(5));
        // The catalog product has its own count at its own sidecar.
        var catalog = sidecarReport("isolationCatalog").path("results");
        assertThat(LocalTokens.statuses(catalog)).containsExactly(200, 403, 200, 403);
        assertRefusedAsOverQuota(catalog.get(3));
    }

    @Test
    void aQuotaOnAProductWithoutTheLocalProxyNeverApplies() {
        var results = sidecarReport("quotaWithoutTheLocalProxy").path("results");
        assertThat(LocalTokens.statuses(results)).containsExactly(200, 200, 200, 200);
    }

    @Test
    void resourcePathsDoNotIsolateAPathRoutedElsewhereNorAProductGrantingEveryPath() {
        // The limits the docs state: the sidecar judges a key by the request's path, not by who routed it there.
        var results = sidecarReport("isolationLimits").path("results");
        assertThat(LocalTokens.statuses(results)).containsExactly(200, 200);
        assertThat(results.get(0).path("backend").asText()).as("the catalog key reaches the orders app").isEqualTo("edgemicro_ORDERS");
        assertThat(results.get(0).path("backendPath").asText()).isEqualTo("/catalog/items");
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
