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
    /** The least-privilege roles GKE documents for a node service account. */
    static final List<String> NODE_ROLES = List.of(
            "roles/logging.logWriter",
            "roles/monitoring.metricWriter",
            "roles/monitoring.viewer",
            "roles/stackdriver.resourceMetadata.writer",
            "roles/artifactregistry.reader");
    /** Service account ids are 6 to 30 characters. */
    static final int SERVICE_ACCOUNT_ID_MAX = 30;

    private GkeClusterDefaults() {
    }
}
