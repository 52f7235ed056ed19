package dev.apigeegke.apigee.bundle;

import static dev.apigeegke.apigee.bundle.Bundles.PROXY;
import static dev.apigeegke.apigee.bundle.Bundles.all;
import static dev.apigeegke.apigee.bundle.Bundles.at;
import static dev.apigeegke.apigee.bundle.Bundles.policy;
import static dev.apigeegke.apigee.bundle.Bundles.render;
import static dev.apigeegke.apigee.bundle.Bundles.x;
import static dev.apigeegke.apigee.bundle.Bundles.xml;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class PolicyRenderingTest {
    private static final VerifyApiKey KEY = VerifyApiKey.header("x-api-key");

    private static void assertStandardRoot(Document policy, String type, String name) {
        assertThat(policy.getDocumentElement().getTagName()).isEqualTo(type);
        assertThat(at(policy, "/*/@name")).isEqualTo(name);
        assertThat(at(policy, "/*/@continueOnError")).isEqualTo("false");
        assertThat(at(policy, "/*/@enabled")).isEqualTo("true");
        assertThat(at(policy, "/*/DisplayName")).isEqualTo(name);
    }

    @Test
    void verifyApiKeyReadsTheKeyFromTheNamedHeader() {
        var policy = policy("VA-api-key", KEY);
        assertStandardRoot(policy, "VerifyAPIKey", "VA-api-key");
        assertThat(at(policy, "/VerifyAPIKey/APIKey/@ref")).isEqualTo("request.header.x-api-key");
        assertThat(KEY.ref()).isEqualTo("request.header.x-api-key");
    }

    @Test
    void verifyApiKeyCanReadAQueryParameter() {
        var policy = policy("VA-api-key", VerifyApiKey.queryParameter("apikey"));
        assertThat(at(policy, "/VerifyAPIKey/APIKey/@ref")).isEqualTo("request.queryparam.apikey");
    }

    @Test
    void oauthVerifiesAccessTokens() {
        var policy = policy("OA-verify-token", OAuthVerifyToken.create());
        assertStandardRoot(policy, "OAuthV2", "OA-verify-token");
        assertThat(at(policy, "/OAuthV2/Operation")).isEqualTo("VerifyAccessToken");
    }

    @Test
    void explicitQuotaCountsEachClientAcrossMessageProcessors() {
        var policy = policy("Q-quota", KEY, Quota.explicit(100, 2, "minute"));
        assertStandardRoot(policy, "Quota", "Q-quota");
        assertThat(at(policy, "/Quota/Allow/@count")).isEqualTo("100");
        assertThat(at(policy, "count(/Quota/Allow/@countRef)")).isEqualTo("0");
        assertThat(at(policy, "/Quota/Interval")).isEqualTo("2");
        assertThat(at(policy, "/Quota/TimeUnit")).isEqualTo("minute");
        assertThat(at(policy, "/Quota/Identifier/@ref")).isEqualTo("client_id");
        assertThat(at(policy, "/Quota/Distributed")).isEqualTo("true");
        assertThat(at(policy, "/Quota/Synchronous")).isEqualTo("true");
    }

    @Test
    void productQuotaReadsItsLimitFromTheApiProductTheKeyWasVerifiedAgainst() {
        var policy = policy("Q-quota", KEY, Quota.fromProduct(KEY, 500));
        String product = "verifyapikey.VA-api-key.apiproduct.developer.quota.";
        assertThat(at(policy, "/Quota/Allow/@countRef")).isEqualTo(product + "limit");
        assertThat(at(policy, "/Quota/Interval/@ref")).isEqualTo(product + "interval");
        assertThat(at(policy, "/Quota/TimeUnit/@ref")).isEqualTo(product + "timeunit");
        // Without a quota on the product, the fallback applies: 500 per hour unless changed.
        assertThat(at(policy, "/Quota/Allow/@count")).isEqualTo("500");
        assertThat(at(policy, "/Quota/Interval")).isEqualTo("1");
        assertThat(at(policy, "/Quota/TimeUnit")).isEqualTo("hour");
        assertThat(at(policy, "/Quota/Identifier/@ref")).isEqualTo("client_id");

        var mobile = KEY.withName("VK-mobile");
        var renamed = policy("Q-quota", mobile, Quota.fromProduct(mobile, 10).fallbackPer(1, "day"));
        assertThat(at(renamed, "/Quota/Allow/@countRef")).isEqualTo("verifyapikey.VK-mobile.apiproduct.developer.quota.limit");
        assertThat(at(renamed, "/Quota/TimeUnit")).isEqualTo("day");
    }

    @Test
    void spikeArrestSharesItsRateAcrossMessageProcessors() {
        var policy = policy("SA-spike-arrest", SpikeArrest.rate("30ps"));
        assertStandardRoot(policy, "SpikeArrest", "SA-spike-arrest");
        assertThat(at(policy, "/SpikeArrest/Rate")).isEqualTo("30ps");
        assertThat(at(policy, "/SpikeArrest/UseEffectiveCount")).isEqualTo("true");
        assertThat(at(policy, "count(/SpikeArrest/Identifier)")).isEqualTo("0");
    }

    @Test
    void corsAllowsTheListedOriginsWithoutCredentialsAndAnswersPreflights() {
        var policy = policy("CORS-allow", Cors.allow(List.of("https://app.example.com", "http://localhost:3000")));
        assertStandardRoot(policy, "CORS", "CORS-allow");
        assertThat(at(policy, "/CORS/AllowOrigins")).isEqualTo("https://app.example.com, http://localhost:3000");
        assertThat(at(policy, "/CORS/AllowMethods")).isEqualTo("GET, POST, PUT, PATCH, DELETE");
        assertThat(at(policy, "/CORS/AllowHeaders"))
                .isEqualTo("origin, x-requested-with, accept, content-type, authorization, x-api-key");
        assertThat(at(policy, "/CORS/MaxAge")).isEqualTo("1800");
        assertThat(at(policy, "/CORS/AllowCredentials")).isEqualTo("false");
        assertThat(at(policy, "/CORS/GeneratePreflightResponse")).isEqualTo("true");
    }

    @Test
    void corsMethodsHeadersAndMaxAgeCanBeChanged() {
        var policy = policy("CORS-allow", Cors.allow(List.of("*")).methods(List.of("GET")).headers(List.of("x-trace"))
                .maxAgeSeconds(60));
        assertThat(at(policy, "/CORS/AllowOrigins")).isEqualTo("*");
        assertThat(at(policy, "/CORS/AllowMethods")).isEqualTo("GET");
        assertThat(at(policy, "/CORS/AllowHeaders")).isEqualTo("x-trace");
        assertThat(at(policy, "/CORS/MaxAge")).isEqualTo("60");
        var noHeaders = policy("CORS-allow", Cors.allow(List.of("*")).headers(List.of()));
        assertThat(at(noHeaders, "count(/CORS/AllowHeaders)")).isEqualTo("0");
    }

    @Test
    void assignMessageRemovesAndSetsHeadersOfTheRequestToTheTarget() {
        var policy = policy("AM-target-headers", AssignMessage.toTarget("AM-target-headers")
                .removeHeader("x-api-key")
                .setHeader("x-client-id", "{client_id}")
                .setHeader("x-gateway", "apigee"));
        assertStandardRoot(policy, "AssignMessage", "AM-target-headers");
        assertThat(all(policy, "/AssignMessage/Remove/Headers/Header/@name")).containsExactly("x-api-key");
        assertThat(all(policy, "/AssignMessage/Set/Headers/Header/@name")).containsExactly("x-client-id", "x-gateway");
        assertThat(all(policy, "/AssignMessage/Set/Headers/Header")).containsExactly("{client_id}", "apigee");
        assertThat(at(policy, "/AssignMessage/IgnoreUnresolvedVariables")).isEqualTo("false");
        assertThat(at(policy, "/AssignMessage/AssignTo/@createNew")).isEqualTo("false");
        assertThat(at(policy, "/AssignMessage/AssignTo/@type")).isEqualTo("request");
        assertThat(at(policy, "/AssignMessage/AssignTo")).isEqualTo("request");
        var removeOnly = policy("AM-strip", AssignMessage.toTarget("AM-strip").removeHeader("cookie"));
        assertThat(at(removeOnly, "count(/AssignMessage/Set)")).isEqualTo("0");
    }

    @Test
    void jsonThreatProtectionLimitsRequestBodiesAndRunsOnlyWhenThereIsOne() {
        var bundle = render(x().preFlow(List.of(JsonThreatProtection.defaults())));
        var policy = xml(bundle, "apiproxy/policies/JTP-json.xml");
        assertStandardRoot(policy, "JSONThreatProtection", "JTP-json");
        assertThat(at(policy, "/JSONThreatProtection/ContainerDepth")).isEqualTo("10");
        assertThat(at(policy, "/JSONThreatProtection/ArrayElementCount")).isEqualTo("500");
        assertThat(at(policy, "/JSONThreatProtection/ObjectEntryCount")).isEqualTo("100");
        assertThat(at(policy, "/JSONThreatProtection/ObjectEntryNameLength")).isEqualTo("100");
        assertThat(at(policy, "/JSONThreatProtection/StringValueLength")).isEqualTo("10000");
        assertThat(at(policy, "/JSONThreatProtection/Source")).isEqualTo("request");
        assertThat(at(xml(bundle, PROXY), "//Step[Name='JTP-json']/Condition")).isEqualTo("request.content != null");

        var strict = policy("JTP-json", JsonThreatProtection.defaults().containerDepth(3).arrayElementCount(4)
                .objectEntryCount(5).objectEntryNameLength(6).stringValueLength(7));
        assertThat(all(strict, "/JSONThreatProtection/*[self::ContainerDepth or self::ArrayElementCount or "
                + "self::ObjectEntryCount or self::ObjectEntryNameLength or self::StringValueLength]"))
                .containsExactly("4", "3", "5", "6", "7");
    }

    @Test
    void everyPolicyCanBeRenamedWithoutChangingTheOriginal() {
        List<Policy> policies = List.of(KEY, OAuthVerifyToken.create(), Quota.explicit(1, 1, "day"), SpikeArrest.rate("1ps"),
                Cors.allow(List.of("*")), AssignMessage.toTarget("AM-a").removeHeader("x"), JsonThreatProtection.defaults());
        for (Policy original : policies) {
            Policy renamed = original.withName("Renamed.policy_1");
            assertThat(renamed.getClass()).isEqualTo(original.getClass());
            assertThat(renamed.name()).isEqualTo("Renamed.policy_1");
            assertThat(original.name()).isNotEqualTo("Renamed.policy_1");
            var bundle = render(x().preFlow(List.of(renamed)));
            var document = xml(bundle, "apiproxy/policies/Renamed.policy_1.xml");
            assertThat(at(document, "/*/@name")).isEqualTo("Renamed.policy_1");
            assertThat(at(document, "/*/DisplayName")).isEqualTo("Renamed.policy_1");
            assertThat(all(xml(bundle, PROXY), "//PreFlow/Request/Step/Name")).containsExactly("Renamed.policy_1");
        }
    }

    @Test
    void headerValuesAreEscapedNotInjected() {
        String value = "a<b & \"c\" </Header><Injected/>";
        var bundle = render(x().preFlow(List.of(AssignMessage.toTarget("AM-x").setHeader("x-note", value))));
        var policy = xml(bundle, "apiproxy/policies/AM-x.xml");
        assertThat(at(policy, "/AssignMessage/Set/Headers/Header")).isEqualTo(value);
        assertThat(at(policy, "count(//Injected)")).isEqualTo("0");
        assertThat(new String(bundle.files().get("apiproxy/policies/AM-x.xml"), StandardCharsets.UTF_8))
                .contains("a&lt;b &amp; \"c\" &lt;/Header>&lt;Injected/>");
    }

    @Test
    void policiesAreValuesComparedByContent() {
        assertThat(SpikeArrest.rate("5ps")).isEqualTo(SpikeArrest.rate("5ps")).isNotEqualTo(SpikeArrest.rate("6ps"));
        assertThat(AssignMessage.toTarget("AM-a").setHeader("x", "1"))
                .isEqualTo(AssignMessage.toTarget("AM-a").setHeader("x", "1"))
                .isNotEqualTo(AssignMessage.toTarget("AM-a").setHeader("x", "2"));
        assertThat(Quota.fromProduct(KEY, 5)).isNotEqualTo(Quota.explicit(5, 1, "hour"));
    }
}
