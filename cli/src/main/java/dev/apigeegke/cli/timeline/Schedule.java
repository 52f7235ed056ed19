package dev.apigeegke.cli.timeline;

import dev.apigeegke.preview.Plan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The order in which {@code pulumi up} would create a plan's resources, simulated: list scheduling of the custom
 * resources on {@code parallel} workers with the typical durations of {@link Durations}.
 *
 * <p>A resource starts when every resource it waits for has finished and a worker is free; ties go in URN order,
 * so the same plan gives the same schedule. It waits for each URN of its dependencies (a component stands for the
 * custom resources under it), the explicit provider it uses (the SDK resolves the provider's URN and id before it
 * registers the resource) and a custom parent. A Service's step also lasts until a Deployment it selects has rolled
 * out when the two run at the same time (pulumi-kubernetes' Service await waits while pods are pending readiness).
 *
 * @param steps        every custom resource's step, in the order they start
 * @param parallel     the workers
 * @param criticalPath the chain of steps that ends last: the last one ends {@code pulumi up}
 * @param firstRequest the chain to the step whose serving ends last among those the first request needs (a step whose
 *                     settle time starts once another type's steps end follows the last of those)
 */
public record Schedule(List<Step> steps, int parallel, List<Step> criticalPath, List<Step> firstRequest) {
    /**
     * One resource's step.
     *
     * @param resource the resource
     * @param start    seconds from the start of {@code pulumi up}
     * @param end      when the step ends
     * @param serving  when it serves ({@code end} plus its settle time; {@code end} when it has none)
     * @param after    the step that ended last before it could start or end, or null
     */
    public record Step(Plan.Resource resource, double start, double end, double serving, String after) {
        public double duration() {
            return end - start;
        }
    }

    /** The seconds {@code pulumi up} takes: the end of the last step. */
    public double pulumiUp() {
        return criticalPath.isEmpty() ? 0 : criticalPath.get(criticalPath.size() - 1).end();
    }

    /** The seconds until the first request can succeed: the last of the request path's resources serving. */
    public double firstRequestAt() {
        return firstRequest.isEmpty() ? 0 : firstRequest.get(firstRequest.size() - 1).serving();
    }

    /**
     * Pulumi's default parallelism: {@code PULUMI_PARALLEL} when set and positive, else 4 × the available processors
     * (pulumi/pulumi pkg/cmd/pulumi/operations/up.go {@code defaultParallel}, since v3.100.0).
     */
    public static int defaultParallel(Map<String, String> env) {
        try {
            int set = Integer.parseInt(env.getOrDefault("PULUMI_PARALLEL", "").trim());
            if (set > 0) {
                return set;
            }
        } catch (NumberFormatException e) {
            // Pulumi ignores a value that is not a number too.
        }
        return 4 * Runtime.getRuntime().availableProcessors();
    }

    /**
     * The schedule of creating every resource of {@code plan}.
     *
     * @throws Durations.Missing when a type has no entry in the table
     */
    public static Schedule of(Plan plan, Durations durations, int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, not " + parallel);
        }
        var graph = Graph.of(plan);
        var byUrn = new HashMap<String, Plan.Resource>();
        graph.nodes().forEach(r -> byUrn.put(r.urn(), r));
        var waiting = new HashMap<String, Integer>();
        graph.nodes().forEach(r -> waiting.put(r.urn(), graph.edges().get(r.urn()).size()));
        var ready = new TreeSet<String>();
        waiting.forEach((urn, n) -> {
            if (n == 0) {
                ready.add(urn);
            }
        });
        var started = new HashMap<String, double[]>(); // urn -> {start, end}
        var after = new HashMap<String, String>();
        var running = new TreeSet<String>();
        var done = new LinkedHashSet<String>();
        var order = new ArrayList<String>();
        double now = 0;
        while (done.size() < byUrn.size()) {
            while (running.size() < parallel && !ready.isEmpty()) {
                String urn = ready.pollFirst();
                var resource = byUrn.get(urn);
                // An object the provider does not await (pulumi.com/skipAwait) is done when the API call returns.
                double create = Selectors.skipsAwait(resource) ? SKIP_AWAIT_SECONDS : durations.of(resource.type()).create();
                started.put(urn, new double[] {now, now + create});
                order.add(urn);
                graph.edges().get(urn).stream().max(Comparator.comparingDouble(e -> started.get(e)[1]))
                        .ifPresent(e -> after.put(urn, e));
                running.add(urn);
                overlap(graph, urn, running, started, after);
            }
            if (running.isEmpty()) {
                throw new IllegalStateException("the plan's dependencies form a cycle among " + waiting.keySet());
            }
            now = running.stream().mapToDouble(u -> started.get(u)[1]).min().orElseThrow();
            final double t = now;
            for (String urn : running.stream().filter(u -> started.get(u)[1] <= t).toList()) {
                running.remove(urn);
                done.add(urn);
                waiting.remove(urn);
                for (String next : graph.waitedBy().getOrDefault(urn, Set.of())) {
                    if (waiting.merge(next, -1, Integer::sum) == 0) {
                        ready.add(next);
                    }
                }
            }
        }
        var steps = new LinkedHashMap<String, Step>();
        var settlesAfter = new HashMap<String, String>();
        for (String urn : order) {
            var r = byUrn.get(urn);
            var entry = durations.of(r.type());
            double[] se = started.get(urn);
            double settleFrom = se[1];
            if (entry.settleAfter() != null) {
                for (var other : graph.nodes()) {
                    if (other.type().equals(entry.settleAfter()) && started.get(other.urn())[1] > settleFrom) {
                        settleFrom = started.get(other.urn())[1];
                        settlesAfter.put(urn, other.urn());
                    }
                }
            }
            steps.put(urn, new Step(r, se[0], se[1], settleFrom + entry.settle(), after.get(urn)));
        }
        var last = steps.values().stream().max(Comparator.comparingDouble(Step::end).thenComparing(s -> s.resource().urn()));
        var serving = steps.values().stream().filter(s -> durations.of(s.resource().type()).firstRequest())
                .max(Comparator.comparingDouble(Step::serving).thenComparing(s -> s.resource().urn()));
        return new Schedule(List.copyOf(steps.values()), parallel,
                last.map(s -> chain(steps, s)).orElse(List.of()),
                serving.map(s -> servingChain(steps, settlesAfter, s)).orElse(List.of()));
    }

    /** The step of a Kubernetes object created without its await: one API call. */
    static final double SKIP_AWAIT_SECONDS = 1;

    /** A Service running while a Deployment it selects rolls out ends no earlier than the rollout. */
    private static void overlap(Graph graph, String urn, Set<String> running, Map<String, double[]> started,
                                Map<String, String> after) {
        for (String other : running) {
            String service = null;
            String deployment = null;
            if (graph.selects(urn, other)) {
                service = urn;
                deployment = other;
            } else if (graph.selects(other, urn)) {
                service = other;
                deployment = urn;
            }
            if (service != null && started.get(deployment)[1] > started.get(service)[1]) {
                started.get(service)[1] = started.get(deployment)[1];
                after.put(service, deployment);
            }
        }
    }

    /** The chain to {@code last}, through the step its settle time waited for when that ended after it. */
    private static List<Step> servingChain(Map<String, Step> steps, Map<String, String> settlesAfter, Step last) {
        String before = settlesAfter.get(last.resource().urn());
        if (before == null) {
            return chain(steps, last);
        }
        var chain = new ArrayList<>(chain(steps, steps.get(before)));
        chain.add(last);
        return List.copyOf(chain);
    }

    private static List<Step> chain(Map<String, Step> steps, Step last) {
        var chain = new ArrayList<Step>();
        for (Step s = last; s != null; s = s.after() == null ? null : steps.get(s.after())) {
            chain.add(0, s);
        }
        return List.copyOf(chain);
    }

    /** The nodes (custom resources) and what each waits for. */
    record Graph(List<Plan.Resource> nodes, Map<String, Set<String>> edges, Map<String, Set<String>> waitedBy,
                 Map<String, Set<String>> selected) {
        boolean selects(String service, String deployment) {
            return selected.getOrDefault(service, Set.of()).contains(deployment);
        }

        static Graph of(Plan plan) {
            var all = new HashMap<String, Plan.Resource>();
            plan.resources().forEach(r -> all.put(r.urn(), r));
            var nodes = plan.resources().stream().filter(Plan.Resource::custom).toList();
            var descendants = new HashMap<String, Set<String>>();
            for (var r : nodes) {
                for (String p = r.parent(); p != null && all.containsKey(p); p = all.get(p).parent()) {
                    descendants.computeIfAbsent(p, k -> new TreeSet<>()).add(r.urn());
                }
            }
            var edges = new TreeMap<String, Set<String>>();
            var waitedBy = new HashMap<String, Set<String>>();
            for (var r : nodes) {
                var on = new TreeSet<String>();
                for (String d : r.dependencies()) {
                    var target = all.get(d);
                    if (target == null) {
                        continue; // a default provider or a resource of another stack: no step of this plan
                    }
                    if (target.custom()) {
                        on.add(d);
                    } else {
                        on.addAll(descendants.getOrDefault(d, Set.of()));
                    }
                }
                String provider = r.providerUrn();
                if (provider != null && all.containsKey(provider)) {
                    on.add(provider);
                }
                if (r.parent() != null && all.containsKey(r.parent()) && all.get(r.parent()).custom()) {
                    on.add(r.parent());
                }
                on.remove(r.urn());
                edges.put(r.urn(), on);
                on.forEach(d -> waitedBy.computeIfAbsent(d, k -> new TreeSet<>()).add(r.urn()));
            }
            return new Graph(nodes, edges, waitedBy, Selectors.of(nodes));
        }
    }
}
