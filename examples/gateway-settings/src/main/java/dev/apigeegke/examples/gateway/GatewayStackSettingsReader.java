package dev.apigeegke.examples.gateway;

import dev.apigeegke.internal.config.NodeScaling;
import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.config.StackConfig;
import dev.apigeegke.examples.common.StackReader;
import dev.apigeegke.ingress.ProxyOnlySubnet;
import dev.apigeegke.internal.validation.Hostnames;
import dev.apigeegke.internal.validation.Rates;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@link GatewayStackSettings} from the stack configuration. */
final class GatewayStackSettingsReader {
    private static final String NAMESPACE = StackReader.NAMESPACE;

    private GatewayStackSettingsReader() {
    }

    /**
     * Reads and checks the settings, recording every problem in {@code stack}'s report without throwing; a missing or
     * malformed value is replaced by a stand-in, so that the program goes on to check its components too.
     */
    static GatewayStackSettings read(StackReader stack, String defaultPrefix) {
        var problems = stack.problems;
        var own = stack.own;
        String project = stack.project();
        String region = stack.region();
        boolean internal = own.bool("internal", false);
        var allowlist = own.list("allowlist");
        if (!internal && !stack.isSet("allowlist")) {
            problems.add(NAMESPACE + ":allowlist", null,
                    "list who may call the gateway (CIDRs; 0.0.0.0/0 and ::/0 for a public API), or set apigee-gke:internal true");
        }
        checkFlavor(stack);
        String organization = stack.organization("set the Apigee organization the gateway serves");
        var environments = own.list("apigeeEnvironments");
        if (environments.isEmpty()) {
            problems.add(NAMESPACE + ":apigeeEnvironments", null, "name the Apigee environment the gateway serves, e.g. [test]");
        } else if (environments.size() > 1) {
            problems.add(NAMESPACE + ":apigeeEnvironments", environments, "a gateway serves one environment: list one, e.g. ["
                    + environments.get(0) + "], and deploy a stack per environment");
        }
        var ownCredentials = ownCredentials(stack);
        int perSecond = perSecond(stack);
        var proxyOnlySubnet = proxyOnlySubnet(own, problems, internal, region);
        var config = new GatewayStackSettings(project, region,
                own.string("prefix", defaultPrefix),
                allowlist, internal, proxyOnlySubnet,
                own.list("domains"),
                own.list("wafRuleSets"),
                own.integer("nodesPerZone"),
                own.bool("deletionProtection", true),
                organization,
                environments.isEmpty() ? "" : environments.get(0),
                ownCredentials,
                perSecond,
                stack.consumerEmail(),
                NodeScaling.read(own));
        stack.checkKeys("pattern2", "pattern3");
        return config;
    }

    /**
     * {@code apigee-gke:spikeArrest} as requests per second; when it is malformed, the problem is recorded and the
     * default's rate stands in.
     */
    private static int perSecond(StackReader stack) {
        String rate = stack.spikeArrest();
        var perSecond = Rates.perSecond(rate);
        if (perSecond.isPresent()) {
            return perSecond.getAsInt();
        }
        stack.problems.add(NAMESPACE + ":spikeArrest", rate, "requests per second as <n>ps, n a whole number from 1 to "
                + Rates.MAX + ", e.g. " + StackReader.DEFAULT_SPIKE_ARREST);
        return Rates.perSecond(StackReader.DEFAULT_SPIKE_ARREST).getAsInt();
    }

    /**
     * Edge Microgateway exists for Apigee Edge alone: its gateway authenticates through Edge's edgemicro-auth proxy and
     * Apigee's microgateway services, which Apigee X and hybrid do not have.
     */
    private static void checkFlavor(StackReader stack) {
        String flavor = stack.apigee.string("flavor", "edge");
        if ("x".equals(flavor)) {
            stack.problems.add("apigee:flavor", flavor, "Edge Microgateway works only with Apigee Edge (its gateways authenticate "
                    + "through Edge's edgemicro-auth proxy and microgateway services, which Apigee X and hybrid lack): deploy "
                    + "pattern 1 for Apigee X (" + NAMESPACE + ":pattern: pattern1), or set apigee:flavor edge for an Edge "
                    + "organization");
        } else {
            stack.problems.check("edge".equals(flavor), "apigee:flavor", flavor, "edge (Apigee Edge, SaaS or private cloud); "
                    + "patterns 2 and 3 need Edge");
        }
    }

    /**
     * The stack's own gateway key and secret, both or neither; the services host and public key only go with them
     * (a setup finds the regional host itself and makes the key edgemicro-auth signs with).
     */
    private static Optional<GatewayStackSettings.OwnCredentials> ownCredentials(StackReader stack) {
        var problems = stack.problems;
        String key = NAMESPACE + ":microgatewayKey";
        String secret = NAMESPACE + ":microgatewaySecret";
        boolean hasKey = stack.isSet("microgatewayKey");
        boolean hasSecret = stack.isSet("microgatewaySecret");
        for (String name : List.of("microgatewayKey", "microgatewaySecret")) {
            // Only blanks, or a list or object (Pulumi passes those as JSON text): no key or secret a gateway could
            // authenticate with. The value is a secret: not shown.
            problems.check(stack.own.rawValue(name).map(v -> v.isEmpty() || !v.isBlank() && !v.startsWith("[") && !v.startsWith("{"))
                    .orElse(true), NAMESPACE + ":" + name, "(a secret)", "blank, or a list or object: set the text `edgemicro "
                    + "configure` printed (pulumi config set --secret " + NAMESPACE + ":" + name + " ...), or remove the key");
        }
        var host = stack.own.string("microgatewayServicesHost");
        var publicKey = stack.own.string("edgemicroPublicKey");
        if (hasKey != hasSecret) {
            String missing = hasKey ? secret : key;
            String given = hasKey ? key : secret;
            problems.add(missing, null, "the key and secret `edgemicro configure` printed go together: set " + missing
                    + " too (pulumi config set --secret " + missing + " ...), or remove " + given
                    + " and the stack sets Edge Microgateway up itself");
        }
        if (!hasKey || !hasSecret) {
            String fix = "only goes with your own " + key + " and " + secret + ": without them the stack sets Edge Microgateway up "
                    + "itself, finding the regional host and making the key edgemicro-auth signs with; remove it, or set both";
            problems.check(host.isEmpty(), NAMESPACE + ":microgatewayServicesHost", host.orElse(null), fix);
            problems.check(publicKey.isEmpty(), NAMESPACE + ":edgemicroPublicKey", publicKey.isPresent() ? "(a PEM key)" : null, fix);
            return Optional.empty();
        }
        host.ifPresent(h -> problems.check(Hostnames.problem(h, "edgemicroservices-us-east-1.apigee.net") == null,
                NAMESPACE + ":microgatewayServicesHost", h,
                "a host name without scheme or path, as in the bootstrap URL configure wrote: e.g. "
                        + "edgemicroservices-us-east-1.apigee.net"));
        return Optional.of(new GatewayStackSettings.OwnCredentials(stack.secret("microgatewayKey"), stack.secret("microgatewaySecret"),
                host, publicKey));
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
