package dev.apigeegke.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.examples.pattern1.Pattern1;
import dev.apigeegke.examples.pattern1.Pattern1Test;
import dev.apigeegke.examples.pattern2.Pattern2;
import dev.apigeegke.examples.pattern2.Pattern2Test;
import dev.apigeegke.examples.pattern3.Pattern3;
import dev.apigeegke.examples.pattern3.Pattern3Test;
import dev.apigeegke.network.Reachability.Cell;
import dev.apigeegke.network.Reachability.Target;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.Harness;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Who reaches which pod port in each pattern's rendered plan, under Kubernetes NetworkPolicy semantics
 * ({@link NetworkPolicies}): nothing reaches an app port around its gateway, the load balancer reaches the entry
 * point, and the gateway reaches its services. A failure prints the whole matrix.
 */
class ReachabilityTest {
    private static final String PROXY_ONLY_RANGE = "10.129.0.0/23";
    private static final String PROXY_ONLY = "proxy-only 10.129.0.5";
    private static final Set<String> SECRETS = Set.of("apigee-gke:microgatewayKey", "apigee-gke:microgatewaySecret");

    private static Plan preview(Map<String, String> config, Consumer<com.pulumi.Context> program) {
        var result = Harness.preview(config, SECRETS, program);
        assertThat(result.errors()).isEmpty();
        return result.plan();
    }

    /** Pattern 2's or 3's configuration, as an internal Ingress with a proxy-only subnet to create when {@code internal}. */
    private static Map<String, String> internal(Map<String, String> stackConfig, boolean internal) {
        var config = new TreeMap<>(stackConfig);
        if (internal) {
            config.remove("apigee-gke:allowlist");
            config.put("apigee-gke:internal", "true");
            config.put("apigee-gke:proxyOnlySubnetCidr", PROXY_ONLY_RANGE);
        }
        return config;
    }

    private static boolean fromLoadBalancer(String source) {
        return source.startsWith("google-lb ") || source.startsWith("health-check ");
    }

    /** The pairs {@code rule} admits, over the matrix's sources and targets. */
    private static Set<Cell> expected(Reachability reachability, BiPredicate<String, Target> rule) {
        var cells = new LinkedHashSet<Cell>();
        for (String source : reachability.sources()) {
            for (var target : reachability.targets()) {
                if (rule.test(source, target)) {
                    cells.add(new Cell(source, target.toString()));
                }
            }
        }
        return cells;
    }

    private static void assertMatrix(Reachability reachability, List<String> targets, BiPredicate<String, Target> rule) {
        String matrix = reachability.render();
        assertThat(reachability.targets()).as(matrix).extracting(Target::toString).containsExactlyInAnyOrderElementsOf(targets);
        assertThat(reachability.admitted()).as(matrix).containsExactlyInAnyOrderElementsOf(expected(reachability, rule));
    }

    @Test
    void pattern1OnlyTheLoadBalancerReachesTheServices() {
        // In pattern 1 the gateway is Apigee and Cloud Armor, in front of the load balancer.
        var reachability = Reachability.of(preview(Pattern1Test.stackConfig(), Pattern1::stack));
        assertMatrix(reachability, List.of("default/orders:8080", "default/catalog:8080"),
                (source, target) -> fromLoadBalancer(source));
    }

    @Test
    void pattern2TheLoadBalancerReachesTheGatewayAndOnlyTheGatewayReachesTheServices() {
        assertPattern2(Reachability.of(preview(internal(Pattern2Test.stackConfig(), false), Pattern2::stack)), false);
    }

    @Test
    void pattern2InternalTheProxyOnlySubnetReachesTheGatewayToo() {
        assertPattern2(Reachability.of(preview(internal(Pattern2Test.stackConfig(), true), Pattern2::stack)).address(PROXY_ONLY, "10.129.0.5"), true);
    }

    private static void assertPattern2(Reachability reachability, boolean internal) {
        String gateway = "edgemicro-system/apigee-p2-gateway";
        assertMatrix(reachability, List.of("default/orders:8080", "default/catalog:8080", gateway + ":8000"), (source, target) -> {
            if (target.pod().toString().equals(gateway)) {
                // Any pod of the cluster may call the gateway; of the addresses, only the load balancer.
                return fromLoadBalancer(source) || source.startsWith("pod ") || (internal && source.equals(PROXY_ONLY));
            }
            return source.equals("pod " + gateway);
        });
    }

    @Test
    void pattern3TheLoadBalancerReachesTheSidecarsAndNothingReachesTheAppPort() {
        assertPattern3(Reachability.of(preview(internal(Pattern3Test.stackConfig(), false), Pattern3::stack)), false);
    }

    @Test
    void pattern3InternalTheProxyOnlySubnetReachesTheSidecarsToo() {
        assertPattern3(Reachability.of(preview(internal(Pattern3Test.stackConfig(), true), Pattern3::stack)).address(PROXY_ONLY, "10.129.0.5"), true);
    }

    private static void assertPattern3(Reachability reachability, boolean internal) {
        assertMatrix(reachability, List.of("default/orders:8080", "default/orders:8000", "default/catalog:8080", "default/catalog:8000"),
                (source, target) -> target.port().port() == 8000 && (fromLoadBalancer(source) || (internal && source.equals(PROXY_ONLY))));
    }
}
