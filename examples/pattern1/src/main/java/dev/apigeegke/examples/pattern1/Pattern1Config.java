package dev.apigeegke.examples.pattern1;

import com.pulumi.Context;
import dev.apigeegke.core.Problems;
import dev.apigeegke.core.StackConfig;
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
 * @param nodesPerZone       nodes per zone ({@code apigee-gke:nodesPerZone}, default: the cluster's)
 * @param machineType        node machine type ({@code apigee-gke:machineType}, default: the cluster's)
 * @param deletionProtection cluster deletion protection ({@code apigee-gke:deletionProtection}, default true)
 */
public record Pattern1Config(
        String project,
        String region,
        String location,
        String prefix,
        List<String> allowlist,
        List<String> domains,
        List<String> wafRuleSets,
        Optional<Integer> nodesPerZone,
        Optional<String> machineType,
        boolean deletionProtection) {

    /** The configuration namespace of every pattern. */
    public static final String NAMESPACE = "apigee-gke";
    static final String DEFAULT_PREFIX = "apigee-p1";

    /** Reads and checks the stack configuration; every problem is reported at once. */
    public static Pattern1Config from(Context ctx) {
        var problems = new Problems("stack configuration");
        var gcp = new StackConfig(ctx.config("gcp"), problems);
        var own = new StackConfig(ctx.config(NAMESPACE), problems);
        String project = gcp.require("project", "set the GCP project id");
        String region = gcp.require("region", "set the GCP region, e.g. europe-west1");
        var allowlist = own.list("allowlist");
        if (allowlist.isEmpty() && ctx.config(NAMESPACE).get("allowlist").isEmpty()) {
            problems.add(NAMESPACE + ":allowlist", null, "list the Apigee gateway's egress ranges (IPv4/IPv6 CIDRs) the Ingress admits");
        }
        var config = new Pattern1Config(
                project,
                region,
                own.string("location", region),
                own.string("prefix", DEFAULT_PREFIX),
                allowlist,
                own.list("domains"),
                own.list("wafRuleSets"),
                own.integer("nodesPerZone"),
                own.string("machineType"),
                own.bool("deletionProtection", true));
        problems.throwIfAny();
        return config;
    }
}
