package dev.apigeegke.examples.pattern2;

import com.pulumi.Context;
import com.pulumi.core.Output;
import dev.apigeegke.core.Problems;
import dev.apigeegke.ingress.ProxyOnlySubnet;
import dev.apigeegke.internal.config.NodeScaling;
import dev.apigeegke.internal.config.StackConfig;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The stack configuration of patterns 2 and 3 (the gateway as a Service or as sidecars). Read with
 * {@link #from(Context)}; tests build it directly.
 *
 * @param project            {@code gcp:project} (required)
 * @param region             {@code gcp:region} (required)
 * @param prefix             {@code apigee-gke:prefix}, default {@code apigee-p2}
 * @param allowlist          {@code apigee-gke:allowlist}: who may call the gateway's Ingress (required unless internal)
 * @param internal           {@code apigee-gke:internal}: an internal Ingress ({@code gce-internal}) for VPC clients only; default false
 * @param proxyOnlySubnet    when internal, exactly one of {@code apigee-gke:proxyOnlySubnetCidr} (a range to create the
 *                           region's proxy-only subnet from) or {@code apigee-gke:proxyOnlySubnet} (the existing one:
 *                           {@code name} or self link, and {@code cidr}); neither when external
 * @param domains            {@code apigee-gke:domains}: HTTPS domains; default none
 * @param wafRuleSets        {@code apigee-gke:wafRuleSets}; default none
 * @param nodesPerZone       {@code apigee-gke:nodesPerZone}; default: the cluster's
 * @param deletionProtection {@code apigee-gke:deletionProtection}; default true
 * @param organization       {@code apigee:organization} (required; the Apigee provider's setting)
 * @param environment        the first of {@code apigee-gke:apigeeEnvironments} (required): the gateway serves one org/env
 * @param microgatewayKey    {@code apigee-gke:microgatewayKey} (required, a secret: from {@code edgemicro configure})
 * @param microgatewaySecret {@code apigee-gke:microgatewaySecret} (required, a secret)
 * @param spikeArrestPerSecond {@code apigee-gke:spikeArrest} as {@code <n>ps}: the gateway's spike-arrest rate; default 30
 * @param consumerEmail      {@code apigee-gke:consumerEmail}; default {@code sample-consumer@example.com}
 * @param edgemicroPublicKey {@code apigee-gke:edgemicroPublicKey}: the organization's edgemicro-auth public key (PEM);
 *                           pattern 3's sidecars verify keys with it offline (pattern 2's gateway downloads it)
 * @param scaling            {@code apigee-gke:autoscaling}, {@code minNodes}, {@code maxNodes}: node-pool autoscaling;
 *                           default: on, the cluster's limits
 */
public record Pattern2Config(
        String project,
        String region,
        String prefix,
        List<String> allowlist,
        boolean internal,
        Optional<ProxyOnlySubnet> proxyOnlySubnet,
        List<String> domains,
        List<String> wafRuleSets,
        Optional<Integer> nodesPerZone,
        boolean deletionProtection,
        String organization,
        String environment,
        Output<String> microgatewayKey,
        Output<String> microgatewaySecret,
        int spikeArrestPerSecond,
        String consumerEmail,
        Optional<String> edgemicroPublicKey,
        NodeScaling scaling) {

    /** The configuration namespace of patterns 2 and 3. */
    public static final String NAMESPACE = "apigee-gke";
    static final String DEFAULT_PREFIX = "apigee-p2";
    private static final Pattern RATE = Pattern.compile("(\\d+)ps");

    /** Reads and checks the stack configuration; every problem is reported at once. */
    public static Pattern2Config from(Context ctx) {
        return from(ctx, DEFAULT_PREFIX);
    }

    /**
     * Reads the configuration with another default name prefix: pattern 3 (the gateway as a sidecar) takes the
     * same settings.
     */
    public static Pattern2Config from(Context ctx, String defaultPrefix) {
        var problems = new Problems("stack configuration");
        var gcp = new StackConfig(ctx.config("gcp"), problems);
        var apigee = new StackConfig(ctx.config("apigee"), problems);
        var own = new StackConfig(ctx.config(NAMESPACE), problems);
        String project = gcp.require("project", "set the GCP project id");
        String region = gcp.require("region", "set the GCP region, e.g. europe-west1");
        boolean internal = own.bool("internal", false);
        var allowlist = own.list("allowlist");
        if (!internal && ctx.config(NAMESPACE).get("allowlist").isEmpty()) {
            problems.add(NAMESPACE + ":allowlist", null,
                    "list who may call the gateway (CIDRs; 0.0.0.0/0 and ::/0 for a public API), or set apigee-gke:internal true");
        }
        String organization = apigee.require("organization", "set the Apigee organization the gateway serves");
        var environments = own.list("apigeeEnvironments");
        if (environments.isEmpty()) {
            problems.add(NAMESPACE + ":apigeeEnvironments", null, "name the Apigee environment the gateway serves, e.g. [test]");
        }
        var key = ctx.config(NAMESPACE).getSecret("microgatewayKey");
        var secret = ctx.config(NAMESPACE).getSecret("microgatewaySecret");
        for (String name : List.of("microgatewayKey", "microgatewaySecret")) {
            if (ctx.config(NAMESPACE).get(name).isEmpty()) {
                problems.add(NAMESPACE + ":" + name, null, "set the key and secret `edgemicro configure` printed, as secrets "
                        + "(pulumi config set --secret " + NAMESPACE + ":" + name + " ...)");
            }
        }
        String rate = own.string("spikeArrest", "30ps");
        var m = RATE.matcher(rate);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
            problems.add(NAMESPACE + ":spikeArrest", rate, "requests per second as <n>ps, e.g. 30ps");
        }
        var proxyOnlySubnet = proxyOnlySubnet(own, problems, internal, region);
        var config = new Pattern2Config(project, region,
                own.string("prefix", defaultPrefix),
                allowlist, internal, proxyOnlySubnet,
                own.list("domains"),
                own.list("wafRuleSets"),
                own.integer("nodesPerZone"),
                own.bool("deletionProtection", true),
                organization,
                environments.isEmpty() ? null : environments.get(0),
                key.applyValue(v -> v.orElse("")),
                secret.applyValue(v -> v.orElse("")),
                m.matches() ? Integer.parseInt(m.group(1)) : 0,
                own.string("consumerEmail", "sample-consumer@example.com"),
                own.string("edgemicroPublicKey"),
                NodeScaling.read(own));
        problems.throwIfAny();
        return config;
    }

    /** The internal Ingress's proxy-only subnet from exactly one of its two keys; none for an external Ingress. */
    private static Optional<ProxyOnlySubnet> proxyOnlySubnet(StackConfig own, Problems problems, boolean internal, String region) {
        String create = NAMESPACE + ":proxyOnlySubnetCidr";
        String existing = NAMESPACE + ":proxyOnlySubnet";
        var cidr = own.string("proxyOnlySubnetCidr");
        var subnet = own.map("proxyOnlySubnet", "        name: proxy-only-europe-west1\n        cidr: 10.129.0.0/23");
        if (!internal) {
            problems.check(cidr.isEmpty(), create, cidr.orElse(null),
                    "only an internal Ingress uses a proxy-only subnet; remove it or set " + NAMESPACE + ":internal true");
            problems.check(subnet.isEmpty(), existing, subnet.orElse(null),
                    "only an internal Ingress uses a proxy-only subnet; remove it or set " + NAMESPACE + ":internal true");
            return Optional.empty();
        }
        if (cidr.isPresent() == subnet.isPresent()) {
            problems.add(create, cidr.orElse(null), "an internal load balancer sends from the region's proxy-only subnet: set exactly one of "
                    + create + " (a range to create it from, e.g. 10.129.0.0/23) or " + existing + " (the existing one: its name and cidr)");
            return Optional.empty();
        }
        ProxyOnlySubnet proxyOnly;
        if (cidr.isPresent()) {
            proxyOnly = ProxyOnlySubnet.create(cidr.get());
            proxyOnly.check(problems, create, create, region);
        } else {
            var fields = subnet.get();
            problems.check(fields.keySet().equals(Set.of("name", "cidr")), existing, fields,
                    "the existing proxy-only subnet's name (or self link) and its range: {name: proxy-only-europe-west1, cidr: 10.129.0.0/23}");
            proxyOnly = ProxyOnlySubnet.existing(fields.get("name"), fields.getOrDefault("cidr", ""));
            proxyOnly.check(problems, existing + ".cidr", existing + ".name", region);
        }
        return Optional.of(proxyOnly);
    }
}
