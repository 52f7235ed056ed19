package dev.apigeegke.cluster;

import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.cluster.MachineTypes;
import dev.apigeegke.internal.validation.Cidr;
import dev.apigeegke.internal.validation.Distinct;
import dev.apigeegke.internal.validation.Emails;
import dev.apigeegke.internal.validation.GcpNames;
import dev.apigeegke.internal.validation.Labels;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * Arguments of {@link GkeCluster}. Every optional argument documents its default; {@link Builder#build()}
 * validates them all and reports every problem at once.
 */
public final class GkeClusterArgs {

    private final String project;
    private final String location;
    private final int nodesPerZone;
    private final List<String> nodeLocations;
    private final String machineType;
    private final String imageType;
    private final int diskSizeGb;
    private final String releaseChannel;
    private final boolean deletionProtection;
    private final String network;
    private final @Nullable String subnetwork;
    private final @Nullable String nodeServiceAccount;
    private final List<String> masterAuthorizedNetworks;
    private final Map<String, String> resourceLabels;
    private final Map<String, String> nodeLabels;
    private final boolean autoscaling;
    private final int minNodes;
    private final int maxNodes;
    private final boolean requireProductionSize;

    private GkeClusterArgs(Builder b, int nodesPerZone, int minNodes, int maxNodes) {
        this.project = b.project;
        this.location = b.location;
        this.nodesPerZone = nodesPerZone;
        this.nodeLocations = List.copyOf(b.nodeLocations);
        this.machineType = b.machineType;
        this.imageType = b.imageType;
        this.diskSizeGb = b.diskSizeGb;
        this.releaseChannel = b.releaseChannel;
        this.deletionProtection = b.deletionProtection;
        this.network = b.network;
        this.subnetwork = b.subnetwork;
        this.nodeServiceAccount = b.nodeServiceAccount;
        this.masterAuthorizedNetworks = List.copyOf(b.masterAuthorizedNetworks);
        this.resourceLabels = Map.copyOf(b.resourceLabels);
        this.nodeLabels = Map.copyOf(b.nodeLabels);
        this.autoscaling = b.autoscaling;
        this.minNodes = minNodes;
        this.maxNodes = maxNodes;
        this.requireProductionSize = b.requireProductionSize;
    }

    /** A builder; project and location are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The GCP project id. */
    public String project() {
        return project;
    }

    /** A region (regional cluster) or a zone (zonal cluster). */
    public String location() {
        return location;
    }

    /** Whether {@link #location()} is a region. */
    public boolean regional() {
        return GcpNames.isRegion(location);
    }

    /**
     * Nodes per zone when the pool is created; with {@link #autoscaling()} off, also the pool's fixed size
     * (GKE's {@code initial_node_count}, or {@code node_count} without autoscaling).
     */
    public int nodesPerZone() {
        return nodesPerZone;
    }

    /** The zones of the node pool; empty means GKE's choice. */
    public List<String> nodeLocations() {
        return nodeLocations;
    }

    /** Nodes in the pool when it is created: nodes per zone times the number of zones. */
    public int totalNodes() {
        return nodesPerZone * zoneCount(location, nodeLocations);
    }

    /** Whether the cluster autoscaler sizes the pool between {@link #minNodes()} and {@link #maxNodes()}. */
    public boolean autoscaling() {
        return autoscaling;
    }

    /** The fewest nodes in the pool, in all zones together; {@link #totalNodes()} without autoscaling. */
    public int minNodes() {
        return minNodes;
    }

    /** The most nodes in the pool, in all zones together; {@link #totalNodes()} without autoscaling. */
    public int maxNodes() {
        return maxNodes;
    }

    /** The node machine type; default {@code e2-standard-2}. */
    public String machineType() {
        return machineType;
    }

    /** The node image; default {@code COS_CONTAINERD}. */
    public String imageType() {
        return imageType;
    }

    /** The node boot disk size in GB; default 100. */
    public int diskSizeGb() {
        return diskSizeGb;
    }

    /** The GKE release channel; default {@code REGULAR}. */
    public String releaseChannel() {
        return releaseChannel;
    }

    /**
     * GKE deletion protection, and Pulumi's {@code protect} on the cluster resource (not on the node pool); default
     * true.
     */
    public boolean deletionProtection() {
        return deletionProtection;
    }

    /** The VPC network; default {@code default}. */
    public String network() {
        return network;
    }

    /** The subnetwork; default: the region's subnetwork of the network. */
    public Optional<String> subnetwork() {
        return Optional.ofNullable(subnetwork);
    }

    /** The node service account's email; empty means the component creates a dedicated one. */
    public Optional<String> nodeServiceAccount() {
        return Optional.ofNullable(nodeServiceAccount);
    }

    /** CIDRs allowed to reach the control plane; default none. */
    public List<String> masterAuthorizedNetworks() {
        return masterAuthorizedNetworks;
    }

    /** GCP labels on the cluster resource (billing, inventory). */
    public Map<String, String> resourceLabels() {
        return resourceLabels;
    }

    /** Kubernetes labels on the pool's Node objects (scheduling: nodeSelector, affinity). */
    public Map<String, String> nodeLabels() {
        return nodeLabels;
    }

    /** Whether the cluster must have at least 3 nodes of at least 2 vCPUs (the production minimum); default true. */
    public boolean requireProductionSize() {
        return requireProductionSize;
    }

    private static int zoneCount(String location, List<String> nodeLocations) {
        if (!nodeLocations.isEmpty()) {
            return nodeLocations.size();
        }
        return GcpNames.isRegion(location) ? GkeClusterDefaults.REGIONAL_ZONES : 1;
    }

    /** Builder of {@link GkeClusterArgs}. */
    public static final class Builder {
        private String project;
        private String location;
        private @Nullable Integer nodesPerZone;
        private List<String> nodeLocations = List.of();
        private String machineType = GkeClusterDefaults.MACHINE_TYPE;
        private String imageType = GkeClusterDefaults.IMAGE_TYPE;
        private int diskSizeGb = GkeClusterDefaults.DISK_SIZE_GB;
        private String releaseChannel = GkeClusterDefaults.RELEASE_CHANNEL;
        private boolean deletionProtection = true;
        private String network = GkeClusterDefaults.NETWORK;
        private @Nullable String subnetwork;
        private @Nullable String nodeServiceAccount;
        private List<String> masterAuthorizedNetworks = List.of();
        private Map<String, String> resourceLabels = new TreeMap<>();
        private Map<String, String> nodeLabels = new TreeMap<>();
        private boolean autoscaling = true;
        private @Nullable Integer minNodes;
        private @Nullable Integer maxNodes;
        private boolean requireProductionSize = true;

        private Builder() {
        }

        /** The GCP project id (required). */
        public Builder project(String project) {
            this.project = project;
            return this;
        }

        /** A region (e.g. {@code europe-west1}, a regional cluster) or a zone ({@code europe-west1-b}); required. */
        public Builder location(String location) {
            this.location = location;
            return this;
        }

        /**
         * Nodes per zone when the pool is created (the fixed size with {@code autoscaling(false)}). Default: 3 for a
         * zonal cluster, 1 for a regional one (3 zones), so 3 nodes either way; more when minNodes asks for more.
         * With autoscaling a later change is ignored, so the pool is not recreated: the autoscaler owns the size;
         * change minNodes/maxNodes instead.
         */
        public Builder nodesPerZone(int nodesPerZone) {
            this.nodesPerZone = nodesPerZone;
            return this;
        }

        /** Zones for the node pool. Default: GKE's choice (three zones of a region, or the cluster's zone). */
        public Builder nodeLocations(List<String> zones) {
            this.nodeLocations = zones == null ? List.of() : List.copyOf(zones);
            return this;
        }

        /** Node machine type. Default: {@code e2-standard-2} (2 vCPUs, 8 GB). */
        public Builder machineType(String machineType) {
            this.machineType = machineType;
            return this;
        }

        /** Node image. Default: {@code COS_CONTAINERD}; {@code UBUNTU_CONTAINERD} is also accepted. */
        public Builder imageType(String imageType) {
            this.imageType = imageType;
            return this;
        }

        /** Node boot disk size in GB. Default: 100 (pd-balanced). */
        public Builder diskSizeGb(int diskSizeGb) {
            this.diskSizeGb = diskSizeGb;
            return this;
        }

        /** GKE release channel. Default: {@code REGULAR}. */
        public Builder releaseChannel(String releaseChannel) {
            this.releaseChannel = releaseChannel;
            return this;
        }

        /**
         * Whether GKE refuses to delete the cluster, and Pulumi too ({@code protect} on the cluster, so a destroy or a
         * replacement fails at the preview). Default: true; set false and run {@code pulumi up} before
         * {@code pulumi destroy}.
         */
        public Builder deletionProtection(boolean deletionProtection) {
            this.deletionProtection = deletionProtection;
            return this;
        }

        /** VPC network name. Default: {@code default}. */
        public Builder network(String network) {
            this.network = network;
            return this;
        }

        /** Subnetwork name. Default: the network's subnetwork in the region (auto-mode networks). */
        public Builder subnetwork(String subnetwork) {
            this.subnetwork = subnetwork;
            return this;
        }

        /** Node service account email. Default: a dedicated account with the least-privilege node roles. */
        public Builder nodeServiceAccount(String email) {
            this.nodeServiceAccount = email;
            return this;
        }

        /** CIDRs allowed to reach the control plane. Default: none set (GKE's default access). */
        public Builder masterAuthorizedNetworks(List<String> cidrs) {
            this.masterAuthorizedNetworks = cidrs == null ? List.of() : List.copyOf(cidrs);
            return this;
        }

        /**
         * GCP labels on the cluster resource. Default: none. Kept apart from {@link #nodeLabels(Map)}: the rules
         * differ (GCP: lowercase letters, digits, '_' and '-' only; Kubernetes: prefixes, dots and capitals too).
         */
        public Builder resourceLabels(Map<String, String> labels) {
            this.resourceLabels = labels == null ? new TreeMap<>() : new TreeMap<>(labels);
            return this;
        }

        /** Kubernetes labels on the pool's nodes, for nodeSelector and affinity rules. Default: none. */
        public Builder nodeLabels(Map<String, String> labels) {
            this.nodeLabels = labels == null ? new TreeMap<>() : new TreeMap<>(labels);
            return this;
        }

        /**
         * Whether the cluster autoscaler sizes the pool between minNodes and maxNodes. Default: true, so pods a
         * HorizontalPodAutoscaler adds get nodes; false gives a fixed pool of nodesPerZone per zone.
         */
        public Builder autoscaling(boolean autoscaling) {
            this.autoscaling = autoscaling;
            return this;
        }

        /** The fewest nodes in all zones together (GKE's total limit). Default: the pool's size at creation, 3 by default. */
        public Builder minNodes(int minNodes) {
            this.minNodes = minNodes;
            return this;
        }

        /** The most nodes in all zones together (GKE's total limit). Default: twice minNodes, 6 by default. */
        public Builder maxNodes(int maxNodes) {
            this.maxNodes = maxNodes;
            return this;
        }

        /**
         * Whether the seed's sizing is enforced: at least 3 nodes of at least 2 vCPUs. Default: true;
         * set false for a deliberately small development cluster.
         */
        public Builder requireProductionSize(boolean requireProductionSize) {
            this.requireProductionSize = requireProductionSize;
            return this;
        }

        /** Validates every argument and reports all problems in one {@link dev.apigeegke.core.InvalidArgumentsException}. */
        public GkeClusterArgs build() {
            var problems = new Problems("GkeClusterArgs");
            GcpNames.checkProject(problems, "project", project);
            boolean locationOk = GcpNames.isRegion(location) || GcpNames.isZone(location);
            problems.check(locationOk, "location", location,
                    "give a region such as europe-west1 (regional cluster) or a zone such as europe-west1-b (zonal cluster)");
            for (int i = 0; i < nodeLocations.size(); i++) {
                String zone = nodeLocations.get(i);
                problems.check(GcpNames.isZone(zone), "nodeLocations[" + i + "]", zone, "give a zone such as europe-west1-b");
                if (locationOk && GcpNames.isZone(zone)) {
                    String region = GcpNames.isZone(location) ? GcpNames.regionOf(location) : location;
                    problems.check(zone.startsWith(region + "-"), "nodeLocations[" + i + "]", zone,
                            "node zones must be in the cluster's region " + region);
                }
            }
            Distinct.check(problems, "nodeLocations", nodeLocations);
            int zones = locationOk ? zoneCount(location, nodeLocations) : 1;
            int perZone = nodesPerZone != null ? nodesPerZone
                    : (locationOk && GcpNames.isRegion(location)
                            ? GkeClusterDefaults.REGIONAL_NODES_PER_ZONE : GkeClusterDefaults.ZONAL_NODES_PER_ZONE);
            if (nodesPerZone == null && autoscaling && minNodes != null && minNodes > perZone * zones) {
                // A pool starts with at least its minimum, spread evenly over its zones.
                perZone = (int) (((long) minNodes + zones - 1) / zones);
            }
            problems.check(perZone >= 1, "nodesPerZone", perZone, "a node pool needs at least 1 node per zone");
            problems.check(perZone <= GkeClusterDefaults.NODES_PER_POOL_ZONE_MAX, "nodesPerZone", perZone,
                    "GKE allows at most " + GkeClusterDefaults.NODES_PER_POOL_ZONE_MAX + " nodes per node pool in a zone");
            problems.check(machineType != null && !machineType.isBlank(), "machineType", machineType,
                    "give a Compute Engine machine type such as e2-standard-2");
            problems.check(imageType != null && GkeClusterDefaults.IMAGE_TYPES.contains(imageType), "imageType", imageType,
                    "use COS_CONTAINERD (Container-Optimized OS, the default) or UBUNTU_CONTAINERD");
            problems.check(diskSizeGb >= 10, "diskSizeGb", diskSizeGb, "GKE needs a boot disk of at least 10 GB");
            problems.check(releaseChannel != null && GkeClusterDefaults.RELEASE_CHANNELS.contains(releaseChannel),
                    "releaseChannel", releaseChannel, "use one of RAPID, REGULAR, STABLE, EXTENDED, UNSPECIFIED");
            problems.check(network != null && !network.isBlank(), "network", network, "give a VPC network name, e.g. default");
            if (nodeServiceAccount != null) {
                problems.check(Emails.isServiceAccount(nodeServiceAccount), "nodeServiceAccount", nodeServiceAccount,
                        "give a service account email such as gke-nodes@PROJECT.iam.gserviceaccount.com, or leave it unset for a dedicated one");
            }
            for (int i = 0; i < masterAuthorizedNetworks.size(); i++) {
                String problem = Cidr.problem(masterAuthorizedNetworks.get(i));
                if (problem != null) {
                    problems.add("masterAuthorizedNetworks[" + i + "]", masterAuthorizedNetworks.get(i), problem);
                }
            }
            Distinct.check(problems, "masterAuthorizedNetworks", masterAuthorizedNetworks);
            Labels.checkGcp(problems, "resourceLabels", resourceLabels);
            Labels.checkKubernetes(problems, "nodeLabels", nodeLabels);
            // Counts past GKE's limits are reported above; capped here so the products below cannot overflow an int.
            int total = (int) Math.min((long) perZone * zones, Integer.MAX_VALUE);
            int min = autoscaling && minNodes != null ? minNodes : total;
            int max = autoscaling && maxNodes != null ? maxNodes
                    : (autoscaling ? (int) Math.min((long) GkeClusterDefaults.MAX_NODES_FACTOR * min, Integer.MAX_VALUE) : total);
            if (locationOk && perZone >= 1) {
                if (perZone <= GkeClusterDefaults.NODES_PER_POOL_ZONE_MAX) {
                    checkScaling(problems, perZone, total, min, max);
                }
                checkLimits(problems, zones, min, max);
            } else if (autoscaling) {
                // Without a valid location the zone count is unknown: check what does not depend on it.
                problems.check(minNodes == null || minNodes >= 1, "minNodes", minNodes, "the pool needs at least 1 node in all zones together");
                problems.check(maxNodes == null || maxNodes >= Math.max(1, minNodes == null ? 1 : minNodes), "maxNodes", maxNodes,
                        "give a maximum of at least " + Math.max(1, minNodes == null ? 1 : minNodes) + " node(s), and at least minNodes");
            }
            if (requireProductionSize && machineType != null && !machineType.isBlank()) {
                var vcpus = MachineTypes.vcpus(machineType);
                if (vcpus.isEmpty()) {
                    problems.add("machineType", machineType, "cannot tell this machine type's vCPUs; use a predefined type such as e2-standard-2, "
                            + "or set requireProductionSize(false) to skip the sizing check");
                } else if (vcpus.getAsInt() < GkeClusterDefaults.MIN_VCPUS) {
                    problems.add("machineType", machineType, "has fewer than " + GkeClusterDefaults.MIN_VCPUS
                            + " dedicated vCPUs; use e2-standard-2 or larger, or set requireProductionSize(false) for a small development cluster");
                }
            }
            problems.throwIfAny();
            return new GkeClusterArgs(this, perZone, min, max);
        }

        /** GKE's node limits on the autoscaler's bounds, which count the nodes of every zone together. */
        private void checkLimits(Problems problems, int zones, int min, int max) {
            if (!autoscaling) {
                return;
            }
            int most = Math.min(GkeClusterDefaults.NODES_PER_POOL_ZONE_MAX * zones, GkeClusterDefaults.NODES_PER_CLUSTER_MAX);
            String why = most == GkeClusterDefaults.NODES_PER_CLUSTER_MAX
                    ? "GKE allows at most " + most + " nodes in a cluster"
                    : "GKE allows at most " + GkeClusterDefaults.NODES_PER_POOL_ZONE_MAX + " nodes per node pool in a zone, "
                            + most + " in the pool's " + zones + " zone(s)";
            problems.check(minNodes == null || minNodes <= most, "minNodes", minNodes, why);
            // A default maximum past the limit because minNodes or nodesPerZone is: their problem is the one to fix.
            boolean fromOther = maxNodes == null && (minNodes != null ? minNodes > most
                    : nodesPerZone != null && nodesPerZone > GkeClusterDefaults.NODES_PER_POOL_ZONE_MAX);
            problems.check(max <= most || fromOther, "maxNodes", max,
                    why + (maxNodes == null ? " (maxNodes defaults to twice minNodes): set maxNodes" : ""));
        }

        /** The pool's size at creation, its autoscaling limits, and the seed's 3 nodes, which no limit may undercut. */
        private void checkScaling(Problems problems, int perZone, int total, int min, int max) {
            String seedFix = "the patterns are sized for at least " + GkeClusterDefaults.MIN_NODES
                    + " nodes; set requireProductionSize(false) for a small development cluster";
            if (!autoscaling) {
                problems.check(minNodes == null, "minNodes", minNodes, "applies only with autoscaling: remove it, or turn autoscaling on");
                problems.check(maxNodes == null, "maxNodes", maxNodes, "applies only with autoscaling: remove it, or turn autoscaling on");
                problems.check(!requireProductionSize || total >= GkeClusterDefaults.MIN_NODES, "nodesPerZone", perZone,
                        "the pool would have " + total + " node(s); raise nodesPerZone: " + seedFix);
                return;
            }
            if (min < 1) {
                problems.add("minNodes", min, "the pool needs at least 1 node in all zones together");
                return;
            }
            problems.check(!requireProductionSize || min >= GkeClusterDefaults.MIN_NODES, minNodes != null ? "minNodes" : "nodesPerZone",
                    minNodes != null ? minNodes : perZone, "the autoscaler could shrink the pool to " + min + " node(s); "
                            + (minNodes != null ? "raise minNodes: " : "raise nodesPerZone or set minNodes: ") + seedFix);
            if (max < min) {
                problems.add("maxNodes", max, "is below minNodes " + min + ": give a maximum of at least " + min + " nodes");
            } else if (total < min || total > max) {
                problems.add("nodesPerZone", perZone, "the pool would start with " + total + " node(s) in all zones, outside "
                        + "minNodes " + min + " to maxNodes " + max + (maxNodes == null ? " (twice minNodes unless set)" : "")
                        + ": change nodesPerZone or the limits");
            }
        }
    }
}
