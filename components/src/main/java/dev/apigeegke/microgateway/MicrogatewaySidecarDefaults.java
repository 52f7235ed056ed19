package dev.apigeegke.microgateway;

import java.util.Map;

/** The secure defaults of {@link MicrogatewaySidecar}, each documented on its builder method and tested. */
final class MicrogatewaySidecarDefaults {
    static final String NAMESPACE = "default";
    /** The same pinned image as {@link MicrogatewayService}, so both modes run the same gateway code. */
    static final String IMAGE = MicrogatewayServiceDefaults.IMAGE;
    /** A sidecar serves one service's pod, not a whole cluster: a tenth of a core and 128Mi to start with. */
    static final Map<String, String> REQUESTS = Map.of("cpu", "100m", "memory", "128Mi");
    static final Map<String, String> LIMITS = Map.of("cpu", "500m", "memory", "256Mi");
    /** The sidecar's port; Services target it, and the NetworkPolicy admits only it. */
    static final int PORT = MicrogatewayServiceDefaults.PORT;
    static final String CONTAINER = "edge-microgateway";
    /** The old injector's iptables init container, renamed to a valid container name. */
    static final String INIT_CONTAINER = "edgemicro-proxy-init";
    /** Prefix of the sidecar's emptyDir volumes, so they never clash with the app's own (an app's "tmp", say). */
    static final String VOLUME_PREFIX = "edge-microgateway-";

    private MicrogatewaySidecarDefaults() {
    }
}
