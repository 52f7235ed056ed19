package dev.apigeegke.microgateway;

import static dev.apigeegke.testing.Harness.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigeegke.core.InvalidArgumentsException;
import dev.apigeegke.core.Problem;
import dev.apigeegke.microgateway.MicrogatewayConfig.Analytics;
import dev.apigeegke.microgateway.MicrogatewayConfig.Headers;
import dev.apigeegke.microgateway.MicrogatewayConfig.OAuth;
import dev.apigeegke.microgateway.MicrogatewayConfig.SpikeArrestPlugin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicrogatewayConfigTest {
    private static final String PEM = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----\n";

    private static MicrogatewayConfig.Builder acme() {
        return MicrogatewayConfig.builder().organization("acme").environment("test");
    }

    private static List<String> problems(MicrogatewayConfig.Builder builder) {
        try {
            builder.build();
        } catch (InvalidArgumentsException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("build() accepted invalid arguments");
    }

    @Test
    void appliesTheDocumentedDefaults() {
        var config = acme().build();
        var tree = config.tree();
        assertThat(at(tree, "edgemicro", "port")).isEqualTo(8000);
        assertThat(at(tree, "edgemicro", "max_connections")).isEqualTo(1000);
        assertThat(at(tree, "edgemicro", "config_change_poll_interval")).isEqualTo(600);
        assertThat(at(tree, "edgemicro", "logging", "dir")).isEqualTo("/opt/apigee/logs");
        assertThat(at(tree, "edgemicro", "logging", "level")).isEqualTo("error");
        assertThat(at(tree, "edgemicro", "plugins", "sequence")).isEqualTo(List.of("healthcheck", "oauth", "spikearrest", "quota"));
        assertThat(config.oauth()).isEqualTo(new OAuth(false, false, "x-api-key", false, false, false));
        assertThat(at(tree, "oauth", "allowNoAuthorization")).isEqualTo(false);
        assertThat(at(tree, "oauth", "allowInvalidAuthorization")).isEqualTo(false);
        assertThat(at(tree, "oauth", "api-key-header")).isEqualTo("x-api-key");
        assertThat(at(tree, "oauth", "keep-authorization-header")).isEqualTo(false);
        assertThat(at(tree, "oauth", "allowAPIKeyOnly")).isEqualTo(false);
        assertThat(at(tree, "oauth", "allowOAuthOnly")).isEqualTo(false);
        assertThat(((Map<?, ?>) at(tree, "oauth")).containsKey("public_key")).isFalse();
        assertThat(at(tree, "spikearrest")).isEqualTo(Map.of("timeUnit", "minute", "allow", 30, "bufferSize", 5));
        assertThat(at(tree, "headers")).isEqualTo(Map.of("x-forwarded-for", true, "x-forwarded-host", true,
                "x-request-id", true, "x-response-time", true, "via", true));
        assertThat(at(tree, "analytics", "bufferSize")).isEqualTo(10000);
        assertThat(at(tree, "analytics", "batchSize")).isEqualTo(500);
        assertThat(at(tree, "analytics", "flushInterval")).isEqualTo(5000);
        // quota takes its limits from the API product; the gateway rejects a quota section without them.
        assertThat(tree).doesNotContainKey("quota").containsKey("quotas");
        assertThat(config.fileName()).isEqualTo("acme-test-config.yaml");
        assertThat(config.privateCloud()).isFalse();
    }

    @Test
    void derivesTheEdgeCloudEndpointsFromOrganizationAndEnvironment() {
        var tree = acme().build().tree();
        assertThat(at(tree, "edge_config")).isEqualTo(Map.ofEntries(
                Map.entry("bootstrap", "https://edgemicroservices.apigee.net/edgemicro/bootstrap/organization/acme/environment/test"),
                Map.entry("jwt_public_key", "https://acme-test.apigee.net/edgemicro-auth/publicKey"),
                Map.entry("managementUri", "https://api.enterprise.apigee.com"),
                Map.entry("vaultName", "microgateway"),
                Map.entry("authUri", "https://%s-%s.apigee.net/edgemicro-auth"),
                Map.entry("baseUri", "https://edgemicroservices.apigee.net/edgemicro/%s/organization/%s/environment/%s"),
                Map.entry("bootstrapMessage", "Please copy the following property to the edge micro agent config"),
                Map.entry("keySecretMessage", "The following credentials are required to start edge micro"),
                Map.entry("products", "https://acme-test.apigee.net/edgemicro-auth/products"),
                Map.entry("quotaUri", "https://edgemicroservices.apigee.net/edgemicro/quotas/organization/%s/environment/%s")));
        assertThat(at(tree, "oauth", "verify_api_key_url")).isEqualTo("https://acme-test.apigee.net/edgemicro-auth/verifyApiKey");
        assertThat(at(tree, "analytics", "uri"))
                .isEqualTo("https://edgemicroservices.apigee.net/edgemicro/axpublisher/organization/acme/environment/test");
    }

    @Test
    void pointsEveryEndpointAtThePrivateCloudWhenAsked() {
        var config = acme().privateCloud("http://ms.example.com:8080/", "https://api.example.com").build();
        var tree = config.tree();
        assertThat(config.privateCloud()).isTrue();
        assertThat(at(tree, "edge_config", "managementUri")).isEqualTo("http://ms.example.com:8080");
        assertThat(at(tree, "edge_config", "bootstrap"))
                .isEqualTo("http://ms.example.com:8080/edgemicro/bootstrap/organization/acme/environment/test");
        assertThat(at(tree, "edge_config", "baseUri")).isEqualTo("http://ms.example.com:8080/edgemicro/%s/organization/%s/environment/%s");
        assertThat(at(tree, "edge_config", "quotaUri")).isEqualTo("http://ms.example.com:8080/edgemicro/quotas/organization/%s/environment/%s");
        assertThat(at(tree, "edge_config", "jwt_public_key")).isEqualTo("https://api.example.com/edgemicro-auth/publicKey");
        assertThat(at(tree, "edge_config", "authUri")).isEqualTo("https://api.example.com/edgemicro-auth");
        assertThat(at(tree, "edge_config", "products")).isEqualTo("https://api.example.com/edgemicro-auth/products");
        assertThat(at(tree, "oauth", "verify_api_key_url")).isEqualTo("https://api.example.com/edgemicro-auth/verifyApiKey");
        assertThat(at(tree, "analytics", "uri"))
                .isEqualTo("http://ms.example.com:8080/edgemicro/axpublisher/organization/acme/environment/test");
        assertThat(config.toYaml()).doesNotContain("apigee.net");
    }

    @Test
    void rendersEveryArgumentGiven() {
        var tree = acme().port(9000).maxConnections(50).configChangePollInterval(60).logDir("/var/log/mgw").logLevel("debug")
                .plugins(List.of("healthcheck", "apikeys", "quota"))
                .oauth(new OAuth(false, false, "apikey", true, true, false))
                .headers(new Headers(false, true, false, true, false))
                .analytics(new Analytics(100, 10, 1000))
                .publicKeyOverride(PEM)
                .build().tree();
        assertThat(at(tree, "edgemicro", "port")).isEqualTo(9000);
        assertThat(at(tree, "edgemicro", "max_connections")).isEqualTo(50);
        assertThat(at(tree, "edgemicro", "config_change_poll_interval")).isEqualTo(60);
        assertThat(at(tree, "edgemicro", "logging", "dir")).isEqualTo("/var/log/mgw");
        assertThat(at(tree, "edgemicro", "logging", "level")).isEqualTo("debug");
        assertThat(at(tree, "oauth", "api-key-header")).isEqualTo("apikey");
        assertThat(at(tree, "oauth", "keep-authorization-header")).isEqualTo(true);
        assertThat(at(tree, "oauth", "allowAPIKeyOnly")).isEqualTo(true);
        assertThat(at(tree, "oauth", "public_key")).isEqualTo(PEM);
        assertThat(at(tree, "apikeys", "api-key-header")).isEqualTo("apikey");
        assertThat(at(tree, "apikeys", "public_key")).isEqualTo(PEM);
        assertThat(at(tree, "headers", "x-forwarded-for")).isEqualTo(false);
        assertThat(at(tree, "headers", "x-forwarded-host")).isEqualTo(true);
        assertThat(at(tree, "analytics", "batchSize")).isEqualTo(10);
        // No spikearrest in the sequence: no section the gateway would validate for nothing.
        assertThat(tree).doesNotContainKey("spikearrest");
    }

    @Test
    void requiresOrganizationAndEnvironment() {
        assertThat(problems(MicrogatewayConfig.builder()))
                .anySatisfy(p -> assertThat(p).contains("organization").contains("(not set)"))
                .anySatisfy(p -> assertThat(p).contains("environment").contains("(not set)"));
        assertThat(problems(MicrogatewayConfig.builder().organization("Acme Corp").environment("test")))
                .singleElement().asString().contains("organization").contains("\"Acme Corp\"").contains("lowercase");
    }

    @Test
    void rejectsPrivateCloudUrlsThatAreNotHttp() {
        assertThat(problems(acme().privateCloud("ms.example.com:8080", "ftp://api.example.com")))
                .anySatisfy(p -> assertThat(p).contains("privateCloud.managementUri").contains("http"))
                .anySatisfy(p -> assertThat(p).contains("privateCloud.runtimeBaseUrl").contains("ftp://api.example.com"));
    }

    @Test
    void rejectsOutOfRangeNumbersAndUnknownLogLevels() {
        assertThat(problems(acme().port(0).maxConnections(0).configChangePollInterval(0).logLevel("verbose").logDir("logs")))
                .anySatisfy(p -> assertThat(p).contains("port").contains("65535"))
                .anySatisfy(p -> assertThat(p).contains("maxConnections"))
                .anySatisfy(p -> assertThat(p).contains("configChangePollInterval"))
                .anySatisfy(p -> assertThat(p).contains("logLevel").contains("\"verbose\"").contains("error, warn, info, debug"))
                .anySatisfy(p -> assertThat(p).contains("logDir").contains("absolute"))
                .hasSize(5);
        assertThat(problems(acme().port(65536))).singleElement().asString().contains("port");
    }

    @Test
    void rejectsUnknownAndDuplicatePlugins() {
        assertThat(problems(acme().plugins(List.of("healthcheck", "oauth", "ratelimit", "oauth"))))
                .anySatisfy(p -> assertThat(p).contains("plugins[2]").contains("\"ratelimit\"").contains("spikearrest"))
                .anySatisfy(p -> assertThat(p).contains("plugins[3]").contains("runs once"))
                .hasSize(2);
        assertThat(problems(acme().plugins(List.of()))).singleElement().asString().contains("at least one plugin");
    }

    @Test
    void requiresHealthcheckBeforeAuthentication() {
        assertThat(problems(acme().plugins(List.of("oauth", "healthcheck"))))
                .singleElement().asString().contains("put healthcheck before oauth").contains("401");
        assertThat(problems(acme().plugins(List.of("apikeys", "healthcheck"))))
                .singleElement().asString().contains("put healthcheck before apikeys");
        assertThat(acme().plugins(List.of("healthcheck", "apikeys", "quota")).build().plugins())
                .containsExactly("healthcheck", "apikeys", "quota");
    }

    @Test
    void requiresQuotaAfterAuthentication() {
        assertThat(problems(acme().plugins(List.of("healthcheck", "quota", "oauth"))))
                .singleElement().asString().contains("put quota after oauth or apikeys").contains("application");
        assertThat(problems(acme().plugins(List.of("healthcheck", "spikearrest", "quota"))))
                .singleElement().asString().contains("put quota after oauth or apikeys");
    }

    @Test
    void validatesOAuthSettings() {
        assertThat(problems(acme().oauth(new OAuth(false, false, "X-API-Key", false, true, true))))
                .anySatisfy(p -> assertThat(p).contains("oauth.apiKeyHeader").contains("\"X-API-Key\"").contains("lowercase"))
                .anySatisfy(p -> assertThat(p).contains("allowApiKeyOnly and allowOAuthOnly exclude each other"))
                .hasSize(2);
        assertThat(problems(acme().plugins(List.of("healthcheck")).oauth(OAuth.defaults())))
                .singleElement().asString().contains("add one to plugins");
    }

    @Test
    void validatesSpikeArrestRanges() {
        assertThat(problems(acme().spikeArrest(new SpikeArrestPlugin("hour", 0, -1))))
                .anySatisfy(p -> assertThat(p).contains("spikeArrest.timeUnit").contains("\"hour\"").contains("second or minute"))
                .anySatisfy(p -> assertThat(p).contains("spikeArrest.allow").contains("at least 1"))
                .anySatisfy(p -> assertThat(p).contains("spikeArrest.bufferSize"))
                .hasSize(3);
        assertThat(problems(acme().plugins(List.of("healthcheck", "oauth")).spikeArrest(SpikeArrestPlugin.defaults())))
                .singleElement().asString().contains("spikearrest in plugins");
        assertThat(at(acme().spikeArrest(new SpikeArrestPlugin("second", 10, 0)).build().tree(), "spikearrest"))
                .isEqualTo(Map.of("timeUnit", "second", "allow", 10, "bufferSize", 0));
    }

    @Test
    void validatesAnalyticsBuffering() {
        assertThat(problems(acme().analytics(new Analytics(100, 500, 0))))
                .anySatisfy(p -> assertThat(p).contains("analytics.batchSize").contains("bufferSize (100)"))
                .anySatisfy(p -> assertThat(p).contains("analytics.flushInterval"))
                .hasSize(2);
    }

    @Test
    void acceptsOnlyAPublicKeyAsOverride() {
        assertThat(problems(acme().publicKeyOverride("-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n")))
                .singleElement().asString().contains("never put a private key").doesNotContain("abc");
        assertThat(problems(acme().publicKeyOverride("not a key"))).singleElement().asString().contains("PEM public key");
        // Without a key-checking plugin the key is still written: a sidecar's loader requires it in every auth section.
        var open = acme().plugins(List.of("healthcheck")).publicKeyOverride(PEM).build().tree();
        assertThat(((Map<?, ?>) open.get("oauthv2")).get("public_key")).isEqualTo(PEM);
        assertThat(((Map<?, ?>) open.get("apikeys")).get("public_key")).isEqualTo(PEM);
        assertThat(((Map<?, ?>) open.get("oauth")).get("public_key")).isEqualTo(PEM);
    }

    @Test
    void reportsEveryProblemInOneException() {
        assertThatThrownBy(() -> MicrogatewayConfig.builder().port(-1).plugins(List.of("quota")).build())
                .isInstanceOf(InvalidArgumentsException.class)
                .hasMessageStartingWith("MicrogatewayConfig: 4 invalid arguments");
    }

    @Test
    void rendersTheSameYamlForTheSameArguments() {
        String first = acme().publicKeyOverride(PEM).build().toYaml();
        String second = acme().publicKeyOverride(PEM).build().toYaml();
        assertThat(first).isEqualTo(second);
        assertThat(first).startsWith("analytics:\n");
        assertThat(first.indexOf("edge_config:")).isLessThan(first.indexOf("edgemicro:"));
        assertThat(first.indexOf("edgemicro:")).isLessThan(first.indexOf("headers:"));
        assertThat(first).contains("  port: 8000\n").doesNotContain("\"8000\"");
        assertThat(first).contains("    sequence:\n    - healthcheck\n    - oauth\n    - spikearrest\n    - quota\n");
    }
}
