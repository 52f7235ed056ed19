package dev.apigeegke.microgateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigeegke.apigee.bundle.BundleRenderer;
import dev.apigeegke.apigee.bundle.ProxyModel;
import dev.apigeegke.provider.api.ApigeeClient;
import dev.apigeegke.provider.api.Credentials;
import dev.apigeegke.provider.testing.ApigeeEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * An Edge organization on the Apigee emulator as {@code edgemicro configure} and a Service-mode pattern leave it,
 * created through the management API: edgemicro-auth deployed in {@link #ENV}, an {@code edgemicro_orders} proxy to
 * the orders service, a product {@link #PRODUCT} listing both with a quota per hour, a developer, the environment's
 * {@code microgateway} key value map holding a key generated here, and a gateway key and secret registered with the
 * hosted service.
 */
final class GatewayOrganization {
    static final String ORG = "acme";
    static final String ENV = "test";
    static final String DEVELOPER = "dev@example.com";
    static final String PRODUCT = "orders-product";
    private static final ObjectMapper JSON = new ObjectMapper();

    final ApigeeEmulator apigee;
    final ApigeeClient client;
    final GatewayKeyPair keys = GatewayKeyPair.generate();
    final String gatewayKey = randomHex();
    final String gatewaySecret = randomHex();

    /** Sets up the organization on {@code apigee} (an Edge emulator of {@link #ORG}), routing /orders to {@code ordersUrl}. */
    GatewayOrganization(ApigeeEmulator apigee, String ordersUrl, int quotaPerHour) {
        this.apigee = apigee;
        this.client = new ApigeeClient(apigee.config(new Credentials.Bearer(ApigeeEmulator.TOKEN)));
        // A stand-in for the edgemicro-auth bundle: the emulator serves the proxy's endpoints wherever one of that
        // name is deployed.
        deploy(ProxyModel.builder().name("edgemicro-auth").basePath("/edgemicro-auth").targetServer("edgemicroservices").build());
        deploy(ProxyModel.builder().name("edgemicro_orders").basePath("/orders").microgateway(true).targetUrl(ordersUrl).build());
        product(PRODUCT, List.of("edgemicro_orders", "edgemicro-auth"), quotaPerHour);
        client.create("/developers", Map.of("email", DEVELOPER, "firstName", "Dev", "lastName", "Eloper", "userName", "dev"),
                "/developers/" + ApigeeClient.segment(DEVELOPER), d -> true);
        var entries = new ArrayList<Map<String, String>>();
        keys.entries().forEach((name, value) -> entries.add(Map.of("name", name, "value", value)));
        client.post("/environments/" + ENV + "/keyvaluemaps", Map.of("name", "microgateway", "encrypted", true, "entry", entries));
        apigee.registerGatewayCredential(ORG, ENV, gatewayKey, gatewaySecret);
    }

    private void deploy(ProxyModel model) {
        client.deploy(ENV, model.name(), client.importProxy(model.name(), BundleRenderer.render(model).zip()));
    }

    /** A product of {@link #ENV} granting {@code proxies} on every path, with {@code quotaPerHour} requests an hour. */
    void product(String name, List<String> proxies, int quotaPerHour) {
        client.create("/apiproducts", Map.of("name", name, "displayName", name, "approvalType", "auto",
                "environments", List.of(ENV), "proxies", proxies, "apiResources", List.of("/**"),
                "quota", String.valueOf(quotaPerHour), "quotaInterval", "1", "quotaTimeUnit", "hour"),
                "/apiproducts/" + name, p -> true);
    }

    /** A new app of the developer with {@code products}; its key ({@code consumerKey}, {@code consumerSecret}). */
    JsonNode app(String name, String... products) {
        String apps = "/developers/" + ApigeeClient.segment(DEVELOPER) + "/apps";
        return client.create(apps, Map.of("name", name, "apiProducts", List.of(products)), apps + "/" + name, a -> true)
                .path("credentials").get(0);
    }

    /** Revokes an app's key, as Edge documents it: no body, Content-Type application/octet-stream, 204. */
    void revoke(String app, String key) {
        var uri = URI.create(apigee.baseUrl() + "/organizations/" + ORG + "/developers/" + ApigeeClient.segment(DEVELOPER)
                + "/apps/" + app + "/keys/" + key + "?action=revoke");
        var response = send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + ApigeeEmulator.TOKEN)
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    /** POSTs {@code body} as JSON to edgemicro-auth's {@code path} in {@code env}, with {@code authorization} if given. */
    HttpResponse<String> postToAuth(String env, String path, Object body, String authorization) {
        var request = HttpRequest.newBuilder(URI.create(apigee.runtimeUrl(env) + "/edgemicro-auth" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    /** A token for an app, as a client gets it from edgemicro-auth's /token (client_credentials). */
    String token(String clientId, String clientSecret) {
        var response = postToAuth(ENV, "/token", Map.of("client_id", clientId, "client_secret", clientSecret,
                "grant_type", "client_credentials"), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response.body()).path("access_token").asText();
    }

    /** The gateway's credentials as the Basic header it sends. */
    String gatewayBasic() {
        return basic(gatewayKey, gatewaySecret);
    }

    static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A key or secret as {@code edgemicro configure} makes them: the hex SHA-256 of random bytes. */
    private static String randomHex() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(random));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
