package dev.apigeegke.provider.grpc;

import static dev.apigeegke.provider.grpc.ProviderHarness.base64;
import static dev.apigeegke.provider.grpc.ProviderHarness.bundle;
import static dev.apigeegke.provider.grpc.ProviderHarness.plain;
import static dev.apigeegke.provider.grpc.ProviderHarness.proxyInputs;
import static dev.apigeegke.provider.grpc.ProviderHarness.str;
import static dev.apigeegke.provider.grpc.ProviderHarness.struct;
import static dev.apigeegke.provider.grpc.ProviderHarness.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pulumirpc.Provider.DiffResponse.DiffChanges;
import pulumirpc.Provider.PropertyDiff;

/**
 * Each resource type through the calls of a stack's life — Check, Create, Diff, Update, Read, Delete —
 * over gRPC against the Apigee emulator.
 */
@ExtendWith(ConformanceExtension.class)
class ResourceLifecycleTest {
    private static final String PROXY = "apigee:index:ApiProxy";
    private static final String TARGET = "apigee:index:TargetServer";
    private static final String PRODUCT = "apigee:index:ApiProduct";
    private static final String DEVELOPER = "apigee:index:Developer";
    private static final String APP = "apigee:index:DeveloperApp";

    private ProviderHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void apiProxyIsImportedDeployedRedeployedOnANewBundleAndUndeployedOnDelete(ApigeePlatform platform) {
        h = ProviderHarness.configured(platform);
        var inputs = h.checked(PROXY, proxyInputs("orders", "http://orders.internal", "test"));
        var created = h.create(PROXY, inputs, false);
        assertThat(created.getId()).isEqualTo("orders");
        var outputs = created.getProperties();
        assertThat(plain(outputs)).containsEntry("revision", "1").containsEntry("deployedRevisions", Map.of("test", "1"))
                .doesNotContainKey("bundle");
        assertThat(h.apigee.deployedRevision("test", "orders")).contains(1);

        // The same zip re-encoded (line-wrapped base64) is no change: only the hash is compared.
        var zip = Base64.getDecoder().decode(str(inputs, "bundle"));
        var rewrapped = h.checked(PROXY, with(inputs, "bundle", Base64.getMimeEncoder().encodeToString(zip)));
        assertThat(h.diff(PROXY, "orders", outputs, inputs, rewrapped).getChanges()).isEqualTo(DiffChanges.DIFF_NONE);

        var newBundle = h.checked(PROXY, proxyInputs("orders", "http://orders-v2.internal", "test", "prod"));
        var diff = h.diff(PROXY, "orders", outputs, inputs, newBundle);
        assertThat(diff.getChanges()).isEqualTo(DiffChanges.DIFF_SOME);
        assertThat(diff.getDiffsList()).containsExactlyInAnyOrder("bundleHash", "environments");
        assertThat(diff.getReplacesList()).isEmpty();
        var renamed = h.diff(PROXY, "orders", outputs, inputs, h.checked(PROXY, with(inputs, "name", "orders2")));
        assertThat(renamed.getReplacesList()).containsExactly("name");
        assertThat(renamed.getDetailedDiffMap().get("name").getKind()).isEqualTo(PropertyDiff.Kind.UPDATE_REPLACE);

        var updated = h.update(PROXY, "orders", outputs, newBundle, false).getProperties();
        assertThat(plain(updated)).containsEntry("revision", "2")
                .containsEntry("deployedRevisions", Map.of("test", "2", "prod", "2"));
        assertThat(h.apigee.deployedRevision("test", "orders")).contains(2);
        assertThat(h.apigee.deployedRevision("prod", "orders")).contains(2);

        var narrowed = h.checked(PROXY, with(newBundle, "environments", List.of("prod")));
        var afterNarrowing = h.update(PROXY, "orders", updated, narrowed, false).getProperties();
        assertThat(h.apigee.deployedRevision("test", "orders")).isEmpty();
        assertThat(plain(afterNarrowing)).containsEntry("deployedRevisions", Map.of("prod", "2"));

        var read = h.read(PROXY, "orders", afterNarrowing, narrowed);
        assertThat(read.getId()).isEqualTo("orders");
        assertThat(plain(read.getProperties())).containsEntry("revision", "2").containsEntry("environments", List.of("prod"))
                .containsEntry("bundleHash", str(narrowed, "bundleHash"));
        assertThat(read.getInputs()).isEqualTo(narrowed);

        h.delete(PROXY, "orders", afterNarrowing);
        assertThat(h.apigee.deployedRevision("prod", "orders")).isEmpty();
        assertThat(h.read(PROXY, "orders", afterNarrowing, narrowed).getId()).isEmpty();
    }

    @Test
    void aRevisionDeployedOutsidePulumiMakesTheNextUpDeployTheProgramsBundleAgain() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var inputs = h.checked(PROXY, proxyInputs("orders", "http://orders.internal", "test"));
        var outputs = h.create(PROXY, inputs, false).getProperties();
        // Someone imports and deploys another bundle by hand (here: another stack that takes the proxy over).
        h.create(PROXY, h.checked(PROXY, with(proxyInputs("orders", "http://hand-made.internal", "test"),
                "adoptExisting", true)), false);
        assertThat(h.apigee.deployedRevision("test", "orders")).contains(2);

        var refreshed = h.read(PROXY, "orders", outputs, inputs);
        assertThat(refreshed.getInputs().containsFields("bundleHash")).isFalse();
        var diff = h.diff(PROXY, "orders", refreshed.getProperties(), refreshed.getInputs(), inputs);
        assertThat(diff.getDiffsList()).containsExactly("bundleHash");

        var updated = h.update(PROXY, "orders", refreshed.getProperties(), inputs, false).getProperties();
        assertThat(plain(updated)).containsEntry("revision", "3");
        assertThat(h.apigee.deployedRevision("test", "orders")).contains(3);
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void targetServerGetsItsDefaultsUpdatesInPlaceAndIsReplacedWhenMovedToAnotherEnvironment(ApigeePlatform platform) {
        h = ProviderHarness.configured(platform);
        var inputs = h.checked(TARGET, struct("environment", "test", "name", "orders-backend", "host", "10.0.0.7", "port", 8080));
        assertThat(plain(inputs)).containsEntry("sslEnabled", false).containsEntry("enabled", true);
        var created = h.create(TARGET, inputs, false);
        assertThat(created.getId()).isEqualTo("test/orders-backend");
        var outputs = created.getProperties();
        assertThat(plain(outputs)).containsEntry("port", 8080.0).containsEntry("host", "10.0.0.7");

        assertThat(h.diff(TARGET, created.getId(), outputs, inputs, inputs).getChanges()).isEqualTo(DiffChanges.DIFF_NONE);
        var moved = h.diff(TARGET, created.getId(), outputs, inputs, h.checked(TARGET, with(inputs, "environment", "prod")));
        assertThat(moved.getReplacesList()).containsExactly("environment");
        var tls = h.checked(TARGET, with(inputs, "port", 8443, "sslEnabled", true));
        var diff = h.diff(TARGET, created.getId(), outputs, inputs, tls);
        assertThat(diff.getDiffsList()).containsExactlyInAnyOrder("port", "sslEnabled");
        assertThat(diff.getReplacesList()).isEmpty();

        var updated = h.update(TARGET, created.getId(), outputs, tls, false).getProperties();
        assertThat(plain(updated)).containsEntry("port", 8443.0).containsEntry("sslEnabled", true);
        var read = h.read(TARGET, created.getId(), updated, tls);
        assertThat(plain(read.getProperties())).containsEntry("port", 8443.0).containsEntry("sslEnabled", true)
                .containsEntry("enabled", true);
        var body = h.apigee.requests("PUT", "/targetservers/orders-backend").get(0).bodyText();
        assertThat(body).contains("\"sSLInfo\":{\"enabled\":true}").contains("\"isEnabled\":true");

        h.delete(TARGET, created.getId(), updated);
        assertThat(h.read(TARGET, created.getId(), updated, tls).getId()).isEmpty();
    }

    @Test
    void apiProductUpdatesInPlaceIgnoresListOrderAndIsReplacedOnRename() {
        h = ProviderHarness.configured(ApigeePlatform.X);
        h.create(PROXY, h.checked(PROXY, proxyInputs("orders", "http://orders.internal", "test")), false);
        var inputs = h.checked(PRODUCT, struct("name", "shop", "displayName", "Shop", "approvalType", "auto",
                "attributes", Map.of("access", "public"), "environments", List.of("test", "prod"),
                "proxies", List.of("orders"), "quota", "1000", "quotaInterval", "1", "quotaTimeUnit", "hour"));
        var created = h.create(PRODUCT, inputs, false);
        assertThat(created.getId()).isEqualTo("shop");
        var outputs = created.getProperties();
        var sent = h.apigee.requests("POST", "/apiproducts").get(0).bodyText();
        assertThat(sent).contains("\"attributes\":[{\"name\":\"access\",\"value\":\"public\"}]");

        var reordered = h.checked(PRODUCT, with(inputs, "environments", List.of("prod", "test")));
        assertThat(h.diff(PRODUCT, "shop", outputs, inputs, reordered).getChanges()).isEqualTo(DiffChanges.DIFF_NONE);
        assertThat(h.diff(PRODUCT, "shop", outputs, inputs, h.checked(PRODUCT, with(inputs, "name", "shop2")))
                .getReplacesList()).containsExactly("name");
        var moreQuota = h.checked(PRODUCT, with(inputs, "quota", "5000"));
        var diff = h.diff(PRODUCT, "shop", outputs, inputs, moreQuota);
        assertThat(diff.getDiffsList()).containsExactly("quota");
        assertThat(diff.getReplacesList()).isEmpty();

        var updated = h.update(PRODUCT, "shop", outputs, moreQuota, false).getProperties();
        assertThat(plain(updated)).containsEntry("quota", "5000");
        var read = h.read(PRODUCT, "shop", updated, moreQuota);
        assertThat(plain(read.getProperties())).containsEntry("quota", "5000").containsEntry("attributes", Map.of("access", "public"))
                .containsEntry("environments", List.of("test", "prod"));

        h.delete(PRODUCT, "shop", updated);
        assertThat(h.read(PRODUCT, "shop", updated, moreQuota).getId()).isEmpty();
    }

    @Test
    void importingAnApiProductFillsItsInputsFromApigee() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        h.create(PRODUCT, h.checked(PRODUCT, struct("name", "legacy", "approvalType", "manual", "scopes", List.of("read"))), false);
        var imported = h.read(PRODUCT, "legacy", Struct.getDefaultInstance(), Struct.getDefaultInstance());
        assertThat(imported.getId()).isEqualTo("legacy");
        assertThat(plain(imported.getInputs())).containsEntry("name", "legacy").containsEntry("approvalType", "manual")
                .containsEntry("scopes", List.of("read"));
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void developerAndAppLiveThroughUpdatesAndTheAppsProductsChangeOnItsKey(ApigeePlatform platform) {
        h = ProviderHarness.configured(platform);
        var devInputs = h.checked(DEVELOPER, struct("email", "jane@example.com", "firstName", "Jane", "lastName", "Doe",
                "userName", "jane"));
        var dev = h.create(DEVELOPER, devInputs, false);
        assertThat(dev.getId()).isEqualTo("jane@example.com");
        assertThat(str(dev.getProperties(), "developerId")).isNotBlank();
        var renamed = h.checked(DEVELOPER, with(devInputs, "lastName", "Roe"));
        assertThat(h.diff(DEVELOPER, dev.getId(), dev.getProperties(), devInputs, devInputs).getChanges()).isEqualTo(DiffChanges.DIFF_NONE);
        assertThat(h.diff(DEVELOPER, dev.getId(), dev.getProperties(), devInputs, renamed).getReplacesList()).isEmpty();
        assertThat(h.diff(DEVELOPER, dev.getId(), dev.getProperties(), devInputs,
                h.checked(DEVELOPER, with(devInputs, "email", "jane@other.example"))).getReplacesList()).containsExactly("email");
        var devOut = h.update(DEVELOPER, dev.getId(), dev.getProperties(), renamed, false).getProperties();
        assertThat(plain(devOut)).containsEntry("lastName", "Roe").containsEntry("developerId", str(dev.getProperties(), "developerId"));

        for (var product : List.of("p1", "p2")) {
            h.create(PRODUCT, h.checked(PRODUCT, struct("name", product)), false);
        }
        var appInputs = h.checked(APP, struct("developerEmail", "jane@example.com", "name", "shop-app", "apiProducts", List.of("p1")));
        var app = h.create(APP, appInputs, false);
        assertThat(app.getId()).isEqualTo("jane@example.com/shop-app");
        var appOut = app.getProperties();
        assertThat(h.diff(APP, app.getId(), appOut, appInputs, appInputs).getChanges()).isEqualTo(DiffChanges.DIFF_NONE);
        assertThat(h.diff(APP, app.getId(), appOut, appInputs, h.checked(APP, with(appInputs, "name", "shop-app-2")))
                .getReplacesList()).containsExactly("name");
        var moved = h.checked(APP, with(appInputs, "apiProducts", List.of("p2")));
        var diff = h.diff(APP, app.getId(), appOut, appInputs, moved);
        assertThat(diff.getDiffsList()).containsExactly("apiProducts");
        assertThat(diff.getReplacesList()).isEmpty();

        var updated = h.update(APP, app.getId(), appOut, moved, false).getProperties();
        assertThat(plain(updated)).containsEntry("apiProducts", List.of("p2"))
                .containsEntry("consumerKey", str(appOut, "consumerKey"));
        var key = str(appOut, "consumerKey");
        assertThat(h.apigee.requests("POST", "/keys/" + key)).hasSize(1);
        assertThat(h.apigee.requests("DELETE", "/keys/" + key + "/apiproducts/p1")).hasSize(1);
        var read = h.read(APP, app.getId(), updated, moved);
        assertThat(plain(read.getProperties())).containsEntry("apiProducts", List.of("p2"))
                .containsEntry("consumerSecret", str(appOut, "consumerSecret"));

        h.delete(APP, app.getId(), updated);
        assertThat(h.read(APP, app.getId(), updated, moved).getId()).isEmpty();
        h.delete(DEVELOPER, dev.getId(), devOut);
        assertThat(h.read(DEVELOPER, dev.getId(), devOut, renamed).getId()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void aChangedKeyLifetimeShowsNoDiffAndTheOutputsKeepTheLifetimeTheKeyWasIssuedWith(ApigeePlatform platform) {
        h = ProviderHarness.configured(platform);
        h.productsAndJane("p1");
        var inputs = h.checked(APP, struct("developerEmail", "jane@example.com", "name", "shop-app",
                "apiProducts", List.of("p1"), "keyExpiresIn", 3_600_000));
        var app = h.create(APP, inputs, false);

        var longer = h.checked(APP, with(inputs, "keyExpiresIn", 7_200_000));
        assertThat(h.diff(APP, app.getId(), app.getProperties(), inputs, longer).getChanges()).isEqualTo(DiffChanges.DIFF_NONE);
        var withCallback = h.checked(APP, with(longer, "callbackUrl", "https://shop.example.com/cb"));
        var diff = h.diff(APP, app.getId(), app.getProperties(), inputs, withCallback);
        assertThat(diff.getDiffsList()).containsExactly("callbackUrl");

        var updated = h.update(APP, app.getId(), app.getProperties(), withCallback, false).getProperties();

        assertThat(plain(updated)).containsEntry("keyExpiresIn", 3_600_000.0)
                .containsEntry("consumerKey", str(app.getProperties(), "consumerKey"));
    }

    @Test
    void proxyBundleBytesAreSentAsTheImportedZip() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var zip = bundle("catalog", "http://catalog.internal");
        h.create(PROXY, h.checked(PROXY, with(proxyInputs("catalog", "http://catalog.internal", "test"),
                "bundle", base64(zip))), false);
        var imported = h.apigee.requests("POST", "/apis").get(0);
        assertThat(imported.query()).contains("action=import").contains("name=catalog");
        assertThat(imported.part("file")).hasValueSatisfying(p -> assertThat(p.content()).isEqualTo(zip));
    }
}
