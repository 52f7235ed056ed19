package dev.apigeegke.microgateway;

import static dev.apigeegke.microgateway.GatewayOrganization.DEVELOPER;
import static dev.apigeegke.microgateway.GatewayOrganization.ENV;
import static dev.apigeegke.microgateway.GatewayOrganization.ORG;
import static dev.apigeegke.microgateway.GatewayOrganization.PRODUCT;
import static dev.apigeegke.microgateway.GatewayOrganization.basic;
import static dev.apigeegke.microgateway.GatewayOrganization.read;
import static dev.apigeegke.microgateway.GatewayOrganization.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import dev.apigeegke.provider.testing.ApigeeEmulator;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the Apigee emulator serves a running Edge Microgateway, called directly: the hosted service's bootstrap and
 * analytics upload, and edgemicro-auth's endpoints on the runtime host, each answering from what the management API
 * created, in the shapes the gateway reads.
 */
@ExtendWith(ConformanceExtension.class)
class MicrogatewayEmulatorTest {
    private static final String ORDERS = "http://orders.default.svc.cluster.local";

    private static ApigeeEmulator apigee;
    private static GatewayOrganization acme;
    private static JsonNode key;

    @BeforeAll
    static void createTheOrganization() {
        apigee = ApigeeEmulator.start(ApigeePlatform.EDGE, ORG);
        acme = new GatewayOrganization(apigee, ORDERS, 2);
        key = acme.app("orders-app", PRODUCT);
    }

    @AfterAll
    static void stop() {
        apigee.close();
    }

    private static HttpResponse<String> get(URI uri, String authorization) {
        var request = HttpRequest.newBuilder(uri).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private static URI service(String service, String env) {
        return URI.create(apigee.microgatewayServicesUrl() + "/edgemicro/" + service + "/organization/" + ORG + "/environment/" + env);
    }

    private static URI auth(String env, String path) {
        return URI.create(apigee.runtimeUrl(env) + "/edgemicro-auth" + path);
    }

    @Test
    void theBootstrapListsTheDeployedMicrogatewayProxiesToTheRegisteredKeyAlone() {
        var listed = get(service("bootstrap", ENV), acme.gatewayBasic());

        assertThat(listed.statusCode()).isEqualTo(200);
        // edgemicro-auth is deployed too, but only edgemicro_* proxies are the gateway's routes.
        assertThat(read(listed.body())).isEqualTo(read("{\"apiProxies\":[{\"apiProxyName\":\"edgemicro_orders\",\"revision\":\"1\","
                + "\"proxyEndpoint\":{\"name\":\"default\",\"basePath\":\"/orders\"},"
                + "\"targetEndpoint\":{\"name\":\"default\",\"url\":\"" + ORDERS + "\"}}]}"));
        assertThat(get(service("bootstrap", ENV), basic(acme.gatewayKey, "wrong")).statusCode()).isEqualTo(401);
        assertThat(get(service("bootstrap", ENV), null).statusCode()).isEqualTo(401);
        // The key was registered for test only.
        assertThat(get(service("bootstrap", "prod"), acme.gatewayBasic()).statusCode()).isEqualTo(401);
    }

    @Test
    void edgemicroAuthAnswersOnlyInTheEnvironmentItIsDeployedIn() {
        var publicKey = get(auth(ENV, "/publicKey"), null);
        var elsewhere = get(auth("prod", "/publicKey"), null);

        assertThat(publicKey.statusCode()).isEqualTo(200);
        assertThat(publicKey.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(publicKey.body()).isEqualTo(acme.keys.certificatePem());
        // What a second environment shows when `edgemicro configure` did not deploy edgemicro-auth there.
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(read(elsewhere.body()).path("fault").path("detail").path("errorcode").asText())
                .isEqualTo("messaging.adaptors.http.flow.ApplicationNotFound");
    }

    @Test
    void verifyApiKeyAnswersATokenOfTheAppSignedWithTheKeyValueMapsPrivateKey() throws Exception {
        var answer = acme.postToAuth(ENV, "/verifyApiKey", Map.of("apiKey", key.path("consumerKey").asText()), acme.gatewayBasic());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var jwt = SignedJWT.parse(read(answer.body()).path("token").asText());
        assertThat(jwt.verify(new RSASSAVerifier(publicKey()))).isTrue();
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("1");
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getStringClaim("client_id")).isEqualTo(key.path("consumerKey").asText());
        assertThat(claims.getStringListClaim("api_product_list")).containsExactly(PRODUCT);
        assertThat(claims.getStringClaim("application_name")).isEqualTo("orders-app");
        assertThat(claims.getStringClaim("developer_email")).isEqualTo(DEVELOPER);
        assertThat(claims.getAudience()).containsExactly("microgateway");
        assertThat(claims.getIssuer()).isEqualTo(apigee.runtimeUrl(ENV) + "/edgemicro-auth/verifyApiKey");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(1_800_000L);
        assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
        // Only a registered gateway may ask.
        var anonymous = acme.postToAuth(ENV, "/verifyApiKey", Map.of("apiKey", key.path("consumerKey").asText()), null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(read(anonymous.body()).path("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    void verifyApiKeyRefusesUnknownRevokedAndUngrantedKeysAsVerifyApiKeyDoes() {
        acme.product("no-auth-product", List.of("edgemicro_orders"), 10);
        String ungranted = acme.app("ungranted-app", "no-auth-product").path("consumerKey").asText();
        String revoked = acme.app("revoked-app", PRODUCT).path("consumerKey").asText();
        acme.revoke("revoked-app", revoked);

        assertThat(refusal("no-app-has-this-key")).isEqualTo("oauth.v2.InvalidApiKey");
        assertThat(refusal(revoked)).isEqualTo("oauth.v2.ApiKeyNotApproved");
        // A product that does not list edgemicro-auth does not let edgemicro-auth verify the key.
        assertThat(refusal(ungranted)).isEqualTo("oauth.v2.InvalidApiKeyForGivenResource");
    }

    private static String refusal(String apiKey) {
        var answer = acme.postToAuth(ENV, "/verifyApiKey", Map.of("apiKey", apiKey), acme.gatewayBasic());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        return read(answer.body()).path("fault").path("detail").path("errorcode").asText();
    }

    @Test
    void theTokenEndpointIssuesAClientCredentialsTokenForTheAppsKeyAndSecretOnly() throws Exception {
        String id = key.path("consumerKey").asText();
        var granted = acme.postToAuth(ENV, "/token", Map.of("client_id", id, "client_secret", key.path("consumerSecret").asText(),
                "grant_type", "client_credentials"), null);
        var wrongSecret = acme.postToAuth(ENV, "/token", Map.of("client_id", id, "client_secret", "wrong",
                "grant_type", "client_credentials"), null);
        var noGrant = acme.postToAuth(ENV, "/token", Map.of("client_id", id, "client_secret", "wrong"), null);

        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        var body = read(granted.body());
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asInt()).isEqualTo(1800);
        assertThat(body.path("access_token").asText()).isEqualTo(body.path("token").asText());
        var claims = SignedJWT.parse(body.path("token").asText()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("access_token")).isNotBlank();
        assertThat(claims.getStringClaim("application_name")).isEqualTo("orders-app");
        assertThat(claims.getIssuer()).isEqualTo(apigee.runtimeUrl(ENV) + "/edgemicro-auth/token");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(read(wrongSecret.body()).path("ErrorCode").asText()).isEqualTo("invalid_client");
        assertThat(noGrant.statusCode()).isEqualTo(401);
    }

    @Test
    void productsListTheEnvironmentsProductsWithTheirQuotasAndNullForNone() {
        acme.client.create("/apiproducts", Map.of("name", "open-product", "displayName", "Open", "approvalType", "auto",
                "environments", List.of(ENV), "proxies", List.of("edgemicro-auth")), "/apiproducts/open-product", p -> true);
        acme.client.create("/apiproducts", Map.of("name", "prod-product", "displayName", "Prod", "approvalType", "auto",
                "environments", List.of("prod"), "proxies", List.of("edgemicro-auth")), "/apiproducts/prod-product", p -> true);

        var listed = get(auth(ENV, "/products"), acme.gatewayBasic());

        assertThat(listed.statusCode()).isEqualTo(200);
        var products = read(listed.body()).path("apiProduct");
        assertThat(products).extracting(p -> p.path("name").asText()).contains(PRODUCT, "open-product").doesNotContain("prod-product");
        var orders = find(products, PRODUCT);
        assertThat(orders.path("proxies")).extracting(JsonNode::asText).containsExactly("edgemicro_orders", "edgemicro-auth");
        assertThat(orders.path("apiResources")).extracting(JsonNode::asText).containsExactly("/**");
        assertThat(List.of(orders.path("quota").asText(), orders.path("quotaInterval").asText(), orders.path("quotaTimeUnit").asText()))
                .containsExactly("2", "1", "hour");
        // How the JavaCallout writes an unset quota, and what the gateway's quota plugin skips.
        assertThat(find(products, "open-product").path("quotaInterval").asText()).isEqualTo("null");
        assertThat(get(auth(ENV, "/products"), null).statusCode()).isEqualTo(401);
    }

    private static JsonNode find(JsonNode products, String name) {
        for (JsonNode p : products) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no product " + name + " in " + products);
    }

    @Test
    void quotasCountEachIdentifiersRequestsInItsCalendarWindow() {
        var version = get(auth(ENV, "/v2/version"), acme.gatewayBasic());
        var first = apply("acme.test.orders-app.orders-product");
        var second = apply("acme.test.orders-app.orders-product");
        var third = apply("acme.test.orders-app.orders-product");
        var other = apply("acme.test.other-app.orders-product");

        // volos-quota-apigee speaks the current protocol to 1.1.0 and later.
        assertThat(version.body()).isEqualTo("1.1.0");
        assertThat(List.of(first.path("used").asInt(), second.path("used").asInt(), third.path("used").asInt())).containsExactly(1, 2, 3);
        assertThat(third.path("allowed").asInt()).isEqualTo(2);
        assertThat(third.path("exceeded").asInt()).isEqualTo(1);
        assertThat(third.path("available").asInt()).isZero();
        assertThat(other.path("used").asInt()).isEqualTo(1);
        // An hourly window of the policy's calendar (from 2019-10-10 12:00:00) ends on the hour.
        var end = Instant.ofEpochMilli(third.path("expiryTime").asLong()).atZone(ZoneOffset.UTC);
        assertThat(List.of(end.getMinute(), end.getSecond())).containsExactly(0, 0);
        assertThat(third.path("expiryTime").asLong() - third.path("timestamp").asLong()).isBetween(1L, 3_600_000L);
        var anonymous = acme.postToAuth(ENV, "/v2/quotas/apply", Map.of("identifier", "x", "weight", 1, "interval", 1,
                "allow", 2, "timeUnit", "hour"), null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private static JsonNode apply(String identifier) {
        var answer = acme.postToAuth(ENV, "/v2/quotas/apply", Map.of("identifier", identifier, "weight", 1, "interval", 1,
                "allow", 2, "timeUnit", "hour", "quotaType", "flexi"), acme.gatewayBasic());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return read(answer.body());
    }

    @Test
    void analyticsUploadsFromTheRegisteredKeyAreKept() {
        var records = "{\"records\":[{\"apiproxy\":\"edgemicro_orders\",\"response_status_code\":200}]}";
        var upload = send(HttpRequest.newBuilder(service("axpublisher", ENV)).header("Authorization", acme.gatewayBasic())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(records)));
        var foreign = send(HttpRequest.newBuilder(service("axpublisher", ENV)).header("Authorization", basic("someone", "else"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(records)));

        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(read(upload.body())).isEqualTo(read("{\"accepted\":1,\"rejected\":0}"));
        assertThat(foreign.statusCode()).isEqualTo(401);
        assertThat(apigee.analyticsRecords(ENV)).containsExactly(read(records).path("records").get(0));
    }

    private static RSAPublicKey publicKey() throws Exception {
        var certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(acme.keys.certificatePem().getBytes(StandardCharsets.US_ASCII)));
        return (RSAPublicKey) certificate.getPublicKey();
    }
}
