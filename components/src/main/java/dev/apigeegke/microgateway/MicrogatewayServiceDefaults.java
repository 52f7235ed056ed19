package dev.apigeegke.microgateway;

import java.util.List;
import java.util.Map;

/** The secure defaults of {@link MicrogatewayService}, each documented on its builder method and tested. */
final class MicrogatewayServiceDefaults {
    static final String NAMESPACE = "edgemicro-system";
    /** A published 3.3.x image; pinned so a redeploy never changes the gateway's code behind our back. */
    static final String IMAGE = "gcr.io/apigee-microgateway/edgemicro:3.3.11";
    static final int REPLICAS = 2;
    static final int MAX_REPLICAS = 10;
    static final int TARGET_CPU_UTILIZATION = 70;
    /** One Node.js worker per pod: the pod's CPU limit is one core, and the HPA adds pods rather than workers. */
    static final int PROCESSES = 1;
    static final int MAX_PROCESSES = 16;
    /** The image accepts 1 to 1800 seconds; it waits this long after SIGTERM so the load balancer drains the pod. */
    static final int STOP_DELAY_SECONDS = 20;
    static final int MAX_STOP_DELAY_SECONDS = 1800;
    /** Added to the stop delay for the grace period, so Kubernetes never kills the gateway mid-drain. */
    static final int GRACE_MARGIN_SECONDS = 10;
    static final Map<String, String> REQUESTS = Map.of("cpu", "500m", "memory", "512Mi");
    static final Map<String, String> LIMITS = Map.of("cpu", "1", "memory", "1Gi");

    /** The port the image listens on; its entrypoint rewrites the config's port to 8000 whatever it says. */
    static final int PORT = 8000;
    static final String HEALTH_PATH = "/healthcheck";
    /** The image's user and group {@code apigee}. */
    static final int USER = 101;
    static final String CONFIG_DIR = "/opt/apigee/.edgemicro";
    static final String LOG_DIR = "/opt/apigee/logs";
    /** Google's front ends and health checkers, which reach NEG-backed pods directly. */
    static final List<String> GOOGLE_LOAD_BALANCER_RANGES = List.of("35.191.0.0/16", "130.211.0.0/22");

    private MicrogatewayServiceDefaults() {
    }
}
