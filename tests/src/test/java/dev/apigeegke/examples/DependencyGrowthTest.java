package dev.apigeegke.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.apigee.ApigeeProxy;
import dev.apigeegke.ingress.ArmoredIngress;
import dev.apigeegke.preview.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No resource of a pattern waits for more than it needs, however many services the pattern deploys. */
class DependencyGrowthTest {
    private static final List<Integer> SERVICES = List.of(2, 12, 22);

    /** The resources that truly wait for each service, and for how many of its resources. */
    private static final Map<String, Integer> PER_SERVICE = Map.of(
            // Routes to each service's backend Service, and must not be created before they exist.
            "kubernetes:networking.k8s.io/v1:Ingress", 1,
            // Pattern 3's sample app is subscribed to each keyed service's product.
            "apigee:index:DeveloperApp", 1,
            // Pattern 2: the first route's proxy declares the product listing every route's proxy.
            ApigeeProxy.TYPE, 1,
            // Pattern 2: the Ingress waits for the gateway, which holds a NetworkPolicy per service it protects.
            ArmoredIngress.TYPE, 1);

    @ParameterizedTest
    @ValueSource(strings = {"pattern1", "pattern2", "pattern3"})
    void dependenciesStayFlatAsServicesGrowExceptWhereAResourceWaitsForEachService(String pattern) {
        var plans = new TreeMap<Integer, Plan>();
        SERVICES.forEach(n -> plans.put(n, PatternPlans.withServices(pattern, n)));
        assertThat(DependencyGrowth.problems(plans, PER_SERVICE)).isEmpty();
        // The services are there, and something does wait for each of them.
        assertThat(plans.get(22).resources().size() - plans.get(12).resources().size()).isGreaterThanOrEqualTo(10 * 2);
        assertThat(DependencyGrowth.edges(plans.get(12))).isGreaterThan(DependencyGrowth.edges(plans.get(2)));
    }

    @Test
    void aPlanWhereEachServiceWaitsForEveryOtherFails() {
        var plans = new TreeMap<Integer, Plan>();
        SERVICES.forEach(n -> plans.put(n, everyServiceWaitsForAll(n)));
        var problems = DependencyGrowth.problems(plans, PER_SERVICE);
        // svc000 existed with 2 services, and now waits for every other; svc012 is new and waits for 21.
        assertThat(problems).anyMatch(p -> p.startsWith("urn:svc000: dependencies grew from 1 with 2 services to 11 with 12"))
                .anyMatch(p -> p.startsWith("urn:svc012: dependencies is 21 with 22 services"))
                .anyMatch(p -> p.startsWith("the dependency edges grow faster than the services: [2, 132, 462]"));
    }

    @Test
    void aResourceThatWaitsForEachServiceMayGrowByItsNeedAndNoMore() {
        var plans = new TreeMap<Integer, Plan>();
        SERVICES.forEach(n -> plans.put(n, ingressOver(n, 1)));
        assertThat(DependencyGrowth.problems(plans, PER_SERVICE)).isEmpty();
        SERVICES.forEach(n -> plans.put(n, ingressOver(n, 2)));
        assertThat(DependencyGrowth.problems(plans, PER_SERVICE))
                .anyMatch(p -> p.startsWith("urn:ingress: dependencies grew from 4 with 2 services to 24 with 12 (allowed: 0 or 10)"));
    }

    /** {@code n} services, each waiting for all the others: N² edges. */
    private static Plan everyServiceWaitsForAll(int n) {
        var urns = IntStream.range(0, n).mapToObj(i -> String.format("urn:svc%03d", i)).toList();
        var resources = urns.stream().map(urn -> new Plan.Resource(urn, "test:index:Service", urn, "urn:c", true, Map.of(),
                null, urns.stream().filter(u -> !u.equals(urn)).toList(), List.of())).toList();
        return new Plan("p", "s", resources, Map.of(), Map.of());
    }

    /** {@code n} services and an Ingress that waits for {@code each} resources of every service. */
    private static Plan ingressOver(int n, int each) {
        var resources = new ArrayList<Plan.Resource>();
        var waited = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < each; j++) {
                String urn = String.format("urn:svc%03d-%d", i, j);
                resources.add(new Plan.Resource(urn, "kubernetes:core/v1:Service", urn, "urn:c", true, Map.of(), null));
                waited.add(urn);
            }
        }
        resources.add(new Plan.Resource("urn:ingress", "kubernetes:networking.k8s.io/v1:Ingress", "ingress", "urn:c", true,
                Map.of(), null, waited, List.of()));
        return new Plan("p", "s", resources, Map.of(), Map.of());
    }
}
