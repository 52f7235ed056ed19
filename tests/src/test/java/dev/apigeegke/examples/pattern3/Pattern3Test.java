package dev.apigeegke.examples.pattern3;

import static dev.apigeegke.testing.Harness.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.examples.pattern2.Pattern2Test;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.Harness;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

public class Pattern3Test {
    private static final String PUBLIC_KEY = publicKey();

    private static String publicKey() {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(generator.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pattern 3's stack configuration: pattern 2's with the organization's public key. */
    public static Map<String, String> stackConfig() {
        var config = new java.util.TreeMap<>(Pattern2Test.stackConfig());
        config.put("apigee-gke:edgemicroPublicKey", PUBLIC_KEY);
        return config;
    }

    private static Plan preview() {
        var result = Harness.preview(stackConfig(),
                Set.of("apigee-gke:microgatewayKey", "apigee-gke:microgatewaySecret"), Pattern3::stack);
        assertThat(result.errors()).isEmpty();
        return result.plan();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> containers(Plan plan, String deployment) {
        return (List<Map<String, Object>>) at(plan.get("kubernetes:apps/v1:Deployment", deployment).inputs(),
                "spec", "template", "spec", "containers");
    }

    @Test
    void everyServicePodGetsItsOwnGatewaySidecar() {
        var plan = preview();
        for (String service : List.of("orders", "catalog")) {
            var containers = containers(plan, service);
            assertThat(containers).extracting(c -> c.get("name")).containsExactly(service, "edge-microgateway");
            var sidecar = containers.get(1);
            assertThat(sidecar.toString()).contains("apigee-p3-" + service + "-mgw-credentials");
            assertThat(at(sidecar, "ports", 0, "containerPort")).isEqualTo(8000L);
        }
    }

    @Test
    void eachServiceHasItsOwnPolicy() {
        var plan = preview();
        String orders = (String) plan.outputsOf(plan.get("apigee-gke:index:MicrogatewaySidecar", "apigee-p3-orders-mgw")).get("config");
        String catalog = (String) plan.outputsOf(plan.get("apigee-gke:index:MicrogatewaySidecar", "apigee-p3-catalog-mgw")).get("config");
        assertThat(orders).contains("- oauth").contains("- quota").contains("- spikearrest");
        assertThat(catalog).doesNotContain("- oauth").contains("- spikearrest").contains("- healthcheck");
    }

    @Test
    void trafficReachesAppsOnlyThroughTheirSidecars() {
        var plan = preview();
        for (String service : List.of("orders", "catalog")) {
            var lb = plan.get("kubernetes:core/v1:Service", "apigee-p3-ingress-" + service).inputs();
            assertThat(at(lb, "spec", "ports", 0, "targetPort")).isEqualTo(8000L);
            var policy = plan.get("kubernetes:networking.k8s.io/v1:NetworkPolicy", "apigee-p3-" + service + "-mgw").inputs();
            assertThat(at(policy, "spec", "podSelector", "matchLabels")).isEqualTo(Map.of("app.kubernetes.io/name", service));
            assertThat(at(policy, "spec", "ingress", 0, "ports", 0, "port")).isEqualTo(8000L);
            assertThat(at(plan.get("kubernetes:cloud.google.com/v1:BackendConfig", "apigee-p3-ingress-" + service).inputs(),
                    "spec", "healthCheck", "requestPath")).isEqualTo("/healthcheck");
        }
    }

    @Test
    void theDefaultModeNeedsNoPrivilegeAndKeepsCredentialsSecret() throws Exception {
        var plan = preview();
        for (String service : List.of("orders", "catalog")) {
            var spec = at(plan.get("kubernetes:apps/v1:Deployment", service).inputs(), "spec", "template", "spec");
            assertThat(spec.toString()).doesNotContain("NET_ADMIN").doesNotContain("privileged=true");
            assertThat(((Map<?, ?>) spec).containsKey("initContainers")).isFalse();
            assertThat(containers(plan, service)).allSatisfy(c -> {
                assertThat(at(c, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
                assertThat(at(c, "securityContext", "capabilities", "drop")).isEqualTo(List.of("ALL"));
            });
            var secret = plan.get("kubernetes:core/v1:Secret", "apigee-p3-" + service + "-mgw-credentials").inputs();
            assertThat(at(secret, "stringData", "mgw-key")).isEqualTo(Harness.SECRET);
        }
        String everything = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(plan);
        assertThat(everything).doesNotContain(Pattern2Test.KEY).doesNotContain(Pattern2Test.SECRET);
    }

    @Test
    void aPublicKeyOfTheStacksOwnGoesIntoTheSidecarsConfigAndIsOptional() {
        var plan = preview();
        String orders = (String) plan.outputsOf(plan.get("apigee-gke:index:MicrogatewaySidecar", "apigee-p3-orders-mgw")).get("config");
        assertThat(orders).contains("public_key: |").contains("oauthv2");
        // Without it the image's loader downloads the key from edgemicro-auth, as a Service's gateway does.
        var result = Harness.preview(Pattern2Test.stackConfig(), Set.of(), Pattern3::stack);
        assertThat(result.errors()).isEmpty();
        String open = (String) result.plan().outputsOf(result.plan().get("apigee-gke:index:MicrogatewaySidecar", "apigee-p3-orders-mgw"))
                .get("config");
        assertThat(open).doesNotContain("BEGIN PUBLIC KEY").contains("jwt_public_key: https://my-org-test.apigee.net/edgemicro-auth/publicKey");
    }

    @Test
    void withoutAKeyAndSecretOfItsOwnEverySidecarUsesOneSetup() {
        var result = Harness.preview(Pattern2Test.setupStackConfig(), Set.of(), Pattern3::stack);
        assertThat(result.errors()).isEmpty();
        var plan = result.plan();
        assertThat(plan.ofType("apigee-gke:index:MicrogatewaySetup")).extracting(Plan.Resource::name).containsExactly("apigee-p3-setup");
        assertThat(plan.ofType("apigee:index:MicrogatewayCredential")).hasSize(1);
        for (String service : List.of("orders", "catalog")) {
            var secret = plan.get("kubernetes:core/v1:Secret", "apigee-p3-" + service + "-mgw-credentials");
            assertThat(at(secret.inputs(), "stringData", "mgw-key")).isEqualTo(Harness.UNKNOWN);
        }
        assertThat(plan.get("apigee:index:ApiProxy", "apigee-p3-setup-edgemicro-auth").inputs())
                .containsEntry("name", "edgemicro-auth").containsEntry("environments", List.of("test"));
        // Each product lists edgemicro-auth, which Edge checks exists when a product is created: it waits for the setup's.
        String edgemicroAuth = plan.get("apigee:index:ApiProxy", "apigee-p3-setup-edgemicro-auth").urn();
        assertThat(plan.ofType("apigee:index:ApiProduct")).hasSize(2)
                .allSatisfy(p -> assertThat(p.dependencies()).contains(edgemicroAuth));

        // A public key only goes with a key and secret of the stack's own: the setup makes the one edgemicro-auth signs with.
        var withKey = Pattern2Test.setupStackConfig();
        withKey.put("apigee-gke:edgemicroPublicKey", PUBLIC_KEY);
        var refused = Harness.preview(withKey, Set.of(), Pattern3::stack);
        assertThat(refused.errors()).singleElement().asString()
                .contains("apigee-gke:edgemicroPublicKey = \"(a PEM key)\": only goes with your own apigee-gke:microgatewayKey");
        assertThat(refused.plan().resources()).extracting(Plan.Resource::type).containsOnly("pulumi:pulumi:Stack");
    }

    /** The local proxy's name the image's entrypoint gives a pod: edgemicro_ + the part of POD_NAME before the first '-', upper-cased. */
    private static String entrypointProxyName(String podName) {
        return "edgemicro_" + podName.split("-", 2)[0].toUpperCase(Locale.ROOT);
    }

    @Test
    void eachServicesProductListsTheLocalProxyItsPodsRun() {
        var plan = preview();
        for (String service : List.of("orders", "catalog")) {
            // A pod of the Deployment is named <deployment>-<replica set hash>-<suffix>.
            String deployment = (String) at(plan.get("kubernetes:apps/v1:Deployment", service).inputs(), "metadata", "name");
            String localProxy = entrypointProxyName(deployment + "-7d9c5b8f4-x2x9k");
            var product = plan.get("apigee:index:ApiProduct", "apigee-p3-" + service + "-product").inputs();
            assertThat(product.get("proxies")).as(service).isEqualTo(List.of(localProxy, "edgemicro-auth"));
            // Apigee validates a product's proxies when it is created: the local proxy is deployed first.
            var proxy = plan.get("apigee:index:ApiProxy", "apigee-p3-" + service + "-proxy");
            assertThat(proxy.inputs()).containsEntry("name", localProxy).containsEntry("environments", List.of("test"));
            assertThat(plan.get("apigee:index:ApiProduct", "apigee-p3-" + service + "-product").dependencies())
                    .contains(proxy.urn());
        }
        assertThat(plan.ofType("apigee:index:ApiProxy")).hasSize(2);
    }

    @Test
    void eachServicesProductGrantsOnlyThePathsTheIngressRoutesToItsSidecar() {
        var plan = preview();
        @SuppressWarnings("unchecked")
        var paths = (List<Map<String, Object>>) at(plan.get("kubernetes:networking.k8s.io/v1:Ingress", "apigee-p3-ingress").inputs(),
                "spec", "rules", 0, "http", "paths");
        for (String service : List.of("orders", "catalog")) {
            var routed = paths.stream().filter(p -> service.equals(at(p, "backend", "service", "name")))
                    .map(p -> p.get("path")).toList();
            assertThat(routed).as(service).containsExactly("/" + service);
            assertThat(plan.get("apigee:index:ApiProduct", "apigee-p3-" + service + "-product").inputs())
                    .containsEntry("apiResources", List.of("/" + service, "/" + service + "/**", "/verifyApiKey", "/token"));
        }
    }

    @Test
    void theKeyedServicesProductCarriesItsQuota() {
        var plan = preview();
        assertThat(plan.get("apigee:index:ApiProduct", "apigee-p3-orders-product").inputs())
                .containsEntry("quota", "1000").containsEntry("quotaInterval", "1").containsEntry("quotaTimeUnit", "hour");
        assertThat(plan.get("apigee:index:ApiProduct", "apigee-p3-catalog-product").inputs()).doesNotContainKey("quota");
    }

    @Test
    void theLocalProxiesAreMicrogatewayProxiesOnTheirOwnBasePaths() throws Exception {
        var plan = preview();
        for (String service : List.of("ORDERS", "CATALOG")) {
            var proxy = plan.get("apigee:index:ApiProxy", "apigee-p3-" + service.toLowerCase(Locale.ROOT) + "-proxy");
            var files = unzip((String) proxy.inputs().get("bundle"));
            assertThat(files.get("apiproxy/proxies/default.xml")).contains("<BasePath>/edgemicro_" + service + "</BasePath>");
            assertThat(files.get("apiproxy/targets/default.xml")).contains("<URL>http://localhost:8080</URL>");
            assertThat(files.keySet()).noneMatch(f -> f.startsWith("apiproxy/policies/"));
        }
    }

    private static Map<String, String> unzip(String base64) throws Exception {
        var files = new java.util.TreeMap<String, String>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(base64)))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static OfflineEngine.Result build(List<Pattern3.Service> services) {
        return Harness.preview(stackConfig(), Set.of(), ctx -> Pattern3.build(ctx,
                dev.apigeegke.examples.gateway.GatewayStackSettings.from(ctx, Pattern3.DEFAULT_PREFIX), services));
    }

    @Test
    void servicesWhoseSidecarsWouldShareALocalProxyAreRefusedBeforeAnyResource() {
        var result = build(List.of(new Pattern3.Service("order-api", "nginx:1.27", true),
                new Pattern3.Service("order-web", "nginx:1.27", true), new Pattern3.Service("catalog", "nginx:1.27", false)));
        assertThat(result.errors()).singleElement().asString()
                .contains("services[1].name = \"order-web\"").contains("edgemicro_ORDER").contains("services[0] (\"order-api\")")
                .contains("before their first '-'").doesNotContain("services[2]");
        assertThat(result.plan().resources()).extracting(Plan.Resource::type).containsOnly("pulumi:pulumi:Stack");
    }

    @Test
    void aQuotaOnAnOpenServiceIsRefusedBeforeAnyResource() {
        var result = build(List.of(new Pattern3.Service("orders", "nginx:1.27", false, new dev.apigeegke.apigee.ProductQuota(5, 1, "minute"))));
        assertThat(result.errors()).singleElement().asString().contains("services[0].quota").contains("open service");
        assertThat(result.plan().resources()).extracting(Plan.Resource::type).containsOnly("pulumi:pulumi:Stack");
    }

    @Test
    void theStackExportsTheSampleAppsKey() {
        var deployed = Harness.deploy(ctx -> Pattern3.build(ctx, new dev.apigeegke.examples.gateway.GatewayStackSettings(
                "my-project", "europe-west1", "p3", List.of("0.0.0.0/0"), false, java.util.Optional.empty(), List.of(), List.of(),
                java.util.Optional.empty(), true, "my-org", "test",
                java.util.Optional.of(new dev.apigeegke.examples.gateway.GatewayStackSettings.OwnCredentials(
                        com.pulumi.core.Output.ofSecret("k"), com.pulumi.core.Output.ofSecret("s"), java.util.Optional.empty(),
                        java.util.Optional.of(PUBLIC_KEY))),
                30, "dev@example.com", dev.apigeegke.internal.config.NodeScaling.DEFAULT)));
        assertThat(deployed.outputs()).containsEntry("consumerKey", Harness.SECRET);
    }
}
