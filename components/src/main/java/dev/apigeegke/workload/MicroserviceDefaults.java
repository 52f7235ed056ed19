package dev.apigeegke.workload;

import java.util.Map;

/** The secure defaults of {@link Microservice}, each documented in the README and tested. */
final class MicroserviceDefaults {
    static final String NAMESPACE = "default";
    static final int REPLICAS = 2;
    static final String HEALTH_PATH = "/";
    /** A non-root user id, for images that do not declare a numeric USER. */
    static final long RUN_AS_USER = 65532;
    /** The port of the optional ClusterIP Service. */
    static final int SERVICE_PORT = 80;
    /** At least ArmoredIngress's default connection-draining timeout (30 s), so a NEG backend drains without errors. */
    static final int PRE_STOP_SECONDS = 30;
    static final int MAX_PRE_STOP_SECONDS = 3600;
    /** Added to the preStop wait for the grace period: the app's own shutdown after SIGTERM. */
    static final int SHUTDOWN_SECONDS = 10;
    static final Map<String, String> REQUESTS = Map.of("cpu", "100m", "memory", "128Mi");
    static final Map<String, String> LIMITS = Map.of("cpu", "500m", "memory", "256Mi");

    private MicroserviceDefaults() {
    }
}
