package dev.apigeegke.examples.pattern1;

import static dev.apigeegke.testing.Harness.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.ingress.RateBan;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.BundleFiles;
import dev.apigeegke.testing.Harness;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

public class Pattern1Test {
    private static final List<String> ALLOWLIST = List.of("203.0.113.0/24", "2001:db8:1200::/48");

    private static Pattern1Config config() {
        return new Pattern1Config("my-project", "europe-west1", "europe-west1", "p1", ALLOWLIST,
                List.of(), List.of(), Optional.empty(), Optional.empty(), true, ApigeeSettings.edge("my-org", List.of("test")));
    }

    /** A complete pattern 1 stack configuration. */
    public static Map<String, String> stackConfig() {
        var config = new TreeMap<String, String>();
        config.put("gcp:project", "my-project");
        config.put("gcp:region", "europe-west1");
        config.put("apigee-gke:allowlist", "[\"203.0.113.0/24\",\"2001:db8:1200::/48\"]");
        config.put("apigee:organization", "my-org");
        config.put("apigee-gke:apigeeEnvironments", "[\"test\"]");
        return config;
    }

    @Test
    void declaresTheClusterTheServicesAndTheArmoredIngress() {
        var plan = Harness.preview(ctx -> Pattern1.build(ctx, config()));
        assertThat(plan.resources()).extracting(Plan.Resource::type).contains(
                "gcp:container/cluster:Cluster",
                "gcp:container/nodePool:NodePool",
                "gcp:compute/globalAddress:GlobalAddress",
                "gcp:compute/securityPolicy:SecurityPolicy",
                "kubernetes:cloud.google.com/v1:BackendConfig",
                "kubernetes:core/v1:Service",
                "kubernetes:apps/v1:Deployment",
                "kubernetes:networking.k8s.io/v1:Ingress");
        assertThat(plan.ofType("kubernetes:apps/v1:Deployment")).extracting(Plan.Resource::name)
                .containsExactlyInAnyOrder("orders", "catalog");
        assertThat(plan.ofType("kubernetes:core/v1:Service")).hasSize(2);
        assertThat(plan.ofType("kubernetes:cloud.google.com/v1:BackendConfig")).hasSize(2);
    }

    @Test
    void everyServiceBehindTheIngressSelectsAMicroserviceAndIsArmored() {
        var plan = Harness.preview(ctx -> Pattern1.build(ctx, config()));
        for (var deployment : plan.ofType("kubernetes:apps/v1:Deployment")) {
            var podLabels = at(deployment.inputs(), "spec", "template", "metadata", "labels");
            var service = plan.ofType("kubernetes:core/v1:Service").stream()
                    .filter(s -> at(s.inputs(), "spec", "selector").equals(podLabels)).findFirst();
            assertThat(service).as("a Service selecting " + deployment.name()).isPresent();
            var port = at(deployment.inputs(), "spec", "template", "spec", "containers", 0, "ports", 0, "containerPort");
            assertThat(at(service.get().inputs(), "spec", "ports", 0, "targetPort")).isEqualTo(port);
            assertThat(at(service.get().inputs(), "metadata", "annotations", "cloud.google.com/backend-config")).isNotNull();
        }
        var policy = plan.get("gcp:compute/securityPolicy:SecurityPolicy", "p1-ingress-armor").inputs();
        assertThat(at(policy, "rules", 0, "match", "config", "srcIpRanges")).isEqualTo(ALLOWLIST);
    }

    @Test
    void imagesArePinnedAndPodsRunAsNonRoot() {
        var plan = Harness.preview(ctx -> Pattern1.build(ctx, config()));
        assertThat(plan.ofType("kubernetes:apps/v1:Deployment")).allSatisfy(d -> {
            var container = at(d.inputs(), "spec", "template", "spec", "containers", 0);
            assertThat((String) at(container, "image")).matches(".+:[0-9][0-9.]*").doesNotEndWith(":latest");
            assertThat(at(container, "securityContext", "runAsNonRoot")).isEqualTo(true);
            assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
            assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/");
        });
    }

    @Test
    void readsItsSettingsFromStackConfiguration() {
        var config = stackConfig();
        config.put("apigee-gke:prefix", "shop");
        config.put("apigee-gke:machineType", "n2-standard-4");
        config.put("apigee-gke:domains", "[\"api.example.com\"]");
        config.put("apigee-gke:deletionProtection", "false");
        var result = Harness.preview(config, Set.of(), Pattern1::stack);
        assertThat(result.errors()).isEmpty();
        var plan = result.plan();
        assertThat(at(plan.get("gcp:container/nodePool:NodePool", "shop-nodes").inputs(), "nodeConfig", "machineType"))
                .isEqualTo("n2-standard-4");
        assertThat(at(plan.get("gcp:container/cluster:Cluster", "shop").inputs(), "deletionProtection")).isEqualTo(false);
        assertThat(plan.ofType("kubernetes:networking.gke.io/v1:ManagedCertificate")).hasSize(1);
        assertThat(plan.outputs()).containsEntry("clusterName", "shop").containsEntry("ingressUrl", "https://api.example.com");
    }

    @Test
    void reportsEveryConfigurationProblemAtOnceAndRegistersNothing() {
        var result = Harness.preview(Map.of("apigee-gke:nodesPerZone", "three"), Set.of(), Pattern1::stack);
        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).containsExactly(
                """
                stack configuration: 6 invalid arguments
                  - gcp:project = (not set): set the GCP project id (pulumi config set gcp:project ...)
                  - gcp:region = (not set): set the GCP region, e.g. europe-west1 (pulumi config set gcp:region ...)
                  - apigee-gke:allowlist = (not set): list the Apigee gateway's egress ranges (IPv4/IPv6 CIDRs) the Ingress admits
                  - apigee:organization = (not set): set the Apigee organization the proxy is deployed to (pulumi config set \
                apigee:organization ...)
                  - apigee-gke:apigeeEnvironments = (not set): list the Apigee environments to deploy the proxy to, e.g. [test]
                  - apigee-gke:nodesPerZone = "three": a whole number""");
        assertThat(result.plan().resources()).extracting(Plan.Resource::type).containsOnly("pulumi:pulumi:Stack");
    }

    @Test
    void invalidRangesInTheStackFileFailBeforeAnyResourceIsRegistered() {
        var config = stackConfig();
        config.put("apigee-gke:allowlist", "[\"203.0.113.0/24\",\"10.1.2.3/8\",\"apigee.example.com\"]");
        var result = Harness.preview(config, Set.of(), Pattern1::stack);
        assertThat(result.errors()).containsExactly(
                """
                stack configuration: 2 invalid arguments
                  - apigee-gke:allowlist[1] = "10.1.2.3/8": host bits are set; write the range as 10.0.0.0/8
                  - apigee-gke:allowlist[2] = "apigee.example.com": a host name, not an address: a range is matched against a client's \
                address and never looks a name up; give the range of its addresses, e.g. 203.0.113.0/24""");
        assertThat(result.plan().resources()).extracting(Plan.Resource::type).containsOnly("pulumi:pulumi:Stack");
    }

    @Test
    void exportsTheIngressUrlForTheApigeeTargetAndAKubeconfigSecret() {
        var plan = Harness.deploy(ctx -> Pattern1.build(ctx, config()));
        assertThat(plan.outputs())
                .containsEntry("ingressUrl", "http://" + Harness.FakeCloud.ADDRESS)
                .containsEntry("ingressAddress", Harness.FakeCloud.ADDRESS)
                .containsEntry("kubeconfig", Harness.SECRET)
                .containsEntry("securityPolicy", "p1-ingress-armor")
                .containsEntry("clusterName", "p1");
    }

    @Test
    void theApigeeProxyTargetsTheIngressAndEnforcesKeyQuotaAndSpikeArrest() {
        var plan = Harness.deploy(ctx -> Pattern1.build(ctx, config()));
        var component = plan.get("apigee-gke:index:ApigeeProxy", "p1-api");
        assertThat(plan.resources()).filteredOn(r -> r.type().startsWith("apigee:index:"))
                .extracting(Plan.Resource::type)
                .containsExactlyInAnyOrder("apigee:index:ApiProxy", "apigee:index:TargetServer", "apigee:index:ApiProduct",
                        "apigee:index:Developer", "apigee:index:DeveloperApp");
        // The product, developer and app are the proxy's ApigeeProduct's; the rest is the proxy's own.
        var productComponent = plan.get("apigee-gke:index:ApigeeProduct", "p1-api");
        assertThat(productComponent.parent()).isEqualTo(component.urn());
        assertThat(plan.resources()).filteredOn(r -> r.type().startsWith("apigee:index:"))
                .allSatisfy(r -> assertThat(r.parent()).isEqualTo(r.type().matches("apigee:index:(ApiProduct|Developer|DeveloperApp)")
                        ? productComponent.urn() : component.urn()));
        // Without domains the target is the Ingress's static IP over HTTP.
        assertThat(plan.get("apigee:index:TargetServer", "p1-api-target-test").inputs())
                .containsEntry("host", Harness.FakeCloud.ADDRESS).containsEntry("port", 80L).containsEntry("sslEnabled", false);
        var productInputs = plan.get("apigee:index:ApiProduct", "p1-api-product").inputs();
        assertThat(productInputs).containsEntry("proxies", List.of("p1-api")).containsEntry("quota", "1000")
                .containsEntry("quotaTimeUnit", "hour");
        var bundle = new String(java.util.Base64.getDecoder().decode((String) plan.get("apigee:index:ApiProxy", "p1-api")
                .inputs().get("bundle")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(bundle).contains("<SpikeArrest", "<Rate>30ps</Rate>", "<VerifyAPIKey", "request.header.x-api-key",
                "<Quota", "<JSONThreatProtection", "<Remove>", "<BasePath>/p1</BasePath>", "<Server name=\"p1-api-target\"");
        assertThat(plan.outputs())
                .containsEntry("proxyUrl", "https://my-org-test.apigee.net/p1")
                .containsEntry("consumerKey", Harness.SECRET)
                .containsKey("bundleHash");
    }

    /** The files of the proxy bundle pattern 1 deploys, by path in the zip. */
    private static Map<String, String> bundleFiles(Plan plan) {
        return BundleFiles.of((String) plan.get("apigee:index:ApiProxy", "p1-api").inputs().get("bundle"));
    }

    private static Document xml(String text) {
        return BundleFiles.xml(text);
    }

    /** The header the proxy sets from {@code client.ip} on the request to the target, with a Set (which overwrites). */
    private static String clientIpHeaderSetByTheProxy(Plan plan) throws Exception {
        var files = bundleFiles(plan);
        var xpath = XPathFactory.newInstance().newXPath();
        String policyFile = files.keySet().stream()
                .filter(f -> f.startsWith("apiproxy/policies/") && files.get(f).contains("{client.ip}")).findFirst()
                .orElseThrow(() -> new AssertionError("no policy sets a header from {client.ip}: " + files.keySet()));
        var policy = xml(files.get(policyFile));
        assertThat(xpath.evaluate("/AssignMessage/AssignTo", policy)).isEqualTo("request");
        assertThat(xpath.evaluate("/AssignMessage/IgnoreUnresolvedVariables", policy)).isEqualTo("false");
        String name = xpath.evaluate("/AssignMessage/Set/Headers/Header[.='{client.ip}']/@name", policy);
        // The policy runs on every request: it is a step of the proxy endpoint's request pre-flow.
        var proxy = xml(files.get("apiproxy/proxies/default.xml"));
        assertThat(xpath.evaluate("/ProxyEndpoint/PreFlow/Request/Step/Name[.='" + xpath.evaluate("/AssignMessage/@name", policy)
                + "']", proxy)).isNotEmpty();
        return name;
    }

    @Test
    void theProxySendsTheClientAddressInAHeaderItOverwrites() throws Exception {
        var plan = Harness.preview(ctx -> Pattern1.build(ctx, config()));
        assertThat(clientIpHeaderSetByTheProxy(plan)).isEqualTo("x-apigee-client-ip");
        // No rate ban unless one is configured: the allowlist rules simply allow.
        var rules = (List<?>) plan.get("gcp:compute/securityPolicy:SecurityPolicy", "p1-ingress-armor").inputs().get("rules");
        assertThat(rules.stream().map(r -> at(r, "action")).toList()).containsExactly("allow", "deny(403)");
    }

    @Test
    void aConfiguredRateBanCountsClientsByTheHeaderTheProxySets() throws Exception {
        var config = stackConfig();
        config.put("apigee-gke:prefix", "p1");
        config.put("apigee-gke:rateBanCount", "600");
        var result = Harness.preview(config, Set.of(), Pattern1::stack);
        assertThat(result.errors()).isEmpty();
        var rule = at(result.plan().get("gcp:compute/securityPolicy:SecurityPolicy", "p1-ingress-armor").inputs(), "rules", 0);
        assertThat(rule).isInstanceOfSatisfying(Map.class, r -> assertThat(r).containsEntry("action", "rate_based_ban"));
        assertThat(at(rule, "rateLimitOptions", "enforceOnKey")).isEqualTo("HTTP_HEADER");
        assertThat(at(rule, "rateLimitOptions", "enforceOnKeyName")).isEqualTo(clientIpHeaderSetByTheProxy(result.plan()));
        assertThat(at(rule, "rateLimitOptions", "rateLimitThreshold", "count")).isEqualTo(600L);
        assertThat(at(rule, "rateLimitOptions", "rateLimitThreshold", "intervalSec")).isEqualTo(60L);
        assertThat(at(rule, "rateLimitOptions", "banDurationSec")).isEqualTo(300L);
    }

    @Test
    void theRateBanKeyIsThePatternsWhateverTheConfigurationSays() throws Exception {
        // Counting by source IP here would count Apigee, i.e. ban every client at once.
        var byIp = new Pattern1Config("my-project", "europe-west1", "europe-west1", "p1", ALLOWLIST, List.of(), List.of(),
                Optional.of(RateBan.of(100, 60, 600)), Optional.empty(), Optional.empty(), true,
                ApigeeSettings.edge("my-org", List.of("test")), dev.apigeegke.internal.config.NodeScaling.DEFAULT);
        var plan = Harness.preview(ctx -> Pattern1.build(ctx, byIp));
        var rule = at(plan.get("gcp:compute/securityPolicy:SecurityPolicy", "p1-ingress-armor").inputs(), "rules", 0);
        assertThat(at(rule, "rateLimitOptions", "enforceOnKey")).isEqualTo("HTTP_HEADER");
        assertThat(at(rule, "rateLimitOptions", "enforceOnKeyName")).isEqualTo(Pattern1.CLIENT_IP_HEADER);
        assertThat(at(rule, "rateLimitOptions", "banDurationSec")).isEqualTo(600L);
    }

    @Test
    void rateBanSettingsAreCheckedBeforeAnyResourceIsRegistered() {
        var config = stackConfig();
        config.put("apigee-gke:rateBanIntervalSec", "45");
        var withoutCount = Harness.preview(config, Set.of(), Pattern1::stack);
        assertThat(withoutCount.errors()).containsExactly(
                """
                stack configuration: 1 invalid argument
                  - apigee-gke:rateBanCount = (not set): set the requests allowed per interval and client to turn the rate ban \
                on, or remove apigee-gke:rateBanIntervalSec and apigee-gke:rateBanDurationSec""");
        config.put("apigee-gke:rateBanCount", "20000");
        var outOfRange = Harness.preview(config, Set.of(), Pattern1::stack);
        assertThat(outOfRange.errors()).containsExactly(
                """
                stack configuration: 2 invalid arguments
                  - apigee-gke:rateBanCount = 20000: Cloud Armor counts 1 to 10000 requests per interval
                  - apigee-gke:rateBanIntervalSec = 45: an interval Cloud Armor takes: one of 10, 30, 60, 120, 180, 240, 300, 600, 900, \
                1200, 1800, 2700, 3600 seconds""");
        assertThat(outOfRange.plan().resources()).extracting(Plan.Resource::type).containsOnly("pulumi:pulumi:Stack");
    }

    @Test
    void withADomainTheProxyCallsTheIngressOverHttps() {
        var https = new Pattern1Config("my-project", "europe-west1", "europe-west1", "p1", ALLOWLIST,
                List.of("api.example.com"), List.of(), Optional.empty(), Optional.empty(), true,
                ApigeeSettings.edge("my-org", List.of("test")));
        var result = Harness.preview(Map.of(), Set.of(), ctx -> Pattern1.build(ctx, https));
        assertThat(result.plan().get("apigee:index:TargetServer", "p1-api-target-test").inputs())
                .containsEntry("host", "api.example.com").containsEntry("port", 443L).containsEntry("sslEnabled", true);
        assertThat(result.warnings()).noneMatch(w -> w.contains("plain HTTP"));
        var http = Harness.preview(Map.of(), Set.of(), ctx -> Pattern1.build(ctx, config()));
        assertThat(http.warnings()).anyMatch(w -> w.contains("plain HTTP"));
    }

    @Test
    void kubernetesObjectsAreDeployedThroughTheClustersProvider() {
        var plan = Harness.preview(ctx -> Pattern1.build(ctx, config()));
        var provider = plan.get("pulumi:providers:kubernetes", "p1-k8s");
        assertThat(provider.parent()).isEqualTo(plan.get("apigee-gke:index:GkeCluster", "p1").urn());
        // Components pass the provider down to their children: nothing lands on the ambient kubeconfig's cluster.
        assertThat(plan.resources()).filteredOn(Plan.Resource::isKubernetesObject).hasSize(9)
                .allSatisfy(r -> assertThat(r.provider()).startsWith(provider.urn() + "::"));
    }
}
