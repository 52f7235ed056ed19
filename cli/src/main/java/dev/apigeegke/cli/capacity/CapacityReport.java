package dev.apigeegke.cli.capacity;

import dev.apigeegke.preview.Plan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * Capacity and cost estimate of a previewed plan: what the Deployments request, how many nodes of the
 * node pool's machine type hold it, whether the pool at its largest holds every workload at its largest
 * (HorizontalPodAutoscaler maxReplicas), the network hops on the request path and a monthly GCP list-price
 * estimate. Everything is read from the plan's resources; nothing is queried.
 */
public final class CapacityReport {
    private CapacityReport() {
    }

    /**
     * GKE's own pods, which the workload's requests do not include: per-node DaemonSets (networking, logging,
     * metrics, CSI) and cluster-wide Deployments (kube-dns, metrics-server, konnectivity, default backend).
     */
    record Overhead(double perNodeCpuMillis, double perNodeMemoryMib, double clusterCpuMillis, double clusterMemoryMib) {
        /** An ASSUMPTION in the order of what a small GKE Standard cluster runs; measure with kubectl describe nodes. */
        static final Overhead GKE = new Overhead(200, 300, 500, 500);
        /** No system pods: the bare arithmetic. */
        static final Overhead NONE = new Overhead(0, 0, 0, 0);
    }

    /**
     * Whether the node pool at its largest holds every workload at its largest: the requests at maximum replicas
     * plus the cluster-wide system pods, against the allocatable of {@code maxNodes} nodes minus their system pods.
     *
     * @param nodesNeeded nodes the requests at maximum replicas fill
     * @param warnings    one line per thing that does not fit, naming the workload and the shortfall
     */
    record Fit(double cpuRequested, double memoryRequested, double cpuOffered, double memoryOffered,
               double cpuRatio, double memoryRatio, long nodesNeeded, List<String> warnings) {
        boolean fits() {
            return warnings.isEmpty();
        }
    }

    /** The estimate of one plan. */
    public record Report(String pattern, List<Workload> workloads, Machine machine, String machineType, long nodesNeeded,
                         double cpuRatio, double memoryRatio, long configuredNodes, String configuredFrom,
                         long maxNodes, String maxNodesFrom, Fit fit,
                         List<String> path, List<Prices.CostLine> costs, Overhead overhead) {
        /** CPU requested by the microservices' own containers (sidecars excluded), millicores. */
        double serviceCpu() {
            return workloads.stream().filter(w -> !w.gateway()).mapToDouble(w -> w.replicas() * w.cpuMillis()).sum();
        }

        double serviceMemory() {
            return workloads.stream().filter(w -> !w.gateway()).mapToDouble(w -> w.replicas() * w.memoryMib()).sum();
        }

        /** CPU requested by the gateway: its own Deployment plus every sidecar, millicores. */
        double gatewayCpu() {
            return totalCpu() - serviceCpu();
        }

        double gatewayMemory() {
            return totalMemory() - serviceMemory();
        }

        double totalCpu() {
            return workloads.stream().mapToDouble(Workload::totalCpu).sum();
        }

        double totalMemory() {
            return workloads.stream().mapToDouble(Workload::totalMemory).sum();
        }

        /** Network hops between the path's stops. */
        int hops() {
            return path.size() - 1;
        }

        double monthlyUsd() {
            return costs.stream().mapToDouble(Prices.CostLine::usd).sum();
        }
    }

    /** The estimate of {@code plan} with GKE's assumed system overhead. */
    public static Report of(String pattern, Plan plan) {
        return of(pattern, plan, Overhead.GKE, Prices.load());
    }

    static Report of(String pattern, Plan plan, Overhead overhead, Prices prices) {
        var workloads = PlanReader.workloads(plan);
        var pools = PlanReader.nodePools(plan);
        Machine machine = pools.machineType() == null ? null : Machine.of(pools.machineType());
        double cpuRatio = Double.NaN;
        double memRatio = Double.NaN;
        long needed = -1;
        Fit fit = null;
        if (machine != null) {
            double nodeCpu = machine.allocatableCpuMillis() - overhead.perNodeCpuMillis();
            double nodeMem = machine.allocatableMemoryMib() - overhead.perNodeMemoryMib();
            double cpu = workloads.stream().mapToDouble(Workload::totalCpu).sum() + overhead.clusterCpuMillis();
            double mem = workloads.stream().mapToDouble(Workload::totalMemory).sum() + overhead.clusterMemoryMib();
            cpuRatio = cpu / nodeCpu;
            memRatio = mem / nodeMem;
            needed = nodes(cpuRatio, memRatio);
            fit = fit(workloads, machine, nodeCpu, nodeMem, pools.most(), overhead);
        }
        var costs = prices.costs(plan, machine, Math.max(needed, pools.configured()));
        return new Report(pattern, workloads, machine, pools.machineType(), needed, cpuRatio, memRatio, pools.configured(),
                pools.configuredFrom(), pools.most(), pools.mostFrom(), fit, PlanReader.requestPath(plan), costs, overhead);
    }

    private static long nodes(double cpuRatio, double memoryRatio) {
        return Math.max(1, (long) Math.ceil(Math.max(cpuRatio, memoryRatio) - 1e-9));
    }

    /**
     * The workloads at their maximum replicas on {@code maxNodes} nodes of {@code nodeCpu}/{@code nodeMem} each
     * (allocatable less the per-node system pods). Sums of requests: a pod must also fit on one node, which is
     * checked per workload; how the scheduler packs pods of different sizes can need more.
     */
    private static Fit fit(List<Workload> workloads, Machine machine, double nodeCpu, double nodeMem, long maxNodes,
                           Overhead overhead) {
        double cpu = workloads.stream().mapToDouble(Workload::maxCpu).sum() + overhead.clusterCpuMillis();
        double mem = workloads.stream().mapToDouble(Workload::maxMemory).sum() + overhead.clusterMemoryMib();
        double cpuOffered = maxNodes * nodeCpu;
        double memOffered = maxNodes * nodeMem;
        var warnings = new ArrayList<String>();
        for (var w : workloads) {
            if (w.podCpu() > nodeCpu || w.podMemory() > nodeMem) {
                warnings.add(String.format(Locale.ROOT, "%s %s: one pod requests %s / %s, more than a %s node offers (%s / %s): "
                                + "it can never be scheduled; use a larger machine type or smaller requests",
                        w.kind(), w.name(), Units.cpu(w.podCpu()), Units.mem(w.podMemory()), machine.type(),
                        Units.cpu(nodeCpu), Units.mem(nodeMem)));
            }
        }
        if (cpu > cpuOffered + 1e-6) {
            warnings.add(shortfall("CPU", cpu, cpuOffered, Units::cpu, Workload::podCpu, workloads, maxNodes, machine));
        }
        if (mem > memOffered + 1e-6) {
            warnings.add(shortfall("memory", mem, memOffered, Units::mem, Workload::podMemory, workloads, maxNodes, machine));
        }
        return new Fit(cpu, mem, cpuOffered, memOffered, cpu / nodeCpu, mem / nodeMem, nodes(cpu / nodeCpu, mem / nodeMem),
                List.copyOf(warnings));
    }

    /** What is short, and the workload with the largest share of {@code resource} at its maximum replicas. */
    private static String shortfall(String resource, double requested, double offered, DoubleFunction<String> unit,
                                    ToDoubleFunction<Workload> perPod, List<Workload> workloads, long maxNodes, Machine machine) {
        String text = String.format(Locale.ROOT, "%s %s short at maximum replicas: the pods request %s (system pods included), "
                        + "the node pool at its maximum of %d × %s offers %s", unit.apply(requested - offered), resource,
                unit.apply(requested), maxNodes, machine.type(), unit.apply(offered));
        var largest = workloads.stream().max(Comparator.comparingDouble(w -> w.maxReplicas() * perPod.applyAsDouble(w)));
        if (largest.isEmpty()) {
            return text + ": give the node pool room (autoscaling up to more nodes, or a larger machine type)";
        }
        var w = largest.get();
        double pod = perPod.applyAsDouble(w);
        return text + String.format(Locale.ROOT, "; the largest share is %s %s, %d × %s = %s (%s): give the node pool room "
                        + "(autoscaling up to more nodes, or a larger machine type) or lower that workload's maximum replicas",
                w.kind(), w.name(), w.maxReplicas(),
                unit.apply(pod), unit.apply(w.maxReplicas() * pod), w.maxReplicasFrom());
    }
}
