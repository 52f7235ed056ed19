package dev.apigeegke.cli.capacity;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the estimate reads from a plan's resources: the workloads' requests, the node pools, the request path. */
final class PlanReader {
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

    private PlanReader() {
    }

    /**
     * The node pools: the first one's machine type, the nodes configured now and at most in all pools, each with
     * where its count comes from.
     */
    record NodePools(String machineType, long configured, String configuredFrom, long most, String mostFrom) {
    }

    /** Every Deployment's requests and replicas. */
    static List<Workload> workloads(Plan plan) {
        return plan.ofType(DEPLOYMENT).stream().map(d -> workload(plan, d)).toList();
    }

    static NodePools nodePools(Plan plan) {
        var pools = plan.ofType(NODE_POOL);
        String machineType = pools.isEmpty() ? null : str(path(pools.get(0).inputs(), "nodeConfig", "machineType"));
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
        return new NodePools(machineType, configured, String.join(" + ", from), most, String.join(" + ", mostFrom));
    }

    private static Workload workload(Plan plan, Plan.Resource deployment) {
        Map<String, Object> in = deployment.inputs();
        String name = str(path(in, "metadata", "name"));
        String namespace = Objects.requireNonNullElse(str(path(in, "metadata", "namespace")), "default");
        // The gateway's Deployment is its component's child; one declared without the component carries its app label.
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
            double cCpu = Units.cpuMillis(path(c, "resources", "requests", "cpu"));
            double cMem = Units.memoryMib(path(c, "resources", "requests", "memory"));
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
            double iCpu = Units.cpuMillis(path(c, "resources", "requests", "cpu"));
            double iMem = Units.memoryMib(path(c, "resources", "requests", "memory"));
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

    private static int zones(Plan.Resource pool) {
        // nodeLocations lists zone names (strings), not objects.
        if (pool.inputs().get("nodeLocations") instanceof List<?> locations && !locations.isEmpty()) {
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

    /** The maps in {@code o} when it is a list; empty otherwise. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
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
}
