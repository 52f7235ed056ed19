package dev.apigeegke.cli.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.cli.Patterns;
import dev.apigeegke.examples.pattern2.Pattern2Test;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.testing.Repo;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The timeline over the patterns' real plans: the sample stacks and the stacks that set Edge Microgateway up. */
class TimelinePlansTest {
    private static final String POOL = "gcp:container/nodePool:NodePool";

    /** Each pattern's plan for its repository stack, and patterns 2 and 3 with and without a key of their own. */
    static Map<String, Plan> plans() throws Exception {
        var plans = new LinkedHashMap<String, Plan>();
        var root = Repo.root();
        String project = StackFile.projectName(root);
        for (String pattern : Patterns.names()) {
            var stack = StackFile.read(root.resolve("Pulumi." + pattern + ".yaml"), project).withProjectConfig(root, pattern);
            var result = OfflineEngine.run(project, pattern, stack.config(), stack.secretKeys(), Patterns.program(pattern));
            assertThat(result.errors()).as(pattern).isEmpty();
            plans.put(pattern + " sample", result.plan());
        }
        for (String pattern : Set.of("pattern2", "pattern3")) {
            plans.put(pattern + " with a key", preview(pattern, Pattern2Test.stackConfig()));
            plans.put(pattern + " with a setup", preview(pattern, Pattern2Test.setupStackConfig()));
        }
        return plans;
    }

    private static Plan preview(String pattern, Map<String, String> config) {
        var result = Harness.preview(config, Set.of("apigee-gke:microgatewayKey", "apigee-gke:microgatewaySecret"),
                Patterns.program(pattern));
        assertThat(result.errors()).as(pattern).isEmpty();
        return result.plan();
    }

    @Test
    void everyTypeOfEveryPlanHasADurationWithItsSourceAndDate() throws Exception {
        var durations = Durations.load();
        var types = new TreeSet<String>();
        plans().values().forEach(p -> p.resources().stream().filter(Plan.Resource::custom).forEach(r -> types.add(r.type())));
        assertThat(types).contains("apigee:index:MicrogatewayCredential", "gcp:container/cluster:Cluster");
        assertThat(durations.types().keySet()).containsAll(types);
        durations.types().forEach((type, e) -> {
            assertThat(e.source()).as(type).isNotBlank();
            assertThat(e.retrieved()).as(type).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(e.create()).as(type).isPositive();
            assertThat(e.settle() > 0).as(type + ": a settle time says what it waits for").isEqualTo(e.settles() != null);
        });
    }

    /**
     * Only what runs pods waits for the node pool: the Ingress's load balancer, its Services, BackendConfigs and
     * NetworkPolicies are created while the pool is.
     */
    @Test
    void onlyTheDeploymentsWaitForTheNodePool() throws Exception {
        for (var named : plans().entrySet()) {
            var plan = named.getValue();
            var graph = Schedule.Graph.of(plan);
            String pool = plan.ofType(POOL).get(0).urn();
            for (var r : graph.nodes()) {
                boolean waits = waitsFor(graph, r.urn(), pool);
                String what = named.getKey() + ": " + r.type() + " " + r.name();
                if (r.type().equals("kubernetes:apps/v1:Deployment")) {
                    assertThat(waits).as(what + " waits for the node pool").isTrue();
                } else if (r.type().matches("kubernetes:(networking.k8s.io/v1:(Ingress|NetworkPolicy)|core/v1:Service"
                        + "|cloud.google.com/v1:BackendConfig|networking.gke.io/v1:ManagedCertificate)")) {
                    assertThat(waits).as(what + " does not wait for the node pool").isFalse();
                }
            }
        }
    }

    /**
     * pulumi-kubernetes 4.0.0 ends an awaited Service's step only once a ready pod backs it, and fails it after 10
     * minutes: a Service that does not wait for the node pool must not be awaited, or its budget would run through
     * the pool's creation and the rollout (and the Ingress waiting for it would be held behind the pods).
     */
    @Test
    void noServiceIsAwaitedFromBeforeTheNodesExist() throws Exception {
        for (var named : plans().entrySet()) {
            var plan = named.getValue();
            var graph = Schedule.Graph.of(plan);
            String pool = plan.ofType(POOL).get(0).urn();
            for (var service : plan.ofType("kubernetes:core/v1:Service")) {
                if (!waitsFor(graph, service.urn(), pool)) {
                    var metadata = (Map<?, ?>) service.inputs().get("metadata");
                    var annotations = metadata.get("annotations") instanceof Map<?, ?> a ? a : Map.of();
                    assertThat(annotations.get("pulumi.com/skipAwait"))
                            .as(named.getKey() + ": Service " + service.name() + " is created before the nodes: it must skip the await")
                            .isEqualTo("true");
                }
            }
        }
    }

    private static boolean waitsFor(Schedule.Graph graph, String from, String target) {
        var seen = new TreeSet<String>();
        var todo = new ArrayDeque<String>(graph.edges().get(from));
        while (!todo.isEmpty()) {
            String u = todo.pop();
            if (u.equals(target)) {
                return true;
            }
            if (seen.add(u)) {
                todo.addAll(graph.edges().getOrDefault(u, Set.of()));
            }
        }
        return false;
    }

    @Test
    void theCriticalPathRunsThroughTheClusterAndItsPoolAndTheFirstRequestWaitsForTheLoadBalancer() throws Exception {
        var durations = Durations.load();
        for (var named : plans().entrySet()) {
            var s = Schedule.of(named.getValue(), durations, 16);
            // The cluster runs its temporary default pool as the node service account: it waits for the account's email.
            assertThat(s.criticalPath()).extracting(st -> st.resource().type()).as(named.getKey())
                    .startsWith("gcp:serviceaccount/account:Account", "gcp:container/cluster:Cluster", POOL);
            assertThat(s.firstRequest().get(s.firstRequest().size() - 1).resource().type()).as(named.getKey())
                    .isIn("kubernetes:networking.k8s.io/v1:Ingress", "kubernetes:networking.gke.io/v1:ManagedCertificate");
            assertThat(s.firstRequestAt()).as(named.getKey()).isGreaterThan(s.pulumiUp());
        }
    }
}
