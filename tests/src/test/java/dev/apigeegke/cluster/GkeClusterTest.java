package dev.apigeegke.cluster;

import static dev.apigeegke.testing.Harness.at;
import static dev.apigeegke.testing.Rejections.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigeegke.core.InvalidArgumentsException;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.testing.Rejections;
import dev.apigeegke.workload.Microservice;
import dev.apigeegke.workload.MicroserviceArgs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GkeClusterTest {
    private static final String CLUSTER = "gcp:container/cluster:Cluster";
    private static final String POOL = "gcp:container/nodePool:NodePool";
    private static final String IAM_MEMBER = "gcp:projects/iAMMember:IAMMember";
    private static final String NODE_ACCOUNT = "main-nodes@my-project.iam.gserviceaccount.com";
    private static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

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

        // Regional: 1 node in each of GKE's 3 zones at creation.
        assertThat(at(pool, "initialNodeCount")).isEqualTo(1L);
        assertThat(at(pool, "nodeConfig", "machineType")).isEqualTo("e2-standard-2");
        assertThat(at(pool, "nodeConfig", "imageType")).isEqualTo("COS_CONTAINERD");
        assertThat(at(cluster, "addonsConfig", "httpLoadBalancing", "disabled")).isEqualTo(false);
    }

    @Test
    void zonalClusterGetsThreeNodesInItsZone() {
        var plan = preview(args().location("europe-west1-b").build());
        var pool = plan.get(POOL, "main-nodes").inputs();
        assertThat(at(pool, "initialNodeCount")).isEqualTo(3L);
        assertThat(at(pool, "autoscaling", "totalMinNodeCount")).isEqualTo(3L);
        assertThat(at(pool, "autoscaling", "totalMaxNodeCount")).isEqualTo(6L);
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
        // GKE's documented minimum for node accounts, plus reads of the project's private images.
        assertThat(plan.ofType(IAM_MEMBER))
                .extracting(r -> r.inputs().get("role"))
                .containsExactlyInAnyOrder("roles/container.defaultNodeServiceAccount", "roles/artifactregistry.reader");
        assertThat(plan.ofType(IAM_MEMBER))
                .allSatisfy(m -> assertThat(m.inputs()).containsEntry("member", "serviceAccount:" + NODE_ACCOUNT));
        assertThat(at(plan.get(POOL, "main-nodes").inputs(), "nodeConfig", "serviceAccount")).isEqualTo(NODE_ACCOUNT);

        var given = preview(args().nodeServiceAccount("nodes@my-project.iam.gserviceaccount.com").build());
        assertThat(given.ofType("gcp:serviceaccount/account:Account")).isEmpty();
        assertThat(given.ofType(IAM_MEMBER)).isEmpty();
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
                .build());
        var pool = plan.get(POOL, "main-nodes").inputs();
        var cluster = plan.get(CLUSTER, "main").inputs();
        assertThat(at(pool, "nodeConfig", "machineType")).isEqualTo("n2-standard-4");
        assertThat(at(pool, "nodeConfig", "imageType")).isEqualTo("UBUNTU_CONTAINERD");
        assertThat(at(pool, "initialNodeCount")).isEqualTo(2L);
        assertThat(at(cluster, "releaseChannel", "channel")).isEqualTo("STABLE");
        assertThat(at(cluster, "deletionProtection")).isEqualTo(false);
        assertThat(at(cluster, "masterAuthorizedNetworksConfig", "cidrBlocks", 0, "cidrBlock")).isEqualTo("198.51.100.0/24");
    }

    @Test
    void deletionProtectionAlsoProtectsTheClusterInPulumiButNotThePool() {
        // Protected: `pulumi destroy` (or a change that would replace the cluster) stops at the preview.
        var protectedPlan = preview(args().build());
        assertThat(protectedPlan.get(CLUSTER, "main").options().protect()).isTrue();
        assertThat(protectedPlan.get(POOL, "main-nodes").options().protect()).isFalse();
        // Turned off, as docs/deploying.md says to before a destroy: neither GKE nor Pulumi refuses.
        var unprotected = preview(args().deletionProtection(false).build());
        assertThat(at(unprotected.get(CLUSTER, "main").inputs(), "deletionProtection")).isEqualTo(false);
        assertThat(unprotected.resources()).noneMatch(r -> r.options().protect());
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
            cluster.kubeconfig().applyValue(k -> {
                kubeconfig.set(k);
                return k;
            });
            ctx.export("kubeconfig", cluster.kubeconfig());
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
    void rejectsSmallClustersWhenTheProductionSizeIsRequired() {
        assertThat(problems(() -> args().location("europe-west1-b").nodesPerZone(2).build())).containsExactly(
                "nodesPerZone = 2: the autoscaler could shrink the pool to 2 node(s); raise nodesPerZone or set minNodes: the "
                + "patterns are sized for at least 3 nodes; set requireProductionSize(false) for a small development cluster");
        assertThat(problems(() -> args().machineType("e2-medium").build())).containsExactly("machineType = \"e2-medium\": has "
                + "fewer than 2 dedicated vCPUs; use e2-standard-2 or larger, or set requireProductionSize(false) for a small "
                + "development cluster");
        assertThat(problems(() -> args().machineType("n1-standard-1").build())).containsExactly("machineType = "
                + "\"n1-standard-1\": has fewer than 2 dedicated vCPUs; use e2-standard-2 or larger, or set "
                + "requireProductionSize(false) for a small development cluster");
        // A small development cluster is possible when asked for explicitly.
        var small = args().location("europe-west1-b").nodesPerZone(1).machineType("e2-medium").requireProductionSize(false).build();
        assertThat(small.totalNodes()).isEqualTo(1);
    }

    @Test
    void reportsEveryInvalidArgumentAtOnce() {
        assertThat(problems(() -> GkeClusterArgs.builder()
                .project("My_Project")
                .location("europe")
                .nodesPerZone(0)
                .imageType("WINDOWS_LTSC")
                .releaseChannel("BETA")
                .masterAuthorizedNetworks(List.of("10.0.0.1/8"))
                .nodeServiceAccount("someone@example.com")
                .build())).containsExactly(
                        "project = \"My_Project\": has capitals: a project id is 6 to 30 lowercase letters, digits and '-', "
                                + "starting with a letter and not ending with '-' (give the id, not the display name)",
                        "location = \"europe\": give a region such as europe-west1 (regional cluster) or a zone such as "
                                + "europe-west1-b (zonal cluster)",
                        "nodesPerZone = 0: a node pool needs at least 1 node per zone",
                        "imageType = \"WINDOWS_LTSC\": use COS_CONTAINERD (Container-Optimized OS, the default) or "
                                + "UBUNTU_CONTAINERD",
                        "releaseChannel = \"BETA\": use one of RAPID, REGULAR, STABLE, EXTENDED, UNSPECIFIED",
                        "nodeServiceAccount = \"someone@example.com\": give a service account email such as "
                                + "gke-nodes@PROJECT.iam.gserviceaccount.com, or leave it unset for a dedicated one",
                        "masterAuthorizedNetworks[0] = \"10.0.0.1/8\": host bits are set; write the range as 10.0.0.0/8");
    }

    @Test
    void requiresProjectAndLocation() {
        assertThat(problems(() -> GkeClusterArgs.builder().build())).containsExactly(
                "project = (not set): give the GCP project id, e.g. my-project-123",
                "location = (not set): give a region such as europe-west1 (regional cluster) or a zone such as europe-west1-b "
                        + "(zonal cluster)");
    }

    @Test
    void rejectsABadNameBeforeRegisteringAnything() {
        assertThat(Harness.errors(ctx -> new GkeCluster("Main_Cluster", args().build()))).containsExactly(
                """
                GkeCluster: 1 invalid argument
                  - name = "Main_Cluster": use lowercase letters, digits and '-', starting with a letter and not ending with '-' \
                (GCP and Kubernetes naming rules)""");
        assertThat(Harness.errors(ctx -> new GkeCluster("a-very-long-cluster-name-x", args().build()))).containsExactly(
                """
                GkeCluster: 1 invalid argument
                  - name = "a-very-long-cluster-name-x": is 26 characters: the node service account id \
                "a-very-long-cluster-name-x-nodes" (32 characters) would exceed 30 characters, the most IAM allows. Use a name \
                of at most 24 characters (or 34 with nodeServiceAccount(...))""");
    }

    @Test
    void theTemporaryDefaultPoolRunsAsTheNodeServiceAccountAndIsNeverDiffed() {
        // Without it GKE would start the default pool as the Compute Engine default account, which hardened
        // organizations delete: cluster creation would fail there.
        var plan = Harness.deploy(ctx -> new GkeCluster("main", args().build()));
        var cluster = plan.get(CLUSTER, "main");
        assertThat(at(cluster.inputs(), "nodeConfig", "serviceAccount")).isEqualTo(NODE_ACCOUNT);
        assertThat(at(cluster.inputs(), "nodeConfig", "oauthScopes")).isEqualTo(List.of(CLOUD_PLATFORM));
        assertThat(cluster.ignoreChanges()).containsExactly("nodeConfig");

        var given = preview(args().nodeServiceAccount("nodes@my-project.iam.gserviceaccount.com").build()).get(CLUSTER, "main");
        assertThat(at(given.inputs(), "nodeConfig", "serviceAccount")).isEqualTo("nodes@my-project.iam.gserviceaccount.com");
    }

    @Test
    void theNodePoolWaitsForItsServiceAccountsRoles() {
        var plan = preview(args().build());
        var members = plan.ofType(IAM_MEMBER).stream().map(Plan.Resource::urn).toList();
        assertThat(members).hasSize(2);
        assertThat(plan.get(POOL, "main-nodes").dependencies()).containsAll(members);
    }

    @Test
    void rejectsNamesWhoseClusterOrPoolNameExceedsGkesFortyCharacters() {
        var given = args().nodeServiceAccount("nodes@my-project.iam.gserviceaccount.com").build();
        // 34 characters: the pool "<name>-nodes" is exactly 40.
        String longest = "a".repeat(34);
        assertThat(Harness.preview(ctx -> new GkeCluster(longest, given)).get(POOL, longest + "-nodes")).isNotNull();

        String pool41 = "b".repeat(35);
        assertThat(Harness.errors(ctx -> new GkeCluster(pool41, given))).containsExactly(
                """
                GkeCluster: 1 invalid argument
                  - name = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb": is 35 characters: the node pool name \
                "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-nodes" (41 characters) would exceed 40 characters, the most GKE allows. Use \
                a name of at most 34 characters""");

        String cluster41 = "c".repeat(41);
        assertThat(Harness.errors(ctx -> new GkeCluster(cluster41, given))).containsExactly(
                """
                GkeCluster: 1 invalid argument
                  - name = "ccccccccccccccccccccccccccccccccccccccccc": is 41 characters: the cluster name \
                "ccccccccccccccccccccccccccccccccccccccccc" (41 characters) would exceed 40 characters, the most GKE allows; the \
                node pool name "ccccccccccccccccccccccccccccccccccccccccc-nodes" (47 characters) would exceed 40 characters, the \
                most GKE allows. Use a name of at most 34 characters""");

        // With the dedicated account its id (30 characters at most) binds first.
        assertThat(problems(() -> GkeCluster.requireName("apigee-gke:prefix", "d".repeat(25), args().build())))
                .containsExactly("apigee-gke:prefix = \"ddddddddddddddddddddddddd\": is 25 characters: the node service account "
                        + "id \"ddddddddddddddddddddddddd-nodes\" (31 characters) would exceed 30 characters, the most IAM "
                        + "allows. Use a name of at most 24 characters (or 34 with nodeServiceAccount(...))");
    }

    @Test
    void resourceLabelsGoOnTheClusterAndNodeLabelsOnTheNodes() {
        var plan = preview(args()
                .resourceLabels(Map.of("team", "platform", "cost-center", "cc_42"))
                .nodeLabels(Map.of("example.com/Tier", "Edge.1", "pool", ""))
                .build());
        var cluster = plan.get(CLUSTER, "main").inputs();
        var pool = plan.get(POOL, "main-nodes").inputs();
        assertThat(at(cluster, "resourceLabels")).isEqualTo(Map.of("team", "platform", "cost-center", "cc_42"));
        assertThat(at(pool, "nodeConfig", "labels")).isEqualTo(Map.of("example.com/Tier", "Edge.1", "pool", ""));
    }

    @Test
    void rejectsLabelsThatBreakTheirRuleSet() {
        // Valid Kubernetes labels that GCP refuses, and the other way round.
        assertThatThrownBy(() -> args()
                .resourceLabels(Map.of("example.com/tier", "edge", "Team", "x", "env", "Prod", "9lives", "ok"))
                .nodeLabels(Map.of("-edge", "a", "tier", "-a", "bad prefix/x", "ok", "fine", "a".repeat(64)))
                .build())
                .isInstanceOfSatisfying(InvalidArgumentsException.class, e -> assertThat(Rejections.lines(e.problems()))
                        .containsExactlyInAnyOrder(
                                "resourceLabels[9lives] = \"9lives\": a GCP label key: 1 to 63 lowercase letters, digits, '_' "
                                        + "and '-', starting with a lowercase letter",
                                "resourceLabels[Team] = \"Team\": a GCP label key: 1 to 63 lowercase letters, digits, '_' and "
                                        + "'-', starting with a lowercase letter",
                                "resourceLabels[env] = \"Prod\": a GCP label value: at most 63 lowercase letters, digits, '_' "
                                        + "and '-' (may be empty; no capitals, dots or '/')",
                                "resourceLabels[example.com/tier] = \"example.com/tier\": a GCP label key: 1 to 63 lowercase "
                                        + "letters, digits, '_' and '-', starting with a lowercase letter",
                                "nodeLabels[-edge] = \"-edge\": a Kubernetes label key: an optional DNS subdomain prefix and "
                                        + "'/', then 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter "
                                        + "or digit",
                                "nodeLabels[bad prefix/x] = \"bad prefix/x\": a Kubernetes label key: an optional DNS subdomain "
                                        + "prefix and '/', then 1 to 63 letters, digits, '-', '_' or '.', starting and ending "
                                        + "with a letter or digit",
                                "nodeLabels[fine] = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": a "
                                        + "Kubernetes label value: at most 63 letters, digits, '-', '_' or '.', starting and "
                                        + "ending with a letter or digit (may be empty)",
                                "nodeLabels[tier] = \"-a\": a Kubernetes label value: at most 63 letters, digits, '-', '_' or "
                                        + "'.', starting and ending with a letter or digit (may be empty)"));
        // The longest of each is accepted.
        var longest = args().resourceLabels(Map.of("k" + "x".repeat(62), "v".repeat(63)))
                .nodeLabels(Map.of("a".repeat(253 - 4) + ".com/" + "n".repeat(63), "v".repeat(63))).build();
        assertThat(longest.resourceLabels()).hasSize(1);
    }

    @Test
    void autoscalesFromTheSeedsThreeNodesToSixInAllZones() {
        var pool = preview(args().build()).get(POOL, "main-nodes");
        // Total limits, not per-zone ones: per zone, a minimum of 3 would be 9 nodes on a regional cluster.
        assertThat(at(pool.inputs(), "autoscaling")).isEqualTo(Map.of(
                "totalMinNodeCount", 3L, "totalMaxNodeCount", 6L, "locationPolicy", "BALANCED"));
        assertThat(pool.inputs()).doesNotContainKey("nodeCount");
        // The autoscaler owns the size: a later initial count would otherwise replace the pool.
        assertThat(pool.ignoreChanges()).containsExactly("initialNodeCount");
        var args = args().build();
        assertThat(args.autoscaling()).isTrue();
        assertThat(List.of(args.totalNodes(), args.minNodes(), args.maxNodes())).containsExactly(3, 3, 6);
    }

    @Test
    void autoscalingLimitsCanBeSetOrTurnedOff() {
        // A minimum above the default start size raises the start size, spread evenly over the zones.
        var pool = preview(args().minNodes(4).maxNodes(12).build()).get(POOL, "main-nodes").inputs();
        assertThat(at(pool, "initialNodeCount")).isEqualTo(2L);
        assertThat(at(pool, "autoscaling", "totalMinNodeCount")).isEqualTo(4L);
        assertThat(at(pool, "autoscaling", "totalMaxNodeCount")).isEqualTo(12L);
        // Without maxNodes: twice minNodes.
        assertThat(args().minNodes(5).build().maxNodes()).isEqualTo(10);

        var fixed = preview(args().autoscaling(false).build()).get(POOL, "main-nodes");
        assertThat(at(fixed.inputs(), "nodeCount")).isEqualTo(1L);
        assertThat(fixed.inputs()).doesNotContainKeys("autoscaling", "initialNodeCount");
        assertThat(fixed.ignoreChanges()).isEmpty();
    }

    @Test
    void rejectsIncoherentAutoscalingLimits() {
        assertThat(problems(() -> args().minNodes(6).maxNodes(4).build())).containsExactly("maxNodes = 4: is below minNodes 6: "
                + "give a maximum of at least 6 nodes");
        assertThat(problems(() -> args().minNodes(0).requireProductionSize(false).build())).containsExactly(
                "minNodes = 0: the pool needs at least 1 node in all zones together");
        assertThat(problems(() -> args().minNodes(2).build())).containsExactly("minNodes = 2: the autoscaler could shrink the "
                + "pool to 2 node(s); raise minNodes: the patterns are sized for at least 3 nodes; set "
                + "requireProductionSize(false) for a small development cluster");
        // Without minNodes the minimum is the start size: 3 per zone × 3 zones.
        assertThat(problems(() -> args().nodesPerZone(3).maxNodes(6).build())).containsExactly("maxNodes = 6: is below minNodes "
                + "9: give a maximum of at least 9 nodes");
        assertThat(problems(() -> args().nodesPerZone(4).minNodes(3).maxNodes(9).build())).containsExactly(
                "nodesPerZone = 4: the pool would start with 12 node(s) in all zones, outside minNodes 3 to maxNodes 9: change "
                + "nodesPerZone or the limits");
        assertThat(problems(() -> args().autoscaling(false).minNodes(3).maxNodes(9).build())).containsExactly(
                "minNodes = 3: applies only with autoscaling: remove it, or turn autoscaling on",
                "maxNodes = 9: applies only with autoscaling: remove it, or turn autoscaling on");
        // A small development pool can still scale.
        var dev = args().location("europe-west1-b").nodesPerZone(1).minNodes(1).maxNodes(2).requireProductionSize(false).build();
        assertThat(List.of(dev.minNodes(), dev.maxNodes())).containsExactly(1, 2);
    }

    @Test
    void rejectsNodeZonesOutsideTheRegion() {
        assertThat(problems(() -> args().nodeLocations(List.of("europe-west1-b", "us-east1-c")).build())).containsExactly(
                "nodeLocations[1] = \"us-east1-c\": node zones must be in the cluster's region europe-west1",
                "nodesPerZone = 1: the autoscaler could shrink the pool to 2 node(s); raise nodesPerZone or set minNodes: the "
                        + "patterns are sized for at least 3 nodes; set requireProductionSize(false) for a small development "
                        + "cluster");
        var twoZones = args().nodeLocations(List.of("europe-west1-b", "europe-west1-c")).nodesPerZone(2).build();
        assertThat(twoZones.totalNodes()).isEqualTo(4);
    }

    @Test
    void theProviderIsReadyBeforeTheNodePoolAndOnlyWorkloadsOnItsNodesWaitForThePool() {
        var plan = Harness.preview(ctx -> {
            var cluster = new GkeCluster("main", args().build());
            new Microservice("orders", MicroserviceArgs.builder()
                    .image("us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0").port(8080)
                    .clusterService(true).build(), cluster.onNodes().build());
        });
        String pool = plan.get(POOL, "main-nodes").urn();
        var provider = plan.get("pulumi:providers:kubernetes", "main-k8s");
        assertThat(provider.dependencies()).doesNotContain(pool);
        var deployment = plan.get("kubernetes:apps/v1:Deployment", "orders");
        assertThat(deployment.dependencies()).contains(pool);
        assertThat(deployment.providerUrn()).isEqualTo(provider.urn());
        assertThat(plan.get("kubernetes:core/v1:Service", "orders").dependencies()).doesNotContain(pool);
    }
}
