package dev.apigeegke.cluster;

import static dev.apigeegke.testing.Harness.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigeegke.cli.Plan;
import dev.apigeegke.core.InvalidArgumentsException;
import dev.apigeegke.testing.Harness;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GkeClusterTest {
    private static final String CLUSTER = "gcp:container/cluster:Cluster";
    private static final String POOL = "gcp:container/nodePool:NodePool";

    private static GkeClusterArgs.Builder args() {
        return GkeClusterArgs.builder().project("my-project").location("europe-west1");
    }

    private static Plan preview(GkeClusterArgs args) {
        return Harness.preview(ctx -> new GkeCluster("main", args));
    }

    @Test
    void defaultsToThreeTwoVcpuCosNodesWithHttpLoadBalancing() {
        var plan = preview(args().build());
        var pool = plan.get(POOL, "main-nodes").inputs();
        var cluster = plan.get(CLUSTER, "main").inputs();

        // Regional: 1 node in each of GKE's 3 zones.
        assertThat(at(pool, "nodeCount")).isEqualTo(1L);
        assertThat(at(pool, "nodeConfig", "machineType")).isEqualTo("e2-standard-2");
        assertThat(at(pool, "nodeConfig", "imageType")).isEqualTo("COS_CONTAINERD");
        assertThat(at(cluster, "addonsConfig", "httpLoadBalancing", "disabled")).isEqualTo(false);
    }

    @Test
    void zonalClusterGetsThreeNodesInItsZone() {
        var plan = preview(args().location("europe-west1-b").build());
        assertThat(at(plan.get(POOL, "main-nodes").inputs(), "nodeCount")).isEqualTo(3L);
    }

    @Test
    void removesTheDefaultPoolAndManagesASeparateOne() {
        var plan = preview(args().build());
        var cluster = plan.get(CLUSTER, "main").inputs();
        assertThat(at(cluster, "removeDefaultNodePool")).isEqualTo(true);
        assertThat(at(cluster, "initialNodeCount")).isEqualTo(1L);
        assertThat(plan.ofType(POOL)).hasSize(1);
    }

    @Test
    void appliesTheDocumentedClusterDefaults() {
        var cluster = preview(args().build()).get(CLUSTER, "main").inputs();
        assertThat(at(cluster, "networkingMode")).isEqualTo("VPC_NATIVE");
        assertThat(at(cluster, "ipAllocationPolicy", "clusterIpv4CidrBlock")).isEqualTo("/14");
        assertThat(at(cluster, "ipAllocationPolicy", "servicesIpv4CidrBlock")).isEqualTo("/20");
        assertThat(at(cluster, "workloadIdentityConfig", "workloadPool")).isEqualTo("my-project.svc.id.goog");
        assertThat(at(cluster, "releaseChannel", "channel")).isEqualTo("REGULAR");
        assertThat(at(cluster, "enableShieldedNodes")).isEqualTo(true);
        assertThat(at(cluster, "deletionProtection")).isEqualTo(true);
        assertThat(at(cluster, "datapathProvider")).isEqualTo("ADVANCED_DATAPATH");
        assertThat(at(cluster, "network")).isEqualTo("default");
        assertThat(at(cluster, "name")).isEqualTo("main");
        assertThat(at(cluster, "location")).isEqualTo("europe-west1");
    }

    @Test
    void nodesAreShieldedAutoRepairedAndUseTheMetadataServer() {
        var pool = preview(args().build()).get(POOL, "main-nodes").inputs();
        assertThat(at(pool, "management", "autoRepair")).isEqualTo(true);
        assertThat(at(pool, "management", "autoUpgrade")).isEqualTo(true);
        assertThat(at(pool, "nodeConfig", "shieldedInstanceConfig", "enableSecureBoot")).isEqualTo(true);
        assertThat(at(pool, "nodeConfig", "shieldedInstanceConfig", "enableIntegrityMonitoring")).isEqualTo(true);
        assertThat(at(pool, "nodeConfig", "workloadMetadataConfig", "mode")).isEqualTo("GKE_METADATA");
        assertThat(at(pool, "nodeConfig", "diskSizeGb")).isEqualTo(100L);
        assertThat(at(pool, "nodeConfig", "diskType")).isEqualTo("pd-balanced");
        assertThat(at(pool, "upgradeSettings", "maxUnavailable")).isEqualTo(0L);
    }

    @Test
    void createsALeastPrivilegeNodeServiceAccountUnlessOneIsGiven() {
        var plan = Harness.deploy(ctx -> new GkeCluster("main", args().build()));
        assertThat(plan.ofType("gcp:serviceaccount/account:Account")).singleElement()
                .satisfies(sa -> assertThat(sa.inputs()).containsEntry("accountId", "main-nodes"));
        assertThat(plan.ofType("gcp:projects/iAMMember:IAMMember"))
                .extracting(r -> r.inputs().get("role"))
                .containsExactlyInAnyOrder("roles/logging.logWriter", "roles/monitoring.metricWriter",
                        "roles/monitoring.viewer", "roles/stackdriver.resourceMetadata.writer", "roles/artifactregistry.reader");
        assertThat(plan.ofType("gcp:projects/iAMMember:IAMMember"))
                .allSatisfy(m -> assertThat(m.inputs()).containsEntry("member",
                        "serviceAccount:main-nodes@my-project.iam.gserviceaccount.com"));
        assertThat(at(plan.get(POOL, "main-nodes").inputs(), "nodeConfig", "serviceAccount"))
                .isEqualTo("main-nodes@my-project.iam.gserviceaccount.com");

        var given = preview(args().nodeServiceAccount("nodes@my-project.iam.gserviceaccount.com").build());
        assertThat(given.ofType("gcp:serviceaccount/account:Account")).isEmpty();
        assertThat(given.ofType("gcp:projects/iAMMember:IAMMember")).isEmpty();
        assertThat(at(given.get(POOL, "main-nodes").inputs(), "nodeConfig", "serviceAccount"))
                .isEqualTo("nodes@my-project.iam.gserviceaccount.com");
    }

    @Test
    void overridesAreApplied() {
        var plan = preview(args()
                .machineType("n2-standard-4")
                .imageType("UBUNTU_CONTAINERD")
                .nodesPerZone(2)
                .releaseChannel("STABLE")
                .deletionProtection(false)
                .masterAuthorizedNetworks(List.of("198.51.100.0/24"))
                .labels(Map.of("team", "platform"))
                .build());
        var pool = plan.get(POOL, "main-nodes").inputs();
        var cluster = plan.get(CLUSTER, "main").inputs();
        assertThat(at(pool, "nodeConfig", "machineType")).isEqualTo("n2-standard-4");
        assertThat(at(pool, "nodeConfig", "imageType")).isEqualTo("UBUNTU_CONTAINERD");
        assertThat(at(pool, "nodeCount")).isEqualTo(2L);
        assertThat(at(cluster, "releaseChannel", "channel")).isEqualTo("STABLE");
        assertThat(at(cluster, "deletionProtection")).isEqualTo(false);
        assertThat(at(cluster, "masterAuthorizedNetworksConfig", "cidrBlocks", 0, "cidrBlock")).isEqualTo("198.51.100.0/24");
        assertThat(at(cluster, "resourceLabels", "team")).isEqualTo("platform");
    }

    @Test
    void httpLoadBalancingCannotBeTurnedOff() {
        // There is no argument for it; whatever else is overridden, the add-on stays on.
        var cluster = preview(args().machineType("n2-standard-8").releaseChannel("RAPID").build()).get(CLUSTER, "main").inputs();
        assertThat(at(cluster, "addonsConfig", "httpLoadBalancing", "disabled")).isEqualTo(false);
    }

    @Test
    void kubeconfigIsASecretThatAuthenticatesThroughTheGkePlugin() {
        var kubeconfig = new AtomicReference<String>();
        var plan = Harness.deploy(ctx -> {
            var cluster = new GkeCluster("main", args().build());
            cluster.kubeconfig.applyValue(k -> {
                kubeconfig.set(k);
                return k;
            });
            ctx.export("kubeconfig", cluster.kubeconfig);
        });
        assertThat(plan.outputs()).containsEntry("kubeconfig", Harness.SECRET);
        assertThat(plan.get("pulumi:providers:kubernetes", "main-k8s").inputs()).containsEntry("kubeconfig", Harness.SECRET);
        assertThat(kubeconfig.get())
                .contains("server: https://" + Harness.FakeCloud.ENDPOINT)
                .contains("certificate-authority-data: " + Harness.FakeCloud.CA)
                .contains("command: gke-gcloud-auth-plugin")
                .contains("current-context: gke_my-project_europe-west1_main");
    }

    @Test
    void childrenAreParentedToTheComponentAndNamedFromIt() {
        var plan = preview(args().build());
        var component = plan.get(GkeCluster.TYPE, "main");
        assertThat(GkeCluster.TYPE).isEqualTo("apigee-gke:index:GkeCluster");
        assertThat(plan.get(CLUSTER, "main").parent()).isEqualTo(component.urn());
        assertThat(plan.get(POOL, "main-nodes").parent()).isEqualTo(component.urn());
        assertThat(plan.get("pulumi:providers:kubernetes", "main-k8s").parent()).isEqualTo(component.urn());
    }

    @Test
    void twoClustersInOneProgramDoNotCollide() {
        var plan = Harness.preview(ctx -> {
            new GkeCluster("east", args().location("us-east1").build());
            new GkeCluster("west", args().location("us-west1").build());
        });
        assertThat(plan.ofType(CLUSTER)).extracting(Plan.Resource::name).containsExactlyInAnyOrder("east", "west");
        assertThat(plan.ofType(POOL)).extracting(Plan.Resource::name).containsExactlyInAnyOrder("east-nodes", "west-nodes");
    }

    @Test
    void rejectsSmallClustersWhenTheSeedSizingIsRequired() {
        assertThatThrownBy(() -> args().location("europe-west1-b").nodesPerZone(2).build())
                .isInstanceOf(InvalidArgumentsException.class)
                .hasMessageContaining("nodesPerZone = 2")
                .hasMessageContaining("2 node(s)")
                .hasMessageContaining("requireSeedSizing(false)");
        assertThatThrownBy(() -> args().machineType("e2-medium").build())
                .hasMessageContaining("machineType = \"e2-medium\"")
                .hasMessageContaining("fewer than 2 dedicated vCPUs");
        assertThatThrownBy(() -> args().machineType("n1-standard-1").build())
                .hasMessageContaining("machineType = \"n1-standard-1\"");
        // A small development cluster is possible when asked for explicitly.
        var small = args().location("europe-west1-b").nodesPerZone(1).machineType("e2-medium").requireSeedSizing(false).build();
        assertThat(small.totalNodes()).isEqualTo(1);
    }

    @Test
    void reportsEveryInvalidArgumentAtOnce() {
        assertThatThrownBy(() -> GkeClusterArgs.builder()
                .project("My_Project")
                .location("europe")
                .nodesPerZone(0)
                .imageType("WINDOWS_LTSC")
                .releaseChannel("BETA")
                .masterAuthorizedNetworks(List.of("10.0.0.1/8"))
                .nodeServiceAccount("someone@example.com")
                .build())
                .isInstanceOfSatisfying(InvalidArgumentsException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.argument())
                        .contains("project", "location", "nodesPerZone", "imageType", "releaseChannel",
                                "masterAuthorizedNetworks[0]", "nodeServiceAccount"))
                .hasMessageContaining("project = \"My_Project\"")
                .hasMessageContaining("the range starting at this prefix is 10.0.0.0/8")
                .hasMessageContaining("use COS_CONTAINERD");
    }

    @Test
    void requiresProjectAndLocation() {
        assertThatThrownBy(() -> GkeClusterArgs.builder().build())
                .hasMessageContaining("project = (not set)")
                .hasMessageContaining("location = (not set)");
    }

    @Test
    void rejectsABadNameBeforeRegisteringAnything() {
        var errors = Harness.errors(ctx -> new GkeCluster("Main_Cluster", args().build()));
        assertThat(String.join("\n", errors)).contains("name = \"Main_Cluster\"").contains("lowercase letters");
        var tooLong = Harness.errors(ctx -> new GkeCluster("a-very-long-cluster-name-x", args().build()));
        assertThat(String.join("\n", tooLong)).contains("exceed 30 characters");
    }

    @Test
    void rejectsNodeZonesOutsideTheRegion() {
        assertThatThrownBy(() -> args().nodeLocations(List.of("europe-west1-b", "us-east1-c")).build())
                .hasMessageContaining("nodeLocations[1] = \"us-east1-c\"")
                .hasMessageContaining("europe-west1");
        var twoZones = args().nodeLocations(List.of("europe-west1-b", "europe-west1-c")).nodesPerZone(2).build();
        assertThat(twoZones.totalNodes()).isEqualTo(4);
    }
}
