package dev.apigeegke.microgateway;

import java.util.Map;

/** The secure defaults of {@link MicrogatewaySidecar}, each documented on its builder method and tested. */
final class MicrogatewaySidecarDefaults {
    static final String NAMESPACE = "default";
    /** The same pinned image as {@link MicrogatewayService}, so both modes run the same gateway code. */
    static final String IMAGE = MicrogatewayServiceDefaults.IMAGE;
    /**
     * A sidecar serves one service's pod, not a whole cluster: a tenth of a core. The gateway is about 177 MiB
     * resident when idle (master and one worker), so 256Mi requested and a 512Mi limit leave room under load.
     */
    static final Map<String, String> REQUESTS = Map.of("cpu", "100m", "memory", "256Mi");
    static final Map<String, String> LIMITS = Map.of("cpu", "500m", "memory", "512Mi");
    /** As MicrogatewayService: at least ArmoredIngress's default connection-draining timeout. */
    static final int PRE_STOP_SECONDS = MicrogatewayServiceDefaults.PRE_STOP_SECONDS;
    /** As MicrogatewayService: time for the requests in flight when the gateway stops. */
    static final int STOP_DELAY_SECONDS = MicrogatewayServiceDefaults.STOP_DELAY_SECONDS;
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
