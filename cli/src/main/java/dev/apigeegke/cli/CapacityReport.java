package dev.apigeegke.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.gcp.compute.GlobalAddress;
import com.pulumi.gcp.compute.SecurityPolicy;
import com.pulumi.gcp.container.Cluster;
import com.pulumi.gcp.container.NodePool;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscaler;
import com.pulumi.kubernetes.networking.v1.Ingress;
import dev.apigeegke.apigee.ApigeeProxy;
import dev.apigeegke.apigee.resources.ApiProxy;
import dev.apigeegke.microgateway.MicrogatewayService;
import dev.apigeegke.microgateway.MicrogatewaySidecar;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.TypeTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * Capacity and cost estimate of a previewed plan: what the Deployments request, how many nodes of the
 * node pool's machine type hold it, whether the pool at its largest holds every workload at its largest
 * (HorizontalPodAutoscaler maxReplicas), the network hops on the request path and a monthly GCP list-price
 * estimate. Everything is read from the plan's resources; nothing is queried.
 */
final class CapacityReport {
    static final String MICROGATEWAY_SERVICE = MicrogatewayService.TYPE;
    static final String MICROGATEWAY_SIDECAR = MicrogatewaySidecar.TYPE;
    static final String APIGEE_PROXY = ApigeeProxy.TYPE;
    static final String API_PROXY = TypeTokens.of(ApiProxy.class);
    static final String DEPLOYMENT = TypeTokens.of(Deployment.class);
    static final String HPA = TypeTokens.of(HorizontalPodAutoscaler.class);
    static final String NODE_POOL = TypeTokens.of(NodePool.class);
    static final String CLUSTER = TypeTokens.of(Cluster.class);
    static final String INGRESS = TypeTokens.of(Ingress.class);
    static final String GLOBAL_ADDRESS = TypeTokens.of(GlobalAddress.class);
    static final String SECURITY_POLICY = TypeTokens.of(SecurityPolicy.class);
    /** GKE's default node zones for a regional cluster without nodeLocations. */
    static final int REGIONAL_DEFAULT_ZONES = 3;

    /** Machine types we know the shape of (vCPU, GiB); shared-core types are left out: their allocatable differs. */
    static final Map<String, Machine> MACHINES = machines(
            "e2-standard-2", 2, 8, "e2-standard-4", 4, 16, "e2-standard-8", 8, 32, "e2-standard-16", 16, 64,
            "e2-standard-32", 32, 128, "e2-highmem-2", 2, 16, "e2-highmem-4", 4, 32, "e2-highcpu-4", 4, 4,
            "n2-standard-2", 2, 8, "n2-standard-4", 4, 16, "n2-standard-8", 8, 32, "n2-standard-16", 16, 64);

    private CapacityReport() {
    }

    /** A machine type's shape and its GKE allocatable resources, computed from GKE's documented reservations. */
    record Machine(String type, int vcpu, double memoryGib) {
        /** CPU left to pods: 6% of the first core, 1% of the next, 0.5% of the next 2 and 0.25% above 4 are reserved. */
        double allocatableCpuMillis() {
            double c = vcpu;
            double reserved = 60 * Math.min(c, 1) + 10 * clamp(c - 1, 1) + 5 * clamp(c - 2, 2) + 2.5 * Math.max(c - 4, 0);
            return c * 1000 - reserved;
        }

        /** Memory left to pods, MiB: 25% of the first 4 GiB, 20% of the next 4, 10% of the next 8, 6% of the next 112, 2% above; minus 100 MiB eviction threshold. */
        double allocatableMemoryMib() {
            double m = memoryGib;
            double reservedGib = 0.25 * Math.min(m, 4) + 0.20 * clamp(m - 4, 4) + 0.10 * clamp(m - 8, 8)
                    + 0.06 * clamp(m - 16, 112) + 0.02 * Math.max(m - 128, 0);
            return (m - reservedGib) * 1024 - 100;
        }

        private static double clamp(double v, double max) {
            return Math.max(0, Math.min(v, max));
        }
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
     * One Deployment's requests: per replica of the main containers and of the gateway sidecars; its replicas
     * now ({@code spec.replicas}, or the HPA's minimum) and at most (the HPA's maximum, else the same).
     */
    record Workload(String name, boolean gateway, long replicas, String replicasFrom, long maxReplicas,
                    String maxReplicasFrom, double cpuMillis, double memoryMib, double sidecarCpuMillis,
                    double sidecarMemoryMib) {
        /** One pod's CPU request, sidecars included, millicores. */
        double podCpu() {
            return cpuMillis + sidecarCpuMillis;
        }

        double podMemory() {
            return memoryMib + sidecarMemoryMib;
        }

        double totalCpu() {
            return replicas * podCpu();
        }

        double totalMemory() {
            return replicas * podMemory();
        }

        double maxCpu() {
            return maxReplicas * podCpu();
        }

        double maxMemory() {
            return maxReplicas * podMemory();
        }

        String kind() {
            return gateway ? "gateway" : "microservice";
        }
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

    /** One cost line, USD per month; {@code usd} is NaN when the price table has no price for it. */
    record CostLine(String item, double usd) {
    }

    /** The estimate of one plan. */
    record Report(String pattern, List<Workload> workloads, Machine machine, String machineType, long nodesNeeded,
                  double cpuRatio, double memoryRatio, long configuredNodes, String configuredFrom,
                  long maxNodes, String maxNodesFrom, Fit fit,
                  List<String> path, List<CostLine> costs, Overhead overhead) {
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
            return costs.stream().mapToDouble(CostLine::usd).sum();
        }
    }

    /** The list prices of one region, read from {@code gcp-list-prices.json}. */
    record Prices(JsonNode json) {
        static Prices load() {
            try (InputStream in = CapacityReport.class.getResourceAsStream("/gcp-list-prices.json")) {
                return new Prices(new ObjectMapper().readTree(Objects.requireNonNull(in, "gcp-list-prices.json missing")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        double hoursPerMonth() {
            return json.path("hoursPerMonth").asDouble(730);
        }

        /** Hourly price of a machine from its family's per-vCPU and per-GiB rates; NaN when the family is not listed. */
        double machineHour(Machine m) {
            JsonNode family = json.path("machineFamilies").path(m.type().substring(0, m.type().indexOf('-')));
            if (family.isMissingNode()) {
                return Double.NaN;
            }
            return m.vcpu() * family.path("vcpuHour").asDouble() + m.memoryGib() * family.path("memoryGibHour").asDouble();
        }

        double get(String key) {
            return json.path(key).asDouble(Double.NaN);
        }

        String header() {
            return json.path("region").asText() + " list prices of " + json.path("date").asText() + ", "
                    + json.path("currency").asText("USD") + " — " + json.path("note").asText();
        }
    }

    /** The estimate of {@code plan} with GKE's assumed system overhead. */
    static Report of(String pattern, Plan plan) {
        return of(pattern, plan, Overhead.GKE, Prices.load());
    }

    static Report of(String pattern, Plan plan, Overhead overhead, Prices prices) {
        var workloads = plan.ofType(DEPLOYMENT).stream().map(d -> workload(plan, d)).toList();
        var pools = plan.ofType(NODE_POOL);
        String machineType = pools.isEmpty() ? null : str(path(pools.get(0).inputs(), "nodeConfig", "machineType"));
        Machine machine = machineType == null ? null : MACHINES.get(machineType);
        long configured = 0;
        long most = 0;
        var from = new ArrayList<String>();
        var mostFrom = new ArrayList<String>();
        for (var pool : pools) {
            int zones = zones(pool);
            String zoneText = zones + " zone" + (zones == 1 ? "" : "s");
            // With autoscaling the program sets the initial count; without, the fixed count.
            String countKey = pool.inputs().get("nodeCount") == null && pool.inputs().get("initialNodeCount") != null
                    ? "initialNodeCount" : "nodeCount";
            long perZone = num(pool.inputs().get(countKey), 1);
            configured += perZone * zones;
            from.add(countKey + " " + perZone + " × " + zoneText);
            Object totalMax = path(pool.inputs(), "autoscaling", "totalMaxNodeCount");
            Object zoneMax = path(pool.inputs(), "autoscaling", "maxNodeCount");
            if (totalMax instanceof Number n) {
                most += n.longValue();
                mostFrom.add("autoscaling totalMaxNodeCount " + n.longValue());
            } else if (zoneMax instanceof Number n) {
                most += n.longValue() * zones;
                mostFrom.add("autoscaling maxNodeCount " + n.longValue() + " × " + zoneText);
            } else {
                most += perZone * zones;
                mostFrom.add("no autoscaling");
            }
        }
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
            fit = fit(workloads, machine, nodeCpu, nodeMem, most, overhead);
        }
        var costs = costs(plan, machine, Math.max(needed, configured), prices);
        return new Report(pattern, workloads, machine, machineType, needed, cpuRatio, memRatio, configured,
                String.join(" + ", from), most, String.join(" + ", mostFrom), fit, requestPath(plan), costs, overhead);
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
                        w.kind(), w.name(), cpu(w.podCpu()), mem(w.podMemory()), machine.type(), cpu(nodeCpu), mem(nodeMem)));
            }
        }
        if (cpu > cpuOffered + 1e-6) {
            warnings.add(shortfall("CPU", cpu, cpuOffered, CapacityReport::cpu, Workload::podCpu, workloads, maxNodes, machine));
        }
        if (mem > memOffered + 1e-6) {
            warnings.add(shortfall("memory", mem, memOffered, CapacityReport::mem, Workload::podMemory, workloads, maxNodes, machine));
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

    private static Workload workload(Plan plan, Plan.Resource deployment) {
        Map<String, Object> in = deployment.inputs();
        String name = str(path(in, "metadata", "name"));
        String namespace = Objects.requireNonNullElse(str(path(in, "metadata", "namespace")), "default");
        boolean gateway = plan.resources().stream()
                .anyMatch(r -> r.urn().equals(deployment.parent()) && r.type().equals(MICROGATEWAY_SERVICE))
                || MicrogatewayService.APP.equals(str(path(in, "metadata", "labels", "app.kubernetes.io/name")));
        var hpa = plan.ofType(HPA).stream()
                .filter(h -> name != null && name.equals(str(path(h.inputs(), "spec", "scaleTargetRef", "name")))
                        && namespace.equals(Objects.requireNonNullElse(str(path(h.inputs(), "metadata", "namespace")), "default")))
                .findFirst();
        Object replicas = path(in, "spec", "replicas");
        long count;
        String from;
        if (replicas instanceof Number n) {
            count = n.longValue();
            from = "spec.replicas";
        } else {
            count = hpa.map(h -> num(path(h.inputs(), "spec", "minReplicas"), 1)).orElse(1L);
            from = hpa.isPresent() ? "HPA minReplicas" : "Kubernetes default";
        }
        // An HPA owns the replica count once it exists: it may scale up to its maximum whatever spec.replicas says.
        long most = hpa.map(h -> num(path(h.inputs(), "spec", "maxReplicas"), count)).orElse(count);
        String mostFrom = hpa.isPresent() ? "HPA maxReplicas" : from;
        double cpu = 0;
        double mem = 0;
        double sideCpu = 0;
        double sideMem = 0;
        for (var c : list(path(in, "spec", "template", "spec", "containers"))) {
            double cCpu = cpuMillis(path(c, "resources", "requests", "cpu"));
            double cMem = memoryMib(path(c, "resources", "requests", "memory"));
            if (!gateway && MicrogatewaySidecar.CONTAINER.equals(str(c.get("name")))) {
                sideCpu += cCpu;
                sideMem += cMem;
            } else {
                cpu += cCpu;
                mem += cMem;
            }
        }
        // A pod's request is the larger of its containers' sum and its largest init container.
        for (var c : list(path(in, "spec", "template", "spec", "initContainers"))) {
            double iCpu = cpuMillis(path(c, "resources", "requests", "cpu"));
            double iMem = memoryMib(path(c, "resources", "requests", "memory"));
            if (iCpu > cpu + sideCpu) {
                cpu = iCpu - sideCpu;
            }
            if (iMem > mem + sideMem) {
                mem = iMem - sideMem;
            }
        }
        return new Workload(name != null ? name : deployment.name(), gateway, count, from, most, mostFrom,
                cpu, mem, sideCpu, sideMem);
    }

    /** The stops of a request: the resources present decide which gateway sits where. */
    static List<String> requestPath(Plan plan) {
        var stops = new ArrayList<String>();
        stops.add("client");
        boolean sidecar = !plan.ofType(MICROGATEWAY_SIDECAR).isEmpty();
        boolean gatewayService = !plan.ofType(MICROGATEWAY_SERVICE).isEmpty();
        boolean apigee = !plan.ofType(APIGEE_PROXY).isEmpty() || !plan.ofType(API_PROXY).isEmpty();
        // Microgateway patterns also declare Apigee proxies, but those are its config source, not a request hop.
        if (apigee && !sidecar && !gatewayService) {
            stops.add("Apigee");
        }
        stops.add(plan.ofType(INGRESS).isEmpty() ? "Service" : "load balancer");
        if (gatewayService) {
            stops.add("gateway pod");
            stops.add("service pod");
        } else {
            stops.add(sidecar ? "pod (sidecar on localhost)" : "pod");
        }
        return stops;
    }

    private static List<CostLine> costs(Plan plan, Machine machine, long nodes, Prices prices) {
        double hours = prices.hoursPerMonth();
        var lines = new ArrayList<CostLine>();
        String type = machine == null ? "unknown machine" : machine.type();
        lines.add(new CostLine(nodes + " × " + type + " node", machine == null ? Double.NaN : nodes * prices.machineHour(machine) * hours));
        int ingresses = plan.ofType(INGRESS).size();
        if (ingresses > 0) {
            lines.add(new CostLine(ingresses + " load balancer forwarding rule", ingresses * prices.get("forwardingRuleHour") * hours));
        }
        int addresses = plan.ofType(GLOBAL_ADDRESS).size();
        if (addresses > 0) {
            lines.add(new CostLine(addresses + " static IP (in use)", addresses * prices.get("staticIpInUseHour") * hours));
        }
        var policies = plan.ofType(SECURITY_POLICY);
        if (!policies.isEmpty()) {
            int rules = policies.stream().mapToInt(p -> list(p.inputs().get("rules")).size()).sum();
            lines.add(new CostLine(policies.size() + " Cloud Armor policy, " + rules + " rules",
                    policies.size() * prices.get("cloudArmorPolicyMonth") + rules * prices.get("cloudArmorRuleMonth")));
        }
        int clusters = plan.ofType(CLUSTER).size();
        if (clusters > 0) {
            lines.add(new CostLine(clusters + " GKE cluster management fee", clusters * prices.get("gkeClusterManagementHour") * hours));
        }
        return lines;
    }

    /** Prints one report in full. */
    static void print(Report r, Prices prices, PrintStream out) {
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
            out.println("Nodes: machine type " + r.machineType() + " is not in the table " + MACHINES.keySet()
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

    /** Prints the reports side by side. */
    static void compare(List<Report> reports, Prices prices, PrintStream out) {
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

    /** Millicores of a Kubernetes CPU quantity ("100m", "1", "0.5", or a number of cores); 0 when absent. */
    static double cpuMillis(Object q) {
        if (q == null) {
            return 0;
        }
        if (q instanceof Number n) {
            return n.doubleValue() * 1000;
        }
        String s = q.toString().trim();
        return s.endsWith("m") ? Double.parseDouble(s.substring(0, s.length() - 1)) : Double.parseDouble(s) * 1000;
    }

    /** MiB of a Kubernetes memory quantity ("128Mi", "1Gi", "500M", bytes); 0 when absent. */
    static double memoryMib(Object q) {
        if (q == null) {
            return 0;
        }
        if (q instanceof Number n) {
            return n.doubleValue() / (1024 * 1024);
        }
        String s = q.toString().trim();
        String[][] units = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
                {"k", "1000"}, {"K", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"}};
        for (var u : units) {
            if (s.endsWith(u[0])) {
                return Double.parseDouble(s.substring(0, s.length() - u[0].length())) * Double.parseDouble(u[1]) / 1048576;
            }
        }
        return Double.parseDouble(s) / 1048576;
    }

    private static int zones(Plan.Resource pool) {
        var locations = list(pool.inputs().get("nodeLocations"));
        if (!locations.isEmpty()) {
            return locations.size();
        }
        String location = str(pool.inputs().get("location"));
        // A region (europe-west1) spreads the pool over GKE's default zones; a zone (europe-west1-b) is one.
        return location != null && location.matches("[a-z]+-[a-z]+\\d+") ? REGIONAL_DEFAULT_ZONES : 1;
    }

    private static Object path(Object node, String... keys) {
        Object cur = node;
        for (String k : keys) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(k);
        }
        return cur;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        if (!(o instanceof List<?> l)) {
            return List.of();
        }
        return l.stream().filter(Map.class::isInstance).map(e -> (Map<String, Object>) e).toList();
    }

    private static String str(Object o) {
        return o instanceof String s ? s : null;
    }

    private static long num(Object o, long otherwise) {
        return o instanceof Number n ? n.longValue() : otherwise;
    }

    private static Map<String, Machine> machines(Object... spec) {
        var m = new LinkedHashMap<String, Machine>();
        for (int i = 0; i < spec.length; i += 3) {
            m.put((String) spec[i], new Machine((String) spec[i], (Integer) spec[i + 1], (Integer) spec[i + 2]));
        }
        return m;
    }

    static String cpu(double millis) {
        return fmt(millis) + "m";
    }

    static String mem(double mib) {
        return fmt(mib) + "Mi";
    }

    private static String fmt(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-6 ? String.valueOf((long) Math.rint(v)) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String usd(double v) {
        return Double.isNaN(v) ? "no price" : String.format(Locale.ROOT, "$%,.2f", v);
    }
}
