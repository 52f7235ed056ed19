package dev.apigeegke.provider.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.testing.ApigeeEmulator;
import dev.apigeegke.provider.testing.RecordedExchange;
import dev.apigeegke.provider.testing.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The judge on requests and answers built from the descriptions: the conforming ones pass, and each kind of
 * nonconformity fails with a message that names it, so a passing provider suite means something.
 */
class ConformanceJudgeTest {
    private static final ApigeePlatform X = ApigeePlatform.X;
    private static final ApigeePlatform EDGE = ApigeePlatform.EDGE;
    private static final String JSON = "application/json";
    private static final String EDGE_PRODUCT = "{\"name\":\"shop\",\"displayName\":\"Shop\",\"approvalType\":\"auto\"}";

    private final ConformanceJudge judge = new ConformanceJudge(ApiDescriptions.get());

    /** A request of {@code method} to {@code target} (path and query as sent) and the answer it got. */
    private static RecordedExchange exchange(ApigeePlatform platform, String method, String target, String contentType,
                                             String body, int status, String answer) {
        String[] pathAndQuery = target.split("\\?", 2);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("authorization", List.of("Bearer ***"));
        if (contentType != null) {
            headers.put("content-type", List.of(contentType));
        }
        var request = new RecordedRequest(method, pathAndQuery[0], pathAndQuery.length > 1 ? pathAndQuery[1] : "", headers,
                bytes(body));
        return new RecordedExchange(platform, request, status, answer == null ? null : JSON, bytes(answer));
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    private Verdict judge(ApigeePlatform platform, String method, String target, String contentType, String body,
                          int status, String answer) {
        return judge.judge(exchange(platform, method, target, contentType, body, status, answer));
    }

    private static String multipart(String field) {
        return "--b\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"orders.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\nPK\u0003\u0004\r\n--b--\r\n";
    }

    @Test
    void requestsAndAnswersBuiltFromTheDescriptionsConform() {
        var edge = judge(EDGE, "POST", "/v1/organizations/acme/apiproducts", JSON, EDGE_PRODUCT, 201,
                "{\"name\":\"shop\",\"displayName\":\"Shop\",\"approvalType\":\"auto\",\"createdAt\":1523971974806}");
        var x = judge(X, "POST", "/v1/organizations/acme/apiproducts", JSON, "{\"name\":\"shop\",\"quota\":\"10\"}", 200,
                "{\"name\":\"shop\",\"quota\":\"10\",\"createdAt\":\"1523971974806\"}");
        var deploy = judge(X, "POST", "/v1/organizations/acme/environments/test/apis/orders/revisions/3/deployments"
                + "?override=true&serviceAccount=runner%40p.iam.gserviceaccount.com", null, null, 200,
                "{\"environment\":\"test\",\"apiProxy\":\"orders\",\"revision\":\"3\",\"state\":\"PROGRESSING\"}");

        assertThat(List.of(edge, x, deploy)).allSatisfy(v -> assertThat(v.violations()).isEmpty());
        assertThat(edge.operation().id()).isEqualTo("createAPIProduct");
        assertThat(x.operation().id()).isEqualTo("apigee.organizations.apiproducts.create");
        assertThat(deploy.operation().id()).isEqualTo("apigee.organizations.environments.apis.revisions.deploy");
    }

    @Test
    void aFieldTheSchemaDoesNotListIsAViolationNamingIt() {
        var v = judge(X, "POST", "/v1/organizations/acme/apiproducts", JSON, "{\"name\":\"shop\",\"quotaLimit\":\"10\"}",
                400, null);

        assertThat(v.violations()).singleElement().asString()
                .startsWith("body $.quotaLimit: is not a field of GoogleCloudApigeeV1ApiProduct");
    }

    @Test
    void aRequiredFieldMissingIsAViolationOnEitherPlatform() {
        var edge = judge(EDGE, "POST", "/v1/organizations/acme/apiproducts", JSON, "{\"name\":\"shop\"}", 400, null);
        var x = judge(X, "POST", "/v1/organizations/acme/developers", JSON,
                "{\"email\":\"a@example.com\",\"firstName\":\"A\",\"lastName\":\"B\"}", 400, null);

        assertThat(edge.violations()).containsExactlyInAnyOrder(
                "body $.displayName: is required (listed in \"required\") but missing [APIProductRequest]",
                "body $.approvalType: is required (listed in \"required\") but missing [APIProductRequest]");
        // The discovery document marks required fields in their descriptions.
        assertThat(x.violations()).singleElement().asString()
                .startsWith("body $.userName: is required (its description says \"Required. User name of the developer.");
    }

    @Test
    void aValueOutsideAnEnumIsAViolationInARequestAndInAnAnswer() {
        var request = judge(EDGE, "POST", "/v1/organizations/acme/apiproducts", JSON,
                "{\"name\":\"shop\",\"displayName\":\"Shop\",\"approvalType\":\"automatic\"}", 400, null);
        var answer = judge(X, "GET", "/v1/organizations/acme/environments/test/apis/orders/revisions/3/deployments",
                null, null, 200, "{\"state\":\"DONE\"}");

        assertThat(request.violations()).singleElement().asString()
                .startsWith("body $.approvalType: \"automatic\" is not one of its enum values [auto, manual]");
        assertThat(answer.violations()).singleElement().asString().startsWith("answer $.state: \"DONE\" is not one of");
    }

    @Test
    void aRequiredQueryParameterMissingOrAnUnknownOneIsAViolation() {
        var missing = judge(EDGE, "POST", "/v1/organizations/acme/developers/jane%40example.com", null, null, 204, null);
        var unknown = judge(X, "POST", "/v1/organizations/acme/environments/test/apis/orders/revisions/3/deployments"
                + "?override=true&force=true", null, null, 200, "{}");
        var typed = judge(X, "POST", "/v1/organizations/acme/environments/test/apis/orders/revisions/3/deployments"
                + "?override=yes", null, null, 200, "{}");

        assertThat(missing.operation().id()).isEqualTo("setDeveloperStatus");
        assertThat(missing.violations()).singleElement().asString().startsWith("query action: is required");
        assertThat(unknown.violations()).singleElement().asString()
                .startsWith("query force: is not a parameter of apigee.organizations.environments.apis.revisions.deploy "
                        + "(its own: override, sequencedRollout, serviceAccount)");
        assertThat(typed.violations()).singleElement().asString().contains("\"yes\" is not true or false");
    }

    @Test
    void aPlusOrAtLeftUnencodedInAPathSegmentIsAViolationOnBothPlatforms() {
        for (var platform : ApigeePlatform.values()) {
            var raw = judge(platform, "GET", "/v1/organizations/acme/developers/dev+ops@example.com", null, null, 404, null);
            var encoded = judge(platform, "GET", "/v1/organizations/acme/developers/dev%2Bops%40example.com", null, null,
                    404, null);

            assertThat(raw.violations()).as("%s", platform).singleElement().asString()
                    .contains("\"dev+ops@example.com\" is sent as \"dev+ops@example.com\" but must be \"dev%2Bops%40example.com\"");
            assertThat(encoded.violations()).as("%s", platform).isEmpty();
        }
        var lowerHex = judge(EDGE, "GET", "/v1/organizations/acme/developers/dev%2bops%40example.com", null, null, 404, null);
        assertThat(lowerHex.violations()).singleElement().asString().contains("must be \"dev%2Bops%40example.com\"");
    }

    @Test
    void anInt64IsAJsonStringOnXAndAnIntegerAJsonNumberOnEdge() {
        String app = "/v1/organizations/acme/developers/jane%40example.com/apps";
        var xNumber = judge(X, "POST", app, JSON, "{\"name\":\"a\",\"keyExpiresIn\":3600000}", 400, null);
        var xString = judge(X, "POST", app, JSON, "{\"name\":\"a\",\"keyExpiresIn\":\"3600000\"}", 200, "{\"name\":\"a\"}");
        var edgeString = judge(EDGE, "POST", app, JSON, "{\"name\":\"a\",\"keyExpiresIn\":\"3600000\"}", 400, null);
        var edgeNumber = judge(EDGE, "POST", app, JSON, "{\"name\":\"a\",\"keyExpiresIn\":3600000}", 201, "{\"name\":\"a\"}");
        var xAnswer = judge(X, "GET", "/v1/organizations/acme/apiproducts/shop", null, null, 200,
                "{\"name\":\"shop\",\"createdAt\":1523971974806}");

        assertThat(xNumber.violations()).singleElement().asString().startsWith("body $.keyExpiresIn: must be a string");
        assertThat(xString.violations()).isEmpty();
        assertThat(edgeString.violations()).singleElement().asString()
                .startsWith("body $.keyExpiresIn: must be a whole number, got \"3600000\"");
        assertThat(edgeNumber.violations()).isEmpty();
        assertThat(xAnswer.violations()).singleElement().asString().startsWith("answer $.createdAt: must be a string");
    }

    @Test
    void aRequestThatMatchesNoOperationIsAViolation() {
        var noPath = judge(X, "GET", "/v1/organizations/acme/apis/orders/revisions", null, null, 200, "[\"1\"]");
        var noMethod = judge(X, "PATCH", "/v1/organizations/acme/apiproducts/shop", JSON, "{}", 200, "{}");

        assertThat(noPath.operation()).isNull();
        assertThat(noPath.violations()).containsExactly("matches no operation of the published Apigee X description");
        assertThat(noMethod.violations()).singleElement().asString()
                .startsWith("matches no operation of the published Apigee X description; its path takes only ")
                .contains("GET (apigee.organizations.apiproducts.get)");
    }

    @Test
    void aBodyInAContentTypeTheOperationDoesNotTakeIsAViolation() {
        var plain = judge(EDGE, "POST", "/v1/organizations/acme/apiproducts", "text/plain", EDGE_PRODUCT, 415, null);
        var bodyOnGet = judge(X, "GET", "/v1/organizations/acme/apiproducts/shop", JSON, "{}", 200, "{\"name\":\"shop\"}");
        var edgeDeploy = judge(EDGE, "POST", "/v1/organizations/acme/environments/test/apis/orders/revisions/1/deployments"
                + "?override=true", null, null, 415, null);

        assertThat(plain.violations()).singleElement().asString()
                .isEqualTo("Content-Type: \"text/plain\" is not one createAPIProduct takes [application/json]");
        assertThat(bodyOnGet.violations()).singleElement().asString().startsWith("body: apigee.organizations.apiproducts.get takes no body");
        assertThat(edgeDeploy.violations()).containsExactly(
                "header Content-type: is required (apigee-edge/deployments.yaml deployAPIProxy) but missing",
                "Content-type: must be application/x-www-form-urlencoded, got \"\": Content-type: \"Must be set to "
                        + "`application/x-www-form-urlencoded`.\" (deployAPIProxy)");
    }

    @Test
    void anImportMustUploadTheBundleAsMultipartInTheFileField() {
        String target = "/v1/organizations/acme/apis?action=import&name=orders";
        var zip = judge(X, "POST", target, "application/zip", "PK\u0003\u0004", 200, "{\"revision\":\"1\"}");
        var wrongField = judge(X, "POST", target, "multipart/form-data; boundary=b", multipart("bundle"), 200,
                "{\"revision\":\"1\"}");
        var good = judge(EDGE, "POST", target + "&validate=true", "multipart/form-data; boundary=b", multipart("file"), 201,
                "{\"name\":\"orders\",\"revision\":\"1\",\"createdAt\":1523971974806}");
        var badAction = judge(EDGE, "POST", "/v1/organizations/acme/apis?action=upload&name=orders",
                "multipart/form-data; boundary=b", multipart("file"), 201, "{\"name\":\"orders\"}");

        assertThat(zip.violations()).singleElement().asString()
                .startsWith("Content-Type: an import must be multipart/form-data, got \"application/zip\"");
        assertThat(wrongField.violations()).singleElement().asString()
                .startsWith("body: an import must carry the bundle in the form field `file`, and this one has [bundle]");
        assertThat(good.violations()).isEmpty();
        assertThat(badAction.violations()).singleElement().asString()
                .startsWith("query action: \"upload\" is not one of [import, validate]");
    }

    @Test
    void anAnswerIsHeldToItsSchemaAndItsStatusToTheOnesListed() {
        var extra = judge(X, "GET", "/v1/organizations/acme/apis/orders", null, null, 200,
                "{\"name\":\"orders\",\"revision\":[\"1\"],\"metaData\":{\"createdBy\":\"someone\"}}");
        var empty = judge(X, "DELETE", "/v1/organizations/acme/environments/test/apis/orders/revisions/1/deployments",
                null, null, 200, "{\"state\":\"UNDEPLOYED\"}");
        var status = judge(EDGE, "POST", "/v1/organizations/acme/apiproducts", JSON, EDGE_PRODUCT, 200, EDGE_PRODUCT);
        var noBody = judge(X, "GET", "/v1/organizations/acme/apiproducts/shop", null, null, 200, null);

        assertThat(extra.violations()).singleElement().asString()
                .startsWith("answer $.metaData.createdBy: is not a field of GoogleCloudApigeeV1EntityMetadata");
        assertThat(empty.violations()).singleElement().asString()
                .startsWith("answer $.state: is not a field of GoogleProtobufEmpty");
        assertThat(status.violations()).singleElement().asString()
                .startsWith("answer: status 200 is not one the description lists for createAPIProduct");
        assertThat(noBody.violations())
                .containsExactly("answer: has no body, but the description gives GoogleCloudApigeeV1ApiProduct for status 200");
    }

    @Test
    void aReadOnlyFieldInARequestIsAViolation() {
        var v = judge(X, "PUT", "/v1/organizations/acme/developers/jane%40example.com", JSON,
                "{\"email\":\"jane@example.com\",\"firstName\":\"J\",\"lastName\":\"D\",\"userName\":\"j\",\"status\":\"active\"}",
                400, null);

        assertThat(v.violations()).singleElement().asString()
                .startsWith("body $.status: is read-only (\"Output only. Status of the developer.");
    }

    @Test
    void aLiteralSegmentWinsOverAVariableOne() {
        var v = judge(EDGE, "POST", "/v1/organizations/acme/developers/jane%40example.com/apps/shop/keys/create", JSON,
                "{\"consumerKey\":\"k\",\"consumerSecret\":\"s\"}", 201, "{\"consumerKey\":\"k\",\"consumerSecret\":\"s\"}");

        assertThat(v.operation().id()).isEqualTo("createDevAppKey");
        assertThat(v.violations()).isEmpty();
    }

    @Test
    void edgeTargetServersAreJudgedOnlyOnWhatApigeesReferencePagesState() {
        String target = "/v1/organizations/acme/environments/test/targetservers";
        var json = judge(EDGE, "POST", target, JSON, "{\"name\":\"t\",\"host\":\"h\",\"port\":80}", 201, "{\"name\":\"t\"}");
        var text = judge(EDGE, "POST", target, "text/plain", "t", 201, null);
        var unencoded = judge(EDGE, "GET", target + "/a+b", null, null, 404, null);

        assertThat(json.operation().published()).isFalse();
        assertThat(json.violations()).isEmpty();
        assertThat(text.violations()).singleElement().asString().startsWith("Content-Type: \"text/plain\" is not one");
        assertThat(unencoded.violations()).singleElement().asString().contains("but must be \"a%2Bb\"");
    }

    @Test
    void edgeMicrogatewayKeyCallsAreHeldToThePathsAndBodiesEdgemicroConfigureUses() {
        String credential = "/edgemicro/credential/organization/acme/environment/test";
        var register = judge(EDGE, "POST", credential, JSON, "{\"key\":\"k\",\"secret\":\"s\"}", 201, null);
        var revoke = judge(EDGE, "DELETE", credential, JSON, "{\"key\":\"k\"}", 200, null);
        var region = judge(EDGE, "GET", "/edgemicro/region/organization/acme/environment/test", null, null, 200,
                "{\"region\":\"us-east-1\",\"host\":\"edgemicroservices-us-east-1.apigee.net\"}");
        var noSecret = judge(EDGE, "POST", credential, JSON, "{\"key\":\"k\"}", 201, null);
        var extra = judge(EDGE, "DELETE", credential, JSON, "{\"key\":\"k\",\"secret\":\"s\"}", 200, null);
        var noHost = judge(EDGE, "GET", "/edgemicro/region/organization/acme/environment/test", null, null, 200,
                "{\"region\":\"us-east-1\"}");
        var belowV1 = judge(EDGE, "POST", "/v1" + credential, JSON, "{\"key\":\"k\",\"secret\":\"s\"}", 201, null);

        assertThat(List.of(register, revoke, region)).allSatisfy(v -> {
            assertThat(v.violations()).isEmpty();
            assertThat(v.operation().published()).isFalse();
        });
        assertThat(register.operation().id()).isEqualTo("registerMicrogatewayCredential");
        assertThat(noSecret.violations()).singleElement().asString().startsWith("body $.secret: is required");
        assertThat(extra.violations()).singleElement().asString().startsWith("body $.secret: is not a field");
        assertThat(noHost.violations()).singleElement().asString().startsWith("answer $.host: is required");
        assertThat(belowV1.operation()).isNull();
    }

    @Test
    void theToleratedDeviationIsReportedApartAndNothingElseIsTolerated() {
        String target = "/v1/organizations/acme/environments/test/apis/orders/revisions/1/deployments";
        var tolerated = judge(EDGE, "GET", target, null, null, 200,
                "{\"state\":\"error\",\"server\":[{\"status\":\"error\",\"error\":\"no target server\"}]}");
        var other = judge(EDGE, "GET", target, null, null, 200, "{\"state\":\"error\",\"reason\":\"no target server\"}");

        assertThat(tolerated.conforms()).isTrue();
        assertThat(tolerated.tolerated()).singleElement().asString().startsWith("answer $.server[0].error: is not a field");
        assertThat(other.violations()).singleElement().asString().startsWith("answer $.reason: is not a field");
    }

    @Test
    void anEmulatorStartedWithoutTheConformanceCheckIsRefused() {
        assertThatThrownBy(() -> ApigeeEmulator.start(ApigeePlatform.X, "acme"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@ExtendWith(dev.apigeegke.provider.conformance.ConformanceExtension.class)");
    }
}
