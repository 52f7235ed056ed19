package dev.apigeegke.cli.capacity;

import static dev.apigeegke.cli.capacity.Units.cpu;
import static dev.apigeegke.cli.capacity.Units.fmt;
import static dev.apigeegke.cli.capacity.Units.mem;
import static dev.apigeegke.cli.capacity.Units.usd;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints capacity estimates: one in full, or several side by side. */
public final class CapacityTables {
    private CapacityTables() {
    }

    /** Prints one report in full. */
    public static void print(CapacityReport.Report r, Prices prices, PrintStream out) {
        out.println("Capacity of " + r.pattern() + " (ESTIMATE from the plan's resources)");
        out.println();
        out.println("Requests (per replica × replicas = total):");
        for (var w : r.workloads()) {
            out.printf(Locale.ROOT, "  %-13s %-28s %s/%s × %d (%s) = %s/%s%s%n", w.kind(), w.name(), cpu(w.podCpu()),
                    mem(w.podMemory()), w.replicas(), w.replicasFrom(), cpu(w.totalCpu()), mem(w.totalMemory()),
                    w.maxReplicas() == w.replicas() ? "" : String.format(Locale.ROOT, ", up to × %d (%s) = %s/%s",
                            w.maxReplicas(), w.maxReplicasFrom(), cpu(w.maxCpu()), mem(w.maxMemory())));
            if (w.sidecarCpuMillis() > 0 || w.sidecarMemoryMib() > 0) {
                out.printf(Locale.ROOT, "  %-13s %-28s of which gateway sidecar %s/%s per replica%n", "", "",
                        cpu(w.sidecarCpuMillis()), mem(w.sidecarMemoryMib()));
            }
        }
        out.printf(Locale.ROOT, "  microservices %s / %s, gateway %s / %s, total %s / %s%n", cpu(r.serviceCpu()),
                mem(r.serviceMemory()), cpu(r.gatewayCpu()), mem(r.gatewayMemory()), cpu(r.totalCpu()), mem(r.totalMemory()));
        out.println();
        if (r.machine() == null) {
            out.println("Nodes: machine type " + r.machineType() + " is not in the table " + Machine.known()
                    + "; cannot compute the node count");
        } else {
            var m = r.machine();
            out.printf(Locale.ROOT, "Nodes: %s (%d vCPU, %s GiB; allocatable %s / %s after GKE reservations)%n",
                    m.type(), m.vcpu(), fmt(m.memoryGib()), cpu(m.allocatableCpuMillis()), mem(m.allocatableMemoryMib()));
            out.printf(Locale.ROOT, "  needed     %d  = ceil(max(CPU %.2f, memory %.2f) node-equivalents)%n",
                    r.nodesNeeded(), r.cpuRatio(), r.memoryRatio());
            out.printf(Locale.ROOT, "  configured %d  (%s)%s%n", r.configuredNodes(), r.configuredFrom(),
                    r.nodesNeeded() > r.configuredNodes() ? "  — FEWER than needed: pods would stay Pending" : "");
            var f = r.fit();
            out.printf(Locale.ROOT, "  at most    %d  (%s); at maximum replicas the pods need %d = ceil(max(CPU %.2f, memory %.2f))%n",
                    r.maxNodes(), r.maxNodesFrom(), f.nodesNeeded(), f.cpuRatio(), f.memoryRatio());
            f.warnings().forEach(w -> out.println("  WARNING: " + w));
            var o = r.overhead();
            out.printf(Locale.ROOT, "  assumes GKE system pods take %s / %s per node and %s / %s once per cluster%n",
                    cpu(o.perNodeCpuMillis()), mem(o.perNodeMemoryMib()), cpu(o.clusterCpuMillis()), mem(o.clusterMemoryMib()));
        }
        out.println();
        out.println("Request path: " + String.join(" → ", r.path()) + " (" + r.hops() + " network hops)");
        out.println();
        out.println("Estimated monthly GCP cost (" + prices.header() + "):");
        for (var c : r.costs()) {
            out.printf(Locale.ROOT, "  %-44s %s%n", c.item(), usd(c.usd()));
        }
        out.printf(Locale.ROOT, "  %-44s %s%n", "total (nodes: max of needed and configured)", usd(r.monthlyUsd()));
        out.println("  not included: disks, egress, per-request Cloud Armor and load balancer data charges, logging, Apigee.");
    }

    /**
     * Prints a plan with several clusters: a row per cluster (nodes, their vCPU and memory, the requests, each cost)
     * and their total, then each cluster's report in full.
     */
    public static void print(Fleet fleet, Prices prices, PrintStream out) {
        out.println("Capacity of " + fleet.pattern() + " across " + fleet.clusters().size()
                + " clusters (ESTIMATE from the plan's resources)");
        out.println();
        out.println("Per cluster (nodes: max of needed and configured; USD per month, " + prices.header() + "):");
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("cluster", "location", "nodes", "vCPU", "memory", "requests", "nodes $", "load balancer $",
                "static IP $", "Cloud Armor $", "cluster fee $", "total $"));
        for (var m : fleet.clusters()) {
            var r = m.report();
            rows.add(row(m.name(), m.location(), String.valueOf(m.nodes()), fmt(m.vcpu()), fmt(m.memoryGib()) + " GiB",
                    cpu(r.totalCpu()) + " / " + mem(r.totalMemory()), m::usd, r.monthlyUsd()));
        }
        rows.add(row("total", "", String.valueOf(fleet.clusters().stream().mapToLong(Fleet.Member::nodes).sum()),
                fmt(fleet.total(Fleet.Member::vcpu)), fmt(fleet.total(Fleet.Member::memoryGib)) + " GiB",
                cpu(fleet.total(m -> m.report().totalCpu())) + " / " + mem(fleet.total(m -> m.report().totalMemory())),
                kind -> fleet.total(m -> m.usd(kind)), fleet.total(m -> m.report().monthlyUsd())));
        int[] widths = new int[rows.get(0).size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        });
        for (var r : rows) {
            var line = new StringBuilder(" ");
            for (int i = 0; i < r.size(); i++) {
                line.append(String.format(Locale.ROOT, " %-" + widths[i] + "s", r.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
        for (var m : fleet.clusters()) {
            out.println();
            print(m.report(), prices, out);
        }
    }

    private static List<String> row(String name, String location, String nodes, String vcpu, String memory, String requests,
                                    java.util.function.ToDoubleFunction<Prices.Item> usd, double total) {
        var row = new ArrayList<>(List.of(name, location, nodes, vcpu, memory, requests));
        for (var kind : Prices.Item.values()) {
            row.add(usd(usd.applyAsDouble(kind)));
        }
        row.add(usd(total));
        return row;
    }

    /** Prints the reports side by side. */
    public static void compare(List<CapacityReport.Report> reports, Prices prices, PrintStream out) {
        var rows = new LinkedHashMap<String, List<String>>();
        for (var r : reports) {
            row(rows, "", r.pattern());
            row(rows, "microservices CPU / memory", cpu(r.serviceCpu()) + " / " + mem(r.serviceMemory()));
            row(rows, "gateway CPU / memory", cpu(r.gatewayCpu()) + " / " + mem(r.gatewayMemory()));
            row(rows, "total CPU / memory", cpu(r.totalCpu()) + " / " + mem(r.totalMemory()));
            row(rows, "machine type", String.valueOf(r.machineType()));
            row(rows, "nodes needed", r.nodesNeeded() < 0 ? "?" : String.valueOf(r.nodesNeeded()));
            row(rows, "nodes configured", String.valueOf(r.configuredNodes()));
            row(rows, "nodes at most", String.valueOf(r.maxNodes()));
            row(rows, "needed at max replicas", r.fit() == null ? "?" : String.valueOf(r.fit().nodesNeeded()));
            row(rows, "fits at max replicas", r.fit() == null ? "?" : r.fit().fits() ? "yes" : "NO (see the report)");
            row(rows, "network hops", r.hops() + "");
            row(rows, "monthly estimate", usd(r.monthlyUsd()));
        }
        int label = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        int col = rows.values().stream().flatMap(List::stream).mapToInt(String::length).max().orElse(0) + 2;
        rows.forEach((k, v) -> {
            var line = new StringBuilder(String.format(Locale.ROOT, "%-" + label + "s", k));
            v.forEach(c -> line.append(String.format(Locale.ROOT, "  %-" + col + "s", c)));
            out.println(line.toString().stripTrailing());
        });
        out.println();
        for (var r : reports) {
            out.println(r.pattern() + ": " + String.join(" → ", r.path()));
        }
        out.println();
        out.println("ESTIMATE: " + prices.header());
    }

    private static void row(Map<String, List<String>> rows, String label, String value) {
        rows.computeIfAbsent(label, k -> new ArrayList<>()).add(value);
    }
}
