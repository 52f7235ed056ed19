package dev.apigeegke.cli.capacity;

import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.TypeTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The estimate of a plan with several GKE clusters: one report per cluster, each from the resources on that cluster
 * (its node pools, the Kubernetes objects its provider deploys, and the other children of their components: an
 * Ingress's static IP and Cloud Armor policy), and their sum.
 *
 * @param pattern  the pattern previewed
 * @param clusters the clusters, in the plan's order
 */
public record Fleet(String pattern, List<Member> clusters) {
    static final String GKE_CLUSTER = GkeCluster.TYPE;

    /** One cluster: its GkeCluster name, its location and its own estimate. */
    public record Member(String name, String location, CapacityReport.Report report) {
        /** The nodes it is charged for: the larger of those needed and those configured. */
        long nodes() {
            return Math.max(report.nodesNeeded(), report.configuredNodes());
        }

        double vcpu() {
            return report.machine() == null ? Double.NaN : nodes() * report.machine().vcpu();
        }

        double memoryGib() {
            return report.machine() == null ? Double.NaN : nodes() * report.machine().memoryGib();
        }

        /** The month's cost of {@code kind} on this cluster, 0 when it has none. */
        double usd(Prices.Item kind) {
            return report.costs().stream().filter(c -> c.kind() == kind).mapToDouble(Prices.CostLine::usd).sum();
        }
    }

    /** The clusters of {@code plan} when it has more than one GkeCluster; empty otherwise (one report tells it all). */
    public static Optional<Fleet> of(String pattern, Plan plan) {
        return of(pattern, plan, CapacityReport.Overhead.GKE, Prices.load());
    }

    static Optional<Fleet> of(String pattern, Plan plan, CapacityReport.Overhead overhead, Prices prices) {
        var components = plan.ofType(GKE_CLUSTER);
        if (components.size() < 2) {
            return Optional.empty();
        }
        var on = clusterOf(plan);
        var members = new ArrayList<Member>();
        for (var c : components) {
            var own = plan.resources().stream().filter(r -> c.urn().equals(on.get(r.urn()))).toList();
            var sub = new Plan(plan.project(), plan.stack(), own, Map.of(), Map.of());
            String location = own.stream().filter(r -> r.type().equals(PlanReader.CLUSTER))
                    .map(r -> r.inputs().get("location")).filter(String.class::isInstance).map(String.class::cast)
                    .findFirst().orElse("?");
            members.add(new Member(c.name(), location, CapacityReport.of(pattern + " cluster " + c.name() + " (" + location + ")",
                    sub, overhead, prices)));
        }
        return Optional.of(new Fleet(pattern, List.copyOf(members)));
    }

    /**
     * The GkeCluster component each resource belongs to: a resource under it, one whose provider is under it, and the
     * other children of a component (not the stack) whose children run there.
     */
    private static Map<String, String> clusterOf(Plan plan) {
        var byUrn = new HashMap<String, Plan.Resource>();
        plan.resources().forEach(r -> byUrn.put(r.urn(), r));
        var on = new LinkedHashMap<String, String>();
        for (var r : plan.resources()) {
            String cluster = under(byUrn, r.urn());
            if (cluster == null && r.providerUrn() != null) {
                cluster = under(byUrn, r.providerUrn());
            }
            if (cluster != null) {
                on.put(r.urn(), cluster);
            }
        }
        for (var r : plan.resources()) {
            var parent = byUrn.get(r.parent());
            if (on.containsKey(r.urn()) || parent == null || parent.type().equals(TypeTokens.ROOT_STACK)) {
                continue;
            }
            var siblings = plan.resources().stream().filter(s -> r.parent().equals(s.parent()) && on.containsKey(s.urn()))
                    .map(s -> on.get(s.urn())).distinct().toList();
            if (siblings.size() == 1) {
                on.put(r.urn(), siblings.get(0));
            }
        }
        return on;
    }

    /** The GkeCluster component {@code urn} is, or is under; null when none. */
    private static String under(Map<String, Plan.Resource> byUrn, String urn) {
        for (var r = byUrn.get(urn); r != null; r = byUrn.get(r.parent())) {
            if (r.type().equals(GKE_CLUSTER)) {
                return r.urn();
            }
            if (r.parent() == null) {
                break;
            }
        }
        return null;
    }

    double total(java.util.function.ToDoubleFunction<Member> value) {
        return clusters.stream().mapToDouble(value).sum();
    }
}
