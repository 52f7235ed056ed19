package dev.apigeegke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.testing.Node;
import dev.apigeegke.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The architecture diagram ({@code preview --diagram}) of pattern 1 with one cluster and with several. */
class DiagramTest {
    private static final Pattern PROXY_EDGE = Pattern.compile(
            "  ApigeeProxy_apigee_p1_api (-->|-\\.->)(?:\\|\"([^\"]*)\"\\|)? SecurityPolicy_apigee_p1_(\\w+)_ingress_armor");

    @TempDir
    Path tmp;

    private static String diagram(String... more) {
        var args = new ArrayList<>(List.of("preview", "pattern1", "--project-dir", Repo.root().toString(), "--diagram"));
        args.addAll(List.of(more));
        var r = CommandRun.of(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return r.out();
    }

    /** The proxy's edges: the cluster each reaches, with its arrow and label ({@code --> weight 2}). */
    private static Map<String, String> proxyEdges(String diagram) {
        var edges = new java.util.TreeMap<String, String>();
        diagram.lines().map(PROXY_EDGE::matcher).filter(java.util.regex.Matcher::matches)
                .forEach(m -> edges.put(m.group(3), m.group(1) + (m.group(2) == null ? "" : " " + m.group(2))));
        return edges;
    }

    private void assertMermaidParses(String... diagrams) throws Exception {
        var files = new ArrayList<String>();
        for (int i = 0; i < diagrams.length; i++) {
            Path file = tmp.resolve("diagram-" + i + ".mmd");
            Files.writeString(file, diagrams[i]);
            files.add(file.toString());
        }
        var mermaid = Node.check("check-mermaid.mjs", Map.of("diagrams", files));
        var report = mermaid.report("diagrams");
        assertThat(report.path("ok").asBoolean()).as(report + mermaid.stderr()).isTrue();
        assertThat(report.path("checked").asInt()).isEqualTo(files.size());
    }

    @Test
    void oneProxyFansOutToEachClustersArmoredIngressWithItsWeight() throws Exception {
        String d = diagram("--stack", "pattern1-multi");
        assertMermaidParses(d);
        assertThat(d.lines().filter(l -> l.matches("  Ingress_\\w+\\[.*")).toList()).containsExactly(
                "  Ingress_apigee_p1_asia_ingress[\"GKE Ingress (HTTP(S) load balancer)<br/>apigee-p1-asia-ingress<br/>cluster apigee-p1-asia, asia-southeast1\"]",
                "  Ingress_apigee_p1_eu_ingress[\"GKE Ingress (HTTP(S) load balancer)<br/>apigee-p1-eu-ingress<br/>cluster apigee-p1-eu, europe-west1\"]",
                "  Ingress_apigee_p1_us_ingress[\"GKE Ingress (HTTP(S) load balancer)<br/>apigee-p1-us-ingress<br/>cluster apigee-p1-us, us-central1\"]");
        assertThat(d.lines().filter(l -> l.startsWith("  ApigeeProxy_")).filter(l -> !l.contains("-->") && !l.contains(".->")))
                .containsExactly("  ApigeeProxy_apigee_p1_api[\"Apigee proxy<br/>apigee-p1-api<br/>Weighted over 3 targets\"]");
        // The stack's weights 2/2/1, on the edge to each cluster's Cloud Armor policy; nothing else leaves the proxy.
        assertThat(proxyEdges(d)).isEqualTo(Map.of("eu", "--> weight 2", "us", "--> weight 2", "asia", "--> weight 1"));
        assertThat(d.lines().filter(l -> l.startsWith("  ApigeeProxy_apigee_p1_api -")).count()).isEqualTo(3);
        for (String c : List.of("eu", "us", "asia")) {
            String ingress = "Ingress_apigee_p1_" + c + "_ingress";
            assertThat(d).contains("  SecurityPolicy_apigee_p1_" + c + "_ingress_armor --> " + ingress + "\n");
            // Each Ingress fronts its own cluster's services, not the other clusters'.
            assertThat(d.lines().filter(l -> l.startsWith("  " + ingress + " -->")).toList()).containsExactlyInAnyOrder(
                    "  " + ingress + " --> Microservice_" + c + "_catalog", "  " + ingress + " --> Microservice_" + c + "_orders");
        }
    }

    @Test
    void theFallbackAndADrainedClusterAreDottedAndSaySo() throws Exception {
        Path config = ClusterStacks.edited(tmp, ClusterStacks.US_DRAINED, ClusterStacks.ROUND_ROBIN,
                List.of("  #   apigee-gke:fallbackCluster: asia", "  apigee-gke:fallbackCluster: asia"));
        String d = diagram("--config", config.toString());
        assertMermaidParses(d);
        // RoundRobin: no weights; the standby and the drained cluster stay on the diagram, dotted.
        assertThat(proxyEdges(d)).isEqualTo(Map.of("eu", "-->", "us", "-.-> drained", "asia", "-.-> fallback"));
        assertThat(d).contains("Apigee proxy<br/>apigee-p1-api<br/>RoundRobin over 3 targets");
    }

    @Test
    void theSingleClusterDiagramIsUnchanged() {
        assertThat(diagram()).isEqualTo("""
                flowchart LR
                  client(["Client"])
                  Microservice_catalog["Service<br/>catalog"]
                  Microservice_orders["Service<br/>orders"]
                  ApigeeProxy_apigee_p1_api["Apigee proxy<br/>apigee-p1-api"]
                  Ingress_apigee_p1_ingress["GKE Ingress (HTTP(S) load balancer)<br/>apigee-p1-ingress"]
                  SecurityPolicy_apigee_p1_ingress_armor{{"Cloud Armor<br/>apigee-p1-ingress-armor"}}
                  client --> ApigeeProxy_apigee_p1_api
                  ApigeeProxy_apigee_p1_api --> SecurityPolicy_apigee_p1_ingress_armor
                  SecurityPolicy_apigee_p1_ingress_armor --> Ingress_apigee_p1_ingress
                  Ingress_apigee_p1_ingress --> Microservice_catalog
                  Ingress_apigee_p1_ingress --> Microservice_orders
                  classDef changed fill:#fff3b0,stroke:#d97706,stroke-width:3px
                """);
    }
}
