package dev.apigeegke.microgateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigeegke.microgateway.MicrogatewayConfig.SpikeArrestPlugin;
import dev.apigeegke.testing.Node;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pattern 3: the gateway as a sidecar in each service's pod, each with its own policy. The real engine
 * (microgateway-core and microgateway-plugins, tests/node/run-gateway.mjs) runs in local-proxy / decorator mode
 * ({@code EDGEMICRO_LOCAL_PROXY=1}, {@code EDGEMICRO_DECORATOR=1}) with the one route {@code edgemicro start -a -v -b / -t}
 * builds: base path "/" to one loopback backend standing for the app on localhost. "orders" requires a token
 * (healthcheck, oauth, spikearrest, quota); "catalog" is open but rate-limited (healthcheck, spikearrest).
 */
class SidecarGatewayIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What edgemicro-auth/products returns for the orders sidecar: in local-proxy mode a product needs no edgemicro_
     * proxy, only edgemicro-auth and resource paths; the oauth plugin then checks a token's products against the
     * resource paths alone.
     */
    private static final List<Map<String, Object>> ORDERS_PRODUCTS = List.of(
            Map.of("name", "orders-product", "proxies", List.of("edgemicro-auth"), "apiResources", List.of("/", "/**")),
            Map.of("name", "catalog-product", "proxies", List.of("edgemicro-auth"), "apiResources", List.of("/catalog/**")));

    private static KeyPair keys;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateKeys() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    /** The orders sidecar's config: token required, spike arrest as {@code edgemicro init} writes it, quota. */
    private static MicrogatewayConfig orders() {
        return MicrogatewayConfig.builder().organization("acme").environment("test")
                .plugins(List.of("healthcheck", "oauth", "spikearrest", "quota"))
                .spikeArrest(SpikeArrestPlugin.defaults())
                .publicKeyOverride(LocalTokens.publicKeyPem(keys))
                .build();
    }

    /** The catalog sidecar's config: no authentication, one request per minute and no buffer. */
    private static MicrogatewayConfig catalog() {
        return MicrogatewayConfig.builder().organization("acme").environment("test")
                .plugins(List.of("healthcheck", "spikearrest"))
                .spikeArrest(new SpikeArrestPlugin("minute", 1, 0))
                .publicKey(LocalTokens.publicKeyPem(keys))
                .build();
    }

    private static Map<String, Object> get(String path, Map<String, String> headers) {
        return Map.of("method", "GET", "path", path, "headers", headers);
    }

    private static Map<String, Object> get(String path) {
        return get(path, Map.of());
    }

    /** Runs one service's sidecar: its config, one proxy at "/" to the app's loopback backend, the requests in order. */
    private JsonNode runSidecarReport(String service, MicrogatewayConfig config, List<Map<String, Object>> products,
            List<Map<String, Object>> requests) throws Exception {
        return runSidecarReport(service, config.toYaml(), config.organization(), config.environment(), config.plugins(),
                products, requests);
    }

    private JsonNode runSidecarReport(String service, String yaml, String org, String env, List<String> expectedPlugins,
            List<Map<String, Object>> products, List<Map<String, Object>> requests) throws Exception {
        Path file = dir.resolve(org + "-" + env + "-config.yaml");
        Files.writeString(file, yaml);
        var scenario = new LinkedHashMap<String, Object>();
        scenario.put("config", file.toString());
        scenario.put("org", org);
        scenario.put("env", env);
        scenario.put("localProxy", true);
        scenario.put("proxies", List.of(Map.of("name", "edgemicro_" + service, "base_path", "/")));
        scenario.put("products", products);
        scenario.put("requests", requests);
        Path scenarioFile = dir.resolve("scenario-" + service + ".json");
        Files.writeString(scenarioFile, JSON.writeValueAsString(scenario));
        var report = Node.run("run-gateway.mjs", List.of(scenarioFile.toString()));
        assertThat(report.json().path("ok").asBoolean()).as(report.json() + "\n" + report.stderr()).isTrue();
        assertThat(report.exitCode()).isZero();
        assertThat(report.json().path("validator").asText()).isEqualTo("passed");
        assertThat(report.json().path("mode").asText()).isEqualTo("local-proxy");
        assertThat(report.json().path("listen").asText()).isEqualTo("127.0.0.1");
        // Sidecar shape: the engine routes exactly one proxy, at "/", so every path goes to the app.
        assertThat(report.json().path("proxies").size()).isEqualTo(1);
        assertThat(report.json().path("proxies").get(0).path("name").asText()).isEqualTo("edgemicro_" + service);
        assertThat(report.json().path("proxies").get(0).path("base_path").asText()).isEqualTo("/");
        var plugins = new ArrayList<String>();
        report.json().path("plugins").forEach(p -> plugins.add(p.asText()));
        assertThat(plugins).isEqualTo(expectedPlugins);
        return report.json();
    }

    private static void assertHealthAnsweredByThePlugin(JsonNode result) {
        assertThat(result.path("status").asInt()).isEqualTo(200);
        assertThat(result.path("backend").isNull()).as("answered by the healthcheck plugin, not the app").isTrue();
        assertThat(result.path("body").has("uptime")).isTrue();
        assertThat(result.path("body").has("decoratorError")).as("decorator mode: the app's port is in use").isFalse();
    }

    @Test
    void ordersSidecarRefusesRequestsWithoutCredentialsAndAdmitsASignedToken() throws Exception {
        Instant inAnHour = Instant.now().plusSeconds(3600);
        String valid = LocalTokens.token(keys, LocalTokens.claims(List.of("orders-product"), inAnHour));
        String expired = LocalTokens.token(keys, LocalTokens.claims(List.of("orders-product"), Instant.now().minusSeconds(3600)));
        String otherResources = LocalTokens.token(keys, LocalTokens.claims(List.of("catalog-product"), inAnHour));
        String unknownProduct = LocalTokens.token(keys, LocalTokens.claims(List.of("some-other-product"), inAnHour));
        var otherGenerator = KeyPairGenerator.getInstance("RSA");
        otherGenerator.initialize(2048);
        String foreign = LocalTokens.token(otherGenerator.generateKeyPair(), LocalTokens.claims(List.of("orders-product"), inAnHour));

        var report = runSidecarReport("orders", orders(), ORDERS_PRODUCTS, List.of(
                get("/healthcheck"),
                get("/orders/42?expand=lines"),
                get("/orders/42", Map.of("authorization", "Bearer not-a-token")),
                get("/orders/42", Map.of("authorization", "Bearer " + expired)),
                get("/orders/42", Map.of("authorization", "Bearer " + foreign)),
                get("/orders/42", Map.of("authorization", "Bearer " + otherResources)),
                get("/orders/42?expand=lines", Map.of("authorization", "Bearer " + valid)),
                get("/orders/43", Map.of("authorization", "Bearer " + unknownProduct)),
                get("/healthcheck", Map.of("authorization", "Bearer not-a-token"))));
        var results = report.path("results");

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
    void catalogSidecarServesWithoutCredentialsAndSpikeArrestsPastItsRate() throws Exception {
        // One request per minute, no buffer: the first passes, the next ones (sent at once) are refused; health
        // checks are answered before spike arrest and neither count nor get refused.
        var report = runSidecarReport("catalog", catalog(), List.of(), List.of(
                get("/healthcheck"),
                get("/catalog/items?page=2"),
                get("/catalog/items"),
                get("/anything/else"),
                get("/healthcheck")));
        var results = report.path("results");

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
    void thePattern3ProgramsSidecarConfigsEnforceEachServicesPolicy() throws Exception {
        // The configs the pattern 3 program renders for its two sidecars, with a local key as the org's key.
        var config = new java.util.TreeMap<>(dev.apigeegke.examples.pattern2.Pattern2Test.stackConfig());
        config.put("apigee-gke:edgemicroPublicKey", LocalTokens.publicKeyPem(keys));
        var result = dev.apigeegke.testing.Harness.preview(config, java.util.Set.of(), dev.apigeegke.examples.pattern3.Pattern3::stack);
        assertThat(result.errors()).isEmpty();
        var plan = result.plan();
        String ordersYaml = (String) plan.outputsOf(plan.get(MicrogatewaySidecar.TYPE, "apigee-p3-orders-mgw")).get("config");
        String catalogYaml = (String) plan.outputsOf(plan.get(MicrogatewaySidecar.TYPE, "apigee-p3-catalog-mgw")).get("config");

        var orders = runSidecarReport("orders", ordersYaml, "my-org", "test",
                List.of("healthcheck", "oauth", "spikearrest", "quota"), ORDERS_PRODUCTS,
                List.of(get("/healthcheck"), get("/orders/1"),
                        get("/orders/1", Map.of("authorization", "Bearer " + LocalTokens.token(keys, LocalTokens.claims(List.of("orders-product"), Instant.now().plusSeconds(300)))))));
        assertThat(LocalTokens.statuses(orders.path("results"))).containsExactly(200, 401, 200);
        assertThat(orders.path("loader").path("loaded").asBoolean()).as(orders.path("loader").toString()).isTrue();

        var catalog = runSidecarReport("catalog", catalogYaml, "my-org", "test", List.of("healthcheck", "spikearrest"),
                List.of(), List.of(get("/healthcheck"), get("/catalog")));
        assertThat(LocalTokens.statuses(catalog.path("results"))).containsExactly(200, 200);
        assertThat(catalog.path("loader").path("loaded").asBoolean()).as(catalog.path("loader").toString()).isTrue();
    }

    @Test
    void theInstalledLoaderAcceptsBothSidecarConfigs() throws Exception {
        // microgateway-config's own loader (the one `edgemicro start` calls) downloads nothing in local-proxy mode and
        // wants a public_key in oauth, apikeys and oauthv2, which its defaults always contain: both configs carry the
        // organization's key there (the open one never uses it). Both load, so both sidecars start on this version.
        var orders = runSidecarReport("orders", orders(), ORDERS_PRODUCTS, List.of(get("/healthcheck")));
        assertThat(orders.path("loader").path("loaded").asBoolean()).as(orders.path("loader").toString()).isTrue();
        assertThat(orders.path("loader").path("publicKey").asBoolean()).isTrue();
        var catalog = runSidecarReport("catalog", catalog(), List.of(), List.of(get("/healthcheck")));
        assertThat(catalog.path("loader").path("loaded").asBoolean()).as(catalog.path("loader").toString()).isTrue();
        assertThat(catalog.path("loader").path("publicKey").asBoolean()).isTrue();
    }
}
