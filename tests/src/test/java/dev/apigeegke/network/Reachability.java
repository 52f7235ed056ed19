package dev.apigeegke.network;

import dev.apigeegke.network.NetworkPolicies.ContainerPort;
import dev.apigeegke.network.NetworkPolicies.FromAddress;
import dev.apigeegke.network.NetworkPolicies.FromPod;
import dev.apigeegke.network.NetworkPolicies.Pod;
import dev.apigeegke.network.NetworkPolicies.Source;
import dev.apigeegke.preview.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rendered plan as a cluster: its Namespaces, one pod per Deployment (template labels, every container's ports)
 * and its NetworkPolicies; and the matrix of named sources against every container port of every pod.
 */
final class Reachability {
    /** The namespace of the pods that belong to no pattern. */
    static final String UNRELATED = "elsewhere";

    private final NetworkPolicies cluster = new NetworkPolicies();
    private final List<Pod> pods = new ArrayList<>();
    private final Map<String, Source> sources = new LinkedHashMap<>();

    private Reachability(Plan plan) {
        for (var namespace : plan.ofType("kubernetes:core/v1:Namespace")) {
            cluster.namespace(string(namespace.inputs(), "metadata", "name"), labels(namespace.inputs(), "metadata", "labels"));
        }
        cluster.namespace(UNRELATED, Map.of());
        for (var deployment : plan.ofType("kubernetes:apps/v1:Deployment")) {
            var inputs = deployment.inputs();
            String namespace = inputs.get("metadata") instanceof Map<?, ?> m && m.get("namespace") instanceof String n ? n : "default";
            pods.add(new Pod(namespace, string(inputs, "metadata", "name"),
                    labels(inputs, "spec", "template", "metadata", "labels"), ports(inputs)));
        }
        for (var policy : plan.ofType("kubernetes:networking.k8s.io/v1:NetworkPolicy")) {
            cluster.policy(policy.inputs());
        }
    }

    /**
     * The plan's cluster with the usual sources: Google's front end and health checker, a VPC address that is no
     * load balancer (a VM, or a node other than the pod's), each pod, and a look-alike of each pod (same labels) in
     * an unrelated namespace.
     */
    static Reachability of(Plan plan) {
        var reachability = new Reachability(plan);
        reachability.address("google-lb 35.191.0.10", "35.191.0.10");
        reachability.address("health-check 130.211.0.5", "130.211.0.5");
        reachability.address("vpc-vm 10.128.0.7", "10.128.0.7");
        for (var pod : List.copyOf(reachability.pods)) {
            reachability.sources.put("pod " + pod, new FromPod(pod));
        }
        for (var pod : List.copyOf(reachability.pods)) {
            var lookalike = new Pod(UNRELATED, pod.name() + "-lookalike", pod.labels(), pod.ports());
            reachability.sources.put("pod " + lookalike, new FromPod(lookalike));
        }
        return reachability;
    }

    /** Adds an address source named {@code label}. */
    Reachability address(String label, String ip) {
        sources.put(label, new FromAddress(ip));
        return this;
    }

    /** A pod port as the matrix names it: {@code namespace/deployment:port}. */
    record Target(Pod pod, ContainerPort port) {
        @Override
        public String toString() {
            return pod + ":" + port.port();
        }
    }

    /** One admitted connection. */
    record Cell(String source, String target) {
    }

    /** Every container port of every pod. */
    List<Target> targets() {
        var targets = new ArrayList<Target>();
        for (var pod : pods) {
            for (var port : pod.ports()) {
                targets.add(new Target(pod, port));
            }
        }
        return targets;
    }

    /** The source names, in matrix order. */
    List<String> sources() {
        return List.copyOf(sources.keySet());
    }

    /** The admitted (source, target) pairs. */
    Set<Cell> admitted() {
        var cells = new LinkedHashSet<Cell>();
        sources.forEach((name, source) -> {
            for (var target : targets()) {
                if (cluster.allows(source, target.pod(), target.port().port(), target.port().protocol())) {
                    cells.add(new Cell(name, target.toString()));
                }
            }
        });
        return cells;
    }

    /** The matrix as text: a row per source, a column per pod port, {@code Y} where the connection is admitted. */
    String render() {
        var targets = targets().stream().map(Target::toString).toList();
        var admitted = admitted();
        int width = sources.keySet().stream().mapToInt(String::length).max().orElse(0);
        var text = new StringBuilder("\nsources \\ pod ports:\n");
        for (int i = 0; i < targets.size(); i++) {
            text.append(" ".repeat(width + 3)).append("|".repeat(i)).append("+- ").append(targets.get(i)).append('\n');
        }
        for (String source : sources.keySet()) {
            text.append(String.format("%-" + width + "s   ", source));
            for (String target : targets) {
                text.append(admitted.contains(new Cell(source, target)) ? 'Y' : '.');
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static List<ContainerPort> ports(Map<String, Object> deployment) {
        var ports = new ArrayList<ContainerPort>();
        for (Object container : list(at(deployment, "spec", "template", "spec", "containers"))) {
            for (Object port : list(((Map<?, ?>) container).get("ports"))) {
                var p = (Map<?, ?>) port;
                ports.add(new ContainerPort((String) p.get("name"), ((Number) p.get("containerPort")).intValue(),
                        p.get("protocol") instanceof String protocol ? protocol : "TCP"));
            }
        }
        return ports;
    }

    private static Object at(Map<String, Object> root, String... path) {
        Object current = root;
        for (String step : path) {
            current = current instanceof Map<?, ?> m ? m.get(step) : null;
        }
        return current;
    }

    private static String string(Map<String, Object> root, String... path) {
        return (String) at(root, path);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> labels(Map<String, Object> root, String... path) {
        return at(root, path) instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
    }

    private static List<?> list(Object raw) {
        return raw instanceof List<?> l ? l : List.of();
    }
}
