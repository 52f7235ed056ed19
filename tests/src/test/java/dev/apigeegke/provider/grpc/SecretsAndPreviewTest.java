package dev.apigeegke.provider.grpc;

import static dev.apigeegke.provider.grpc.ProviderHarness.UNKNOWN;
import static dev.apigeegke.provider.grpc.ProviderHarness.isSecret;
import static dev.apigeegke.provider.grpc.ProviderHarness.plain;
import static dev.apigeegke.provider.grpc.ProviderHarness.proxyInputs;
import static dev.apigeegke.provider.grpc.ProviderHarness.secret;
import static dev.apigeegke.provider.grpc.ProviderHarness.struct;
import static dev.apigeegke.provider.grpc.ProviderHarness.unknown;
import static dev.apigeegke.provider.grpc.ProviderHarness.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pulumirpc.Provider.DiffResponse.DiffChanges;

/** Secrets stay secrets on the wire; previews and unknown inputs never reach the management API. */
@ExtendWith(ConformanceExtension.class)
class SecretsAndPreviewTest {
    private final ProviderHarness h = ProviderHarness.configured(ApigeePlatform.EDGE);

    @AfterEach
    void stop() {
        h.close();
    }

    private void developerWithProduct() {
        h.create("apigee:index:Developer", h.checked("apigee:index:Developer", struct("email", "jane@example.com",
                "firstName", "Jane", "lastName", "Doe", "userName", "jane")), false);
        h.create("apigee:index:ApiProduct", h.checked("apigee:index:ApiProduct", struct("name", "p1")), false);
    }

    @Test
    void consumerKeyAndSecretComeBackAsSecretsFromCreateReadAndUpdate() {
        developerWithProduct();
        var inputs = h.checked("apigee:index:DeveloperApp", struct("developerEmail", "jane@example.com", "name", "app",
                "apiProducts", List.of("p1")));
        var created = h.create("apigee:index:DeveloperApp", inputs, false);
        var out = created.getProperties().getFieldsMap();
        assertThat(isSecret(out.get("consumerKey"))).isTrue();
        assertThat(isSecret(out.get("consumerSecret"))).isTrue();
        assertThat(isSecret(out.get("appId"))).isFalse();
        assertThat(plain(created.getProperties()).get("consumerSecret")).asString().isNotBlank();

        var read = h.read("apigee:index:DeveloperApp", created.getId(), created.getProperties(), inputs).getProperties();
        assertThat(isSecret(read.getFieldsOrThrow("consumerKey"))).isTrue();
        assertThat(isSecret(read.getFieldsOrThrow("consumerSecret"))).isTrue();
        var updated = h.update("apigee:index:DeveloperApp", created.getId(), created.getProperties(),
                with(inputs, "callbackUrl", "https://app.example.com/cb"), false).getProperties();
        assertThat(isSecret(updated.getFieldsOrThrow("consumerSecret"))).isTrue();
    }

    @Test
    void anInputThatWasASecretStaysASecretInTheOutputs() {
        var checked = h.checked("apigee:index:ApiProduct", struct("name", "p", "description", secret("internal notes")));
        assertThat(isSecret(checked.getFieldsOrThrow("description"))).isTrue();
        var created = h.create("apigee:index:ApiProduct", checked, false).getProperties();
        assertThat(isSecret(created.getFieldsOrThrow("description"))).isTrue();
        assertThat(isSecret(created.getFieldsOrThrow("name"))).isFalse();
        assertThat(h.apigee.requests("POST", "/apiproducts").get(0).bodyText()).contains("\"description\":\"internal notes\"");
    }

    @Test
    void previewCreateAndUpdateMakeNoCallAndLeaveComputedOutputsUnknown() {
        var inputs = h.checked("apigee:index:ApiProxy", proxyInputs("orders", "http://o", "test"));
        h.apigee.clearRequests();
        var preview = h.create("apigee:index:ApiProxy", inputs, true).getProperties();
        assertThat(preview.getFieldsOrThrow("revision").getStringValue()).isEqualTo(UNKNOWN);
        assertThat(preview.getFieldsOrThrow("deployedRevisions").getStringValue()).isEqualTo(UNKNOWN);
        assertThat(preview.getFieldsOrThrow("bundleHash")).isEqualTo(inputs.getFieldsOrThrow("bundleHash"));

        var appPreview = h.create("apigee:index:DeveloperApp", h.checked("apigee:index:DeveloperApp",
                struct("developerEmail", "jane@example.com", "name", "app", "apiProducts", unknown())), true).getProperties();
        assertThat(appPreview.getFieldsOrThrow("apiProducts").getStringValue()).isEqualTo(UNKNOWN);
        assertThat(isSecret(appPreview.getFieldsOrThrow("consumerSecret"))).isTrue();
        assertThat(plain(appPreview).get("consumerSecret")).isEqualTo(UNKNOWN);

        var outputs = with(inputs, "revision", "1", "deployedRevisions", java.util.Map.of("test", "1"));
        var newBundle = h.checked("apigee:index:ApiProxy", proxyInputs("orders", "http://o2", "test"));
        var updatePreview = h.update("apigee:index:ApiProxy", "orders", outputs, newBundle, true).getProperties();
        assertThat(updatePreview.getFieldsOrThrow("revision").getStringValue()).isEqualTo(UNKNOWN);
        var samePreview = h.update("apigee:index:ApiProxy", "orders", outputs, inputs, true).getProperties();
        assertThat(samePreview.getFieldsOrThrow("revision").getStringValue()).isEqualTo("1");
        assertThat(h.apigee.requests()).isEmpty();
    }

    @Test
    void anUnknownNewValueIsAChangeAndAnUnknownNameIsAReplacement() {
        var inputs = h.checked("apigee:index:ApiProduct", struct("name", "p", "proxies", List.of("orders")));
        var diff = h.diff("apigee:index:ApiProduct", "p", inputs, inputs, with(inputs, "proxies", unknown()));
        assertThat(diff.getChanges()).isEqualTo(DiffChanges.DIFF_SOME);
        assertThat(diff.getDiffsList()).containsExactly("proxies");
        assertThat(h.diff("apigee:index:ApiProduct", "p", inputs, inputs, with(inputs, "name", unknown())).getReplacesList())
                .containsExactly("name");
    }
}
