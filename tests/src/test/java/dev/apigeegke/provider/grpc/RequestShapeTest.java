package dev.apigeegke.provider.grpc;

import static dev.apigeegke.provider.grpc.ProviderHarness.plain;
import static dev.apigeegke.provider.grpc.ProviderHarness.struct;
import static dev.apigeegke.provider.grpc.ProviderHarness.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import dev.apigeegke.provider.testing.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
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
