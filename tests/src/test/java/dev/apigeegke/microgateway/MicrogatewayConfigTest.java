package dev.apigeegke.microgateway;

import static dev.apigeegke.testing.Harness.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigeegke.core.InvalidArgumentsException;
import dev.apigeegke.microgateway.MicrogatewayConfig.Analytics;
import dev.apigeegke.microgateway.MicrogatewayConfig.Headers;
import dev.apigeegke.microgateway.MicrogatewayConfig.OAuth;
import dev.apigeegke.microgateway.MicrogatewayConfig.SpikeArrestPlugin;
import dev.apigeegke.testing.Rejections;
import dev.apigeegke.internal.validation.ApigeeNamesTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicrogatewayConfigTest {
    private static final String PEM = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC "
            + "KEY-----\n";

    private static MicrogatewayConfig.Builder acme() {
        return MicrogatewayConfig.builder().organization("acme").environment("test");
    }

    private static List<String> problems(MicrogatewayConfig.Builder builder) {
        return Rejections.problems(builder::build);
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
        // Clock-skew tolerance on a token's nbf and exp, as configure writes it.
        assertThat(at(tree, "oauth", "gracePeriod")).isEqualTo(10);
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
                Map.entry("quotaUri", "https://%s-%s.apigee.net/edgemicro-auth")));
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
        // edgemicro-auth's quota API on the router; %c takes each of the org and env util.format adds and writes nothing.
        assertThat(at(tree, "edge_config", "quotaUri")).isEqualTo("https://api.example.com/edgemicro-auth%c%c");
        assertThat(at(tree, "edge_config", "jwt_public_key")).isEqualTo("https://api.example.com/edgemicro-auth/publicKey");
        assertThat(at(tree, "edge_config", "authUri")).isEqualTo("https://api.example.com/edgemicro-auth");
        assertThat(at(tree, "edge_config", "products")).isEqualTo("https://api.example.com/edgemicro-auth/products");
        assertThat(at(tree, "oauth", "verify_api_key_url")).isEqualTo("https://api.example.com/edgemicro-auth/verifyApiKey");
        assertThat(at(tree, "analytics", "uri"))
                .isEqualTo("http://ms.example.com:8080/edgemicro/axpublisher/organization/acme/environment/test");
        assertThat(config.toYaml()).doesNotContain("apigee.net");
    }

    @Test
    void putsBootstrapAndAnalyticsOnTheRegionalServicesHostGiven() {
        var tree = acme().servicesUrl("https://edgemicroservices-us-east-1.apigee.net/").build().tree();
        assertThat(at(tree, "edge_config", "bootstrap"))
                .isEqualTo("https://edgemicroservices-us-east-1.apigee.net/edgemicro/bootstrap/organization/acme/environment/test");
        assertThat(at(tree, "analytics", "uri"))
                .isEqualTo("https://edgemicroservices-us-east-1.apigee.net/edgemicro/axpublisher/organization/acme/environment/test");
        // What configure writes on the regional host is those two; the rest stays where it was.
        assertThat(at(tree, "edge_config", "baseUri"))
                .isEqualTo("https://edgemicroservices.apigee.net/edgemicro/%s/organization/%s/environment/%s");
        assertThat(at(tree, "edge_config", "quotaUri")).isEqualTo("https://%s-%s.apigee.net/edgemicro-auth");
        assertThat(at(tree, "edge_config", "products")).isEqualTo("https://acme-test.apigee.net/edgemicro-auth/products");
    }

    @Test
    void pointsEdgemicroAuthCallsAtTheRuntimeBaseUrlGiven() {
        var tree = acme().runtimeBaseUrl("https://api.example.com").build().tree();
        assertThat(at(tree, "edge_config", "jwt_public_key")).isEqualTo("https://api.example.com/edgemicro-auth/publicKey");
        assertThat(at(tree, "edge_config", "products")).isEqualTo("https://api.example.com/edgemicro-auth/products");
        assertThat(at(tree, "oauth", "verify_api_key_url")).isEqualTo("https://api.example.com/edgemicro-auth/verifyApiKey");
        assertThat(at(tree, "edge_config", "authUri")).isEqualTo("https://api.example.com/edgemicro-auth");
        assertThat(at(tree, "edge_config", "quotaUri")).isEqualTo("https://api.example.com/edgemicro-auth%c%c");
        assertThat(at(tree, "edge_config", "bootstrap"))
                .isEqualTo("https://edgemicroservices.apigee.net/edgemicro/bootstrap/organization/acme/environment/test");
    }

    @Test
    void checksTheCloudHostsAndRefusesThemInAPrivateCloud() {
        assertThat(problems(acme().servicesUrl("edgemicroservices-us-east-1.apigee.net").runtimeBaseUrl("https://api.example.com?x=1")))
                .containsExactly(
                        "servicesUrl = \"edgemicroservices-us-east-1.apigee.net\": an absolute http or https URL without query, "
                                + "e.g. https://edgemicroservices-us-east-1.apigee.net",
                        "runtimeBaseUrl = \"https://api.example.com?x=1\": an absolute http or https URL without query, e.g. "
                                + "https://api.example.com");
        assertThat(problems(acme().privateCloud("http://ms.example.com:8080", "https://api.example.com")
                .servicesUrl("https://edgemicroservices.apigee.net").runtimeBaseUrl("https://other.example.com"))).containsExactly(
                "servicesUrl = \"https://edgemicroservices.apigee.net\": in a private cloud the microgateway services are the "
                        + "management server's and edgemicro-auth is on privateCloud's runtimeBaseUrl: remove it",
                "runtimeBaseUrl = \"https://other.example.com\": in a private cloud the microgateway services are the "
                        + "management server's and edgemicro-auth is on privateCloud's runtimeBaseUrl: remove it");
    }

    @Test
    void aPerSecondSpikeArrestQueuesOneSecondOfRequests() {
        assertThat(SpikeArrestPlugin.perSecond(30)).isEqualTo(new SpikeArrestPlugin("second", 30, 30));
        assertThat(at(acme().spikeArrest(SpikeArrestPlugin.perSecond(5)).build().tree(), "spikearrest"))
                .isEqualTo(Map.of("timeUnit", "second", "allow", 5, "bufferSize", 5));
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
        assertThat(problems(MicrogatewayConfig.builder())).containsExactly(
                "organization = (not set): " + ApigeeNamesTest.ORGANIZATION,
                "environment = (not set): " + ApigeeNamesTest.ENVIRONMENT);
        assertThat(problems(MicrogatewayConfig.builder().organization("Acme Corp").environment("test"))).containsExactly(
                "organization = \"Acme Corp\": " + ApigeeNamesTest.ORGANIZATION);
    }

    @Test
    void rejectsPrivateCloudUrlsThatAreNotHttp() {
        assertThat(problems(acme().privateCloud("ms.example.com:8080", "ftp://api.example.com"))).containsExactly(
                "privateCloud.managementUri = \"ms.example.com:8080\": an absolute http or https URL without query, e.g. "
                        + "http://ms.example.com:8080",
                "privateCloud.runtimeBaseUrl = \"ftp://api.example.com\": an absolute http or https URL without query, e.g. "
                        + "https://api.example.com");
    }

    @Test
    void rejectsOutOfRangeNumbersAndUnknownLogLevels() {
        assertThat(problems(acme().port(0).maxConnections(0).configChangePollInterval(0).logLevel("verbose").logDir("logs"))).containsExactly(
                "port = 0: a TCP port from 1 to 65535",
                "maxConnections = 0: at least 1 connection",
                "configChangePollInterval = 0: at least 1 second",
                "logDir = \"logs\": an absolute directory path",
                "logLevel = \"verbose\": one of error, warn, info, debug");
        assertThat(problems(acme().port(65536))).containsExactly("port = 65536: a TCP port from 1 to 65535");
    }

    @Test
    void rejectsUnknownAndDuplicatePlugins() {
        assertThat(problems(acme().plugins(List.of("healthcheck", "oauth", "ratelimit", "oauth")))).containsExactly(
                "plugins[2] = \"ratelimit\": a plugin of microgateway-plugins: accesscontrol, accumulate-request, "
                        + "accumulate-response, apikeys, bauth, cloud-foundry-route-service, cors, extauth, header-uppercase, "
                        + "healthcheck, invalidHeader, json2xml, metrics, monitor, oauth, oauthv2, quota, quota-memory, "
                        + "spikearrest, transform-uppercase",
                "plugins[3] = \"oauth\": each plugin runs once: remove the second oauth");
        assertThat(problems(acme().plugins(List.of()))).containsExactly("plugins = []: name at least one plugin, e.g. "
                + "healthcheck, oauth, spikearrest, quota");
    }

    @Test
    void requiresHealthcheckBeforeAuthentication() {
        assertThat(problems(acme().plugins(List.of("oauth", "healthcheck")))).containsExactly("plugins = [oauth, healthcheck]: "
                + "put healthcheck before oauth: load balancer health checks carry no token and would be refused with 401");
        assertThat(problems(acme().plugins(List.of("apikeys", "healthcheck")))).containsExactly("plugins = [apikeys, "
                + "healthcheck]: put healthcheck before apikeys: load balancer health checks carry no token and would be refused "
                + "with 401");
        assertThat(acme().plugins(List.of("healthcheck", "apikeys", "quota")).build().plugins())
                .containsExactly("healthcheck", "apikeys", "quota");
    }

    @Test
    void requiresQuotaAfterAuthentication() {
        assertThat(problems(acme().plugins(List.of("healthcheck", "quota", "oauth")))).containsExactly(
                "plugins = [healthcheck, quota, oauth]: put quota after oauth or apikeys: quota counts per application and API "
                + "product, which only authentication tells it");
        assertThat(problems(acme().plugins(List.of("healthcheck", "spikearrest", "quota")))).containsExactly(
                "plugins = [healthcheck, spikearrest, quota]: put quota after oauth or apikeys: quota counts per application and "
                + "API product, which only authentication tells it");
    }

    @Test
    void validatesOAuthSettings() {
        assertThat(problems(acme().oauth(new OAuth(false, false, "X-API-Key", false, true, true)))).containsExactly(
                "oauth.apiKeyHeader = \"X-API-Key\": a lowercase HTTP header name such as x-api-key (Node.js lowercases incoming "
                        + "header names, so any other never matches)",
                "oauth.allowApiKeyOnly = true: allowApiKeyOnly and allowOAuthOnly exclude each other; set at most one");
        assertThat(problems(acme().plugins(List.of("healthcheck")).oauth(OAuth.defaults()))).containsExactly(
                "oauth = OAuth[allowNoAuthorization=false, allowInvalidAuthorization=false, apiKeyHeader=x-api-key, "
                + "keepAuthorizationHeader=false, allowApiKeyOnly=false, allowOAuthOnly=false]: oauth settings apply to the "
                + "oauth or apikeys plugin: add one to plugins or remove the settings");
    }

    @Test
    void validatesSpikeArrestRanges() {
        assertThat(problems(acme().spikeArrest(new SpikeArrestPlugin("hour", 0, -1)))).containsExactly(
                "spikeArrest.timeUnit = \"hour\": second or minute",
                "spikeArrest.allow = 0: at least 1 request per timeUnit",
                "spikeArrest.bufferSize = -1: 0 (refuse at once) or more queued requests");
        assertThat(problems(acme().plugins(List.of("healthcheck", "oauth")).spikeArrest(SpikeArrestPlugin.defaults()))).containsExactly(
                "spikeArrest = SpikeArrestPlugin[timeUnit=minute, allow=30, bufferSize=5]: spike arrest settings need "
                + "spikearrest in plugins: add it or remove the settings");
        assertThat(at(acme().spikeArrest(new SpikeArrestPlugin("second", 10, 0)).build().tree(), "spikearrest"))
                .isEqualTo(Map.of("timeUnit", "second", "allow", 10, "bufferSize", 0));
    }

    @Test
    void validatesAnalyticsBuffering() {
        assertThat(problems(acme().analytics(new Analytics(100, 500, 0)))).containsExactly(
                "analytics.batchSize = 500: from 1 to bufferSize (100) records",
                "analytics.flushInterval = 0: at least 1 millisecond");
    }

    @Test
    void acceptsOnlyAPublicKeyAsOverride() {
        assertThat(problems(acme().publicKeyOverride("-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n"))).containsExactly(
                "publicKeyOverride = \"(a private key)\": give the public key (BEGIN PUBLIC KEY); never put a private key in the "
                + "config");
        assertThat(problems(acme().publicKeyOverride("not a key"))).containsExactly("publicKeyOverride = \"(not PEM)\": a PEM "
                + "public key (BEGIN PUBLIC KEY) or certificate (BEGIN CERTIFICATE)");
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
                .hasMessageStartingWith("MicrogatewayConfig: 4 invalid arguments\n  - ");
        assertThat(problems(MicrogatewayConfig.builder().port(-1).plugins(List.of("quota")))).containsExactly(
                "organization = (not set): " + ApigeeNamesTest.ORGANIZATION,
                "environment = (not set): " + ApigeeNamesTest.ENVIRONMENT,
                "port = -1: a TCP port from 1 to 65535",
                "plugins = [quota]: put quota after oauth or apikeys: quota counts per application and API product, which only "
                        + "authentication tells it");
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
