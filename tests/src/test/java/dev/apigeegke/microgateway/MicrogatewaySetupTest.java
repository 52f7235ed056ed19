package dev.apigeegke.microgateway;

import static dev.apigeegke.testing.Harness.at;
import static dev.apigeegke.testing.Rejections.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.test.Mocks;
import dev.apigeegke.internal.validation.ApigeeNamesTest;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.testing.Harness.FakeCloud;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class MicrogatewaySetupTest {
    static final String SETUP = MicrogatewaySetup.TYPE;
    static final String PROXY = "apigee:index:ApiProxy";
    static final String KEY_PAIR = "apigee:index:RsaKeyPair";
    static final String KVM = "apigee:index:KeyValueMap";
    static final String CREDENTIAL = "apigee:index:MicrogatewayCredential";
    private static final String REGIONAL = "https://" + FakeCloud.SERVICES_HOST;

    static MicrogatewaySetupArgs.Builder acme(String... environments) {
        return MicrogatewaySetupArgs.builder().organization("acme").environments(environments);
    }

    /** The inputs the provider receives, secrets in clear, by resource name: what the cloud would be sent. */
    private static final class Recording implements Mocks {
        final Map<String, Map<String, Object>> inputs = new ConcurrentHashMap<>();
        private final FakeCloud cloud = new FakeCloud();

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            inputs.put(args.name, args.inputs);
            return cloud.newResourceAsync(args);
        }
    }

    private static Plan deploy(Recording cloud, Consumer<Context> program) {
        var result = OfflineEngine.run(Harness.PROJECT, Harness.STACK, Map.of(), Set.of(), program, false, cloud);
        assertThat(result.errors()).isEmpty();
        return result.plan();
    }

    private static void exportEnvironment(Context ctx, MicrogatewayEnvironment gateway) {
        var endpoints = gateway.endpoints();
        ctx.export("key", gateway.key());
        ctx.export("secret", gateway.secret());
        ctx.export("publicKey", gateway.publicKey());
        ctx.export("bootstrap", endpoints.bootstrap());
        ctx.export("analytics", endpoints.analytics());
        ctx.export("quotaUri", endpoints.quotaUri());
        ctx.export("authUri", endpoints.authUri());
        ctx.export("products", endpoints.products());
        ctx.export("jwtPublicKey", endpoints.jwtPublicKey());
        ctx.export("verifyApiKeyUrl", endpoints.verifyApiKeyUrl());
    }

    @Test
    void createsWhatEdgemicroConfigureCreatesInEveryEnvironment() {
        var plan = Harness.preview(ctx -> new MicrogatewaySetup("mgw", acme("test", "prod").build()));
        String setup = plan.get(SETUP, "mgw").urn();
        var proxy = plan.get(PROXY, "mgw-edgemicro-auth");
        assertThat(proxy.parent()).isEqualTo(setup);
        assertThat(proxy.inputs()).containsEntry("name", "edgemicro-auth")
                .containsEntry("bundleHash", EdgemicroAuthBundle.standard().bundleHash())
                // Both environments: configure deploys to the first and leaves the second without edgemicro-auth.
                .containsEntry("environments", List.of("test", "prod"))
                .containsEntry("adoptExisting", false);
        for (String env : List.of("test", "prod")) {
            var keys = plan.get(KEY_PAIR, "mgw-" + env + "-keys");
            assertThat(keys.parent()).isEqualTo(setup);
            assertThat(keys.inputs()).containsEntry("commonName", "edgemicro-auth acme-" + env);
            var kvm = plan.get(KVM, "mgw-" + env + "-kvm");
            assertThat(kvm.parent()).isEqualTo(setup);
            assertThat(kvm.inputs()).containsEntry("environment", env).containsEntry("name", "microgateway")
                    // Known once the key pair exists; a secret then (see below).
                    .containsEntry("encrypted", true).containsEntry("entries", Harness.UNKNOWN);
            var credential = plan.get(CREDENTIAL, "mgw-" + env + "-credential");
            assertThat(credential.parent()).isEqualTo(setup);
            assertThat(credential.inputs()).containsEntry("environment", env);
            // A gateway waits for its key and secret: they come after edgemicro-auth serves and the signing key is stored.
            assertThat(credential.dependencies()).contains(proxy.urn(), kvm.urn());
        }
        assertThat(plan.resources()).extracting(Plan.Resource::type)
                .containsExactlyInAnyOrder("pulumi:pulumi:Stack", SETUP, PROXY, KEY_PAIR, KVM, CREDENTIAL, KEY_PAIR, KVM, CREDENTIAL);
    }

    @Test
    void storesTheSigningKeyInTheMicrogatewayMapAsEdgemicroAuthReadsIt() {
        var cloud = new Recording();
        var plan = deploy(cloud, ctx -> new MicrogatewaySetup("mgw", acme("test").build()));
        assertThat(plan.get(KVM, "mgw-test-kvm").inputs()).containsEntry("entries", Harness.SECRET);
        assertThat(cloud.inputs.get("mgw-test-kvm").get("entries")).isEqualTo(Map.of(
                "private_key", FakeCloud.PRIVATE_KEY,
                "public_key", FakeCloud.CERTIFICATE,
                "public_key1", FakeCloud.PUBLIC_KEY,
                "private_key_kid", "1",
                "public_key1_kid", "1"));
    }

    @Test
    void givesEachEnvironmentsGatewayItsCredentialsAndTheRegionalEndpoints() {
        var cloud = new Recording();
        var plan = deploy(cloud, ctx -> exportEnvironment(ctx, new MicrogatewaySetup("mgw", acme("test", "prod").build()).environment("prod")));
        assertThat(plan.outputs()).containsEntry("key", Harness.SECRET).containsEntry("secret", Harness.SECRET)
                .containsEntry("publicKey", FakeCloud.CERTIFICATE)
                .containsEntry("bootstrap", REGIONAL + "/edgemicro/bootstrap/organization/acme/environment/prod")
                .containsEntry("analytics", REGIONAL + "/edgemicro/axpublisher/organization/acme/environment/prod")
                .containsEntry("quotaUri", "https://%s-%s.apigee.net/edgemicro-auth")
                .containsEntry("authUri", "https://%s-%s.apigee.net/edgemicro-auth")
                .containsEntry("products", "https://acme-prod.apigee.net/edgemicro-auth/products")
                .containsEntry("jwtPublicKey", "https://acme-prod.apigee.net/edgemicro-auth/publicKey")
                .containsEntry("verifyApiKeyUrl", "https://acme-prod.apigee.net/edgemicro-auth/verifyApiKey");
        var outputs = plan.outputsOf(plan.get(SETUP, "mgw"));
        assertThat(outputs).containsEntry("keys", Harness.SECRET).containsEntry("secrets", Harness.SECRET)
                .containsEntry("publicKeys", Map.of("test", FakeCloud.CERTIFICATE, "prod", FakeCloud.CERTIFICATE))
                .containsEntry("servicesUrls", Map.of("test", REGIONAL, "prod", REGIONAL));
    }

    @Test
    void theGeneratedKeySecretAndPrivateKeyNeverAppearInClear() throws Exception {
        var plan = deploy(new Recording(), ctx -> {
            var setup = new MicrogatewaySetup("mgw", acme("test").build());
            exportEnvironment(ctx, setup.environment("test"));
            new MicrogatewayService("gateway", MicrogatewayServiceArgs.builder().setup(setup.environment("test")).build());
        });
        String everything = new ObjectMapper().writeValueAsString(plan);
        assertThat(everything).doesNotContain(FakeCloud.GATEWAY_KEY).doesNotContain(FakeCloud.GATEWAY_SECRET)
                .doesNotContain("privateSigningKeyInClear");
        var secret = plan.get("kubernetes:core/v1:Secret", "gateway-credentials").inputs();
        assertThat((Map<?, ?>) at(secret, "stringData")).allSatisfy((k, v) -> assertThat(v).as((String) k).isEqualTo(Harness.SECRET));
    }

    @Test
    void aGatewayOfTheSetupLoadsTheRegionalBootstrapAndAnalyticsHosts() {
        var plan = deploy(new Recording(), ctx -> {
            var setup = new MicrogatewaySetup("mgw", acme("test").build());
            new MicrogatewayService("gateway", MicrogatewayServiceArgs.builder().setup(setup.environment("test")).build());
        });
        var gateway = plan.outputsOf(plan.get(MicrogatewayService.TYPE, "gateway"));
        String yaml = (String) gateway.get("config");
        assertThat(yaml).contains("bootstrap: " + REGIONAL + "/edgemicro/bootstrap/organization/acme/environment/test")
                .contains("uri: " + REGIONAL + "/edgemicro/axpublisher/organization/acme/environment/test")
                .contains("quotaUri: https://%s-%s.apigee.net/edgemicro-auth")
                .doesNotContain("https://edgemicroservices.apigee.net/edgemicro/bootstrap");
        // The pods roll when the rendered config changes: the annotation is the hash of what the gateway loads.
        var template = at(plan.get("kubernetes:apps/v1:Deployment", "gateway-deployment").inputs(), "spec", "template", "metadata");
        assertThat(at(template, "annotations", "apigee-gke/config-sha256")).isEqualTo(GatewayContainer.sha256(yaml));
    }

    @Test
    void aSidecarOfTheSetupLoadsTheRegionalHostsAndNeedsNoPublicKey() {
        var plan = deploy(new Recording(), ctx -> {
            var setup = new MicrogatewaySetup("mgw", acme("test").build());
            new MicrogatewaySidecar("orders-mgw", MicrogatewaySidecarArgs.builder().setup(setup.environment("test"))
                    .appPort(8080).podSelector(Map.of("app", "orders")).build());
        });
        String yaml = (String) plan.outputsOf(plan.get(MicrogatewaySidecar.TYPE, "orders-mgw")).get("config");
        // In local-proxy mode the image's loader downloads the public key from jwt_public_key itself.
        assertThat(yaml).contains("bootstrap: " + REGIONAL + "/edgemicro/bootstrap/organization/acme/environment/test")
                .doesNotContain("\n  public_key:").doesNotContain("BEGIN");
    }

    @Test
    void inAPreviewTheConfigWaitsForTheRegionalHost() {
        var plan = Harness.preview(ctx -> {
            var setup = new MicrogatewaySetup("mgw", acme("test").build());
            new MicrogatewayService("gateway", MicrogatewayServiceArgs.builder().setup(setup.environment("test")).build());
        });
        assertThat(plan.outputsOf(plan.get(MicrogatewayService.TYPE, "gateway"))).containsEntry("config", Harness.UNKNOWN);
        var secret = plan.get("kubernetes:core/v1:Secret", "gateway-credentials");
        assertThat(at(secret.inputs(), "stringData", "mgw-org")).isEqualTo(Harness.SECRET);
        assertThat(at(secret.inputs(), "stringData", "mgw-key")).isEqualTo(Harness.UNKNOWN);
        assertThat(at(secret.inputs(), "stringData", "mgw-config")).isEqualTo(Harness.UNKNOWN);
    }

    @Test
    void aRuntimeBaseUrlCarriesEveryEdgemicroAuthEndpoint() {
        var plan = deploy(new Recording(), ctx -> exportEnvironment(ctx,
                new MicrogatewaySetup("mgw", acme("test").runtimeBaseUrl("http://127.0.0.1:8123/{org}/{env}").build()).environment("test")));
        String auth = "http://127.0.0.1:8123/acme/test/edgemicro-auth";
        assertThat(plan.outputs()).containsEntry("products", auth + "/products")
                .containsEntry("jwtPublicKey", auth + "/publicKey")
                .containsEntry("verifyApiKeyUrl", auth + "/verifyApiKey")
                .containsEntry("authUri", auth)
                // The loader formats quotaUri with the org and env: %c takes each and writes nothing.
                .containsEntry("quotaUri", auth + "%c%c")
                .containsEntry("bootstrap", REGIONAL + "/edgemicro/bootstrap/organization/acme/environment/test");
    }

    @Test
    void appliesTheEdgemicroAuthOptions() {
        var plan = Harness.preview(ctx -> new MicrogatewaySetup("mgw",
                acme("test").noncps(true).virtualHosts(List.of("default", "secure")).adoptExisting(true).build()));
        var expected = EdgemicroAuthBundle.builder().noncps(true).virtualHosts("default", "secure").build();
        assertThat(plan.get(PROXY, "mgw-edgemicro-auth").inputs())
                .containsEntry("bundleHash", expected.bundleHash())
                .containsEntry("bundle", expected.bundle())
                .containsEntry("adoptExisting", true);
        assertThat(expected.bundleHash()).isNotEqualTo(EdgemicroAuthBundle.standard().bundleHash());
        var defaults = acme("test").build();
        assertThat(defaults.bundle()).isEqualTo(EdgemicroAuthBundle.standard());
        assertThat(defaults.adoptExisting()).isFalse();
        assertThat(defaults.runtimeBaseUrl()).isEmpty();
    }

    @Test
    void reportsEveryProblemWithTheArgumentsAtOnce() {
        assertThat(problems(MicrogatewaySetupArgs.builder()::build)).containsExactly(
                "organization = (not set): " + ApigeeNamesTest.ORGANIZATION,
                "environments = []: name at least one environment the gateways serve, e.g. [test]");
        assertThat(problems(MicrogatewaySetupArgs.builder().organization("acme").environments("test", "Prod", "test")
                .virtualHosts(List.of("secure", "my host")).runtimeBaseUrl("api.example.com")::build)).containsExactly(
                "environments[1] = \"Prod\": " + ApigeeNamesTest.ENVIRONMENT,
                "environments[2] = \"test\": listed twice; name each environment once",
                "virtualHosts[1] = \"my host\": a virtual host's name holds only letters, digits and . _ - $ %, e.g. \"secure\" or "
                        + "\"default\"",
                "runtimeBaseUrl = \"api.example.com\": an absolute http or https URL without query once {org} and {env} are "
                        + "filled in, e.g. https://api-{env}.example.com");
    }

    @Test
    void aGatewayTakesItsIdentityFromTheSetupAlone() {
        var plan = Harness.preview(ctx -> {
            var gateway = new MicrogatewaySetup("mgw", acme("test").build()).environment("test");
            assertThat(problems(MicrogatewayServiceArgs.builder().setup(gateway).organization("other").environment("prod")
                    .key("k").secret("s")
                    .config(MicrogatewayConfig.builder().organization("other").environment("prod")
                            .servicesUrl("https://edgemicroservices-eu-west-1.apigee.net").build())::build)).containsExactly(
                    "organization = \"other\": the setup is for organization 'acme': remove organization(...) or pass the setup "
                            + "of organization 'other'",
                    "environment = \"prod\": the setup is for environment 'test': remove environment(...) or pass "
                            + "setup.environment(\"prod\")",
                    "key = \"(set)\": the setup gives the gateway its key and secret: remove key(...) and secret(...), or setup(...)",
                    "secret = \"(set)\": the setup gives the gateway its key and secret: remove key(...) and secret(...), or "
                            + "setup(...)",
                    "config = \"other-prod-config.yaml\": the setup's endpoints replace the config's servicesUrl and "
                            + "runtimeBaseUrl: give the runtime base URL to MicrogatewaySetupArgs instead, or remove setup(...)",
                    "config = \"other-prod-config.yaml\": the config is for another org or env; the gateway for org 'acme' and "
                            + "env 'test' loads acme-test-config.yaml: build the config for the same org and env");
            var args = MicrogatewayServiceArgs.builder().setup(gateway).build();
            assertThat(args.organization()).isEqualTo("acme");
            assertThat(args.environment()).isEqualTo("test");
            assertThat(args.config().toYaml()).isEqualTo(MicrogatewayConfig.builder().organization("acme").environment("test").build().toYaml());
        });
        assertThat(plan.ofType(SETUP)).hasSize(1);
    }

    @Test
    void namesTheEnvironmentsItServesWhenAskedForAnother() {
        Harness.preview(ctx -> {
            var setup = new MicrogatewaySetup("mgw", acme("test").build());
            assertThat(setup.environments()).containsExactly("test");
            assertThatThrownBy(() -> setup.environment("prod")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("this MicrogatewaySetup serves [test], not 'prod': add it to MicrogatewaySetupArgs.environments");
        });
    }

    @Test
    void theSecretsConfigIsTheRenderedYamlInBase64() {
        var cloud = new Recording();
        deploy(cloud, ctx -> {
            var setup = new MicrogatewaySetup("mgw", acme("test").build());
            new MicrogatewayService("gateway", MicrogatewayServiceArgs.builder().setup(setup.environment("test")).build());
        });
        @SuppressWarnings("unchecked")
        var data = (Map<String, Object>) cloud.inputs.get("gateway-credentials").get("stringData");
        assertThat(data).containsEntry("mgw-key", FakeCloud.GATEWAY_KEY).containsEntry("mgw-secret", FakeCloud.GATEWAY_SECRET)
                .containsEntry("mgw-org", "acme").containsEntry("mgw-env", "test");
        String yaml = new String(Base64.getDecoder().decode((String) data.get("mgw-config")), StandardCharsets.UTF_8);
        assertThat(yaml).contains(REGIONAL + "/edgemicro/bootstrap/organization/acme/environment/test");
    }
}
