package dev.apigeegke.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.StackFile;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The multi-cluster row compares like with like: each of the 5 clusters declares what the single-cluster program
 * declares for its cluster, and the one proxy is the single-cluster proxy with a target server per cluster.
 */
class ClusterWorkloadTest {
    private static final String TARGET_SERVER = "apigee:index:TargetServer";

    @Test
    void declaresFiveTimesTheSingleClusterResourcesPlusTheProxys() throws Exception {
        var workload = new ClusterWorkload(5, 20);
        String project = StackFile.projectName(Repo.root());
        var single = Recording.of(project, "pattern1", workload.single().stackFile(Repo.root()),
                workload.single().program(Variant.COMPONENTS, null)).plan();
        var multi = Recording.of(project, "pattern1", workload.stackFile(Repo.root()), workload.program()).plan();

        var perCluster = keys(single, r -> !isProxys(r));
        var singleProxy = keys(single, r -> isProxys(r) && !r.type().equals(TARGET_SERVER));
        // 20 services: a Deployment, Service, BackendConfig and NetworkPolicy each, plus 9 for the cluster and its Ingress.
        assertThat(perCluster).hasSize(20 * 4 + 9);
        assertThat(keys(single, r -> r.type().equals(TARGET_SERVER))).containsExactly(TARGET_SERVER + "::apigee-p1-api-target-test");
        for (int i = 0; i < 5; i++) {
            String c = ClusterWorkload.clusterName(i);
            var ofCluster = multi.resources().stream().filter(Plan.Resource::custom).filter(r -> !isProxys(r))
                    .filter(r -> r.name().startsWith("apigee-p1-" + c + "-") || r.name().equals("apigee-p1-" + c)
                            || r.name().startsWith(c + "-"))
                    .map(r -> r.type() + "::" + r.name().replace("apigee-p1-" + c, "apigee-p1").replaceFirst("^" + c + "-", ""))
                    .sorted().toList();
            assertThat(ofCluster).as(c).containsExactlyElementsOf(perCluster);
        }
        var targetServers = IntStream.range(0, 5)
                .mapToObj(i -> TARGET_SERVER + "::apigee-p1-api-target-" + ClusterWorkload.clusterName(i) + "-test").sorted().toList();
        assertThat(keys(multi, r -> isProxys(r) && !r.type().equals(TARGET_SERVER))).containsExactlyElementsOf(singleProxy);
        assertThat(keys(multi, r -> r.type().equals(TARGET_SERVER))).containsExactlyElementsOf(targetServers);
        assertThat(multi.resources()).filteredOn(Plan.Resource::custom).hasSize(5 * perCluster.size() + singleProxy.size() + 5);
    }

    @Test
    void takesTwoToEightClusters() {
        assertThatThrownBy(() -> new ClusterWorkload(1, 20)).hasMessage("clusters = 1: use 2 to 8");
        assertThatThrownBy(() -> new ClusterWorkload(9, 20)).hasMessage("clusters = 9: use 2 to 8");
        assertThat(new ClusterWorkload(8, 1).clusterEntries()).extracting(e -> e.get("location")).doesNotHaveDuplicates();
    }

    private static boolean isProxys(Plan.Resource r) {
        return r.type().startsWith("apigee:");
    }

    private static List<String> keys(Plan plan, java.util.function.Predicate<Plan.Resource> which) {
        return plan.resources().stream().filter(Plan.Resource::custom).filter(which)
                .map(r -> r.type() + "::" + r.name()).sorted().toList();
    }
}
