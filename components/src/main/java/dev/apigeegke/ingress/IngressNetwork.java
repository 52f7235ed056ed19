package dev.apigeegke.ingress;

import com.pulumi.gcp.compute.Firewall;
import com.pulumi.gcp.compute.FirewallArgs;
import com.pulumi.gcp.compute.Subnetwork;
import com.pulumi.gcp.compute.SubnetworkArgs;
import com.pulumi.gcp.compute.inputs.FirewallAllowArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IPBlockArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apigeegke.core.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What keeps an {@link ArmoredIngress}'s backends reachable only through its load balancer: per backend a
 * NetworkPolicy admitting Google's load-balancer ranges (and the proxy-only subnet when internal) on the target
 * port, and for an internal Ingress the proxy-only subnet (unless it exists) and the VPC firewall rule from it.
 *
 * @param policies      the NetworkPolicies by backend name (empty with {@code networkPolicies(false)})
 * @param subnet        the proxy-only subnet the Ingress created, if any
 * @param firewall      the rule admitting the proxy-only range, for an internal Ingress
 */
record IngressNetwork(Map<String, NetworkPolicy> policies, Optional<Subnetwork> subnet, Optional<Firewall> firewall) {
    static final String SUBNET_SUFFIX = "proxy-only";
    static final String FIREWALL_SUFFIX = "from-proxy";

    /** Declares the policies, subnet and firewall rule of Ingress {@code name} as children of {@code childOf}'s parent. */
    static IngressNetwork declare(String name, ArmoredIngressArgs args, Map<String, String> labels, CustomResourceOptions childOf) {
        var sources = new ArrayList<>(ArmoredIngressDefaults.LOAD_BALANCER_RANGES);
        args.proxyOnlySubnet().ifPresent(subnet -> sources.add(subnet.cidr()));
        var policies = new LinkedHashMap<String, NetworkPolicy>();
        if (args.networkPolicies()) {
            for (var backend : args.backends()) {
                policies.put(backend.name(), policy(Names.child(name, backend.name()), args.namespace(), labels, backend, sources, childOf));
            }
        }
        Subnetwork subnet = null;
        Firewall firewall = null;
        if (args.internal()) {
            var proxyOnly = args.proxyOnlySubnet().orElseThrow();
            if (proxyOnly.existingSubnet().isEmpty()) {
                subnet = subnet(Names.child(name, SUBNET_SUFFIX), args, proxyOnly, childOf);
            }
            firewall = firewall(name, args, proxyOnly, childOf);
        }
        return new IngressNetwork(Map.copyOf(policies), Optional.ofNullable(subnet), Optional.ofNullable(firewall));
    }

    /** What the load balancer needs before the Ingress asks for it: the proxy-only subnet and its firewall rule. */
    List<Resource> loadBalancerDependencies() {
        var dependencies = new ArrayList<Resource>();
        subnet.ifPresent(dependencies::add);
        firewall.ifPresent(dependencies::add);
        return dependencies;
    }

    private static NetworkPolicy policy(String name, String namespace, Map<String, String> labels, IngressBackend backend,
                                        List<String> sources, CustomResourceOptions childOf) {
        // ipBlock peers only: no pod, in this namespace or any other, is a load balancer.
        var from = sources.stream()
                .map(cidr -> NetworkPolicyPeerArgs.builder().ipBlock(IPBlockArgs.builder().cidr(cidr).build()).build())
                .toList();
        return new NetworkPolicy(name, NetworkPolicyArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).namespace(namespace).labels(labels).build())
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(LabelSelectorArgs.builder().matchLabels(backend.selector()).build())
                        .policyTypes("Ingress")
                        .ingress(NetworkPolicyIngressRuleArgs.builder()
                                .from(from)
                                .ports(NetworkPolicyPortArgs.builder().protocol("TCP").port(backend.targetPort()).build())
                                .build())
                        .build())
                .build(), childOf);
    }

    private static Subnetwork subnet(String name, ArmoredIngressArgs args, ProxyOnlySubnet proxyOnly, CustomResourceOptions childOf) {
        var subnet = SubnetworkArgs.builder()
                .name(name)
                .description("Proxy-only subnet of the internal load balancers in " + args.region().orElseThrow())
                .region(args.region().orElseThrow())
                .network(args.network().orElseThrow())
                .ipCidrRange(proxyOnly.cidr())
                .purpose("REGIONAL_MANAGED_PROXY")
                .role("ACTIVE");
        args.project().ifPresent(subnet::project);
        return new Subnetwork(name, subnet.build(), childOf);
    }

    /**
     * The rule admitting the proxy-only range to the backends' target ports. The cluster exposes no node network
     * tag, so it targets every instance of the network, on those ports only; its source carries only the region's
     * Google-managed proxies, which connect only to load balancers' backends.
     */
    private static Firewall firewall(String ingress, ArmoredIngressArgs args, ProxyOnlySubnet proxyOnly, CustomResourceOptions childOf) {
        String name = Names.child(ingress, FIREWALL_SUFFIX);
        var ports = args.backends().stream().map(IngressBackend::targetPort).distinct().sorted().map(String::valueOf).toList();
        var firewall = FirewallArgs.builder()
                .name(name)
                .description("Admits the internal load balancer's proxy-only subnet " + proxyOnly.cidr()
                        + " to the backends of Ingress " + args.namespace() + "/" + ingress)
                .network(args.network().orElseThrow())
                .direction("INGRESS")
                .sourceRanges(proxyOnly.cidr())
                .allows(FirewallAllowArgs.builder().protocol("tcp").ports(ports).build());
        args.project().ifPresent(firewall::project);
        return new Firewall(name, firewall.build(), childOf);
    }
}
