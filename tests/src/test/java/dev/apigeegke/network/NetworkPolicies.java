package dev.apigeegke.network;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Kubernetes NetworkPolicy ingress semantics (networking.k8s.io/v1), written from the API reference and the
 * concepts page, for deciding offline who reaches which pod port. Independent of the code under test: it reads
 * policies as the API server stores them (plain maps, as YAML or a plan's inputs give them).
 *
 * <p>Where the documentation leaves the outcome to the network plugin, the strict reading is taken: an
 * {@code ipBlock} matches addresses from outside the cluster's pods only; pod-to-pod traffic is matched by
 * selectors alone (the docs warn that a pod's own IP may or may not be seen behind an ipBlock). Traffic from a
 * pod's own node, which Kubernetes always allows (kubelet probes), is not modelled.
 */
final class NetworkPolicies {
    /** The label the API server puts on every namespace. */
    static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    private final Map<String, Map<String, String>> namespaces = new LinkedHashMap<>();
    private final List<Policy> policies = new ArrayList<>();

    /** A container port: its optional name, number and protocol. */
    record ContainerPort(String name, int port, String protocol) {
    }

    /** A pod: where it runs, its labels and its containers' ports. */
    record Pod(String namespace, String name, Map<String, String> labels, List<ContainerPort> ports) {
        @Override
        public String toString() {
            return namespace + "/" + name;
        }
    }

    /** Where a connection comes from: a pod of the cluster, or an address outside the cluster's pods. */
    sealed interface Source permits FromPod, FromAddress {
    }

    record FromPod(Pod pod) implements Source {
    }

    record FromAddress(String ip) implements Source {
    }

    /** Declares a namespace with its labels; {@code kubernetes.io/metadata.name} is added as the API server does. */
    NetworkPolicies namespace(String name, Map<String, String> labels) {
        var all = new LinkedHashMap<>(labels);
        all.put(NAMESPACE_NAME_LABEL, name);
        namespaces.put(name, all);
        return this;
    }

    /** Adds a NetworkPolicy object ({@code metadata}, {@code spec}); its namespace is declared if it was not. */
    NetworkPolicies policy(Map<String, Object> object) {
        var policy = Policy.parse(object);
        namespaces.computeIfAbsent(policy.namespace, n -> Map.of(NAMESPACE_NAME_LABEL, n));
        policies.add(policy);
        return this;
    }

    /** Whether a TCP or UDP connection from {@code source} to {@code destination}'s {@code port} is admitted. */
    boolean allows(Source source, Pod destination, int port, String protocol) {
        var selecting = policies.stream()
                .filter(p -> p.namespace.equals(destination.namespace()) && p.affectsIngress && p.podSelector.matches(destination.labels()))
                .toList();
        if (selecting.isEmpty()) {
            // A pod no ingress policy selects is not isolated: everything reaches it.
            return true;
        }
        // Isolated: admitted only if some rule of some selecting policy admits it (policies add up, none subtracts).
        for (var policy : selecting) {
            for (var rule : policy.rules) {
                if (rule.admits(this, policy, source, destination, port, protocol)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Map<String, String> namespaceLabels(String namespace) {
        return namespaces.getOrDefault(namespace, Map.of(NAMESPACE_NAME_LABEL, namespace));
    }

    /** A label selector: matchLabels and matchExpressions, all of which must hold; empty selects everything. */
    record Selector(Map<String, String> matchLabels, List<Expression> expressions) {
        static Selector parse(Object raw) {
            var map = map(raw, "a label selector");
            var labels = new LinkedHashMap<String, String>();
            map(map.getOrDefault("matchLabels", Map.of()), "matchLabels").forEach((k, v) -> labels.put(k, (String) v));
            var expressions = list(map.get("matchExpressions")).stream().map(Expression::parse).toList();
            return new Selector(labels, expressions);
        }

        boolean matches(Map<String, String> labels) {
            return matchLabels.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))
                    && expressions.stream().allMatch(e -> e.matches(labels));
        }
    }

    /** One matchExpressions entry. */
    record Expression(String key, String operator, List<String> values) {
        static Expression parse(Object raw) {
            var map = map(raw, "a match expression");
            var values = list(map.get("values")).stream().map(String.class::cast).toList();
            var expression = new Expression((String) map.get("key"), (String) map.get("operator"), values);
            boolean needsValues = expression.operator.equals("In") || expression.operator.equals("NotIn");
            if (!List.of("In", "NotIn", "Exists", "DoesNotExist").contains(expression.operator) || needsValues == values.isEmpty()) {
                throw new IllegalArgumentException("invalid match expression " + raw
                        + ": In and NotIn need values, Exists and DoesNotExist take none");
            }
            return expression;
        }

        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case "In" -> value != null && values.contains(value);
                // NotIn also selects objects without the key.
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> throw new IllegalStateException(operator);
            };
        }
    }

    /** A NetworkPolicy, as far as ingress is concerned. */
    private record Policy(String namespace, String name, Selector podSelector, boolean affectsIngress, List<Rule> rules) {
        static Policy parse(Map<String, Object> object) {
            var metadata = map(object.get("metadata"), "metadata");
            var spec = map(object.get("spec"), "spec");
            String namespace = (String) metadata.getOrDefault("namespace", "default");
            if (!spec.containsKey("podSelector")) {
                throw new IllegalArgumentException("spec.podSelector is required (use {} for every pod of the namespace)");
            }
            // Without policyTypes, every policy affects ingress (egress only with egress rules).
            boolean affectsIngress = !spec.containsKey("policyTypes") || list(spec.get("policyTypes")).contains("Ingress");
            var rules = list(spec.get("ingress")).stream().map(Rule::parse).toList();
            return new Policy(namespace, (String) metadata.get("name"), Selector.parse(spec.get("podSelector")), affectsIngress, rules);
        }
    }

    /** An ingress rule: absent or empty {@code from} admits every source, absent or empty {@code ports} every port. */
    private record Rule(List<Peer> from, List<PortRule> ports) {
        static Rule parse(Object raw) {
            var map = map(raw, "an ingress rule");
            return new Rule(list(map.get("from")).stream().map(Peer::parse).toList(),
                    list(map.get("ports")).stream().map(PortRule::parse).toList());
        }

        boolean admits(NetworkPolicies cluster, Policy policy, Source source, Pod destination, int port, String protocol) {
            boolean fromMatches = from.isEmpty() || from.stream().anyMatch(peer -> peer.matches(cluster, policy, source));
            boolean portMatches = ports.isEmpty() || ports.stream().anyMatch(p -> p.matches(destination, port, protocol));
            return fromMatches && portMatches;
        }
    }

    /** A {@code from} peer: pods by selectors (scoped to the policy's namespace without a namespaceSelector), or an ipBlock. */
    private record Peer(Selector podSelector, Selector namespaceSelector, String cidr, List<String> except) {
        static Peer parse(Object raw) {
            var map = map(raw, "a peer");
            if (map.containsKey("ipBlock")) {
                if (map.containsKey("podSelector") || map.containsKey("namespaceSelector")) {
                    throw new IllegalArgumentException("a peer with an ipBlock takes no selector: " + raw);
                }
                var block = map(map.get("ipBlock"), "ipBlock");
                return new Peer(null, null, (String) Objects.requireNonNull(block.get("cidr"), "ipBlock.cidr"),
                        list(block.get("except")).stream().map(String.class::cast).toList());
            }
            if (!map.containsKey("podSelector") && !map.containsKey("namespaceSelector")) {
                throw new IllegalArgumentException("a peer needs a podSelector, a namespaceSelector or an ipBlock: " + raw);
            }
            return new Peer(map.containsKey("podSelector") ? Selector.parse(map.get("podSelector")) : null,
                    map.containsKey("namespaceSelector") ? Selector.parse(map.get("namespaceSelector")) : null, null, List.of());
        }

        boolean matches(NetworkPolicies cluster, Policy policy, Source source) {
            if (cidr != null) {
                // The strict reading: a pod's traffic is never matched by an address range.
                return source instanceof FromAddress a && inRange(a.ip(), cidr) && except.stream().noneMatch(e -> inRange(a.ip(), e));
            }
            if (!(source instanceof FromPod from)) {
                return false;
            }
            var pod = from.pod();
            boolean namespaceMatches = namespaceSelector == null
                    ? pod.namespace().equals(policy.namespace())
                    : namespaceSelector.matches(cluster.namespaceLabels(pod.namespace()));
            return namespaceMatches && (podSelector == null || podSelector.matches(pod.labels()));
        }
    }

    /** A {@code ports} entry: protocol (TCP by default), a number or a container port's name, an optional endPort. */
    private record PortRule(String protocol, Object port, Integer endPort) {
        static PortRule parse(Object raw) {
            var map = map(raw, "a port");
            Object port = map.get("port");
            if (port instanceof Number n) {
                port = n.intValue();
            }
            Integer endPort = map.get("endPort") instanceof Number n ? n.intValue() : null;
            if (endPort != null && (!(port instanceof Integer start) || endPort < start)) {
                throw new IllegalArgumentException("endPort needs a numeric port no greater than it: " + raw);
            }
            return new PortRule((String) map.getOrDefault("protocol", "TCP"), port, endPort);
        }

        boolean matches(Pod destination, int target, String targetProtocol) {
            if (!protocol.equals(targetProtocol)) {
                return false;
            }
            if (port == null) {
                return true;
            }
            if (port instanceof Integer start) {
                return endPort == null ? target == start : target >= start && target <= endPort;
            }
            // A named port means the destination pod's container port of that name and protocol.
            return destination.ports().stream()
                    .anyMatch(p -> port.equals(p.name()) && p.protocol().equals(protocol) && p.port() == target);
        }
    }

    static boolean inRange(String ip, String cidr) {
        String[] parts = cidr.split("/");
        byte[] address = bytes(ip);
        byte[] network = bytes(parts[0]);
        if (address.length != network.length) {
            return false;
        }
        int bits = address.length * 8;
        int prefix = parts.length == 1 ? bits : Integer.parseInt(parts[1]);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        return new BigInteger(1, address).andNot(hostMask).equals(new BigInteger(1, network).andNot(hostMask));
    }

    private static byte[] bytes(String literal) {
        if (!literal.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IP literal: " + literal);
        }
        try {
            // A literal: nothing is looked up.
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + literal, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object raw, String what) {
        if (raw instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException("expected " + what + " (an object), got " + raw);
    }

    private static List<?> list(Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException("expected a list, got " + raw);
    }
}
