package dev.apigeegke.examples;

import dev.apigeegke.preview.Plan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the dependencies of a program's resources grow with the number of services it deploys, from plans of the same
 * program with {@code n0 < n1 < n2} services, equally spaced. Pulumi waits for each dependency of a resource before it
 * creates or updates it, so a resource that waits for more than it needs serializes the update, and N resources that
 * each wait for all N make N² edges. The rules:
 * <ul>
 *   <li>a resource of every plan keeps its number of dependencies, in all and for each input, unless its type is
 *       allowed to wait for each service: then it grows by that many per service, exactly (or not at all);</li>
 *   <li>a resource the larger plans add (another service's) waits for no more than the resources of its type in the
 *       smallest plan;</li>
 *   <li>the number of dependency edges grows linearly: by as many from n1 to n2 as from n0 to n1.</li>
 * </ul>
 */
final class DependencyGrowth {
    private DependencyGrowth() {
    }

    /**
     * What breaks the rules in {@code plans} (by number of services; three, equally spaced), with {@code perService}
     * the dependencies per service a resource type truly needs (types not listed: none).
     */
    static List<String> problems(Map<Integer, Plan> plans, Map<String, Integer> perService) {
        var counts = new ArrayList<>(new TreeSet<>(plans.keySet()));
        if (counts.size() != 3 || counts.get(2) - counts.get(1) != counts.get(1) - counts.get(0)) {
            throw new IllegalArgumentException("three equally spaced service counts, not " + counts);
        }
        int n0 = counts.get(0);
        var smallest = plans.get(n0);
        var before = smallest.resources().stream().collect(Collectors.toMap(Plan.Resource::urn, Function.identity()));
        var mostOfType = new HashMap<String, Map<String, Integer>>();
        smallest.resources().forEach(r -> sizes(r).forEach((k, v) ->
                mostOfType.computeIfAbsent(r.type(), t -> new HashMap<>()).merge(k, v, Math::max)));
        var problems = new ArrayList<String>();
        for (int n : counts.subList(1, 3)) {
            for (var r : plans.get(n).resources()) {
                var was = before.get(r.urn());
                if (was != null) {
                    int allowed = perService.getOrDefault(r.type(), 0) * (n - n0);
                    var old = sizes(was);
                    sizes(r).forEach((what, size) -> {
                        int growth = size - old.getOrDefault(what, 0);
                        if (growth != 0 && growth != allowed) {
                            problems.add(r.urn() + ": " + what + " grew from " + old.getOrDefault(what, 0) + " with " + n0
                                    + " services to " + size + " with " + n + " (allowed: 0 or " + allowed + ")");
                        }
                    });
                    continue;
                }
                var most = mostOfType.getOrDefault(r.type(), Map.of());
                sizes(r).forEach((what, size) -> {
                    if (size > most.getOrDefault(what, 0)) {
                        problems.add(r.urn() + ": " + what + " is " + size + " with " + n + " services, where each "
                                + r.type() + " of " + n0 + " services has at most " + most.getOrDefault(what, 0));
                    }
                });
            }
        }
        var edges = counts.stream().map(n -> edges(plans.get(n))).toList();
        if (edges.get(2) - edges.get(1) != edges.get(1) - edges.get(0)) {
            problems.add("the dependency edges grow faster than the services: " + edges + " with " + counts + " services");
        }
        return problems;
    }

    /** A resource's number of dependencies ({@code dependencies}) and, for each input that has some, theirs. */
    private static Map<String, Integer> sizes(Plan.Resource r) {
        var sizes = new TreeMap<String, Integer>();
        sizes.put("dependencies", r.dependencies().size());
        r.propertyDependencies().forEach((input, urns) -> sizes.put("input " + input, urns.size()));
        return sizes;
    }

    /** The plan's dependency edges: each resource's dependencies, counted once per resource. */
    static int edges(Plan plan) {
        return plan.resources().stream().mapToInt(r -> r.dependencies().size()).sum();
    }
}
