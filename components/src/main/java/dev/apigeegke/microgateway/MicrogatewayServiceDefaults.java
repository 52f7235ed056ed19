package dev.apigeegke.microgateway;

import java.util.List;
import java.util.Map;

/** The secure defaults of {@link MicrogatewayService}, each documented on its builder method and tested. */
final class MicrogatewayServiceDefaults {
    static final String NAMESPACE = "edgemicro-system";
    static final String IMAGE = GatewayImage.IMAGE;
    static final int REPLICAS = 2;
    static final int MAX_REPLICAS = 10;
    static final int TARGET_CPU_UTILIZATION = 70;
    /** One Node.js worker per pod: the pod's CPU limit is one core, and the HPA adds pods rather than workers. */
    static final int PROCESSES = 1;
    static final int MAX_PROCESSES = 16;
    /** The image accepts 1 to 1800 seconds; it waits this long after SIGTERM so the workers finish their requests. */
    static final int STOP_DELAY_SECONDS = 20;
    /**
     * The preStop wait: the gateway keeps serving while the load balancer detaches the pod's endpoint and drains it;
     * at least ArmoredIngress's default connection-draining timeout (30 s).
     */
    static final int PRE_STOP_SECONDS = 30;
    static final int MAX_STOP_DELAY_SECONDS = 1800;
    /** Added to the preStop wait and the stop delay for the grace period, so Kubernetes never kills the gateway mid-drain. */
    static final int GRACE_MARGIN_SECONDS = 10;
    /** About 177 MiB resident when idle (master and one worker): 512Mi leaves room for connections and caches. */
    static final Map<String, String> REQUESTS = Map.of("cpu", "500m", "memory", "512Mi");
    static final Map<String, String> LIMITS = Map.of("cpu", "1", "memory", "1Gi");

    /**
     * The port the Service, probes, NetworkPolicies and load balancer use. The gateway listens on its config's
     * {@code edgemicro.port} (the entrypoint ignores EDGEMICRO_PORT when EDGEMICRO_PROCESSES is set), so the args
     * checks hold the config to this port.
     */
    static final int PORT = 8000;
    static final String HEALTH_PATH = "/healthcheck";
    static final int USER = GatewayImage.USER;
    /** Google's front ends and health checkers, which reach NEG-backed pods directly. */
    static final List<String> GOOGLE_LOAD_BALANCER_RANGES = List.of("35.191.0.0/16", "130.211.0.0/22");

    private MicrogatewayServiceDefaults() {
    }
}
