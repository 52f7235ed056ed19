package dev.apigeegke.provider.grpc;

import static dev.apigeegke.provider.grpc.ProviderHarness.plain;
import static dev.apigeegke.provider.grpc.ProviderHarness.struct;
import static dev.apigeegke.provider.grpc.ProviderHarness.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigeegke.provider.api.ApigeeClient;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.api.Credentials;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import dev.apigeegke.provider.testing.ApigeeEmulator;
import dev.apigeegke.provider.testing.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shapes the published API descriptions require of what the provider sends: path segments, required fields
 * and JSON types. The conformance check judges every request too; these pin the cases that used to go wrong.
 */
@ExtendWith(ConformanceExtension.class)
class RequestShapeTest {
    private static final String PRODUCT = "apigee:index:ApiProduct";
    private static final String DEVELOPER = "apigee:index:Developer";
    private static final String APP = "apigee:index:DeveloperApp";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProviderHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private static JsonNode json(RecordedRequest request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void aDeveloperEmailWithAPlusIsPercentEncodedInEveryPathThatNamesIt(ApigeePlatform platform) {
        h = ProviderHarness.configured(platform);
        h.create(PRODUCT, h.checked(PRODUCT, struct("name", "p1")), false);
        var devInputs = h.checked(DEVELOPER, struct("email", "dev+ops@example.com", "firstName", "Dev", "lastName", "Ops",
                "userName", "devops"));
        var dev = h.create(DEVELOPER, devInputs, false);
        var appInputs = h.checked(APP, struct("developerEmail", "dev+ops@example.com", "name", "shop-app",
                "apiProducts", List.of("p1")));
        var app = h.create(APP, appInputs, false);
        assertThat(app.getId()).isEqualTo("dev+ops@example.com/shop-app");
        assertThat(h.read(APP, app.getId(), app.getProperties(), appInputs).getId()).isEqualTo(app.getId());
        h.delete(APP, app.getId(), app.getProperties());
        h.delete(DEVELOPER, dev.getId(), dev.getProperties());

        var named = h.apigee.requests().stream().filter(r -> r.path().contains("/developers/")).toList();
        // Read, and the deletes of app and developer, each name the developer in the path.
        assertThat(named).hasSizeGreaterThanOrEqualTo(4).allSatisfy(r -> assertThat(r.path())
                .contains("/developers/dev%2Bops%40example.com").doesNotContain("+").doesNotContain("@"));
        assertThat(h.read(DEVELOPER, dev.getId(), dev.getProperties(), devInputs).getId()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void aProductWithoutDisplayNameOrApprovalTypeIsSentWithItsNameAndAuto(ApigeePlatform platform) {
        h = ProviderHarness.configured(platform);
        var inputs = h.checked(PRODUCT, struct("name", "shop"));
        var created = h.create(PRODUCT, inputs, false);
        h.update(PRODUCT, "shop", created.getProperties(), with(inputs, "scopes", List.of("read")), false);

        var create = json(h.apigee.requests("POST", "/apiproducts").get(0));
        var update = json(h.apigee.requests("PUT", "/apiproducts/shop").get(0));
        for (var body : List.of(create, update)) {
            assertThat(body.path("displayName").asText()).isEqualTo("shop");
            assertThat(body.path("approvalType").asText()).isEqualTo("auto");
        }
        assertThat(plain(created.getProperties())).containsEntry("displayName", "shop").containsEntry("approvalType", "auto");
    }

    /** A client of the emulator with the provider's credentials, for what others change on Apigee. */
    private ApigeeClient outsidePulumi() {
        return new ApigeeClient(h.apigee.config(new Credentials.Bearer(ApigeeEmulator.TOKEN)), h.time);
    }

    @Test
    void aProductUpdateOnXKeepsTheFieldsTheProviderDoesNotManageAndClearsTheInputsTakenOut() throws IOException {
        h = ProviderHarness.configured(ApigeePlatform.X);
        var inputs = h.checked(PRODUCT, struct("name", "shop", "quota", "100", "quotaInterval", "1", "quotaTimeUnit", "hour"));
        var created = h.create(PRODUCT, inputs, false);
        // Someone adds operations in the Apigee console.
        var operations = JSON.readTree("{\"operationConfigs\":[{\"apiSource\":\"orders\",\"operations\":[{\"resource\":"
                + "\"/items\",\"methods\":[\"GET\"]}],\"quota\":{\"limit\":\"10\",\"interval\":\"1\",\"timeUnit\":\"minute\"}}],"
                + "\"operationConfigType\":\"proxy\"}");
        var withOperations = JSON.createObjectNode().put("name", "shop").put("displayName", "shop")
                .put("approvalType", "auto").put("quota", "100").put("quotaInterval", "1").put("quotaTimeUnit", "hour");
        withOperations.set("operationGroup", operations);
        outsidePulumi().put("/apiproducts/shop", withOperations);

        h.update(PRODUCT, "shop", created.getProperties(), h.checked(PRODUCT, struct("name", "shop", "scopes",
                List.of("read"))), false);

        var product = outsidePulumi().get("/apiproducts/shop").orElseThrow();
        assertThat(product.path("operationGroup")).isEqualTo(operations);
        assertThat(product.path("scopes").toString()).isEqualTo("[\"read\"]");
        assertThat(product.has("quota")).as("quota, taken out of the program, is cleared").isFalse();
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void changingAnAppsProductsKeepsTheAttributesOfItsKey(ApigeePlatform platform) {
        h = ProviderHarness.configured(platform);
        h.productsAndJane("p1", "p2");
        var inputs = h.checked(APP, struct("developerEmail", "jane@example.com", "name", "shop-app",
                "apiProducts", List.of("p1")));
        var app = h.create(APP, inputs, false);
        var keyPath = "/developers/jane%40example.com/apps/shop-app/keys/" + ProviderHarness.str(app.getProperties(),
                "consumerKey");
        // An attribute set on the key outside Pulumi, e.g. by a portal.
        outsidePulumi().post(keyPath, Map.of("apiProducts", List.of("p1"), "attributes",
                List.of(Map.of("name", "tier", "value", "gold"))));

        h.update(APP, app.getId(), app.getProperties(), h.checked(APP, with(inputs, "apiProducts", List.of("p2"))), false);

        var key = outsidePulumi().get(keyPath).orElseThrow();
        assertThat(key.path("attributes")).singleElement().satisfies(a -> assertThat(a.path("name").asText() + "="
                + a.path("value").asText()).isEqualTo("tier=gold"));
        assertThat(key.path("apiProducts").findValuesAsText("apiproduct")).containsExactly("p2");
    }

    @Test
    void aKeyLifetimeBeyondAnInt32IsSentExactlyAsAnInt64StringOnX() {
        h = ProviderHarness.configured(ApigeePlatform.X);
        h.productsAndJane("p1");

        var app = h.create(APP, h.checked(APP, struct("developerEmail", "jane@example.com", "name", "shop-app",
                "apiProducts", List.of("p1"), "keyExpiresIn", 7_776_000_000L)), false);

        assertThat(json(h.apigee.requests("POST", "/apps").get(0)).path("keyExpiresIn").asText()).isEqualTo("7776000000");
        assertThat(plain(app.getProperties())).containsEntry("keyExpiresIn", 7.776E9);
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void keyExpiresInIsSentWithTheJsonTypeOfEachPlatformsDescription(ApigeePlatform platform) {
        h = ProviderHarness.configured(platform);
        h.create(PRODUCT, h.checked(PRODUCT, struct("name", "p1")), false);
        h.create(DEVELOPER, h.checked(DEVELOPER, struct("email", "jane@example.com", "firstName", "Jane",
                "lastName", "Doe", "userName", "jane")), false);
        h.create(APP, h.checked(APP, struct("developerEmail", "jane@example.com", "name", "shop-app",
                "apiProducts", List.of("p1"), "keyExpiresIn", 3600000)), false);

        var sent = json(h.apigee.requests("POST", "/apps").get(0)).path("keyExpiresIn");
        // X: an int64, which Google's JSON mapping writes as a string; Edge: an integer.
        if (platform == ApigeePlatform.X) {
            assertThat(sent.isTextual()).as("keyExpiresIn %s is a JSON string", sent).isTrue();
        } else {
            assertThat(sent.isIntegralNumber()).as("keyExpiresIn %s is a JSON number", sent).isTrue();
        }
        assertThat(sent.asLong()).isEqualTo(3600000L);
    }
}
