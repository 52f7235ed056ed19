package dev.apigeegke.examples;

import static dev.apigeegke.testing.Harness.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import dev.apigeegke.examples.pattern1.Pattern1;
import dev.apigeegke.examples.pattern2.Pattern2;
import dev.apigeegke.examples.pattern3.Pattern3;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.testing.Repo;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cluster's stack keys, the same in the three pattern programs: node-pool autoscaling and the name prefix. */
class ClusterStackKeysTest {
    private static final String POOL = "gcp:container/nodePool:NodePool";

    private static OfflineEngine.Result run(String pattern, Map<String, String> overrides) throws Exception {
        var stack = StackFile.read(Repo.root().resolve("Pulumi." + pattern + ".yaml"), "apigee-gke");
        var config = new TreeMap<>(stack.config());
        config.putAll(overrides);
        Consumer<Context> program = switch (pattern) {
            case "pattern1" -> Pattern1::stack;
            case "pattern2" -> Pattern2::stack;
            default -> Pattern3::stack;
        };
        return OfflineEngine.run("apigee-gke", pattern, config, stack.secretKeys(), program);
    }

    private static Plan.Resource pool(OfflineEngine.Result result) {
        assertThat(result.errors()).isEmpty();
        var pools = result.plan().ofType(POOL);
        assertThat(pools).hasSize(1);
        return pools.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pattern1", "pattern2", "pattern3"})
    void autoscalesTheNodePoolByDefaultAndReadsItsLimits(String pattern) throws Exception {
        var defaults = pool(run(pattern, Map.of())).inputs();
        assertThat(at(defaults, "autoscaling", "totalMinNodeCount")).isEqualTo(3L);
        assertThat(at(defaults, "autoscaling", "totalMaxNodeCount")).isEqualTo(6L);

        var set = pool(run(pattern, Map.of("apigee-gke:minNodes", "4", "apigee-gke:maxNodes", "9"))).inputs();
        assertThat(at(set, "autoscaling", "totalMinNodeCount")).isEqualTo(4L);
        assertThat(at(set, "autoscaling", "totalMaxNodeCount")).isEqualTo(9L);
        // 4 nodes over the region's 3 zones: 2 per zone at creation.
        assertThat(at(set, "initialNodeCount")).isEqualTo(2L);

        var fixed = pool(run(pattern, Map.of("apigee-gke:autoscaling", "false", "apigee-gke:nodesPerZone", "2"))).inputs();
        assertThat(fixed).doesNotContainKey("autoscaling").containsEntry("nodeCount", 2L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pattern1", "pattern2", "pattern3"})
    void namesEachClusterProblemByItsStackKeyAndRegistersNothing(String pattern) throws Exception {
        var limits = run(pattern, Map.of("apigee-gke:minNodes", "2", "apigee-gke:maxNodes", "1"));
        assertThat(limits.errors()).containsExactly(
                """
                stack configuration: 2 invalid arguments
                  - apigee-gke:minNodes = 2: the autoscaler could shrink the pool to 2 node(s); raise minNodes: the patterns are \
                sized for at least 3 nodes; set requireProductionSize(false) for a small development cluster
                  - apigee-gke:maxNodes = 1: is below minNodes 2: give a maximum of at least 2 nodes""");
        assertThat(limits.plan().resources()).extracting(Plan.Resource::type).containsOnly("pulumi:pulumi:Stack");

        var malformed = run(pattern, Map.of("apigee-gke:maxNodes", "many", "apigee-gke:autoscaling", "yes"));
        assertThat(malformed.errors()).containsExactly(
                """
                stack configuration: 2 invalid arguments
                  - apigee-gke:autoscaling = "yes": true or false
                  - apigee-gke:maxNodes = "many": a whole number""");

        // 25 characters: the dedicated node service account "<prefix>-nodes" would have 31, one over IAM's 30.
        String prefix = "p".repeat(25);
        var name = run(pattern, Map.of("apigee-gke:prefix", prefix));
        assertThat(name.errors()).containsExactly(
                """
                stack configuration: 1 invalid argument
                  - apigee-gke:prefix = "ppppppppppppppppppppppppp": is 25 characters: the node service account id \
                "ppppppppppppppppppppppppp-nodes" (31 characters) would exceed 30 characters, the most IAM allows. Use a name of \
                at most 24 characters (or 34 with nodeServiceAccount(...))""");
        assertThat(name.plan().resources()).extracting(Plan.Resource::type).containsOnly("pulumi:pulumi:Stack");
    }
}
