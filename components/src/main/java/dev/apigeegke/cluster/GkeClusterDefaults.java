package dev.apigeegke.cluster;

import java.util.List;
import java.util.Set;

/** The defaults of {@link GkeCluster}, each documented in the README and tested. */
final class GkeClusterDefaults {
    /** Seed: at least 2 vCPUs per node. */
    static final String MACHINE_TYPE = "e2-standard-2";
    /** Seed: Container-Optimized OS. */
    static final String IMAGE_TYPE = "COS_CONTAINERD";
    /** Images GKE offers that the patterns are supported on. */
    static final Set<String> IMAGE_TYPES = Set.of("COS_CONTAINERD", "UBUNTU_CONTAINERD");
    /** Seed: at least 3 nodes. */
    static final int MIN_NODES = 3;
    static final int MIN_VCPUS = 2;
    /** Nodes per zone when the location is a zone: 3 nodes in one zone. */
    static final int ZONAL_NODES_PER_ZONE = 3;
    /** Nodes per zone when the location is a region: GKE spreads the pool over 3 zones, so 3 nodes. */
    static final int REGIONAL_NODES_PER_ZONE = 1;
    /** GKE places a regional pool in three of the region's zones unless node locations are given. */
    static final int REGIONAL_ZONES = 3;
    static final String RELEASE_CHANNEL = "REGULAR";
    static final Set<String> RELEASE_CHANNELS = Set.of("RAPID", "REGULAR", "STABLE", "EXTENDED", "UNSPECIFIED");
    static final int DISK_SIZE_GB = 100;
    static final String DISK_TYPE = "pd-balanced";
    static final String NETWORK = "default";
    /** VPC-native secondary ranges, as netmask sizes GKE allocates (its own defaults). */
    static final String POD_RANGE_NETMASK = "/14";
    static final String SERVICE_RANGE_NETMASK = "/20";
    /** Dataplane V2 enforces NetworkPolicy, which patterns 2 and 3 rely on so the gateway cannot be bypassed. */
    static final String DATAPATH_PROVIDER = "ADVANCED_DATAPATH";
    /**
     * The node service account's roles. {@code container.defaultNodeServiceAccount} is the minimum GKE documents
     * (logs, metrics, resource metadata, the metrics the autoscalers read). It grants no image pulls: the
     * samples' images are public, but a service's private image in the project's Artifact Registry needs
     * {@code artifactregistry.reader}, or its pods stay in ImagePullBackOff.
     */
    static final List<String> NODE_ROLES = List.of(
            "roles/container.defaultNodeServiceAccount",
            "roles/artifactregistry.reader");
    /** Nodes get their permissions from IAM, not from access scopes: the one scope GKE recommends with a custom account. */
    static final String OAUTH_SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    /** GKE limits cluster and node-pool names to 40 characters. */
    static final int GKE_NAME_MAX = 40;
    /** The autoscaler adds nodes so the zones stay even, which keeps the gateway's replicas spread over zones. */
    static final String LOCATION_POLICY = "BALANCED";
    /** Without maxNodes the autoscaler may grow the pool to this many times minNodes. */
    static final int MAX_NODES_FACTOR = 2;
    /**
     * GKE's limits on a Standard cluster's nodes: 1,000 per node pool per zone and 15,000 per cluster (GKE 1.18 and
     * later; past 5,000 the cluster size quota must be raised through support). Source: GKE "Quotas and limits",
     * https://cloud.google.com/kubernetes-engine/quotas, checked on December 1, 2026. The component creates one pool,
     * so the cluster limit applies to it too.
     */
    static final int NODES_PER_POOL_ZONE_MAX = 1_000;
    static final int NODES_PER_CLUSTER_MAX = 15_000;
    /** Service account ids are 6 to 30 characters. */
    static final int SERVICE_ACCOUNT_ID_MAX = 30;

    private GkeClusterDefaults() {
    }
}
