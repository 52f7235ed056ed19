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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered configuration run by the real engine: microgateway-core and microgateway-plugins (tests/node), on
 * 127.0.0.1, in front of loopback backends that stand for the /orders and /catalog services. Apigee's downloads
 * (proxies, products, public key) are replaced by the lists given here.
 */
class RealGatewayIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Map<String, Object>> ROUTES = List.of(
            Map.of("name", "edgemicro_orders", "base_path", "/orders"),
            Map.of("name", "edgemicro_catalog", "base_path", "/catalog"));
    /** A product admitting the orders proxy only, as edgemicro-auth/products lists it. */
    private static final List<Map<String, Object>> PRODUCTS = List.of(
            Map.of("name", "orders-product", "proxies", List.of("edgemicro_orders", "edgemicro-auth"), "apiResources", List.of("/**")));

    private static KeyPair keys;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateKeys() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    private static MicrogatewayConfig.Builder acme() {
        return MicrogatewayConfig.builder().organization("acme").environment("test");
    }

    private static Map<String, Object> get(String path, Map<String, String> headers) {
        return Map.of("method", "GET", "path", path, "headers", headers);
    }

    private static Map<String, Object> get(String path) {
        return get(path, Map.of());
    }

    private JsonNode run(MicrogatewayConfig config, List<Map<String, Object>> routes, List<Map<String, Object>> requests)
            throws Exception {
        return run(config.toYaml(), config.organization(), config.environment(), routes, requests);
    }

    private JsonNode run(String yaml, String org, String env, List<Map<String, Object>> routes, List<Map<String, Object>> requests)
            throws Exception {
        Path file = dir.resolve(org + "-" + env + "-config.yaml");
        Files.writeString(file, yaml);
        var scenario = new LinkedHashMap<String, Object>();
        scenario.put("config", file.toString());
        scenario.put("org", org);
        scenario.put("env", env);
        scenario.put("proxies", routes);
        scenario.put("products", PRODUCTS);
        scenario.put("requests", requests);
        Path scenarioFile = dir.resolve("scenario.json");
        Files.writeString(scenarioFile, JSON.writeValueAsString(scenario));
        var report = Node.run("run-gateway.mjs", List.of(scenarioFile.toString()));
        assertThat(report.json().path("ok").asBoolean()).as(report.json() + "\n" + report.stderr()).isTrue();
        assertThat(report.exitCode()).isZero();
        assertThat(report.json().path("validator").asText()).isEqualTo("passed");
        assertThat(report.json().path("listen").asText()).isEqualTo("127.0.0.1");
        return report.json().path("results");
    }

    @Test
    void thePattern2ProgramsConfigServesItsProxiesHealthCheckAndRequiresCredentials() throws Exception {
        // The configuration the pattern 2 program renders, and the edgemicro_ proxies it deploys to Apigee
        // (base paths read from their bundles), as the gateway would download them.
        var result = dev.apigeegke.testing.Harness.preview(dev.apigeegke.examples.pattern2.Pattern2Test.stackConfig(),
                java.util.Set.of(), dev.apigeegke.examples.pattern2.Pattern2::stack);
        assertThat(result.errors()).isEmpty();
        var plan = result.plan();
        String yaml = (String) plan.outputsOf(plan.get(MicrogatewayService.TYPE, "apigee-p2-gateway")).get("config");
        var routes = new java.util.ArrayList<Map<String, Object>>();
        for (var proxy : plan.ofType("apigee:index:ApiProxy")) {
            byte[] zip = Base64.getDecoder().decode((String) proxy.inputs().get("bundle"));
            String endpoint = null;
            try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
                for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (e.getName().equals("apiproxy/proxies/default.xml")) {
                        endpoint = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
            var basePath = java.util.regex.Pattern.compile("<BasePath>([^<]+)</BasePath>").matcher(endpoint);
            assertThat(basePath.find()).isTrue();
            routes.add(Map.of("name", proxy.inputs().get("name"), "base_path", basePath.group(1)));
        }
        assertThat(routes).extracting(r -> r.get("base_path")).containsExactlyInAnyOrder("/orders", "/catalog", "/healthcheck");

        var results = run(yaml, "my-org", "test", routes, List.of(get("/healthcheck"), get("/orders/1"), get("/catalog"),
                get("/orders/1", Map.of("authorization", "Bearer not-a-token"))));
        // Health answered by the plugin; every API path needs a key or token.
        assertThat(LocalTokens.statuses(results)).containsExactly(200, 401, 401, 401);
    }

    @Test
    void routesEachRequestToTheBackendOfItsBasePath() throws Exception {
        var results = run(acme().plugins(List.of("healthcheck")).build(), ROUTES,
                List.of(get("/orders/42?expand=lines"), get("/catalog/items"), get("/inventory/1")));
        assertThat(results.get(0).path("status").asInt()).isEqualTo(200);
        assertThat(results.get(0).path("backend").asText()).isEqualTo("edgemicro_orders");
        assertThat(results.get(0).path("backendPath").asText()).isEqualTo("/42?expand=lines");
        assertThat(results.get(1).path("backend").asText()).isEqualTo("edgemicro_catalog");
        assertThat(results.get(1).path("backendPath").asText()).isEqualTo("/items");
        // Default headers reach the backend.
        assertThat(results.get(1).path("backendHeaders").has("x-forwarded-host")).isTrue();
        assertThat(results.get(1).path("backendHeaders").has("x-request-id")).isTrue();
        assertThat(results.get(2).path("status").asInt()).isEqualTo(404);
        assertThat(results.get(2).path("backend").isNull()).isTrue();
    }

    @Test
    void answersTheHealthCheckOnlyWhenAProxyCoversItsPath() throws Exception {
        // The engine matches a proxy before any plugin runs: with only /orders and /catalog, /healthcheck is a 404.
        var uncovered = run(acme().build(), ROUTES, List.of(get("/healthcheck")));
        assertThat(uncovered.get(0).path("status").asInt()).isEqualTo(404);

        var routes = new java.util.ArrayList<>(ROUTES);
        routes.add(Map.of("name", "edgemicro_healthcheck", "base_path", "/healthcheck"));
        var covered = run(acme().build(), routes, List.of(get("/healthcheck"), get("/orders/1")));
        assertThat(covered.get(0).path("status").asInt()).isEqualTo(200);
        assertThat(covered.get(0).path("backend").isNull()).as("answered by the plugin, not a backend").isTrue();
        assertThat(covered.get(0).path("body").has("uptime")).isTrue();
        // Healthcheck runs before oauth; everything else still needs a token.
        assertThat(covered.get(1).path("status").asInt()).isEqualTo(401);
    }

    @Test
    void refusesRequestsPastTheSpikeArrestRate() throws Exception {
        // One request per minute, no buffer: the first passes and the next ones, sent at once, are refused.
        var config = acme().plugins(List.of("healthcheck", "spikearrest")).spikeArrest(new SpikeArrestPlugin("minute", 1, 0)).build();
        var results = run(config, ROUTES, List.of(get("/orders/1"), get("/orders/2"), get("/catalog/3")));
        assertThat(LocalTokens.statuses(results)).containsExactly(200, 503, 503);
        assertThat(results.get(1).path("body").path("message").asText()).isEqualTo("SpikeArrest engaged");
    }

    @Test
    void admitsOnlyTokensSignedByTheConfiguredKeyForAProductOfTheProxy() throws Exception {
        var config = acme().plugins(List.of("healthcheck", "oauth", "quota")).publicKeyOverride(LocalTokens.publicKeyPem(keys)).build();
        Instant inAnHour = Instant.now().plusSeconds(3600);
        String valid = LocalTokens.token(keys, LocalTokens.claims(List.of("orders-product"), inAnHour));
        String expired = LocalTokens.token(keys, LocalTokens.claims(List.of("orders-product"), Instant.now().minusSeconds(3600)));
        String forgedPayload = valid.substring(0, valid.indexOf('.') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(LocalTokens.claims(List.of("orders-product", "admin"), inAnHour)))
                + valid.substring(valid.lastIndexOf('.'));
        var otherKeys = KeyPairGenerator.getInstance("RSA");
        otherKeys.initialize(2048);
        String foreign = LocalTokens.token(otherKeys.generateKeyPair(), LocalTokens.claims(List.of("orders-product"), inAnHour));

        var results = run(config, ROUTES, List.of(
                get("/orders/1"),
                get("/orders/1", Map.of("authorization", "Bearer " + valid)),
                get("/orders/1", Map.of("authorization", "Bearer " + expired)),
                get("/orders/1", Map.of("authorization", "Bearer " + forgedPayload)),
                get("/orders/1", Map.of("authorization", "Bearer " + foreign)),
                get("/catalog/1", Map.of("authorization", "Bearer " + valid))));
        assertThat(LocalTokens.statuses(results)).containsExactly(401, 200, 401, 401, 401, 403);
        assertThat(results.get(0).path("body").path("error").asText()).isEqualTo("missing_authorization");
        assertThat(results.get(1).path("backend").asText()).isEqualTo("edgemicro_orders");
        // The token itself is not passed on (keep-authorization-header false); its claims are.
        assertThat(results.get(1).path("backendHeaders").has("authorization")).isFalse();
        assertThat(results.get(1).path("backendHeaders").has("x-authorization-claims")).isTrue();
        assertThat(results.get(5).path("body").path("error").asText()).isEqualTo("access_denied");
    }
}
