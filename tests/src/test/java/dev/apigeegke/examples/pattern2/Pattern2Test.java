package dev.apigeegke.examples.pattern2;

import static dev.apigeegke.testing.Harness.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.Harness;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

public class Pattern2Test {
    public static final String KEY = "mgw-key-in-clear-0000000000000001";
    public static final String SECRET = "mgw-secret-in-clear-000000000002";

    public static Map<String, String> stackConfig() {
        var config = new TreeMap<String, String>();
        config.put("gcp:project", "my-project");
        config.put("gcp:region", "europe-west1");
        config.put("apigee:organization", "my-org");
        config.put("apigee-gke:apigeeEnvironments", "[\"test\"]");
        config.put("apigee-gke:allowlist", "[\"0.0.0.0/0\",\"::/0\"]");
        config.put("apigee-gke:microgatewayKey", KEY);
        config.put("apigee-gke:microgatewaySecret", SECRET);
        return config;
    }

    /** The stack without a key and secret of its own, as the repository's sample: the program sets Edge Microgateway up. */
    public static Map<String, String> setupStackConfig() {
        var config = stackConfig();
        config.remove("apigee-gke:microgatewayKey");
        config.remove("apigee-gke:microgatewaySecret");
        return config;
    }

    /** The errors a stack configuration is refused with, once it is clear that no resource was registered. */
    static List<String> refused(Map<String, String> config) {
        var result = Harness.preview(config, Set.of(), Pattern2::stack);
        assertThat(result.plan().resources()).extracting(Plan.Resource::type).containsOnly("pulumi:pulumi:Stack");
        return result.errors();
    }

    static Plan preview(Map<String, String> config) {
        var result = Harness.preview(config, Set.of("apigee-gke:microgatewayKey", "apigee-gke:microgatewaySecret"), Pattern2::stack);
        assertThat(result.errors()).isEmpty();
        return result.plan();
    }

    @Test
    void allTrafficEntersThroughTheIngressToTheGateway() {
        var plan = preview(stackConfig());
        var ingress = plan.get("kubernetes:networking.k8s.io/v1:Ingress", "apigee-p2-ingress").inputs();
        assertThat(at(ingress, "metadata", "namespace")).isEqualTo("edgemicro-system");
        assertThat(at(ingress, "spec", "defaultBackend", "service", "name")).isEqualTo("apigee-p2-gateway-lb");
        var lb = plan.get("kubernetes:core/v1:Service", "apigee-p2-ingress-apigee-p2-gateway-lb").inputs();
        var gatewayPods = at(plan.get("kubernetes:apps/v1:Deployment", "apigee-p2-gateway-deployment").inputs(),
                "spec", "template", "metadata", "labels");
        assertThat((Map<?, ?>) gatewayPods).containsAllEntriesOf((Map) at(lb, "spec", "selector"));
        assertThat(at(lb, "spec", "ports", 0, "targetPort")).isEqualTo(8000L);
        // The load balancer checks the gateway's health plugin, not "/" (which oauth would reject).
        var bc = plan.get("kubernetes:cloud.google.com/v1:BackendConfig", "apigee-p2-ingress-apigee-p2-gateway-lb").inputs();
        assertThat(at(bc, "spec", "healthCheck", "requestPath")).isEqualTo("/healthcheck");
        assertThat(at(bc, "spec", "securityPolicy", "name")).isEqualTo("apigee-p2-ingress-armor");
    }

    @Test
    void theServicesAcceptTrafficOnlyFromTheGateway() {
        var plan = preview(stackConfig());
        var policies = plan.ofType("kubernetes:networking.k8s.io/v1:NetworkPolicy").stream()
                .filter(p -> "default".equals(at(p.inputs(), "metadata", "namespace"))).toList();
        assertThat(policies).hasSize(2);
        assertThat(policies).extracting(p -> at(p.inputs(), "spec", "podSelector", "matchLabels"))
                .containsExactlyInAnyOrder(Map.of("app.kubernetes.io/name", "orders"), Map.of("app.kubernetes.io/name", "catalog"));
        assertThat(policies).allSatisfy(p -> {
            assertThat(at(p.inputs(), "spec", "policyTypes")).isEqualTo(List.of("Ingress"));
            assertThat(at(p.inputs(), "spec", "ingress", 0, "from", 0, "podSelector", "matchLabels", "app.kubernetes.io/name"))
                    .isEqualTo("edge-microgateway");
            assertThat(at(p.inputs(), "spec", "ingress", 0, "ports", 0, "port")).isEqualTo(8080L);
        });
    }

    @Test
    void apigeeHasAnEdgemicroProxyPerRouteAHealthProxyAndOneProduct() {
        var plan = preview(stackConfig());
        assertThat(plan.ofType("apigee:index:ApiProxy")).extracting(r -> r.inputs().get("name"))
                .containsExactlyInAnyOrder("edgemicro_orders", "edgemicro_catalog", "edgemicro_healthcheck");
        assertThat(plan.ofType("apigee:index:ApiProduct")).singleElement().satisfies(p -> assertThat(p.inputs().get("proxies"))
                .isEqualTo(List.of("edgemicro_orders", "edgemicro_catalog", "edgemicro-auth")));
        assertThat(plan.ofType("apigee:index:TargetServer")).isEmpty();
        assertThat(plan.ofType("apigee:index:DeveloperApp")).hasSize(1);
    }

    @Test
    void theGatewayKeyAndSecretNeverAppearInClear() throws Exception {
        var plan = preview(stackConfig());
        var secret = plan.get("kubernetes:core/v1:Secret", "apigee-p2-gateway-credentials").inputs();
        assertThat(at(secret, "stringData", "mgw-key")).isEqualTo(Harness.SECRET);
        assertThat(at(secret, "stringData", "mgw-secret")).isEqualTo(Harness.SECRET);
        String everything = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(plan);
        assertThat(everything).doesNotContain(KEY).doesNotContain(SECRET);
        var gatewayConfig = plan.outputsOf(plan.get("apigee-gke:index:MicrogatewayService", "apigee-p2-gateway")).get("config");
        assertThat((String) gatewayConfig).contains("my-org").doesNotContain(KEY).doesNotContain(SECRET);
    }

    @Test
    void reportsEveryConfigurationProblemAtOnce() {
        var config = new TreeMap<String, String>();
        config.put("apigee-gke:spikeArrest", "fast");
        var result = Harness.preview(config, Set.of(), Pattern2::stack);
        assertThat(result.errors()).containsExactly(
                """
                stack configuration: 6 invalid arguments
                  - gcp:project = (not set): set the GCP project id (pulumi config set gcp:project ...)
                  - gcp:region = (not set): set the GCP region, e.g. europe-west1 (pulumi config set gcp:region ...)
                  - apigee-gke:allowlist = (not set): list who may call the gateway (CIDRs; 0.0.0.0/0 and ::/0 for a public \
                API), or set apigee-gke:internal true
                  - apigee:organization = (not set): set the Apigee organization the gateway serves (pulumi config set \
                apigee:organization ...)
                  - apigee-gke:apigeeEnvironments = (not set): name the Apigee environment the gateway serves, e.g. [test]
                  - apigee-gke:spikeArrest = "fast": requests per second as <n>ps, n a whole number from 1 to \
                999999999, e.g. 30ps""");
        assertThat(result.plan().resources()).extracting(Plan.Resource::type).containsOnly("pulumi:pulumi:Stack");
    }

    @Test
    void withoutAKeyAndSecretOfItsOwnTheStackSetsUpEdgeMicrogateway() {
        var plan = preview(setupStackConfig());
        var setup = plan.get("apigee-gke:index:MicrogatewaySetup", "apigee-p2-setup");
        assertThat(plan.get("apigee:index:ApiProxy", "apigee-p2-setup-edgemicro-auth").inputs())
                .containsEntry("name", "edgemicro-auth").containsEntry("environments", List.of("test"));
        assertThat(plan.get("apigee:index:KeyValueMap", "apigee-p2-setup-test-kvm").inputs())
                .containsEntry("environment", "test").containsEntry("name", "microgateway").containsEntry("encrypted", true);
        assertThat(plan.get("apigee:index:RsaKeyPair", "apigee-p2-setup-test-keys").parent()).isEqualTo(setup.urn());
        var credential = plan.get("apigee:index:MicrogatewayCredential", "apigee-p2-setup-test-credential");
        assertThat(credential.inputs()).containsEntry("environment", "test");
        // The gateway's Secret holds the key and secret the credential registers: known once it exists.
        var secret = plan.get("kubernetes:core/v1:Secret", "apigee-p2-gateway-credentials");
        assertThat(at(secret.inputs(), "stringData", "mgw-key")).isEqualTo(Harness.UNKNOWN);
        assertThat(at(secret.inputs(), "stringData", "mgw-org")).isEqualTo(Harness.SECRET);
        assertThat(credential.dependencies()).contains(plan.get("apigee:index:ApiProxy", "apigee-p2-setup-edgemicro-auth").urn(),
                plan.get("apigee:index:KeyValueMap", "apigee-p2-setup-test-kvm").urn());
        // The product lists edgemicro-auth, which Edge checks exists when a product is created: the proxies and product
        // wait for the setup's.
        assertThat(plan.ofType("apigee:index:ApiProduct")).singleElement()
                .satisfies(p -> assertThat(p.inputs().get("proxies").toString()).contains("edgemicro-auth"));
        assertThat(plan.get("apigee-gke:index:MicrogatewayProxies", "apigee-p2").dependencies())
                .contains(plan.get("apigee:index:ApiProxy", "apigee-p2-setup-edgemicro-auth").urn());
    }

    @Test
    void theSetUpGatewayLoadsTheRegionalHostsAndNoGeneratedSecretAppearsInClear() throws Exception {
        var result = OfflineEngine.run(Harness.PROJECT, Harness.STACK, setupStackConfig(), Set.of(), Pattern2::stack, false,
                new Harness.FakeCloud());
        assertThat(result.errors()).isEmpty();
        var plan = result.plan();
        String config = (String) plan.outputsOf(plan.get("apigee-gke:index:MicrogatewayService", "apigee-p2-gateway")).get("config");
        String regional = "https://" + Harness.FakeCloud.SERVICES_HOST;
        assertThat(config).contains("bootstrap: " + regional + "/edgemicro/bootstrap/organization/my-org/environment/test")
                .contains("uri: " + regional + "/edgemicro/axpublisher/organization/my-org/environment/test")
                .contains("quotaUri: https://%s-%s.apigee.net/edgemicro-auth").contains("gracePeriod: 10");
        String everything = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(plan);
        assertThat(everything).doesNotContain(Harness.FakeCloud.GATEWAY_KEY).doesNotContain(Harness.FakeCloud.GATEWAY_SECRET)
                .doesNotContain("privateSigningKeyInClear");
    }

    @Test
    void aKeyAndSecretOfTheStacksOwnGoTogetherWithTheirServicesHost() {
        var keyOnly = setupStackConfig();
        keyOnly.put("apigee-gke:microgatewayKey", KEY);
        keyOnly.put("apigee-gke:microgatewayServicesHost", "edgemicroservices-eu-west-1.apigee.net");
        assertThat(refused(keyOnly)).containsExactly(
                """
                stack configuration: 2 invalid arguments
                  - apigee-gke:microgatewaySecret = (not set): the key and secret `edgemicro configure` printed go together: set \
                apigee-gke:microgatewaySecret too (pulumi config set --secret apigee-gke:microgatewaySecret ...), or remove \
                apigee-gke:microgatewayKey and the stack sets Edge Microgateway up itself
                  - apigee-gke:microgatewayServicesHost = "edgemicroservices-eu-west-1.apigee.net": only goes with your own \
                apigee-gke:microgatewayKey and apigee-gke:microgatewaySecret: without them the stack sets Edge Microgateway up \
                itself, finding the regional host and making the key edgemicro-auth signs with; remove it, or set both""");

        var secretOnly = setupStackConfig();
        secretOnly.put("apigee-gke:microgatewaySecret", SECRET);
        assertThat(refused(secretOnly)).containsExactly(
                """
                stack configuration: 1 invalid argument
                  - apigee-gke:microgatewayKey = (not set): the key and secret `edgemicro configure` printed go together: set \
                apigee-gke:microgatewayKey too (pulumi config set --secret apigee-gke:microgatewayKey ...), or remove \
                apigee-gke:microgatewaySecret and the stack sets Edge Microgateway up itself""");

        var both = stackConfig();
        both.put("apigee-gke:microgatewayServicesHost", "edgemicroservices-eu-west-1.apigee.net");
        var plan = preview(both);
        assertThat(plan.ofType("apigee-gke:index:MicrogatewaySetup")).isEmpty();
        assertThat(plan.ofType("apigee:index:MicrogatewayCredential")).isEmpty();
        String config = (String) plan.outputsOf(plan.get("apigee-gke:index:MicrogatewayService", "apigee-p2-gateway")).get("config");
        assertThat(config).contains("bootstrap: https://edgemicroservices-eu-west-1.apigee.net/edgemicro/bootstrap/organization/my-org/environment/test")
                .contains("uri: https://edgemicroservices-eu-west-1.apigee.net/edgemicro/axpublisher/organization/my-org/environment/test");
        // Without a host of its own the config keeps the global one.
        String global = (String) preview(stackConfig()).outputsOf(preview(stackConfig()).get("apigee-gke:index:MicrogatewayService",
                "apigee-p2-gateway")).get("config");
        assertThat(global).contains("bootstrap: https://edgemicroservices.apigee.net/edgemicro/bootstrap/organization/my-org/environment/test");

        var badHost = stackConfig();
        badHost.put("apigee-gke:microgatewayServicesHost", "https://edgemicroservices-eu-west-1.apigee.net/");
        assertThat(refused(badHost)).containsExactly(
                """
                stack configuration: 1 invalid argument
                  - apigee-gke:microgatewayServicesHost = "https://edgemicroservices-eu-west-1.apigee.net/": a host name without \
                scheme or path, as in the bootstrap URL configure wrote: e.g. edgemicroservices-us-east-1.apigee.net""");
    }

    @Test
    void refusesApigeeXBeforeAnyResource() {
        var x = setupStackConfig();
        x.put("apigee:flavor", "x");
        assertThat(refused(x)).containsExactly(
                """
                stack configuration: 1 invalid argument
                  - apigee:flavor = "x": Edge Microgateway works only with Apigee Edge (its gateways authenticate through Edge's \
                edgemicro-auth proxy and microgateway services, which Apigee X and hybrid lack): deploy pattern 1 for Apigee X \
                (apigee-gke:pattern: pattern1), or set apigee:flavor edge for an Edge organization""");
        var edge = setupStackConfig();
        edge.put("apigee:flavor", "edge");
        assertThat(Harness.preview(edge, Set.of(), Pattern2::stack).errors()).isEmpty();
    }

    @Test
    void aGatewayServesOneEnvironment() {
        var two = setupStackConfig();
        two.put("apigee-gke:apigeeEnvironments", "[\"test\",\"prod\"]");
        assertThat(refused(two)).containsExactly(
                """
                stack configuration: 1 invalid argument
                  - apigee-gke:apigeeEnvironments = [test, prod]: a gateway serves one environment: list one, e.g. [test], and \
                deploy a stack per environment""");
    }

    /** Pattern 2's configuration for an internal Ingress, without its proxy-only subnet. */
    private static Map<String, String> internalConfig() {
        var config = stackConfig();
        config.remove("apigee-gke:allowlist");
        config.put("apigee-gke:internal", "true");
        return config;
    }

    @Test
    void anInternalGatewayUsesGceInternalWithoutAnAllowlist() {
        var config = internalConfig();
        config.put("apigee-gke:proxyOnlySubnetCidr", "10.129.0.0/23");
        var plan = preview(config);
        assertThat(at(plan.get("kubernetes:networking.k8s.io/v1:Ingress", "apigee-p2-ingress").inputs(),
                "metadata", "annotations", "kubernetes.io/ingress.class")).isEqualTo("gce-internal");
        assertThat(plan.ofType("gcp:compute/securityPolicy:SecurityPolicy")).isEmpty();
        // The proxy-only subnet and the firewall rule from it, on the cluster's network, in the stack's region.
        var cluster = plan.get("gcp:container/cluster:Cluster", "apigee-p2").inputs();
        assertThat(plan.get("gcp:compute/subnetwork:Subnetwork", "apigee-p2-ingress-proxy-only").inputs())
                .containsEntry("ipCidrRange", "10.129.0.0/23").containsEntry("region", "europe-west1")
                .containsEntry("network", cluster.get("network")).containsEntry("project", "my-project");
        assertThat(plan.get("gcp:compute/firewall:Firewall", "apigee-p2-ingress-from-proxy").inputs())
                .containsEntry("sourceRanges", List.of("10.129.0.0/23")).containsEntry("network", cluster.get("network"))
                .containsEntry("allows", List.of(Map.of("protocol", "tcp", "ports", List.of("8000"))));
    }

    @Test
    void anInternalGatewayCanUseTheRegionsExistingProxyOnlySubnet() {
        var config = internalConfig();
        config.put("apigee-gke:proxyOnlySubnet", "{\"name\":\"proxy-only-eu\",\"cidr\":\"10.130.0.0/23\"}");
        var plan = preview(config);
        assertThat(plan.ofType("gcp:compute/subnetwork:Subnetwork")).isEmpty();
        assertThat(plan.get("gcp:compute/firewall:Firewall", "apigee-p2-ingress-from-proxy").inputs())
                .containsEntry("sourceRanges", List.of("10.130.0.0/23"));
    }

    @Test
    void theProxyOnlySubnetKeysAreCheckedBeforeAnyResource() {
        var neither = Harness.preview(internalConfig(), Set.of(), Pattern2::stack);
        assertThat(neither.errors()).containsExactly(
                """
                stack configuration: 1 invalid argument
                  - apigee-gke:proxyOnlySubnetCidr = (not set): an internal load balancer sends from the region's proxy-only \
                subnet: set exactly one of apigee-gke:proxyOnlySubnetCidr (a range to create it from, e.g. 10.129.0.0/23) or \
                apigee-gke:proxyOnlySubnet (the existing one: its name and cidr)""");
        assertThat(neither.plan().resources()).extracting(Plan.Resource::type).containsOnly("pulumi:pulumi:Stack");

        var both = internalConfig();
        both.put("apigee-gke:proxyOnlySubnetCidr", "10.129.0.0/23");
        both.put("apigee-gke:proxyOnlySubnet", "{\"name\":\"proxy-only-eu\",\"cidr\":\"10.130.0.0/23\"}");
        assertThat(Harness.preview(both, Set.of(), Pattern2::stack).errors()).containsExactly(
                """
                stack configuration: 1 invalid argument
                  - apigee-gke:proxyOnlySubnetCidr = "10.129.0.0/23": an internal load balancer sends from the region's \
                proxy-only subnet: set exactly one of apigee-gke:proxyOnlySubnetCidr (a range to create it from, e.g. \
                10.129.0.0/23) or apigee-gke:proxyOnlySubnet (the existing one: its name and cidr)""");

        var invalid = internalConfig();
        invalid.put("apigee-gke:proxyOnlySubnetCidr", "10.129.0.0/28");
        assertThat(Harness.preview(invalid, Set.of(), Pattern2::stack).errors()).containsExactly(
                """
                stack configuration: 1 invalid argument
                  - apigee-gke:proxyOnlySubnetCidr = "10.129.0.0/28": a proxy-only subnet has at least 64 addresses: a prefix \
                from /9 to /26 (/23 gives the load balancers room to scale)""");

        var badExisting = internalConfig();
        badExisting.put("apigee-gke:proxyOnlySubnet", "{\"name\":\"projects/p/regions/us-east1/subnetworks/x\",\"cidr\":\"8.8.8.0/24\"}");
        assertThat(Harness.preview(badExisting, Set.of(), Pattern2::stack).errors()).containsExactly(
                """
                stack configuration: 2 invalid arguments
                  - apigee-gke:proxyOnlySubnet.cidr = "8.8.8.0/24": a proxy-only subnet is an IPv4 range inside 10.0.0.0/8, \
                172.16.0.0/12 or 192.168.0.0/16, e.g. 10.129.0.0/23
                  - apigee-gke:proxyOnlySubnet.name = "projects/p/regions/us-east1/subnetworks/x": the proxy-only subnet must be \
                in the Ingress's region europe-west1; name that region's subnet""");
        var notAnObject = internalConfig();
        notAnObject.put("apigee-gke:proxyOnlySubnet", "proxy-only-eu");
        assertThat(Harness.preview(notAnObject, Set.of(), Pattern2::stack).errors()).containsExactly(
                """
                stack configuration: 2 invalid arguments
                  - apigee-gke:proxyOnlySubnet = "proxy-only-eu": an object, e.g. in Pulumi.<stack>.yaml:
                      apigee-gke:proxyOnlySubnet:
                        name: proxy-only-europe-west1
                        cidr: 10.129.0.0/23
                  - apigee-gke:proxyOnlySubnetCidr = (not set): an internal load balancer sends from the region's proxy-only \
                subnet: set exactly one of apigee-gke:proxyOnlySubnetCidr (a range to create it from, e.g. 10.129.0.0/23) or \
                apigee-gke:proxyOnlySubnet (the existing one: its name and cidr)""");
        var noCidr = internalConfig();
        noCidr.put("apigee-gke:proxyOnlySubnet", "{\"name\":\"proxy-only-eu\"}");
        assertThat(Harness.preview(noCidr, Set.of(), Pattern2::stack).errors()).containsExactly(
                """
                stack configuration: 2 invalid arguments
                  - apigee-gke:proxyOnlySubnet = {name=proxy-only-eu}: the existing proxy-only subnet's name (or self link) and \
                its range: {name: proxy-only-europe-west1, cidr: 10.129.0.0/23}
                  - apigee-gke:proxyOnlySubnet.cidr = "": an empty range; give an IPv4 or IPv6 CIDR such as 203.0.113.0/24 or \
                2001:db8::/32""");

        var external = stackConfig();
        external.put("apigee-gke:proxyOnlySubnetCidr", "10.129.0.0/23");
        assertThat(Harness.preview(external, Set.of(), Pattern2::stack).errors()).containsExactly(
                """
                stack configuration: 1 invalid argument
                  - apigee-gke:proxyOnlySubnetCidr = "10.129.0.0/23": only an internal Ingress uses a proxy-only subnet; remove \
                it or set apigee-gke:internal true""");
    }
}
