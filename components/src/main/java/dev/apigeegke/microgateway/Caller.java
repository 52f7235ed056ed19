package dev.apigeegke.microgateway;

import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IPBlockArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.validation.Cidr;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * Who else may call a {@link MicrogatewaySidecar}'s port besides Google's load balancer: the pods of namespaces
 * with given labels (optionally only those with given pod labels), or addresses outside the cluster's pods. A
 * caller still passes the gateway's policy (key, token, spike arrest); only the app port stays closed to it.
 */
public final class Caller {
    /** The label Kubernetes gives every namespace: its name. */
    private static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

    private final Map<String, String> namespaceLabels;
    private final Map<String, String> podLabels;
    private final @Nullable String cidr;

    private Caller(Map<String, String> namespaceLabels, Map<String, String> podLabels, @Nullable String cidr) {
        this.namespaceLabels = sorted(namespaceLabels);
        this.podLabels = sorted(podLabels);
        this.cidr = cidr;
    }

    /** A sorted copy that keeps null keys and values, so they are reported rather than thrown on. */
    private static Map<String, String> sorted(@Nullable Map<String, String> labels) {
        var copy = new TreeMap<String, String>(Comparator.nullsFirst(Comparator.naturalOrder()));
        if (labels != null) {
            copy.putAll(labels);
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Every pod of the namespace named {@code name} (its {@code kubernetes.io/metadata.name} label). */
    public static Caller namespace(String name) {
        var labels = new TreeMap<String, String>();
        labels.put(NAMESPACE_NAME, name);
        return namespaces(labels);
    }

    /** Every pod of the namespaces with all of {@code namespaceLabels}. */
    public static Caller namespaces(Map<String, String> namespaceLabels) {
        return new Caller(namespaceLabels, Map.of(), null);
    }

    /** The pods with all of {@code podLabels} in the namespaces with all of {@code namespaceLabels}. */
    public static Caller pods(Map<String, String> namespaceLabels, Map<String, String> podLabels) {
        return new Caller(namespaceLabels, podLabels, null);
    }

    /**
     * Addresses in {@code cidr} (IPv4 or IPv6), e.g. VMs of the VPC. Pod addresses are matched by the selectors
     * above, not by ranges: Kubernetes leaves undefined whether a range admits pod traffic.
     */
    public static Caller cidr(String cidr) {
        return new Caller(Map.of(), Map.of(), cidr == null ? "" : cidr);
    }

    void check(Problems problems, String argument) {
        if (cidr != null) {
            String problem = Cidr.problem(cidr);
            problems.check(problem == null, argument + ".cidr", cidr, problem);
            problems.check(problem != null || Cidr.parse(cidr).orElseThrow().prefix() > 0, argument + ".cidr", cidr,
                    "a /0 range admits every address, around the load balancer; list the callers' own ranges");
            return;
        }
        problems.check(!namespaceLabels.isEmpty(), argument + ".namespaceLabels", namespaceLabels,
                "name the callers' namespaces, e.g. Caller.namespace(\"shop\"); an empty selector would admit every namespace");
        MicrogatewaySidecarArgs.checkLabels(problems, argument + ".namespaceLabels", namespaceLabels);
        String namespace = namespaceLabels.get(NAMESPACE_NAME);
        problems.check(!namespaceLabels.containsKey(NAMESPACE_NAME) || Names.isLabel(namespace),
                argument + ".namespaceLabels." + NAMESPACE_NAME, namespace, "a namespace name: lowercase letters, digits and '-'");
        MicrogatewaySidecarArgs.checkLabels(problems, argument + ".podLabels", podLabels);
    }

    /** The NetworkPolicy peer admitting this caller. */
    NetworkPolicyPeerArgs peer() {
        if (cidr != null) {
            return NetworkPolicyPeerArgs.builder().ipBlock(IPBlockArgs.builder().cidr(cidr).build()).build();
        }
        var peer = NetworkPolicyPeerArgs.builder()
                .namespaceSelector(LabelSelectorArgs.builder().matchLabels(namespaceLabels).build());
        if (!podLabels.isEmpty()) {
            peer.podSelector(LabelSelectorArgs.builder().matchLabels(podLabels).build());
        }
        return peer.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Caller c && Objects.equals(namespaceLabels, c.namespaceLabels)
                && Objects.equals(podLabels, c.podLabels) && Objects.equals(cidr, c.cidr);
    }

    @Override
    public int hashCode() {
        return Objects.hash(namespaceLabels, podLabels, cidr);
    }

    @Override
    public String toString() {
        return cidr != null ? "cidr(" + cidr + ")" : "pods(namespaces " + namespaceLabels + ", pods " + podLabels + ")";
    }
}
