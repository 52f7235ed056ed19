package dev.apigeegke.examples.pattern1;

import static dev.apigeegke.testing.Harness.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.cli.Plan;
import dev.apigeegke.testing.Harness;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

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
        String message = String.join("\n", result.errors());
        assertThat(message)
                .contains("gcp:project = (not set)")
                .contains("gcp:region = (not set)")
                .contains("apigee-gke:allowlist = (not set)")
                .contains("apigee-gke:nodesPerZone = \"three\"")
                .contains("apigee:organization = (not set)")
                .contains("apigee-gke:apigeeEnvironments = (not set)")
                .contains("pulumi config set gcp:project")
                .doesNotContain("\tat ");
        assertThat(result.plan().resources()).extracting(Plan.Resource::type).containsOnly("pulumi:pulumi:Stack");
    }

    @Test
    void invalidRangesInTheStackFileFailBeforeAnyResourceIsRegistered() {
        var config = stackConfig();
        config.put("apigee-gke:allowlist", "[\"203.0.113.0/24\",\"10.1.2.3/8\",\"apigee.example.com\"]");
        var result = Harness.preview(config, Set.of(), Pattern1::stack);
        assertThat(String.join("\n", result.errors()))
                .contains("allowlist[1] = \"10.1.2.3/8\"")
                .contains("10.0.0.0/8")
                .contains("allowlist[2] = \"apigee.example.com\"");
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
        assertThat(plan.resources()).filteredOn(r -> r.type().startsWith("apigee:index:"))
                .allSatisfy(r -> assertThat(r.parent()).isEqualTo(component.urn()));
        // Without domains the target is the Ingress's static IP over HTTP.
        assertThat(plan.get("apigee:index:TargetServer", "p1-api-target-test").inputs())
                .containsEntry("host", Harness.FakeCloud.ADDRESS).containsEntry("port", 80L).containsEntry("sslEnabled", false);
        var product = plan.get("apigee:index:ApiProduct", "p1-api-product").inputs();
        assertThat(product).containsEntry("proxies", List.of("p1-api")).containsEntry("quota", "1000")
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
