package dev.apigeegke.microgateway;

import static dev.apigeegke.microgateway.GatewayScenarios.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigeegke.examples.pattern2.Pattern2;
import dev.apigeegke.examples.pattern2.Pattern2Test;
import dev.apigeegke.microgateway.MicrogatewayConfig.SpikeArrestPlugin;
import dev.apigeegke.testing.Harness;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered configuration run by the real engine: microgateway-core and microgateway-plugins (tests/node), on
 * 127.0.0.1, in front of loopback backends that stand for the /orders and /catalog services. Apigee's downloads
 * (proxies, products, public key) are replaced by the lists given here. Every scenario of this class runs in one
 * Node start.
 */
class RealGatewayIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Map<String, Object>> ROUTES = List.of(
            Map.of("name", "edgemicro_orders", "base_path", "/orders"),
            Map.of("name", "edgemicro_catalog", "base_path", "/catalog"));
    /** A product admitting the orders proxy only, as edgemicro-auth/products lists it. */
    private static final List<Map<String, Object>> PRODUCTS = List.of(
            Map.of("name", "orders-product", "proxies", List.of("edgemicro_orders", "edgemicro-auth"), "apiResources", List.of("/**")));

    /** Sequential requests in the spike-arrest scenarios: each is sent once the one before is answered. */
    private static final int BACK_TO_BACK = 20;

    @TempDir
    static Path dir;

    /** The pattern 2 program's rendered config. */
    private static String pattern2Yaml;

    private static GatewayScenarios scenarios;
    /** The routes of the edgemicro_ proxies the pattern 2 program deploys, read from their bundles. */
    private static List<Map<String, Object>> pattern2Routes;

    private static MicrogatewayConfig.Builder acme() {
        return MicrogatewayConfig.builder().organization("acme").environment("test");
    }

    private static void add(String name, MicrogatewayConfig config, List<Map<String, Object>> routes,
            List<Map<String, Object>> requests) throws Exception {
        scenarios.add(name, config.toYaml(), config.organization(), config.environment(), routes, PRODUCTS, requests, false);
    }

    private static JsonNode results(String name) {
        return scenarios.report(name).path("results");
    }

    @BeforeAll
    static void runTheScenarios() throws Exception {
        scenarios = new GatewayScenarios(dir);

        // The configuration the pattern 2 program renders, and the edgemicro_ proxies it deploys to Apigee
        // (base paths read from their bundles), as the gateway would download them.
        var result = Harness.preview(Pattern2Test.stackConfig(), Set.of(), Pattern2::stack);
        assertThat(result.errors()).isEmpty();
        var plan = result.plan();
        String yaml = (String) plan.outputsOf(plan.get(MicrogatewayService.TYPE, "apigee-p2-gateway")).get("config");
        pattern2Yaml = yaml;
        pattern2Routes = new ArrayList<>();
        for (var proxy : plan.ofType("apigee:index:ApiProxy")) {
            pattern2Routes.add(Map.of("name", proxy.inputs().get("name"), "base_path", GatewayScenarios.basePath(proxy)));
        }
        scenarios.add("pattern2", yaml, "my-org", "test", pattern2Routes, PRODUCTS, List.of(get("/healthcheck"), get("/orders/1"),
                get("/catalog"), get("/orders/1", Map.of("authorization", "Bearer not-a-token"))), false);

        add("routes", acme().plugins(List.of("healthcheck")).build(), ROUTES,
                List.of(get("/orders/42?expand=lines"), get("/catalog/items"), get("/inventory/1")));

        add("healthUncovered", acme().build(), ROUTES, List.of(get("/healthcheck")));
        var covered = new ArrayList<>(ROUTES);
        covered.add(Map.of("name", "edgemicro_healthcheck", "base_path", "/healthcheck"));
        add("healthCovered", acme().build(), covered, List.of(get("/healthcheck"), get("/orders/1")));

        // One request per minute, no buffer: the first passes and the next ones, sent at once, are refused.
        add("spikeArrest", acme().plugins(List.of("healthcheck", "spikearrest")).spikeArrest(new SpikeArrestPlugin("minute", 1, 0)).build(),
                ROUTES, List.of(get("/orders/1"), get("/orders/2"), get("/catalog/3")));

        // The patterns' 30ps, back to back (each request sent once the last one is answered): without a buffer and with
        // the buffer they render.
        var backToBack = IntStream.range(0, BACK_TO_BACK).mapToObj(i -> get("/orders/" + i)).toList();
        add("spikeArrestNoBuffer", acme().plugins(List.of("healthcheck", "spikearrest"))
                .spikeArrest(new SpikeArrestPlugin("second", 30, 0)).build(), ROUTES, backToBack);
        add("spikeArrestPatterns", acme().plugins(List.of("healthcheck", "spikearrest"))
                .spikeArrest(SpikeArrestPlugin.perSecond(30)).build(), ROUTES, backToBack);

        addTokenScenario();
        scenarios.run();
    }

    /** No token, a valid one, an expired one, a tampered payload, one of a foreign key, and a valid one for another proxy. */
    private static void addTokenScenario() throws Exception {
        KeyPair keys = GatewayScenarios.rsaKeys();
        var config = acme().plugins(List.of("healthcheck", "oauth", "quota")).publicKeyOverride(LocalTokens.publicKeyPem(keys)).build();
        Instant inAnHour = Instant.now().plusSeconds(3600);
        String valid = LocalTokens.token(keys, LocalTokens.claims(List.of("orders-product"), inAnHour));
        String expired = LocalTokens.token(keys, LocalTokens.claims(List.of("orders-product"), Instant.now().minusSeconds(3600)));
        String forgedPayload = valid.substring(0, valid.indexOf('.') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(LocalTokens.claims(List.of("orders-product", "admin"), inAnHour)))
                + valid.substring(valid.lastIndexOf('.'));
        String foreign = LocalTokens.token(GatewayScenarios.rsaKeys(), LocalTokens.claims(List.of("orders-product"), inAnHour));
        add("tokens", config, ROUTES, List.of(
                get("/orders/1"),
                get("/orders/1", Map.of("authorization", "Bearer " + valid)),
                get("/orders/1", Map.of("authorization", "Bearer " + expired)),
                get("/orders/1", Map.of("authorization", "Bearer " + forgedPayload)),
                get("/orders/1", Map.of("authorization", "Bearer " + foreign)),
                get("/catalog/1", Map.of("authorization", "Bearer " + valid))));
    }

    @Test
    void thePattern2ProgramsConfigServesItsProxiesHealthCheckAndRequiresCredentials() {
        assertThat(pattern2Routes).extracting(r -> r.get("base_path")).containsExactlyInAnyOrder("/orders", "/catalog", "/healthcheck");
        // Health answered by the plugin; every API path needs a key or token.
        assertThat(LocalTokens.statuses(results("pattern2"))).containsExactly(200, 401, 401, 401);
    }

    @Test
    void routesEachRequestToTheBackendOfItsBasePath() {
        var results = results("routes");
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
    void answersTheHealthCheckOnlyWhenAProxyCoversItsPath() {
        // The engine matches a proxy before any plugin runs: with only /orders and /catalog, /healthcheck is a 404.
        var uncovered = results("healthUncovered");
        assertThat(uncovered.get(0).path("status").asInt()).isEqualTo(404);

        var covered = results("healthCovered");
        assertThat(covered.get(0).path("status").asInt()).isEqualTo(200);
        assertThat(covered.get(0).path("backend").isNull()).as("answered by the plugin, not a backend").isTrue();
        assertThat(covered.get(0).path("body").has("uptime")).isTrue();
        // Healthcheck runs before oauth; everything else still needs a token.
        assertThat(covered.get(1).path("status").asInt()).isEqualTo(401);
    }

    @Test
    void refusesRequestsPastTheSpikeArrestRate() {
        var results = results("spikeArrest");
        assertThat(LocalTokens.statuses(results)).containsExactly(200, 503, 503);
        assertThat(results.get(1).path("body").path("message").asText()).isEqualTo("SpikeArrest engaged");
    }

    @Test
    void thePatternsSpikeArrestBufferLetsBackToBackRequestsThroughWhereNoBufferRefusesThem() {
        var none = LocalTokens.statuses(results("spikeArrestNoBuffer"));
        var buffered = LocalTokens.statuses(results("spikeArrestPatterns"));
        // Without a buffer each request within 1/30 s of the last one let through is refused (measured: 2 to 4 of 20 pass).
        assertThat(none).as("30ps, no buffer: %s", none).startsWith(200).contains(503);
        // With one second's requests as buffer a request waits for its slot instead.
        assertThat(buffered).as("30ps, buffer 30: %s", buffered).hasSize(BACK_TO_BACK).containsOnly(200);
        // What the patterns render for their default apigee-gke:spikeArrest 30ps.
        assertThat(pattern2Yaml).contains("spikearrest:\n  allow: 30\n  bufferSize: 30\n  timeUnit: second\n");
    }

    @Test
    void admitsOnlyTokensSignedByTheConfiguredKeyForAProductOfTheProxy() {
        var results = results("tokens");
        assertThat(LocalTokens.statuses(results)).containsExactly(401, 200, 401, 401, 401, 403);
        assertThat(results.get(0).path("body").path("error").asText()).isEqualTo("missing_authorization");
        assertThat(results.get(1).path("backend").asText()).isEqualTo("edgemicro_orders");
        // The token itself is not passed on (keep-authorization-header false); its claims are.
        assertThat(results.get(1).path("backendHeaders").has("authorization")).isFalse();
        assertThat(results.get(1).path("backendHeaders").has("x-authorization-claims")).isTrue();
        assertThat(results.get(5).path("body").path("error").asText()).isEqualTo("access_denied");
    }
}
