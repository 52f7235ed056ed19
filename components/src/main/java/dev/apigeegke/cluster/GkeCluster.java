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
import com.pulumi.gcp.container.inputs.ClusterNodeConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterReleaseChannelArgs;
import com.pulumi.gcp.container.inputs.ClusterWorkloadIdentityConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolAutoscalingArgs;
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
import com.pulumi.resources.Resource;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * A GKE Standard cluster sized for the three patterns: a cluster without its default node pool, a
 * separate node pool (e2-standard-2, Container-Optimized OS, 3 nodes autoscaled up to 6 by default), HTTP
 * load balancing on, VPC-native, Workload Identity, Dataplane V2, shielded nodes; plus a secret kubeconfig
 * and a {@link Provider} the other components deploy through.
 *
 * <p>Children: {@code <name>} (Cluster), {@code <name>-nodes} (NodePool), {@code <name>-nodes} (service
 * account, unless one is given) with one IAM member per node role, {@code <name>-k8s} (Kubernetes provider).
 * GKE limits the cluster and node-pool names to 40 characters and service account ids to 30, so a name has
 * at most 24 characters (34 with {@code nodeServiceAccount}).
 */
public final class GkeCluster extends ComponentResource {
    /** The type token; it never changes. */
    public static final String TYPE = "apigee-gke:index:GkeCluster";
    /** The node pool's and the node service account's suffix. */
    private static final String NODES = "nodes";
    /** A DNS label's length limit: beyond it the length is the first thing to fix. */
    private static final int LABEL_MAX = 63;

    @Export(name = "clusterName", refs = String.class)
    private final Output<String> clusterName;

    /** The cluster's name in GKE. */
    public Output<String> clusterName() {
        return this.clusterName;
    }

    @Export(name = "endpoint", refs = String.class)
    private final Output<String> endpoint;

    /** The control plane's IP address. */
    public Output<String> endpoint() {
        return this.endpoint;
    }

    @Export(name = "kubeconfig", refs = String.class)
    private final Output<String> kubeconfig;

    /** A kubeconfig for the cluster (a Pulumi secret), authenticating through gke-gcloud-auth-plugin. */
    public Output<String> kubeconfig() {
        return this.kubeconfig;
    }

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

        var nodeAccount = args.nodeServiceAccount()
                .map(email -> new NodeAccount(Output.of(email), List.of()))
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
                // The temporary default pool GKE creates (and removeDefaultNodePool deletes) runs as the node account
                // too: the Compute Engine default account it would otherwise use is deleted in hardened organizations.
                .nodeConfig(ClusterNodeConfigArgs.builder()
                        .serviceAccount(nodeAccount.email())
                        .oauthScopes(GkeClusterDefaults.OAUTH_SCOPE)
                        .build())
                .resourceLabels(args.resourceLabels());
        args.subnetwork().ifPresent(clusterArgs::subnetwork);
        if (!args.masterAuthorizedNetworks().isEmpty()) {
            clusterArgs.masterAuthorizedNetworksConfig(ClusterMasterAuthorizedNetworksConfigArgs.builder()
                    .cidrBlocks(args.masterAuthorizedNetworks().stream()
                            .map(cidr -> ClusterMasterAuthorizedNetworksConfigCidrBlockArgs.builder()
                                    .cidrBlock(cidr).displayName(cidr).build())
                            .toList())
                    .build());
        }
        // A change to the cluster's nodeConfig replaces the cluster, and what GKE reports for it once the default
        // pool is gone need not match what was sent: it matters only for that pool's minutes, so it is not diffed.
        // Pulumi's protect follows GKE's deletion protection, so destroy and replacement stop at the preview rather
        // than at GKE's refusal. The node pool is not protected: replacing it is routine (a new machine type) and
        // loses no state.
        this.cluster = new Cluster(name, clusterArgs.build(), CustomResourceOptions.builder().parent(this)
                .ignoreChanges("nodeConfig").protect(args.deletionProtection()).build());

        var pool = NodePoolArgs.builder()
                .name(Names.child(name, NODES))
                .project(args.project())
                .location(args.location())
                .cluster(cluster.name())
                .management(NodePoolManagementArgs.builder().autoRepair(true).autoUpgrade(true).build())
                .upgradeSettings(NodePoolUpgradeSettingsArgs.builder().maxSurge(1).maxUnavailable(0).build())
                .nodeConfig(NodePoolNodeConfigArgs.builder()
                        .machineType(args.machineType())
                        .imageType(args.imageType())
                        .diskSizeGb(args.diskSizeGb())
                        .diskType(GkeClusterDefaults.DISK_TYPE)
                        .serviceAccount(nodeAccount.email())
                        .oauthScopes(GkeClusterDefaults.OAUTH_SCOPE)
                        .shieldedInstanceConfig(NodePoolNodeConfigShieldedInstanceConfigArgs.builder()
                                .enableSecureBoot(true).enableIntegrityMonitoring(true).build())
                        .workloadMetadataConfig(NodePoolNodeConfigWorkloadMetadataConfigArgs.builder()
                                .mode("GKE_METADATA").build())
                        .labels(args.nodeLabels())
                        .build());
        if (!args.nodeLocations().isEmpty()) {
            pool.nodeLocations(args.nodeLocations());
        }
        // Nodes that start before their account's roles are granted cannot write logs or metrics, or pull private images.
        var poolOptions = CustomResourceOptions.builder().parent(this).dependsOn(nodeAccount.bindings());
        if (args.autoscaling()) {
            // Total limits count the nodes of all zones, as the seed's "3 nodes" does; per-zone limits would
            // triple on a regional cluster. The initial count is not diffed afterwards: the autoscaler owns the
            // size, and a changed initial count would replace the pool.
            pool.initialNodeCount(args.nodesPerZone())
                    .autoscaling(NodePoolAutoscalingArgs.builder()
                            .totalMinNodeCount(args.minNodes())
                            .totalMaxNodeCount(args.maxNodes())
                            .locationPolicy(GkeClusterDefaults.LOCATION_POLICY)
                            .build());
            poolOptions.ignoreChanges("initialNodeCount");
        } else {
            pool.nodeCount(args.nodesPerZone());
        }
        this.nodePool = new NodePool(Names.child(name, NODES), pool.build(), poolOptions.build());

        this.clusterName = cluster.name();
        this.endpoint = cluster.endpoint();
        this.kubeconfig = Output.tuple(cluster.name(), cluster.endpoint(), cluster.masterAuth())
                .applyValue(t -> Kubeconfig.render(args.project(), args.location(), t.t1, t.t2,
                        t.t3.clusterCaCertificate().orElse("")))
                .asSecret();
        // The provider does not wait for the node pool: Services, the Ingress (its load balancer takes minutes),
        // BackendConfigs and NetworkPolicies need no nodes and are created while the pool is. Only what runs pods
        // waits for the pool, through onNodes().
        this.provider = new Provider(Names.child(name, "k8s"), ProviderArgs.builder()
                .kubeconfig(kubeconfig)
                .build(),
                CustomResourceOptions.builder().parent(this).build());

        registerOutputs(Map.of(
                "clusterName", clusterName,
                "endpoint", endpoint,
                "kubeconfig", kubeconfig));
    }

    /**
     * The Kubernetes provider for this cluster; pass it to the other components. It is ready as soon as the cluster
     * is, before the node pool: give components that run pods {@link #onNodes()} instead.
     */
    public Provider provider() {
        return provider;
    }

    /**
     * Options for a component that runs pods on this cluster ({@code Microservice}, {@code MicrogatewayService}):
     * this cluster's provider, and a wait for the node pool, which those components pass to their Deployments, so
     * no pod is created before there are nodes. Add options to the builder as needed.
     */
    public ComponentResourceOptions.Builder onNodes() {
        return ComponentResourceOptions.builder().providers(provider).dependsOn(nodePool);
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

    /** The node service account's email, and the IAM members the nodes must wait for (none for a given account). */
    private record NodeAccount(Output<String> email, List<Resource> bindings) {
    }

    private NodeAccount createNodeServiceAccount(String name, String project) {
        String accountId = Names.child(name, NODES);
        var account = new Account(accountId, AccountArgs.builder()
                .project(project)
                .accountId(accountId)
                .displayName("GKE nodes of " + name)
                // A replacement that keeps the account id would create one IAM already has, and pulumi-gcp deletes
                // first only for a resource's own `name`, not for an accountId: the old account goes first.
                .build(), CustomResourceOptions.builder().parent(this).deleteBeforeReplace(true).build());
        var bindings = new ArrayList<Resource>();
        for (String role : GkeClusterDefaults.NODE_ROLES) {
            String suffix = role.substring("roles/".length()).replace('.', '-').toLowerCase();
            bindings.add(new IAMMember(Names.child(accountId, suffix), IAMMemberArgs.builder()
                    .project(project)
                    .role(role)
                    .member(Output.format("serviceAccount:%s", account.email()))
                    .build(), CustomResourceOptions.builder().parent(account).build()));
        }
        return new NodeAccount(account.email(), List.copyOf(bindings));
    }

    /**
     * Checks a cluster name as {@code GkeCluster} does, reporting problems under {@code argument}: a pattern
     * program passes the stack key its name comes from, before it registers anything.
     *
     * @throws dev.apigeegke.core.InvalidArgumentsException naming {@code argument}, the value and the fix
     */
    public static void requireName(String argument, String name, GkeClusterArgs args) {
        var problems = new Problems("GkeCluster");
        checkName(problems, argument, name, args);
        problems.throwIfAny();
    }

    private static String checked(String name, GkeClusterArgs args) {
        var problems = new Problems("GkeCluster");
        if (args == null) {
            problems.add("args", null, "pass GkeClusterArgs.builder().project(...).location(...).build()");
        }
        checkName(problems, "name", name, args);
        problems.throwIfAny();
        return name;
    }

    /** The name's shape, then the GKE and IAM length limits of every name derived from it. */
    private static void checkName(Problems problems, String argument, String name, @Nullable GkeClusterArgs args) {
        if (name == null || name.length() <= LABEL_MAX && !Names.isLabel(name)) {
            Names.checkLabel(problems, argument, name, 0);
            return;
        }
        String nodes = Names.child(name, NODES);
        var tooLong = new ArrayList<String>();
        addIfLonger(tooLong, "the cluster name", name, GkeClusterDefaults.GKE_NAME_MAX, "GKE");
        addIfLonger(tooLong, "the node pool name", nodes, GkeClusterDefaults.GKE_NAME_MAX, "GKE");
        boolean createsAccount = args != null && args.nodeServiceAccount().isEmpty();
        if (createsAccount) {
            addIfLonger(tooLong, "the node service account id", nodes, GkeClusterDefaults.SERVICE_ACCOUNT_ID_MAX, "IAM");
        }
        if (!tooLong.isEmpty()) {
            int suffix = nodes.length() - name.length();
            int most = Math.min(GkeClusterDefaults.GKE_NAME_MAX - suffix,
                    createsAccount ? GkeClusterDefaults.SERVICE_ACCOUNT_ID_MAX - suffix : Integer.MAX_VALUE);
            problems.add(argument, name, "is " + name.length() + " characters: " + String.join("; ", tooLong)
                    + ". Use a name of at most " + most + " characters"
                    + (createsAccount ? " (or " + (GkeClusterDefaults.GKE_NAME_MAX - suffix) + " with nodeServiceAccount(...))" : ""));
        }
    }

    private static void addIfLonger(List<String> found, String what, String value, int max, String authority) {
        if (value.length() > max) {
            found.add(what + " \"" + value + "\" (" + value.length() + " characters) would exceed " + max
                    + " characters, the most " + authority + " allows");
        }
    }

    static List<String> nodeRoles() {
        return GkeClusterDefaults.NODE_ROLES;
    }
}
