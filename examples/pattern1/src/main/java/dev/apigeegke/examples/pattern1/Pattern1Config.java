package dev.apigeegke.examples.pattern1;

import com.pulumi.Context;
import dev.apigeegke.apigee.bundle.ProxyModel;
import dev.apigeegke.internal.config.NodeScaling;
import dev.apigeegke.core.Problems;
import dev.apigeegke.examples.common.ClusterSettings;
import dev.apigeegke.examples.common.StackReader;
import dev.apigeegke.ingress.RateBan;
import dev.apigeegke.internal.config.StackConfig;
import java.util.List;
import java.util.Optional;

/**
 * Pattern 1's stack configuration: {@code gcp:project}, {@code gcp:region} and the {@code apigee-gke:*}
 * keys. Read with {@link #from(Context)}; tests build it directly.
 *
 * @param project            GCP project id ({@code gcp:project}, required)
 * @param region             GCP region ({@code gcp:region}, required)
 * @param location           cluster location ({@code apigee-gke:location}, default: the region)
 * @param prefix             name prefix of every resource ({@code apigee-gke:prefix}, default {@code apigee-p1})
 * @param allowlist          the Apigee gateway's egress ranges ({@code apigee-gke:allowlist}, required)
 * @param domains            HTTPS domains ({@code apigee-gke:domains}, default none)
 * @param wafRuleSets        preconfigured WAF rule sets ({@code apigee-gke:wafRuleSets}, default none)
 * @param rateBan            a Cloud Armor rate ban per client ({@code apigee-gke:rateBanCount} requests per
 *                           {@code apigee-gke:rateBanIntervalSec} seconds, default 60, banned for
 *                           {@code apigee-gke:rateBanDurationSec} seconds, default 300; default none). Pattern 1
 *                           counts clients by {@link Pattern1#CLIENT_IP_HEADER}, whatever key it carries
 * @param nodesPerZone       nodes per zone ({@code apigee-gke:nodesPerZone}, default: the cluster's)
 * @param machineType        node machine type ({@code apigee-gke:machineType}, default: the cluster's)
 * @param deletionProtection cluster deletion protection ({@code apigee-gke:deletionProtection}, default true)
 * @param apigee             the Apigee side: organization, environments, quota, spike arrest, sample consumer
 * @param scaling            node-pool autoscaling ({@code apigee-gke:autoscaling}, {@code minNodes}, {@code maxNodes};
 *                           default: on, the cluster's limits)
 */
public record Pattern1Config(
        String project,
        String region,
        String location,
        String prefix,
        List<String> allowlist,
        List<String> domains,
        List<String> wafRuleSets,
        Optional<RateBan> rateBan,
        Optional<Integer> nodesPerZone,
        Optional<String> machineType,
        boolean deletionProtection,
        ApigeeSettings apigee,
        NodeScaling scaling) {

    static final String DEFAULT_PREFIX = "apigee-p1";
    static final int DEFAULT_RATE_BAN_INTERVAL_SEC = 60;
    static final int DEFAULT_RATE_BAN_DURATION_SEC = 300;
    private static final String NAMESPACE = StackReader.NAMESPACE;

    /** A configuration without a rate ban and with the cluster's default autoscaling. */
    public Pattern1Config(String project, String region, String location, String prefix, List<String> allowlist,
                          List<String> domains, List<String> wafRuleSets, Optional<Integer> nodesPerZone,
                          Optional<String> machineType, boolean deletionProtection, ApigeeSettings apigee) {
        this(project, region, location, prefix, allowlist, domains, wafRuleSets, Optional.empty(), nodesPerZone,
                machineType, deletionProtection, apigee, NodeScaling.DEFAULT);
    }

    /** Reads and checks the stack configuration; every problem is reported at once. */
    public static Pattern1Config from(Context ctx) {
        var stack = new StackReader(ctx);
        var config = read(stack);
        stack.problems.throwIfAny();
        return config;
    }

    /**
     * Reads the stack configuration, recording every problem in {@code stack}'s one report without throwing: a
     * missing or malformed value is replaced by a stand-in, so that the program can go on to check every component's
     * arguments and report their problems too.
     */
    public static Pattern1Config read(StackReader stack) {
        var config = settings(stack);
        stack.checkKeys("pattern1");
        return config;
    }

    /** The settings {@link #read} reads, without the check for keys no reader read (the caller reads more keys first). */
    static Pattern1Config settings(StackReader stack) {
        var problems = stack.problems;
        var own = stack.own;
        String project = stack.project();
        String region = stack.region();
        var allowlist = own.list("allowlist");
        if (allowlist.isEmpty() && !stack.isSet("allowlist")) {
            problems.add(NAMESPACE + ":allowlist", null, "list the Apigee gateway's egress ranges (IPv4/IPv6 CIDRs) the Ingress admits");
        }
        String flavorText = stack.apigee.string("flavor", "edge");
        var flavor = switch (flavorText) {
            case "edge" -> ProxyModel.Flavor.EDGE;
            case "x" -> ProxyModel.Flavor.X;
            default -> {
                problems.add("apigee:flavor", flavorText, "edge (Apigee Edge, SaaS or private cloud) or x (Apigee X / hybrid)");
                yield ProxyModel.Flavor.EDGE;
            }
        };
        String organization = stack.organization("set the Apigee organization the proxy is deployed to");
        var environments = own.list("apigeeEnvironments");
        if (!stack.isSet("apigeeEnvironments")) {
            problems.add(NAMESPACE + ":apigeeEnvironments", null, "list the Apigee environments to deploy the proxy to, e.g. [test]");
        }
        var apigee = new ApigeeSettings(flavor, organization, environments, own.string("apigeeHostname"),
                own.integer("quotaCount").orElse(ApigeeSettings.DEFAULT_QUOTA),
                own.string("quotaTimeUnit", ApigeeSettings.DEFAULT_QUOTA_UNIT),
                stack.spikeArrest(),
                stack.consumerEmail());
        var config = new Pattern1Config(
                project,
                region,
                own.string("location", region),
                own.string("prefix", DEFAULT_PREFIX),
                allowlist,
                own.list("domains"),
                own.list("wafRuleSets"),
                rateBan(stack),
                own.integer("nodesPerZone"),
                own.string("machineType"),
                own.bool("deletionProtection", true),
                apigee,
                NodeScaling.read(own));
        return config;
    }

    /** The cluster these settings describe. */
    public ClusterSettings cluster() {
        return new ClusterSettings(prefix, project, location, nodesPerZone, machineType, deletionProtection, scaling);
    }

    /** The rate ban, on when {@code rateBanCount} is set; its values are checked with the Ingress's arguments. */
    private static Optional<RateBan> rateBan(StackReader stack) {
        var own = stack.own;
        var count = own.integer("rateBanCount");
        var interval = own.integer("rateBanIntervalSec");
        var duration = own.integer("rateBanDurationSec");
        if (count.isEmpty()) {
            if (!stack.isSet("rateBanCount") && (interval.isPresent() || duration.isPresent())) {
                stack.problems.add(NAMESPACE + ":rateBanCount", null, "set the requests allowed per interval and client to turn the "
                        + "rate ban on, or remove " + NAMESPACE + ":rateBanIntervalSec and " + NAMESPACE + ":rateBanDurationSec");
            }
            return Optional.empty();
        }
        return Optional.of(RateBan.byHeader(count.get(), interval.orElse(DEFAULT_RATE_BAN_INTERVAL_SEC),
                duration.orElse(DEFAULT_RATE_BAN_DURATION_SEC), Pattern1.CLIENT_IP_HEADER));
    }
}
