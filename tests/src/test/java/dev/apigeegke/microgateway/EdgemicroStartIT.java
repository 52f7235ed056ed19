package dev.apigeegke.microgateway;

import static dev.apigeegke.microgateway.GatewayScenarios.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import dev.apigeegke.provider.testing.ApigeeEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real gateway started as {@code edgemicro start} starts it, with nothing but its config file, organization,
 * environment, key and secret: microgateway-config's own loader downloads the {@code edgemicro_*} proxies, the products
 * and the public key from the Apigee emulator, where {@link GatewayOrganization} created them through the management API
 * (the proxies, a product with a quota, a developer, the {@code microgateway} key value map with a key generated there,
 * the gateway's registered key) and this class two apps, one of them revoked. Every start runs in one Node start.
 */
@ExtendWith(ConformanceExtension.class)
class EdgemicroStartIT {
    private static final String ORG = GatewayOrganization.ORG;
    private static final String ENV = GatewayOrganization.ENV;
    private static final String PRODUCT = GatewayOrganization.PRODUCT;
    private static final int QUOTA = 3;

    @TempDir
    static Path dir;

    private static ApigeeEmulator apigee;
    private static EchoBackend orders;
    private static EchoBackend app;
    private static GatewayOrganization acme;
    private static GatewayStarts starts;

    @BeforeAll
    static void startTheGateways() throws Exception {
        apigee = ApigeeEmulator.start(ApigeePlatform.EDGE, ORG);
        orders = EchoBackend.start("orders");
        app = EchoBackend.start("orders-app");
        acme = new GatewayOrganization(apigee, orders.url(), QUOTA);
        var created = acme.app("orders-app", PRODUCT);
        String revoked = acme.app("old-app", PRODUCT).path("consumerKey").asText();
        acme.revoke("old-app", revoked);
        String token = acme.token(created.path("consumerKey").asText(), created.path("consumerSecret").asText());
        var apiKey = Map.of("x-api-key", created.path("consumerKey").asText());
        String key = acme.gatewayKey;
        String secret = acme.gatewaySecret;

        starts = new GatewayStarts(dir, apigee);
        starts.add("service", config(List.of("healthcheck", "oauth", "quota")), ORG, ENV, key, secret, List.of(
                get("/orders/1"),
                get("/orders/1", Map.of("x-api-key", "no-app-has-this-key")),
                get("/orders/1", Map.of("x-api-key", revoked)),
                get("/orders/1?expand=lines", apiKey),
                get("/orders/2", Map.of("authorization", "Bearer " + token)),
                get("/orders/3", apiKey),
                get("/orders/4", apiKey),
                get("/catalog/1", apiKey)));
        starts.add("wrongSecret", config(List.of("healthcheck", "oauth", "quota")), ORG, ENV, key, "not-" + secret,
                List.of(get("/orders/1", apiKey)));
        starts.addSidecar("sidecar", config(List.of("healthcheck", "oauth")), ORG, ENV, key, secret, "edgemicro_ORDERS",
                app.url(), List.of(
                        get("/healthcheck"),
                        get("/orders/5"),
                        get("/orders/5?expand=lines", apiKey),
                        get("/orders/6", Map.of("authorization", "Bearer " + token))));
        starts.run();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable running : new AutoCloseable[] {orders, app, apigee}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception ignored) {
                // stopping is best effort
            }
        }
    }

    /**
     * The config the gateway is started with: rendered for Edge cloud with {@code plugins}, its quotaUri as
     * {@code edgemicro configure} writes it (edgemicro-auth on the runtime host, which serves /v2/version and
     * /v2/quotas/apply).
     */
    @SuppressWarnings("unchecked")
    private static String config(List<String> plugins) throws Exception {
        var tree = MicrogatewayConfig.builder().organization(ORG).environment(ENV).plugins(plugins).build().tree();
        ((Map<String, Object>) tree.get("edge_config")).put("quotaUri", "https://%s-%s.apigee.net/edgemicro-auth");
        return new YAMLMapper().writeValueAsString(tree);
    }

    private static String services() {
        return apigee.microgatewayServicesUrl() + "/edgemicro/";
    }

    private static String auth() {
        return apigee.runtimeUrl(ENV) + "/edgemicro-auth/";
    }

    @Test
    void theLoaderDownloadsTheDeployedRouteTheProductsAndTheKeyFromApigee() {
        var report = starts.started("service");
        assertThat(GatewayStarts.calls(report, services() + "bootstrap/")).containsExactly("GET 200");
        assertLoaded(report, "edgemicro_orders", "/orders", orders.url());
        assertThat(report.path("loaded").path("quotas")).extracting(JsonNode::asText).containsExactly(PRODUCT);
        // As the CLI runs it: analytics first, then the file's sequence.
        assertThat(report.path("plugins")).extracting(JsonNode::asText).containsExactly("analytics", "healthcheck", "oauth", "quota");
    }

    @Test
    void admitsTheAppsKeyAndItsTokenAndRefusesAMissingForeignOrRevokedKey() {
        var results = starts.started("service").path("results");
        assertThat(LocalTokens.statuses(results).subList(0, 6)).containsExactly(401, 403, 403, 200, 200, 200);
        assertThat(results.get(0).path("body").path("error").asText()).isEqualTo("missing_authorization");
        assertThat(results.get(1).path("body").path("error").asText()).isEqualTo("access_denied");
        assertThat(results.get(2).path("body").path("error").asText()).isEqualTo("access_denied");
        var admitted = results.get(3);
        assertThat(admitted.path("backend").asText()).isEqualTo("orders");
        assertThat(admitted.path("backendPath").asText()).isEqualTo("/1?expand=lines");
        // The key was exchanged at edgemicro-auth's verifyApiKey for a token of the app, whose public claims (the
        // plugin drops application_name, client_id, api_product_list, iat and exp) reach the backend.
        var claims = claims(admitted);
        assertThat(claims.path("developer_email").asText()).isEqualTo(GatewayOrganization.DEVELOPER);
        assertThat(claims.path("aud").asText()).isEqualTo("microgateway");
        assertThat(claims.path("iss").asText()).isEqualTo(auth() + "verifyApiKey");
        var withToken = results.get(4);
        assertThat(withToken.path("backend").asText()).isEqualTo("orders");
        assertThat(withToken.path("backendHeaders").has("authorization")).isFalse();
        assertThat(claims(withToken).path("iss").asText()).isEqualTo(auth() + "token");
        assertThat(claims(withToken).path("access_token").asText()).isNotEmpty();
        // No proxy serves /catalog.
        assertThat(results.get(7).path("status").asInt()).isEqualTo(404);
    }

    @Test
    void refusesTheRequestAfterTheProductsQuotaCountedOnApigee() {
        var results = starts.started("service").path("results");
        // Requests 4, 5 and 6 are the app's three of the hour (key, token, key); the fourth is refused by the quota.
        assertThat(results.get(6).path("status").asInt()).isEqualTo(403);
        assertThat(results.get(6).path("backend").isNull()).as("the backend never sees it").isTrue();
        assertThat(results.get(6).path("body").path("message").asText()).isEqualTo("exceeded quota");
        var applied = apigee.requests("POST", "/edgemicro-auth/v2/quotas/apply");
        assertThat(applied).isNotEmpty();
        var first = body(applied.get(0).bodyText());
        assertThat(first.path("identifier").asText()).isEqualTo(ORG + "." + ENV + ".orders-app." + PRODUCT);
        assertThat(first.path("allow").asInt()).isEqualTo(QUOTA);
        assertThat(first.path("timeUnit").asText()).isEqualTo("hour");
        assertThat(apigee.requests("GET", "/edgemicro-auth/v2/version")).isNotEmpty();
    }

    @Test
    void uploadsAnAnalyticsRecordOfEachRequestItRouted() {
        var report = starts.started("service");
        assertThat(report.path("analytics").path("uploads")).isNotEmpty().allMatch(status -> status.asInt() == 200);
        var records = apigee.analyticsRecords(ENV).stream().filter(r -> r.path("apiproxy").asText().equals("edgemicro_orders"))
                .toList();
        // The seven requests the service start routed to edgemicro_orders; /catalog matched no proxy.
        assertThat(records.stream().map(r -> r.path("response_status_code").asInt())).containsExactly(401, 403, 403, 200, 200, 200, 403);
        assertThat(records.stream().filter(r -> r.path("response_status_code").asInt() == 200).map(r -> r.path("developer_app").asText()))
                .containsExactly("orders-app", "orders-app", "orders-app");
    }

    @Test
    void aGatewayWithAWrongSecretGetsNoRoutesAndNoProducts() {
        var report = starts.started("wrongSecret");
        // npm microgateway-config 3.3.7 carries on without what it could not download (the image's 3.3.11 stops).
        assertThat(GatewayStarts.calls(report, services() + "bootstrap/")).containsExactly("GET 401");
        assertThat(GatewayStarts.calls(report, auth() + "products")).containsExactly("GET 401");
        assertThat(report.path("loaded").path("proxies")).isEmpty();
        assertThat(report.path("loaded").path("products")).isEmpty();
        assertThat(LocalTokens.statuses(report.path("results"))).containsExactly(404);
    }

    @Test
    void aSidecarDownloadsTheProductsAndTheKeyButNotTheBootstrapAndChecksKeys() {
        var report = starts.started("sidecar");
        assertThat(report.path("mode").asText()).isEqualTo("local-proxy");
        // The route comes from the start options, as in the image; the rest is downloaded.
        assertThat(GatewayStarts.calls(report, services() + "bootstrap/")).isEmpty();
        assertLoaded(report, "edgemicro_ORDERS", "/", app.url());

        var results = report.path("results");
        assertThat(LocalTokens.statuses(results)).containsExactly(200, 401, 200, 200);
        assertThat(results.get(0).path("body").has("uptime")).as("answered by the healthcheck plugin").isTrue();
        assertThat(results.get(2).path("backend").asText()).isEqualTo("orders-app");
        assertThat(results.get(2).path("backendPath").asText()).isEqualTo("/orders/5?expand=lines");
        assertThat(results.get(3).path("backend").asText()).isEqualTo("orders-app");
    }

    /** The products and the public key downloaded once each, and the one route the gateway serves. */
    private static void assertLoaded(JsonNode report, String proxy, String basePath, String url) {
        assertThat(GatewayStarts.calls(report, auth() + "products")).containsExactly("GET 200");
        assertThat(GatewayStarts.calls(report, auth() + "publicKey")).containsExactly("GET 200");
        var loaded = report.path("loaded");
        assertThat(loaded.path("proxies")).hasSize(1);
        assertThat(loaded.path("proxies").get(0).path("name").asText()).isEqualTo(proxy);
        assertThat(loaded.path("proxies").get(0).path("base_path").asText()).isEqualTo(basePath);
        assertThat(loaded.path("proxies").get(0).path("url").asText()).isEqualTo(url);
        assertThat(loaded.path("products")).extracting(JsonNode::asText).containsExactly(PRODUCT);
        assertThat(loaded.path("publicKey").asText()).isEqualTo(acme.keys.certificatePem());
    }

    private static JsonNode claims(JsonNode result) {
        String encoded = result.path("backendHeaders").path("x-authorization-claims").asText();
        assertThat(encoded).as("claims header of " + result).isNotEmpty();
        return body(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    }

    private static JsonNode body(String json) {
        return GatewayOrganization.read(json);
    }
}
