package dev.apigeegke.cluster;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.gcp.container.Cluster;
import com.pulumi.gcp.container.ClusterArgs;
import com.pulumi.gcp.container.NodePool;
import com.pulumi.gcp.container.NodePoolArgs;
import com.pulumi.gcp.container.inputs.ClusterAddonsConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterAddonsConfigHorizontalPodAutoscalingArgs;
import com.pulumi.gcp.container.inputs.ClusterAddonsConfigHttpLoadBalancingArgs;
import com.pulumi.gcp.container.inputs.ClusterIpAllocationPolicyArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthorizedNetworksConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthorizedNetworksConfigCidrBlockArgs;
import com.pulumi.gcp.container.inputs.ClusterReleaseChannelArgs;
import com.pulumi.gcp.container.inputs.ClusterWorkloadIdentityConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolManagementArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigShieldedInstanceConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigWorkloadMetadataConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolUpgradeSettingsArgs;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.projects.IAMMemberArgs;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * A GKE Standard cluster sized for the three patterns: a cluster without its default node pool, a
 * separate node pool (3 × e2-standard-2, Container-Optimized OS by default), HTTP load balancing on,
 * VPC-native, Workload Identity, Dataplane V2, shielded nodes; plus a secret kubeconfig and a
 * {@link Provider} the other components deploy through.
 *
 * <p>Children: {@code <name>} (Cluster), {@code <name>-nodes} (NodePool), {@code <name>-nodes} (service
 * account, unless one is given) with one IAM member per node role, {@code <name>-k8s} (Kubernetes provider).
 */
public final class GkeCluster extends ComponentResource {
    /** The type token; it never changes. */
    public static final String TYPE = "apigee-gke:index:GkeCluster";
    /** Longest child suffix, for the name length check. */
    private static final int LONGEST_SUFFIX = "-nodes".length();

    /** The cluster's name in GKE. */
    @Export(name = "clusterName", refs = String.class)
    public final Output<String> clusterName;
    /** The control plane's IP address. */
    @Export(name = "endpoint", refs = String.class)
    public final Output<String> endpoint;
    /** A kubeconfig for the cluster (a Pulumi secret), authenticating through gke-gcloud-auth-plugin. */
    @Export(name = "kubeconfig", refs = String.class)
    public final Output<String> kubeconfig;

    private final Cluster cluster;
    private final NodePool nodePool;
    private final Provider provider;
    private final GkeClusterArgs args;

    /** Creates the cluster with the given arguments. */
    public GkeCluster(String name, GkeClusterArgs args) {
        this(name, args, null);
    }

    /** Creates the cluster with the given arguments and component options. */
    public GkeCluster(String name, GkeClusterArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, checked(name, args), options);
        this.args = args;
        var childOf = CustomResourceOptions.builder().parent(this).build();

        Output<String> nodeServiceAccount = args.nodeServiceAccount()
                .map(Output::of)
                .orElseGet(() -> createNodeServiceAccount(name, args.project()));

        var clusterArgs = ClusterArgs.builder()
                .name(name)
                .project(args.project())
                .location(args.location())
                .removeDefaultNodePool(true)
                .initialNodeCount(1)
                .deletionProtection(args.deletionProtection())
                .network(args.network())
                .networkingMode("VPC_NATIVE")
                // Netmasks only: GKE picks free ranges of these sizes (its defaults), and the block is never empty.
                .ipAllocationPolicy(ClusterIpAllocationPolicyArgs.builder()
                        .clusterIpv4CidrBlock(GkeClusterDefaults.POD_RANGE_NETMASK)
                        .servicesIpv4CidrBlock(GkeClusterDefaults.SERVICE_RANGE_NETMASK)
                        .build())
                .datapathProvider(GkeClusterDefaults.DATAPATH_PROVIDER)
                .enableShieldedNodes(true)
                .releaseChannel(ClusterReleaseChannelArgs.builder().channel(args.releaseChannel()).build())
                .workloadIdentityConfig(ClusterWorkloadIdentityConfigArgs.builder()
                        .workloadPool(args.project() + ".svc.id.goog").build())
                // Required by the patterns: the Ingress needs the HTTP load balancing add-on. Not overridable.
                .addonsConfig(ClusterAddonsConfigArgs.builder()
                        .httpLoadBalancing(ClusterAddonsConfigHttpLoadBalancingArgs.builder().disabled(false).build())
                        .horizontalPodAutoscaling(ClusterAddonsConfigHorizontalPodAutoscalingArgs.builder().disabled(false).build())
                        .build())
                .resourceLabels(args.labels());
        args.subnetwork().ifPresent(clusterArgs::subnetwork);
        if (!args.masterAuthorizedNetworks().isEmpty()) {
            clusterArgs.masterAuthorizedNetworksConfig(ClusterMasterAuthorizedNetworksConfigArgs.builder()
                    .cidrBlocks(args.masterAuthorizedNetworks().stream()
                            .map(cidr -> ClusterMasterAuthorizedNetworksConfigCidrBlockArgs.builder()
                                    .cidrBlock(cidr).displayName(cidr).build())
                            .toList())
                    .build());
        }
        this.cluster = new Cluster(name, clusterArgs.build(), childOf);

        var pool = NodePoolArgs.builder()
                .name(Names.child(name, "nodes"))
                .project(args.project())
                .location(args.location())
                .cluster(cluster.name())
                .nodeCount(args.nodesPerZone())
                .management(NodePoolManagementArgs.builder().autoRepair(true).autoUpgrade(true).build())
                .upgradeSettings(NodePoolUpgradeSettingsArgs.builder().maxSurge(1).maxUnavailable(0).build())
                .nodeConfig(NodePoolNodeConfigArgs.builder()
                        .machineType(args.machineType())
                        .imageType(args.imageType())
                        .diskSizeGb(args.diskSizeGb())
                        .diskType(GkeClusterDefaults.DISK_TYPE)
                        .serviceAccount(nodeServiceAccount)
                        .oauthScopes("https://www.googleapis.com/auth/cloud-platform")
                        .shieldedInstanceConfig(NodePoolNodeConfigShieldedInstanceConfigArgs.builder()
                                .enableSecureBoot(true).enableIntegrityMonitoring(true).build())
                        .workloadMetadataConfig(NodePoolNodeConfigWorkloadMetadataConfigArgs.builder()
                                .mode("GKE_METADATA").build())
                        .labels(args.labels())
                        .build());
        if (!args.nodeLocations().isEmpty()) {
            pool.nodeLocations(args.nodeLocations());
        }
        this.nodePool = new NodePool(Names.child(name, "nodes"), pool.build(), childOf);

        this.clusterName = cluster.name();
        this.endpoint = cluster.endpoint();
        this.kubeconfig = Output.tuple(cluster.name(), cluster.endpoint(), cluster.masterAuth())
                .applyValue(t -> Kubeconfig.render(args.project(), args.location(), t.t1, t.t2,
                        t.t3.clusterCaCertificate().orElse("")))
                .asSecret();
        // The provider waits for the node pool, so workloads are not scheduled onto a cluster without nodes.
        this.provider = new Provider(Names.child(name, "k8s"), ProviderArgs.builder()
                .kubeconfig(kubeconfig)
                .build(),
                CustomResourceOptions.builder().parent(this).dependsOn(nodePool).build());

        registerOutputs(Map.of(
                "clusterName", clusterName,
                "endpoint", endpoint,
                "kubeconfig", kubeconfig));
    }

    /** The Kubernetes provider for this cluster; pass it to the other components. */
    public Provider provider() {
        return provider;
    }

    /** The underlying GKE cluster resource. */
    public Cluster cluster() {
        return cluster;
    }

    /** The node pool. */
    public NodePool nodePool() {
        return nodePool;
    }

    /** The validated arguments the cluster was created with. */
    public GkeClusterArgs args() {
        return args;
    }

    private Output<String> createNodeServiceAccount(String name, String project) {
        String accountId = Names.child(name, "nodes");
        var account = new Account(accountId, AccountArgs.builder()
                .project(project)
                .accountId(accountId)
                .displayName("GKE nodes of " + name)
                .build(), CustomResourceOptions.builder().parent(this).build());
        for (String role : GkeClusterDefaults.NODE_ROLES) {
            String suffix = role.substring("roles/".length()).replace('.', '-').toLowerCase();
            new IAMMember(Names.child(accountId, suffix), IAMMemberArgs.builder()
                    .project(project)
                    .role(role)
                    .member(Output.format("serviceAccount:%s", account.email()))
                    .build(), CustomResourceOptions.builder().parent(account).build());
        }
        return account.email();
    }

    private static String checked(String name, GkeClusterArgs args) {
        var problems = new Problems("GkeCluster");
        Names.checkLabel(problems, "name", name, LONGEST_SUFFIX);
        if (args == null) {
            problems.add("args", null, "pass GkeClusterArgs.builder().project(...).location(...).build()");
        } else if (args.nodeServiceAccount().isEmpty() && name != null
                && name.length() + LONGEST_SUFFIX > GkeClusterDefaults.SERVICE_ACCOUNT_ID_MAX) {
            problems.add("name", name, "the dedicated node service account id '" + name + "-nodes' would exceed 30 characters; "
                    + "use a name of at most " + (GkeClusterDefaults.SERVICE_ACCOUNT_ID_MAX - LONGEST_SUFFIX)
                    + " characters or pass nodeServiceAccount(...)");
        }
        problems.throwIfAny();
        return name;
    }

    static List<String> nodeRoles() {
        return GkeClusterDefaults.NODE_ROLES;
    }
}
