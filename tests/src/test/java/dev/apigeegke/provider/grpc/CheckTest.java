package dev.apigeegke.provider.grpc;

import static dev.apigeegke.provider.grpc.ProviderHarness.base64;
import static dev.apigeegke.provider.grpc.ProviderHarness.proxyInputs;
import static dev.apigeegke.provider.grpc.ProviderHarness.sha256;
import static dev.apigeegke.provider.grpc.ProviderHarness.struct;
import static dev.apigeegke.provider.grpc.ProviderHarness.unknown;
import static dev.apigeegke.provider.grpc.ProviderHarness.with;
import static dev.apigeegke.provider.grpc.ProviderHarness.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Check: every invalid input is a failure on its property (never an error), with the value and the fix. */
@ExtendWith(ConformanceExtension.class)
class CheckTest {
    private static ProviderHarness h;

    @BeforeAll
    static void start() {
        h = ProviderHarness.start(ApigeePlatform.EDGE); // Check needs no configuration and makes no call
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    /** Property → reason of every failure. */
    private static Map<String, String> failures(String type, Struct news) {
        var out = new TreeMap<String, String>();
        h.check(type, news).getFailuresList().forEach(f -> out.merge(f.getProperty(), f.getReason(), (a, b) -> a + " | " + b));
        return out;
    }

    @Test
    void missingRequiredInputsAreReportedTogether() {
        assertThat(failures("apigee:index:DeveloperApp", struct("name", "a")))
                .containsOnlyKeys("developerEmail", "apiProducts")
                .containsEntry("developerEmail", "missing required property 'developerEmail'");
        assertThat(failures("apigee:index:ApiProxy", Struct.getDefaultInstance()))
                .containsOnlyKeys("name", "bundle", "bundleHash", "environments");
    }

    @Test
    void unknownInputsAreNotJudgedUntilTheyAreKnown() {
        assertThat(failures("apigee:index:Developer", struct("email", unknown(), "firstName", "J", "lastName", "D",
                "userName", unknown()))).isEmpty();
    }

    @Test
    void apiProductFormats() {
        var bad = failures("apigee:index:ApiProduct", struct("name", "p", "approvalType", "automatic",
                "quota", "lots", "quotaInterval", "1", "quotaTimeUnit", "week", "attributes", Map.of("access", "everyone")));
        assertThat(bad).containsOnlyKeys("approvalType", "quota", "quotaTimeUnit", "attributes");
        assertThat(bad.get("approvalType")).isEqualTo("'approvalType' must be one of auto, manual, got \"automatic\"");
        assertThat(bad.get("quotaTimeUnit")).contains("minute, hour, day, month").contains("\"week\"");
        assertThat(failures("apigee:index:ApiProduct", struct("name", "p", "quota", "100")).get("quota"))
                .contains("needs 'quotaInterval' and 'quotaTimeUnit'");
    }

    @Test
    void quotaTimeUnitTakesTheUnitsBothDescriptionsList() {
        for (var platform : ApigeePlatform.values()) {
            try (var configured = ProviderHarness.configured(platform)) {
                for (var unit : List.of("minute", "hour", "day", "month")) {
                    assertThat(configured.check("apigee:index:ApiProduct", struct("name", "p", "quota", "5",
                            "quotaInterval", "1", "quotaTimeUnit", unit)).getFailuresList()).as(platform + " " + unit).isEmpty();
                }
            }
        }
    }

    @Test
    void targetServerPortHostAndDefaults() {
        var base = struct("environment", "test", "name", "ts", "host", "10.0.0.1");
        assertThat(failures("apigee:index:TargetServer", with(base, "port", 0)))
                .containsEntry("port", "'port' must be between 1 and 65535, got 0");
        assertThat(failures("apigee:index:TargetServer", with(base, "port", 70000))).containsKey("port");
        assertThat(failures("apigee:index:TargetServer", with(base, "port", 80.5))).containsKey("port");
        assertThat(failures("apigee:index:TargetServer", with(base, "port", 443, "host", "https://10.0.0.1/"))).containsKey("host");
        var checked = h.check("apigee:index:TargetServer", with(base, "port", 443));
        assertThat(checked.getFailuresList()).isEmpty();
        assertThat(ProviderHarness.plain(checked.getInputs())).containsEntry("sslEnabled", false).containsEntry("enabled", true);
        var explicit = h.check("apigee:index:TargetServer", with(base, "port", 443, "sslEnabled", true, "enabled", false));
        assertThat(ProviderHarness.plain(explicit.getInputs())).containsEntry("sslEnabled", true).containsEntry("enabled", false);
    }

    @Test
    void emailsMustBeEmails() {
        assertThat(failures("apigee:index:Developer", struct("email", "jane", "firstName", "J", "lastName", "D", "userName", "j")))
                .containsEntry("email", "'email' must be an email address, got \"jane\"");
        assertThat(failures("apigee:index:DeveloperApp", struct("developerEmail", "jane@", "name", "a", "apiProducts", List.of("p"))))
                .containsKey("developerEmail");
    }

    @Test
    void onApigeeXDeveloperEmailsMustBeLowercaseAndTheFailureSaysTheLowercaseForm() {
        try (var x = ProviderHarness.configured(ApigeePlatform.X)) {
            var developer = x.check("apigee:index:Developer", struct("email", "Jane.Doe@Example.com", "firstName", "J",
                    "lastName", "D", "userName", "j"));
            assertThat(developer.getFailuresList()).singleElement().satisfies(f -> {
                assertThat(f.getProperty()).isEqualTo("email");
                assertThat(f.getReason()).isEqualTo("'email' must be in lowercase on Apigee X, which keeps developer "
                        + "emails in lowercase only, got \"Jane.Doe@Example.com\": use \"jane.doe@example.com\"");
            });
            var app = x.check("apigee:index:DeveloperApp", struct("developerEmail", "Jane.Doe@Example.com", "name", "a",
                    "apiProducts", List.of("p")));
            assertThat(app.getFailuresList()).singleElement().satisfies(f -> assertThat(f.getReason())
                    .startsWith("'developerEmail' must be in lowercase on Apigee X"));
        }
        try (var edge = ProviderHarness.configured(ApigeePlatform.EDGE)) {
            assertThat(edge.check("apigee:index:Developer", struct("email", "Jane.Doe@Example.com", "firstName", "J",
                    "lastName", "D", "userName", "j")).getFailuresList()).isEmpty();
        }
    }

    @Test
    void keyExpiresInTakesAnInt64OnXAndAnInt32OnEdge() {
        long ninetyDays = 7_776_000_000L;
        var app = struct("developerEmail", "j@example.com", "name", "a", "apiProducts", List.of("p"),
                "keyExpiresIn", ninetyDays);
        try (var x = ProviderHarness.configured(ApigeePlatform.X)) {
            assertThat(x.check("apigee:index:DeveloperApp", app).getFailuresList()).isEmpty();
            assertThat(x.check("apigee:index:DeveloperApp", with(app, "keyExpiresIn", 9.007199254740992E15))
                    .getFailuresList()).singleElement().satisfies(f -> assertThat(f.getReason())
                    .startsWith("'keyExpiresIn' must be a whole number of milliseconds from 1 to 9007199254740991"));
        }
        try (var edge = ProviderHarness.configured(ApigeePlatform.EDGE)) {
            assertThat(edge.check("apigee:index:DeveloperApp", app).getFailuresList()).singleElement()
                    .satisfies(f -> assertThat(f.getReason()).isEqualTo("'keyExpiresIn' must be a whole number of "
                            + "milliseconds from 1 to 2147483647 (about 24.8 days: Apigee Edge takes an int32), or -1 "
                            + "(or unset) for a key that never expires, got 7776000000"));
            assertThat(edge.check("apigee:index:DeveloperApp", with(app, "keyExpiresIn", -1)).getFailuresList()).isEmpty();
        }
    }

    @Test
    void proxyNamesHoldOnlyTheCharactersBothDescriptionsAllow() {
        var good = proxyInputs("orders.v1_x-2", "http://o", "test");
        for (var platform : ApigeePlatform.values()) {
            try (var configured = ProviderHarness.configured(platform)) {
                assertThat(configured.check("apigee:index:ApiProxy", good).getFailuresList()).isEmpty();
                for (var bad : List.of("orders$v1", "orders%20", "orders v1", "ordérs")) {
                    assertThat(configured.check("apigee:index:ApiProxy", with(good, "name", bad)).getFailuresList())
                            .as(platform + " " + bad).singleElement().satisfies(f -> assertThat(f.getReason())
                                    .isEqualTo("'name' may hold only letters A-Z and a-z, digits and . _ - (the "
                                            + "characters Apigee allows in a proxy name), got \"" + bad + "\""));
                }
            }
        }
    }

    @Test
    void developerAppNeedsAtLeastOneProductAndAValidExpiry() {
        assertThat(failures("apigee:index:DeveloperApp", struct("developerEmail", "j@example.com", "name", "a",
                "apiProducts", List.of(), "keyExpiresIn", 0, "callbackUrl", "not a url")))
                .containsOnlyKeys("apiProducts", "keyExpiresIn", "callbackUrl");
    }

    @Test
    void bundleHashMustBeTheLowercaseSha256OfTheBundle() {
        var good = proxyInputs("orders", "http://o", "test");
        assertThat(failures("apigee:index:ApiProxy", good)).isEmpty();
        assertThat(failures("apigee:index:ApiProxy", with(good, "bundleHash", "ABC")).get("bundleHash"))
                .contains("64 lowercase hex digits").contains("\"ABC\"");
        var other = sha256(new byte[] {1});
        assertThat(failures("apigee:index:ApiProxy", with(good, "bundleHash", other)).get("bundleHash"))
                .startsWith("'bundleHash' " + other + " is not the SHA-256 of 'bundle'");
    }

    @Test
    void aBundleWithoutApiproxyFilesIsRejectedBeforeApigeeSaysEmptyBundle() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("README.md"));
            zip.write('x');
        }
        var zip = out.toByteArray();
        var inputs = struct("name", "orders", "bundle", base64(zip), "bundleHash", sha256(zip), "environments", List.of("test"));
        assertThat(failures("apigee:index:ApiProxy", inputs).get("bundle")).contains("Empty bundle");
        assertThat(failures("apigee:index:ApiProxy", with(inputs, "bundle", "%%%")).get("bundle")).contains("base64");
    }

    @Test
    void environmentsMustBeANonEmptyListWithoutDuplicates() {
        var good = proxyInputs("orders", "http://o", "test");
        assertThat(failures("apigee:index:ApiProxy", with(good, "environments", List.of()))).containsKey("environments");
        assertThat(failures("apigee:index:ApiProxy", with(good, "environments", List.of("test", "test")))).containsKey("environments");
        assertThat(failures("apigee:index:ApiProxy", without(good, "environments")))
                .containsEntry("environments", "missing required property 'environments'");
    }

    @Test
    void aPropertyTheTypeDoesNotHaveIsReportedWithTheValidOnes() {
        assertThat(failures("apigee:index:Developer", struct("email", "j@example.com", "firstName", "J", "lastName", "D",
                "userName", "j", "phone", "123")).get("phone"))
                .isEqualTo("'phone' is not an input of apigee:index:Developer; its inputs are email, firstName, lastName, userName, attributes");
    }
}
