package dev.apigeegke.cli.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.apigeegke.cli.MainAccess;
import dev.apigeegke.microgateway.MicrogatewayService;
import dev.apigeegke.microgateway.MicrogatewaySidecar;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.Repo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityReportTest {
    private static final Prices PRICES = Prices.load();

    private static Map<String, Object> container(String name, String cpu, String memory) {
        return Map.of("name", name, "resources", Map.of("requests", Map.of("cpu", cpu, "memory", memory)));
    }

    private static Plan.Resource deployment(String name, Long replicas, List<Map<String, Object>> containers) {
        var spec = new java.util.HashMap<String, Object>();
        if (replicas != null) {
            spec.put("replicas", replicas);
        }
        spec.put("template", Map.of("spec", Map.of("containers", containers)));
        return new Plan.Resource("urn:" + name, PlanReader.DEPLOYMENT, name, null, true,
                Map.of("metadata", Map.of("name", name, "namespace", "default"), "spec", spec), null);
    }

    private static Plan.Resource nodePool(String machineType, long nodeCount, String location) {
        return new Plan.Resource("urn:pool", PlanReader.NODE_POOL, "pool", null, true,
                Map.of("nodeConfig", Map.of("machineType", machineType), "nodeCount", nodeCount, "location", location), null);
    }

    private static Plan plan(List<Plan.Resource> resources) {
        return new Plan("p", "s", resources, Map.of(), Map.of());
    }

    /** Ten services × 2 replicas, each pod 100m/128Mi plus a 100m/128Mi microgateway sidecar, on e2-standard-2. */
    private static Plan tenServicesWithSidecars() {
        var resources = new ArrayList<Plan.Resource>();
        for (int i = 0; i < 10; i++) {
            resources.add(deployment("svc" + i, 2L, List.of(container("app", "100m", "128Mi"),
                    container("edge-microgateway", "100m", "128Mi"))));
        }
        resources.add(nodePool("e2-standard-2", 1, "europe-west1-b"));
        resources.add(new Plan.Resource("urn:mgw", PlanReader.MICROGATEWAY_SIDECAR, "mgw", null, false, Map.of(), null));
        return plan(resources);
    }

    @Test
    void computesGkeAllocatableFromTheDocumentedReservations() {
        var e2s2 = Machine.of("e2-standard-2");
        // CPU: 2000 - (60 + 10) = 1930m. Memory: 8192 - (0.25×4096 + 0.20×4096) - 100 = 8192 - 1843.2 - 100 = 6248.8Mi.
        assertThat(e2s2.allocatableCpuMillis()).isCloseTo(1930, within(1e-9));
        assertThat(e2s2.allocatableMemoryMib()).isCloseTo(6248.8, within(1e-9));
        var e2s4 = Machine.of("e2-standard-4");
        // CPU: 4000 - (60 + 10 + 2×5) = 3920m. Memory: 16384 - (1024 + 819.2 + 819.2) - 100 = 13621.6Mi.
        assertThat(e2s4.allocatableCpuMillis()).isCloseTo(3920, within(1e-9));
        assertThat(e2s4.allocatableMemoryMib()).isCloseTo(13621.6, within(1e-9));
    }

    @Test
    void countsSidecarsPerReplicaAsGatewayRequests() {
        var r = CapacityReport.of("synthetic", tenServicesWithSidecars(), CapacityReport.Overhead.NONE, PRICES);
        assertThat(r.totalCpu()).isEqualTo(4000);
        assertThat(r.totalMemory()).isEqualTo(5120);
        assertThat(r.serviceCpu()).isEqualTo(2000);
        assertThat(r.gatewayMemory()).isEqualTo(2560);
        // CPU 4000 / 1930 = 2.07, memory 5120 / 6248.8 = 0.82: CPU binds, ceil(2.07) = 3 nodes.
        assertThat(r.cpuRatio()).isCloseTo(4000 / 1930.0, within(1e-9));
        assertThat(r.nodesNeeded()).isEqualTo(3);
        // A zonal pool (europe-west1-b) is one zone: nodeCount 1 × 1.
        assertThat(r.configuredNodes()).isEqualTo(1);
        assertThat(r.path()).containsExactly("client", "Service", "pod (sidecar on localhost)");
    }

    @Test
    void addsTheAssumedGkeSystemPodsBeforePacking() {
        var r = CapacityReport.of("synthetic", tenServicesWithSidecars(), CapacityReport.Overhead.GKE, PRICES);
        // (4000 + 500) / (1930 - 200) = 2.60 → 3 nodes; memory (5120 + 500) / (6248.8 - 300) = 0.94.
        assertThat(r.cpuRatio()).isCloseTo(4500 / 1730.0, within(1e-9));
        assertThat(r.memoryRatio()).isCloseTo(5620 / 5948.8, within(1e-9));
        assertThat(r.nodesNeeded()).isEqualTo(3);
    }

    @Test
    void takesTheGatewayReplicasFromItsHpaWhenTheDeploymentLeavesThemOut() {
        var gateway = new Plan.Resource("urn:gw", PlanReader.DEPLOYMENT, "gw-deployment", "urn:mgws", true,
                Map.of("metadata", Map.of("name", "gw", "namespace", "edge"), "spec",
                        Map.of("template", Map.of("spec", Map.of("containers", List.of(container("edge-microgateway", "0.5", "1Gi")))))), null);
        var hpa = new Plan.Resource("urn:hpa", PlanReader.HPA, "gw-hpa", "urn:mgws", true,
                Map.of("metadata", Map.of("name", "gw", "namespace", "edge"),
                        "spec", Map.of("minReplicas", 3L, "scaleTargetRef", Map.of("name", "gw"))), null);
        var service = new Plan.Resource("urn:mgws", PlanReader.MICROGATEWAY_SERVICE, "gw", null, false, Map.of(), null);
        var r = CapacityReport.of("p", plan(List.of(gateway, hpa, service, nodePool("e2-standard-4", 2, "europe-west1"))),
                CapacityReport.Overhead.NONE, PRICES);
        assertThat(r.workloads()).singleElement().satisfies(w -> {
            assertThat(w.gateway()).isTrue();
            assertThat(w.replicas()).isEqualTo(3);
        });
        assertThat(r.gatewayCpu()).isEqualTo(1500);
        assertThat(r.gatewayMemory()).isEqualTo(3072);
        // A regional pool without nodeLocations: nodeCount 2 × 3 default zones.
        assertThat(r.configuredNodes()).isEqualTo(6);
        // Only nodes are priced here (no cluster, LB, IP or policy): 6 × (4 × 0.023976 + 16 × 0.003213) $/h × 730 h = $645.23.
        assertThat(r.monthlyUsd()).isCloseTo(645.23, within(0.01));
    }

    @Test
    void findsAGatewayDeclaredWithoutItsComponentByItsAppLabel() {
        // Its container has the sidecar's name: only the label tells it is the gateway, not a service with a sidecar.
        var gateway = new Plan.Resource("urn:gw", PlanReader.DEPLOYMENT, "gw", null, true,
                Map.of("metadata", Map.of("name", "gw", "namespace", "edge", "labels", Map.of("app.kubernetes.io/name", MicrogatewayService.APP)),
                        "spec", Map.of("replicas", 2L, "template", Map.of("spec", Map.of("containers",
                                List.of(container(MicrogatewaySidecar.CONTAINER, "500m", "512Mi")))))), null);
        var r = CapacityReport.of("p", plan(List.of(gateway, nodePool("e2-standard-4", 1, "europe-west1-b"))),
                CapacityReport.Overhead.NONE, PRICES);
        assertThat(r.workloads()).singleElement().satisfies(w -> {
            assertThat(w.gateway()).isTrue();
            assertThat(w.sidecarCpuMillis()).isZero();
        });
        assertThat(r.gatewayCpu()).isEqualTo(1000);
        assertThat(r.serviceCpu()).isZero();
    }

    @Test
    void countsTheZonesANodePoolListsInNodeLocations() {
        var pool = new Plan.Resource("urn:pool", PlanReader.NODE_POOL, "pool", null, true,
                Map.of("nodeConfig", Map.of("machineType", "e2-standard-4"), "nodeCount", 2L, "location", "europe-west1",
                        "nodeLocations", List.of("europe-west1-b", "europe-west1-c")), null);
        var r = CapacityReport.of("p", plan(List.of(pool)), CapacityReport.Overhead.NONE, PRICES);
        assertThat(r.configuredNodes()).isEqualTo(4);
        assertThat(r.configuredFrom()).isEqualTo("nodeCount 2 × 2 zones");
        assertThat(r.maxNodes()).isEqualTo(4);
    }

    /** A gateway of 500m/512Mi pods that its HPA scales from 2 to 10, on e2-standard-2 nodes. */
    private static List<Plan.Resource> scalingGateway() {
        var gateway = new Plan.Resource("urn:gw", PlanReader.DEPLOYMENT, "gw-deployment", "urn:mgws", true,
                Map.of("metadata", Map.of("name", "gw", "namespace", "edge"), "spec",
                        Map.of("template", Map.of("spec", Map.of("containers", List.of(container("edge-microgateway", "500m", "512Mi")))))), null);
        var hpa = new Plan.Resource("urn:hpa", PlanReader.HPA, "gw-hpa", "urn:mgws", true,
                Map.of("metadata", Map.of("name", "gw", "namespace", "edge"),
                        "spec", Map.of("minReplicas", 2L, "maxReplicas", 10L, "scaleTargetRef", Map.of("name", "gw"))), null);
        var service = new Plan.Resource("urn:mgws", PlanReader.MICROGATEWAY_SERVICE, "gw", null, false, Map.of(), null);
        return List.of(gateway, hpa, service);
    }

    private static Plan.Resource autoscaledPool(Map<String, Object> autoscaling) {
        return new Plan.Resource("urn:pool", PlanReader.NODE_POOL, "pool", null, true,
                Map.of("nodeConfig", Map.of("machineType", "e2-standard-2"), "initialNodeCount", 1L,
                        "location", "europe-west1", "autoscaling", autoscaling), null);
    }

    private static CapacityReport.Report report(List<Plan.Resource> workloads, Plan.Resource pool) {
        var resources = new ArrayList<>(workloads);
        resources.add(pool);
        return CapacityReport.of("p", plan(resources), CapacityReport.Overhead.GKE, PRICES);
    }

    @Test
    void warnsWhenTheWorkloadsAtTheirMaximumReplicasDoNotFitThePoolAtItsMaximum() {
        // A fixed regional pool of 1 × 3 nodes: 3 × (1930 - 200) = 5190m; the gateway at 10 replicas and the
        // cluster's system pods ask for 10 × 500 + 500 = 5500m: 310m short. Memory (5620Mi of 17846.4Mi) fits.
        var fixed = report(scalingGateway(), nodePool("e2-standard-2", 1, "europe-west1"));
        assertThat(fixed.maxNodes()).isEqualTo(3);
        assertThat(fixed.maxNodesFrom()).isEqualTo("no autoscaling");
        assertThat(fixed.workloads()).singleElement().satisfies(w -> {
            assertThat(w.replicas()).isEqualTo(2);
            assertThat(w.maxReplicas()).isEqualTo(10);
        });
        assertThat(fixed.fit().cpuRequested()).isCloseTo(5500, within(1e-9));
        assertThat(fixed.fit().cpuOffered()).isCloseTo(5190, within(1e-9));
        assertThat(fixed.fit().nodesNeeded()).isEqualTo(4);
        assertThat(fixed.fit().warnings()).singleElement().asString()
                .startsWith("310m CPU short at maximum replicas: the pods request 5500m (system pods included), "
                        + "the node pool at its maximum of 3 × e2-standard-2 offers 5190m")
                .contains("the largest share is gateway gw, 10 × 500m = 5000m (HPA maxReplicas)");
        // At 2 replicas it fits the 3 nodes: only the maximum shows the problem.
        assertThat(fixed.nodesNeeded()).isLessThanOrEqualTo(fixed.configuredNodes());

        var printed = new ByteArrayOutputStream();
        CapacityTables.print(fixed, PRICES, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("  WARNING: 310m CPU short at maximum replicas")
                .contains("500m/512Mi × 2 (HPA minReplicas) = 1000m/1024Mi, up to × 10 (HPA maxReplicas) = 5000m/5120Mi");
    }

    @Test
    void theSameWorkloadsFitAPoolThatAutoscalesFarEnough() {
        var total = report(scalingGateway(), autoscaledPool(Map.of("totalMinNodeCount", 3L, "totalMaxNodeCount", 4L)));
        assertThat(total.maxNodes()).isEqualTo(4);
        assertThat(total.maxNodesFrom()).isEqualTo("autoscaling totalMaxNodeCount 4");
        assertThat(total.configuredNodes()).isEqualTo(3);
        assertThat(total.fit().cpuOffered()).isCloseTo(4 * 1730, within(1e-9));
        assertThat(total.fit().fits()).isTrue();
        // Per-zone limits count once per zone: 2 per zone × 3 default zones.
        var perZone = report(scalingGateway(), autoscaledPool(Map.of("minNodeCount", 1L, "maxNodeCount", 2L)));
        assertThat(perZone.maxNodes()).isEqualTo(6);
        assertThat(perZone.maxNodesFrom()).isEqualTo("autoscaling maxNodeCount 2 × 3 zones");
        assertThat(perZone.fit().warnings()).isEmpty();
    }

    @Test
    void warnsAboutAPodNoNodeCanHold() {
        var big = deployment("bulky", 1L, List.of(container("app", "2", "1Gi")));
        var r = report(List.of(big), autoscaledPool(Map.of("totalMinNodeCount", 3L, "totalMaxNodeCount", 6L)));
        // Plenty of nodes, but one pod asks for 2000m and a node has 1730m after its system pods.
        assertThat(r.fit().warnings()).singleElement().asString()
                .isEqualTo("microservice bulky: one pod requests 2000m / 1024Mi, more than a e2-standard-2 node offers "
                        + "(1730m / 5948.8Mi): it can never be scheduled; use a larger machine type or smaller requests");
    }

    @Test
    void flagsPattern2sGatewayOnAFixedPoolButNotOnTheDefaultAutoscaledOne() throws Exception {
        var fits = run("preview", "pattern2", "--capacity", "--project-dir", Repo.root().toString());
        assertThat(fits.code()).as(fits.err()).isZero();
        assertThat(fits.out()).contains("at most    6  (autoscaling totalMaxNodeCount 6)").doesNotContain("WARNING");

        var stack = Files.createTempFile("Pulumi.fixed", ".yaml");
        try {
            Files.writeString(stack, Files.readString(Repo.root().resolve("Pulumi.pattern2.yaml"))
                    + "  apigee-gke:autoscaling: false\n");
            var fixed = run("preview", "pattern2", "--capacity", "--project-dir", Repo.root().toString(), "--config", stack.toString());
            assertThat(fixed.code()).as(fixed.err()).isZero();
            assertThat(fixed.out())
                    .contains("at most    3  (no autoscaling)")
                    .contains("WARNING: 710m CPU short at maximum replicas")
                    .contains("gateway apigee-p2-gateway, 10 × 500m = 5000m (HPA maxReplicas)");
        } finally {
            Files.delete(stack);
        }
    }

    @Test
    void parsesKubernetesQuantities() {
        assertThat(Units.cpuMillis("250m")).isEqualTo(250);
        assertThat(Units.cpuMillis("1.5")).isEqualTo(1500);
        assertThat(Units.cpuMillis(2L)).isEqualTo(2000);
        assertThat(Units.memoryMib("1Gi")).isEqualTo(1024);
        assertThat(Units.memoryMib("256Mi")).isEqualTo(256);
        assertThat(Units.memoryMib("1048576")).isEqualTo(1);
    }

    private record Out(int code, String out, String err) {
    }

    private static Out run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = MainAccess.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Out(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void reportsPattern1sTwoServicesAndThreeHopsThroughApigee() {
        var r = run("preview", "pattern1", "--capacity", "--project-dir", Repo.root().toString());
        assertThat(r.code()).as(r.err()).isZero();
        // 2 services × 2 replicas × 100m/128Mi; no gateway in the cluster.
        assertThat(r.out())
                .contains("microservices 400m / 512Mi, gateway 0m / 0Mi, total 400m / 512Mi")
                .contains("client → Apigee → load balancer → pod (3 network hops)")
                .contains("configured 3  (initialNodeCount 1 × 3 zones)")
                .contains("at most    6  (autoscaling totalMaxNodeCount 6)")
                .contains("ESTIMATE");
    }

    @Test
    void comparesTheThreePatternsSideBySide() {
        var r = run("preview", "--capacity", "--compare", "--project-dir", Repo.root().toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .containsPattern("gateway CPU / memory\\s+0m / 0Mi\\s+1000m / 1024Mi\\s+400m / 1024Mi")
                .containsPattern("total CPU / memory\\s+400m / 512Mi\\s+1400m / 1536Mi\\s+800m / 1536Mi")
                .containsPattern("network hops\\s+3\\s+3\\s+2")
                .containsPattern("nodes at most\\s+6\\s+6\\s+6")
                .containsPattern("needed at max replicas\\s+1\\s+4\\s+1")
                .containsPattern("fits at max replicas\\s+yes\\s+yes\\s+yes")
                .contains("pattern2: client → load balancer → gateway pod → service pod");
        assertThat(run("preview", "all", "--capacity", "--project-dir", Repo.root().toString()).out()).isEqualTo(r.out());
    }

    @Test
    void theDocsComparisonIsWhatTheCommandPrints() throws Exception {
        String readme = Files.readString(Repo.root().resolve("docs/offline-preview.md"));
        String intro = "`./apigee-gke preview all --capacity` compares the three patterns:";
        int start = readme.indexOf("```\n", readme.indexOf(intro)) + 4;
        var shown = readme.substring(start, readme.indexOf("```", start)).lines().toList();
        var printed = run("preview", "all", "--capacity", "--project-dir", Repo.root().toString()).out().lines().toList();
        assertThat(shown).isNotEmpty();
        assertThat(printed).containsAll(shown);
    }

    @Test
    void rejectsCompareWithoutCapacity() {
        var r = run("preview", "--compare");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("add --capacity");
    }
}
