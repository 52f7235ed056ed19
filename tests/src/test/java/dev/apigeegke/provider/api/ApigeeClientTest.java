package dev.apigeegke.provider.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import dev.apigeegke.provider.testing.ApigeeEmulator;
import dev.apigeegke.provider.testing.FakeTime;
import dev.apigeegke.provider.testing.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(ConformanceExtension.class)
class ApigeeClientTest {
    private static final String TOKEN = "tok-Zq81-SECRET";
    private static final String USER = "ops@example.com";
    private static final String PASSWORD = "pw-Hx72-SECRET";
    private static final String BASIC = java.util.Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final String CREDENTIALS_HINT =
            "the credentials were rejected: check apigee:accessToken / apigee:username+password / Application Default "
                    + "Credentials";

    private ApigeeEmulator apigee;
    private final FakeTime time = new FakeTime();

    @AfterEach
    void stop() {
        if (apigee != null) {
            apigee.close();
        }
    }

    private ApigeeClient client(ApigeePlatform platform) {
        apigee = ApigeeEmulator.start(platform, "acme").acceptBearer(TOKEN);
        return new ApigeeClient(apigee.config(new Credentials.Bearer(TOKEN)), time);
    }

    private ApigeeClient edgeWithBasicAuth() {
        apigee = ApigeeEmulator.start(ApigeePlatform.EDGE, "acme").acceptBearer(null).acceptBasic(USER, PASSWORD);
        return new ApigeeClient(apigee.config(new Credentials.Basic(USER, PASSWORD)), time);
    }

    private ApigeeClient withConfig(ApigeeConfig config) {
        return new ApigeeClient(config, time);
    }

    private static ApigeeConfig withBackoff(ApigeeConfig c, Duration backoff) {
        return new ApigeeConfig(c.platform(), c.baseUrl(), c.organization(), c.credentials(), c.deployTimeout(),
                c.maxAttempts(), backoff);
    }

    private static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }

    static byte[] bundle(String name) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("apiproxy/" + name + ".xml"));
            zip.write(("<APIProxy name=\"" + name + "\"/>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("apiproxy/proxies/default.xml"));
            zip.write("<ProxyEndpoint name=\"default\"/>".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An API product body as both platforms take it (Edge requires displayName and approvalType). */
    private static Map<String, String> product(String name) {
        return Map.of("name", name, "displayName", name, "approvalType", "auto");
    }

    private static void assertNoSecret(Throwable e) {
        assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain(PASSWORD).doesNotContain(BASIC);
    }

    @Test
    void importUploadsTheZipAsMultipartAndEachImportIsANewRevision() {
        var client = client(ApigeePlatform.X);
        byte[] zip = bundle("orders");

        assertThat(client.importProxy("orders", zip)).isEqualTo(1);
        assertThat(client.importProxy("orders", zip)).isEqualTo(2);
        assertThat(client.importProxy("catalog", bundle("catalog"))).isEqualTo(1);

        RecordedRequest upload = apigee.requests().get(0);
        assertThat(upload.method()).isEqualTo("POST");
        assertThat(upload.path()).isEqualTo("/v1/organizations/acme/apis");
        assertThat(upload.query()).isEqualTo("action=import&name=orders");
        assertThat(upload.header("content-type")).get().asString().startsWith("multipart/form-data; boundary=");
        var file = upload.part("file").orElseThrow();
        assertThat(file.fileName()).isEqualTo("orders.zip");
        assertThat(file.content()).isEqualTo(zip);
        assertThat(client.get("/apis/orders")).get().extracting(p -> p.path("revision").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(apigee.requests()).allSatisfy(r -> {
            assertThat(r.header("authorization")).contains("Bearer ***");
            assertThat(r.header("accept")).contains("application/json");
        });
    }

    @Test
    void edgeImportsAskApigeeToValidateTheBundleFirst() {
        var client = client(ApigeePlatform.EDGE);

        assertThat(client.importProxy("orders", bundle("orders"))).isEqualTo(1);

        assertThat(apigee.requests("POST", "/apis")).singleElement().extracting(RecordedRequest::query)
                .isEqualTo("action=import&name=orders&validate=true");
    }

    @Test
    void aPathSegmentPercentEncodesEverythingButTheUnreservedCharacters() {
        assertThat(ApigeeClient.segment("dev+ops@example.com")).isEqualTo("dev%2Bops%40example.com");
        assertThat(ApigeeClient.segment("a b*c~d/é")).isEqualTo("a%20b%2Ac~d%2F%C3%A9");
        assertThat(ApigeeClient.segment("Orders-v1.2_x")).isEqualTo("Orders-v1.2_x");
    }

    @Test
    void edgeAcceptsBasicAuthOnEveryRequest() {
        var client = edgeWithBasicAuth();

        assertThat(client.importProxy("orders", bundle("orders"))).isEqualTo(1);
        client.deploy("test", "orders", 1);

        assertThat(client.deployedRevision("test", "orders")).contains(1);
        assertThat(apigee.requests()).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(r -> assertThat(r.header("authorization")).contains("Basic ***"));
    }

    @Test
    void edgeAcceptsABearerToken() {
        var client = client(ApigeePlatform.EDGE);

        assertThat(client.importProxy("orders", bundle("orders"))).isEqualTo(1);
        assertThat(client.get("/apis/orders")).get().extracting(n -> n.path("revision").toString()).isEqualTo("[\"1\"]");
    }

    @Test
    void aZipWithoutAnApiproxyFolderIsRefusedAsAnInvalidBundle() {
        var client = client(ApigeePlatform.X);
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("proxies/default.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        var e = catchThrowableOfType(() -> client.importProxy("orders", bytes.toByteArray()), ApigeeException.class);

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).contains("Bundle is invalid");
        assertThatThrownBy(() -> client.importProxy("orders", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the bundle of API proxy 'orders' is empty: "
                        + "build a zip holding apiproxy/proxies/*.xml (and targets/, policies/) before importing it");
    }

    @Test
    void deployOnXRunsTheProxyAsTheGivenServiceAccount() {
        var client = client(ApigeePlatform.X);
        client.importProxy("orders", bundle("orders"));

        client.deploy("test", "orders", 1, "proxy-runner@my-project.iam.gserviceaccount.com");

        assertThat(apigee.requests("POST", "/environments/test/apis/orders/revisions/1/deployments"))
                .singleElement().extracting(RecordedRequest::query)
                .isEqualTo("override=true&serviceAccount=proxy-runner%40my-project.iam.gserviceaccount.com");
        assertThat(apigee.deployedRevision("test", "orders")).contains(1);
    }

    @Test
    void deployOnXWaitsThroughProgressingUntilReady() {
        var client = client(ApigeePlatform.X);
        client.importProxy("orders", bundle("orders"));
        apigee.deployAfterPolls(2);

        client.deploy("test", "orders", 1);

        var deploy = apigee.requests("POST", "/environments/test/apis/orders/revisions/1/deployments");
        assertThat(deploy).singleElement().extracting(RecordedRequest::query).isEqualTo("override=true");
        // Two PROGRESSING answers, then READY: polled after 1 s, then 2 s.
        assertThat(apigee.requests("GET", "/environments/test/apis/orders/revisions/1/deployments")).hasSize(3);
        assertThat(time.sleeps()).containsExactly(seconds(1), seconds(2));
        assertThat(apigee.deployedRevision("test", "orders")).contains(1);
    }

    @Test
    void deployOnEdgeSendsAFormAndWaitsUntilDeployed() {
        var client = client(ApigeePlatform.EDGE);
        client.importProxy("orders", bundle("orders"));
        apigee.deployAfterPolls(1);

        client.deploy("prod", "orders", 1);

        var deploy = apigee.requests("POST", "/environments/prod/apis/orders/revisions/1/deployments").get(0);
        assertThat(deploy.query()).isEqualTo("override=true");
        assertThat(deploy.header("content-type")).contains("application/x-www-form-urlencoded");
        assertThat(apigee.requests("GET", "/environments/prod/apis/orders/revisions/1/deployments")).hasSize(2);
        assertThat(time.sleeps()).containsExactly(seconds(1));
        assertThat(client.deployedRevision("prod", "orders")).contains(1);
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void deployOverridesTheRevisionDeployedInThatEnvironmentOnly(ApigeePlatform platform) {
        var client = client(platform);
        client.importProxy("orders", bundle("orders"));
        client.importProxy("orders", bundle("orders"));
        client.deploy("test", "orders", 1);
        client.deploy("prod", "orders", 1);

        client.deploy("test", "orders", 2);

        assertThat(client.deployedRevision("test", "orders")).contains(2);
        assertThat(client.deployedRevision("prod", "orders")).contains(1);
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void aFailedDeploymentReportsApigeesErrors(ApigeePlatform platform) {
        var client = client(platform);
        client.importProxy("orders", bundle("orders"));
        apigee.deployAfterPolls(1).failDeployments("Unresolved target server orders-backend");

        assertThatThrownBy(() -> client.deploy("test", "orders", 1))
                .isInstanceOf(ApigeeException.class)
                .hasMessageContaining("deploying revision 1 of API proxy 'orders' to environment 'test' failed")
                .hasMessageContaining("Unresolved target server orders-backend")
                .hasMessageContaining(platform == ApigeePlatform.X ? "ERROR" : "error");
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void aDeploymentThatNeverBecomesReadyTimesOutSayingHowToCheck(ApigeePlatform platform) {
        var client = client(platform);
        client.importProxy("orders", bundle("orders"));
        apigee.deployAfterPolls(Integer.MAX_VALUE);

        var e = catchThrowableOfType(() -> client.deploy("test", "orders", 1), ApigeeException.class);

        // Polls back off from 1 s to at most 5 s, and the last wait ends at the 5 minute deadline.
        assertThat(time.elapsed()).isEqualTo(Duration.ofMinutes(5));
        assertThat(time.sleeps()).startsWith(seconds(1), seconds(2), seconds(4), seconds(5), seconds(5))
                .allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(seconds(5)));
        assertThat(apigee.requests("GET", "/environments/test/apis/orders/revisions/1/deployments"))
                .hasSize(time.sleeps().size() + 1);
        assertThat(e.getMessage())
                .contains("deploying revision 1 of API proxy 'orders' to environment 'test' timed out after 5 min")
                .contains("last state: " + (platform == ApigeePlatform.X ? "PROGRESSING" : "undeployed"))
                .contains("check it with GET " + apigee.baseUrl()
                        + "/organizations/acme/environments/test/apis/orders/revisions/1/deployments");
        assertNoSecret(e);
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void undeployRemovesTheDeploymentAndUndeployingAgainIsNotAnError(ApigeePlatform platform) {
        var client = client(platform);
        client.importProxy("orders", bundle("orders"));
        client.deploy("test", "orders", 1);

        client.undeploy("test", "orders", 1);
        client.undeploy("test", "orders", 1);

        assertThat(client.deployedRevision("test", "orders")).isEmpty();
        assertThat(apigee.requests("DELETE", "/environments/test/apis/orders/revisions/1/deployments")).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void deployedRevisionIsEmptyForAProxyThatIsNotDeployedOrDoesNotExist(ApigeePlatform platform) {
        var client = client(platform);
        client.importProxy("orders", bundle("orders"));

        assertThat(client.deployedRevision("test", "orders")).isEmpty();
        assertThat(client.deployedRevision("test", "missing")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void aProxyCannotBeDeletedWhileARevisionIsDeployed(ApigeePlatform platform) {
        var client = client(platform);
        client.importProxy("orders", bundle("orders"));
        client.deploy("test", "orders", 1);

        var e = catchThrowableOfType(() -> client.delete("/apis/orders"), ApigeeException.class);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).contains("DELETE /organizations/acme/apis/orders").contains("Undeploy");

        client.undeploy("test", "orders", 1);
        client.delete("/apis/orders");
        client.delete("/apis/orders");
        assertThat(client.get("/apis/orders")).isEmpty();
    }

    @Test
    void rejectedBearerTokenSaysWhichSettingToCheckWithoutTheToken() {
        client(ApigeePlatform.X);
        var wrong = withConfig(apigee.config(new Credentials.Bearer(TOKEN + "-expired")));

        var e = catchThrowableOfType(() -> wrong.get("/apis"), ApigeeException.class);

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains(CREDENTIALS_HINT).contains("an access token");
        assertNoSecret(e);
        assertThat(apigee.requests()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void rejectedPasswordOnEdgeSaysWhichSettingToCheckWithoutThePassword() {
        edgeWithBasicAuth();
        var wrong = withConfig(apigee.config(new Credentials.Basic(USER, PASSWORD + "x")));

        var e = catchThrowableOfType(() -> wrong.importProxy("orders", bundle("orders")), ApigeeException.class);

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains(CREDENTIALS_HINT).contains("user name and password");
        assertThat(e.getMessage()).doesNotContain(PASSWORD).doesNotContain(java.util.Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD + "x").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void xDoesNotAcceptBasicAuth() {
        client(ApigeePlatform.X);
        var basic = withConfig(apigee.config(new Credentials.Basic(USER, PASSWORD)));

        assertThatThrownBy(() -> basic.get("/apis")).isInstanceOf(ApigeeException.class).hasMessageContaining(CREDENTIALS_HINT);
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void forbiddenNamesTheOrganizationAndTheRoleToGrant(ApigeePlatform platform) {
        var client = client(platform);
        apigee.failNext(1, 403, null);

        var e = catchThrowableOfType(() -> client.post("/apiproducts", product("shop")), ApigeeException.class);

        assertThat(e.status()).isEqualTo(403);
        assertThat(e.getMessage()).contains("the identity lacks permission on organization 'acme'")
                .contains(platform == ApigeePlatform.X ? "roles/apigee.admin" : "Organization Administrator role");
        assertNoSecret(e);
        assertThat(apigee.requests()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void notFoundSaysWhatIsMissingAndAtWhichPath() {
        var client = client(ApigeePlatform.X);

        var e = catchThrowableOfType(() -> client.deploy("test", "missing", 3), ApigeeException.class);

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.getMessage())
                .contains("not found: revision '3' of API proxy 'missing' in environment 'test'")
                .contains("POST /organizations/acme/environments/test/apis/missing/revisions/3/deployments")
                .contains("APIProxy named missing does not exist");
        assertNoSecret(e);
        assertThat(client.get("/apiproducts/missing")).isEmpty();
    }

    @Test
    void anotherOrganizationIsNotFound() {
        client(ApigeePlatform.EDGE);
        var c = apigee.config(new Credentials.Bearer(TOKEN));
        var other = withConfig(new ApigeeConfig(c.platform(), c.baseUrl(), "other", c.credentials(), c.deployTimeout(),
                c.maxAttempts(), c.initialBackoff()));

        assertThatThrownBy(() -> other.post("/developers", Map.of("email", "a@example.com", "firstName", "A",
                "lastName", "One", "userName", "a")))
                .isInstanceOf(ApigeeException.class)
                .hasMessageContaining("HTTP 404 on POST /organizations/other/developers")
                .hasMessageContaining("Organization other does not exist");
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void conflictSuggestsPulumiImportOrAnotherName(ApigeePlatform platform) {
        var client = client(platform);
        client.post("/apiproducts", product("shop"));

        var e = catchThrowableOfType(() -> client.post("/apiproducts", product("shop")), ApigeeException.class);

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.getMessage()).contains("API product 'shop' already exists in organization 'acme'")
                .contains("`pulumi import`").contains("choose another name");
        assertNoSecret(e);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 504})
    void transientFailuresAreRetriedUntilTheCallSucceeds(int status) {
        var client = client(ApigeePlatform.X);
        client.post("/apiproducts", Map.of("name", "shop"));
        apigee.clearRequests();
        apigee.failNext(2, status, null);

        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("name", "shop");
        body.put("scopes", List.of("read"));
        assertThat(client.put("/apiproducts/shop", body).path("scopes").toString()).isEqualTo("[\"read\"]");

        assertThat(time.sleeps()).containsExactly(seconds(1), seconds(2));
        assertThat(apigee.requests()).hasSize(3).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v1/organizations/acme/apiproducts/shop");
            assertThat(r.bodyText()).isEqualTo("{\"name\":\"shop\",\"scopes\":[\"read\"]}");
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void aCreateThatFailedAfterApigeeCarriedItOutIsNotSentAgain(int status) {
        var client = client(ApigeePlatform.X);
        apigee.failAfterProcessing("POST", "/apiproducts", status, null);

        var e = catchThrowableOfType(() -> client.create("/apiproducts", product("shop"), "/apiproducts/shop",
                found -> true), ApigeeException.class);

        assertThat(e.status()).isEqualTo(status);
        assertThat(e.getMessage()).startsWith("HTTP " + status + " on POST /organizations/acme/apiproducts: Apigee may "
                        + "have created API product 'shop' anyway, so the provider did not send the create again")
                .contains("Check with GET " + apigee.baseUrl() + "/organizations/acme/apiproducts/shop")
                .contains("`pulumi import`");
        assertThat(apigee.requests("POST", "/apiproducts")).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void aCreateIsRepeatedAfterARateLimitOrAnUnavailableWithRetryAfter(ApigeePlatform platform) {
        var client = client(platform);
        apigee.failNext(1, 429, null).failNext(1, 503, seconds(3));

        assertThat(client.create("/apiproducts", product("shop"), "/apiproducts/shop", found -> false)
                .path("name").asText()).isEqualTo("shop");

        assertThat(apigee.requests("POST", "/apiproducts")).hasSize(3);
        assertThat(time.sleeps()).containsExactly(seconds(1), seconds(3));
    }

    @Test
    void aRepeatedCreateThatFindsWhatItSentTakesItAsItsOwn() {
        var client = client(ApigeePlatform.X);
        // The first attempt creates the product, but its answer says to come back later.
        apigee.failAfterProcessing("POST", "/apiproducts", 503, seconds(2));

        var created = client.create("/apiproducts", product("shop"), "/apiproducts/shop",
                found -> found.path("displayName").asText().equals("shop"));

        assertThat(created.path("name").asText()).isEqualTo("shop");
        assertThat(apigee.requests().stream().map(r -> r.method() + " " + r.path()).toList()).containsExactly(
                "POST /v1/organizations/acme/apiproducts", "POST /v1/organizations/acme/apiproducts",
                "GET /v1/organizations/acme/apiproducts/shop");
    }

    @Test
    void aRepeatedCreateThatFindsSomethingElseReportsTheConflict() {
        var client = client(ApigeePlatform.EDGE);
        client.create("/apiproducts", Map.of("name", "shop", "displayName", "Someone else's", "approvalType", "auto"),
                "/apiproducts/shop", found -> true);
        apigee.failNext(1, 503, seconds(2));

        var e = catchThrowableOfType(() -> client.create("/apiproducts", product("shop"), "/apiproducts/shop",
                found -> found.path("displayName").asText().equals("shop")), ApigeeException.class);

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.getMessage()).contains("API product 'shop' already exists in organization 'acme'");
    }

    @Test
    void aCreateIsRepeatedWhenTheConnectionWasNeverMade() {
        client(ApigeePlatform.X);
        var config = apigee.config(new Credentials.Bearer(TOKEN));
        apigee.close();
        var offline = withConfig(config);

        var e = catchThrowableOfType(() -> offline.create("/apiproducts", product("shop"), "/apiproducts/shop",
                found -> true), ApigeeException.class);

        assertThat(time.sleeps()).containsExactly(seconds(1), seconds(2), seconds(4), seconds(8));
        assertThat(e.getMessage()).contains("on all 5 attempts");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409})
    void clientErrorsAreNotRetried(int status) {
        var client = client(ApigeePlatform.EDGE);
        apigee.failNext(1, status, null);

        assertThatThrownBy(() -> client.put("/apiproducts/shop", product("shop")))
                .isInstanceOfSatisfying(ApigeeException.class, e -> assertThat(e.status()).isEqualTo(status));
        assertThat(apigee.requests()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void unavailableAfterEveryAttemptSaysToRetryLater(ApigeePlatform platform) {
        var client = client(platform);
        apigee.failNext(5, 503, null);

        var e = catchThrowableOfType(() -> client.get("/apis"), ApigeeException.class);

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.getMessage()).contains("HTTP 503 on GET /organizations/acme/apis: Apigee is unavailable, still after 5 "
                + "attempts: retry later");
        assertNoSecret(e);
        assertThat(apigee.requests()).hasSize(5);
        // Four retries, the backoff doubling from 1 s.
        assertThat(time.sleeps()).containsExactly(seconds(1), seconds(2), seconds(4), seconds(8));
    }

    @Test
    void backoffDoublesUpToFiveMinutesAWait() {
        var client = client(ApigeePlatform.EDGE);
        var slow = withConfig(withBackoff(client.config(), Duration.ofMinutes(2)));
        apigee.failNext(4, 502, null);

        assertThat(slow.get("/apis")).isPresent();

        assertThat(time.sleeps()).containsExactly(Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(5),
                Duration.ofMinutes(5));
    }

    @Test
    void retryAfterIsHonouredInsteadOfTheBackoff() {
        var client = client(ApigeePlatform.X);
        var patient = withConfig(withBackoff(client.config(), Duration.ofHours(1)));
        apigee.failNext(1, 429, seconds(7)).failNext(1, 503, seconds(30));

        assertThat(patient.get("/apis")).isPresent();

        assertThat(apigee.requests()).hasSize(3);
        assertThat(time.sleeps()).containsExactly(seconds(7), seconds(30));
    }

    @Test
    void retryAfterAsAnHttpDateWaitsUntilThenAndNeverLongerThanFiveMinutes() {
        var now = FakeTime.START;
        assertThat(Transport.retryAfter(retryAfter("Fri, 01 Mar 2024 12:00:42 GMT"), now)).contains(seconds(42));
        assertThat(Transport.retryAfter(retryAfter("Fri, 01 Mar 2024 11:59:00 GMT"), now)).contains(Duration.ZERO);
        assertThat(Transport.retryAfter(retryAfter("Fri, 01 Mar 2024 14:00:00 GMT"), now)).contains(Duration.ofMinutes(5));
        assertThat(Transport.retryAfter(retryAfter("86400"), now)).contains(Duration.ofMinutes(5));
        assertThat(Transport.retryAfter(retryAfter("soon"), now)).isEmpty();
    }

    private static java.net.http.HttpHeaders retryAfter(String value) {
        return java.net.http.HttpHeaders.of(Map.of("Retry-After", List.of(value)), (k, v) -> true);
    }

    @Test
    void noAnswerIsRetriedThenReportedWithTheEndpointToCheck() {
        client(ApigeePlatform.X);
        var config = apigee.config(new Credentials.Bearer(TOKEN));
        apigee.close();
        var offline = withConfig(config);

        var e = catchThrowableOfType(() -> offline.get("/apis"), ApigeeException.class);

        assertThat(time.sleeps()).containsExactly(seconds(1), seconds(2), seconds(4), seconds(8));

        assertThat(e.status()).isZero();
        assertThat(e.getMessage()).contains("GET " + config.baseUrl() + "/organizations/acme/apis")
                .contains("on all 5 attempts").contains("check that the base URL is right");
        assertNoSecret(e);
    }

    @Test
    void developerAppKeysKeepTheirProductsUntilChangedThroughTheKey() {
        var client = client(ApigeePlatform.X);
        client.post("/apiproducts", Map.of("name", "basic"));
        client.post("/apiproducts", Map.of("name", "gold"));
        client.post("/developers", Map.of("email", "dev@example.com", "firstName", "Dev", "lastName", "One",
                "userName", "dev"));

        JsonNode app = client.post("/developers/" + ApigeeClient.segment("dev@example.com") + "/apps",
                Map.of("name", "shop-app", "apiProducts", List.of("basic")));
        JsonNode key = app.path("credentials").path(0);
        String consumerKey = key.path("consumerKey").asText();
        assertThat(consumerKey).isNotBlank();
        assertThat(key.path("consumerSecret").asText()).isNotBlank();
        assertThat(key.path("apiProducts").toString()).isEqualTo("[{\"apiproduct\":\"basic\",\"status\":\"approved\"}]");

        String appPath = "/developers/dev%40example.com/apps/shop-app";
        client.put(appPath, Map.of("name", "shop-app", "apiProducts", List.of("gold"), "callbackUrl", "https://x"));
        assertThat(client.get(appPath).orElseThrow().path("credentials").path(0).path("apiProducts").toString())
                .contains("basic").doesNotContain("gold");

        client.post(appPath + "/keys/" + consumerKey, Map.of("apiProducts", List.of("gold")));
        assertThat(client.get(appPath).orElseThrow().path("credentials").path(0).path("apiProducts").findValuesAsText("apiproduct"))
                .containsExactly("basic", "gold");
    }

    @Test
    void configDefaultsAreFiveMinutesFiveAttemptsAndOneSecondBackoffOnThePublicEndpoint() {
        var config = ApigeeConfig.of(ApigeePlatform.X, "acme", new Credentials.Bearer(TOKEN));

        assertThat(config.baseUrl()).isEqualTo(ApigeePlatform.X.defaultBaseUrl());
        assertThat(config.deployTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.maxAttempts()).isEqualTo(5);
        assertThat(config.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        var unset = new ApigeeConfig(ApigeePlatform.EDGE, null, "acme", new Credentials.Bearer(TOKEN), null, 0, null);
        assertThat(unset).isEqualTo(ApigeeConfig.of(ApigeePlatform.EDGE, "acme", new Credentials.Bearer(TOKEN)));
        assertThat(unset.baseUrl()).hasToString("https://api.enterprise.apigee.com/v1");
        assertThat(config.toString()).doesNotContain(TOKEN);
    }

    @Test
    void configReportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> new ApigeeConfig(null, null, " ", null, Duration.ZERO, 5, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid Apigee configuration: platform is missing: set EDGE or X; "
                        + "organization is missing: set the Apigee organization name; "
                        + "credentials are missing: set an access token, a user and password (Edge), or use Application Default "
                                + "Credentials (X); "
                        + "deployTimeout must be positive, got PT0S; initialBackoff must not be negative, got PT-1S");
    }

    @Test
    void applicationDefaultCredentialsAreNotLoadedUntilARequestNeedsThem() {
        var adc = new Credentials.GoogleDefault();
        var client = new ApigeeClient(ApigeeConfig.of(ApigeePlatform.X, "acme", adc), time);

        // Constructing the client and printing the config must not reach Google (no ADC exists in tests).
        assertThat(client.config().credentials()).hasToString("GoogleDefault");
        assertThat(client.config().toString()).contains("credentials=GoogleDefault");
    }
}
