package dev.apigeegke.cli.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.apigeegke.cli.MainAccess;
import dev.apigeegke.testing.Repo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The capacity and cost report ({@code preview --capacity}) of pattern 1 across clusters, from the command line. */
class CapacityFleetTest {
    private static String capacity(String... more) {
        var args = new ArrayList<>(List.of("preview", "pattern1", "--project-dir", Repo.root().toString(), "--capacity"));
        args.addAll(List.of(more));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = MainAccess.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The per-cluster table: each row (the total last) by its first cell, each cell by its column's header. */
    private static Map<String, Map<String, String>> table(String report) {
        var lines = report.lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("  cluster ")).findFirst().orElseThrow());
        String head = lines.get(header);
        var columns = List.of("cluster", "location", "nodes", "vCPU", "memory", "requests", "nodes $", "load balancer $",
                "static IP $", "Cloud Armor $", "cluster fee $", "total $");
        var starts = columns.stream().map(c -> head.indexOf(c.equals("nodes") ? " nodes " : c) + (c.equals("nodes") ? 1 : 0)).toList();
        assertThat(starts).doesNotContain(-1, 0).isSorted();
        var rows = new LinkedHashMap<String, Map<String, String>>();
        for (String line : lines.subList(header + 1, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            var cells = new LinkedHashMap<String, String>();
            for (int i = 0; i < columns.size(); i++) {
                int end = i + 1 < columns.size() ? starts.get(i + 1) : line.length();
                cells.put(columns.get(i), line.substring(Math.min(starts.get(i), line.length()), Math.min(end, line.length())).strip());
            }
            rows.put(cells.get("cluster"), cells);
        }
        return rows;
    }

    private static double usd(String cell) {
        assertThat(cell).startsWith("$");
        return Double.parseDouble(cell.substring(1).replace(",", ""));
    }

    @Test
    void theReportHasARowPerClusterAndTheirTotal() {
        var rows = table(capacity("--stack", "pattern1-multi"));
        // The clusters in the plan's order (by URN), the total last.
        assertThat(rows.keySet()).containsExactly("apigee-p1-asia", "apigee-p1-eu", "apigee-p1-us", "total");
        assertThat(rows.values().stream().map(r -> r.get("location")).toList())
                .containsExactly("asia-southeast1", "europe-west1", "us-central1", "");
        var clusters = rows.entrySet().stream().filter(e -> !e.getKey().equals("total")).map(Map.Entry::getValue).toList();
        var total = rows.get("total");
        // Each regional cluster: one node per zone in 3 zones of e2-standard-2 (2 vCPU, 8 GiB); its own Ingress,
        // static IP and Cloud Armor policy.
        for (var row : clusters) {
            assertThat(row).containsEntry("nodes", "3").containsEntry("vCPU", "6").containsEntry("memory", "24 GiB")
                    .containsEntry("requests", "400m / 512Mi");
            for (String cost : List.of("load balancer $", "static IP $", "Cloud Armor $", "cluster fee $")) {
                assertThat(usd(row.get(cost))).as(cost).isPositive().isEqualTo(usd(clusters.get(0).get(cost)));
            }
        }
        assertThat(total).containsEntry("nodes", "9").containsEntry("vCPU", "18").containsEntry("memory", "72 GiB")
                .containsEntry("requests", "1200m / 1536Mi");
        for (String cost : List.of("nodes $", "load balancer $", "static IP $", "Cloud Armor $", "cluster fee $", "total $")) {
            double sum = clusters.stream().mapToDouble(r -> usd(r.get(cost))).sum();
            assertThat(usd(total.get(cost))).as(cost).isCloseTo(sum, within(0.02));
        }
        // A row's total is its costs' sum.
        for (var row : rows.values()) {
            double parts = List.of("nodes $", "load balancer $", "static IP $", "Cloud Armor $", "cluster fee $").stream()
                    .mapToDouble(c -> usd(row.get(c))).sum();
            assertThat(usd(row.get("total $"))).isCloseTo(parts, within(0.03));
        }
    }

    @Test
    void eachClusterIsSizedForItsOwnWorkloadsAndSystemPods() {
        String report = capacity("--stack", "pattern1-multi");
        // One full report per cluster: its own two services, and GKE's cluster-wide system pods counted once each.
        for (String c : List.of("apigee-p1-eu (europe-west1)", "apigee-p1-us (us-central1)", "apigee-p1-asia (asia-southeast1)")) {
            int at = report.indexOf("Capacity of pattern1 cluster " + c + " (ESTIMATE");
            assertThat(at).as(c).isPositive();
            String own = report.substring(at, report.indexOf("not included:", at));
            assertThat(own).contains("microservices 400m / 512Mi, gateway 0m / 0Mi, total 400m / 512Mi")
                    .contains("configured 3  (initialNodeCount 1 × 3 zones)");
        }
    }

    @Test
    void theSingleClusterReportHasNoClusterTable() {
        String report = capacity();
        assertThat(report).startsWith("Capacity of pattern1 (ESTIMATE from the plan's resources)\n").doesNotContain("Per cluster")
                .contains("  1 load balancer forwarding rule ");
    }
}
