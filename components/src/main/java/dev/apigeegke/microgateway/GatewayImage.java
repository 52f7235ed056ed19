package dev.apigeegke.microgateway;

import java.util.List;

/**
 * What the Edge Microgateway image is and does on the filesystem when it starts, in one place: the pod specs of
 * {@link MicrogatewayService} and {@link MicrogatewaySidecar} are derived from it, and the tests check the rendered
 * pods against it and run the start path with exactly these writes.
 *
 * <p>The start path of the 3.3.x image: the entrypoint decodes {@code EDGEMICRO_CONFIG} into
 * {@code /opt/apigee/.edgemicro/ORG-ENV-config.yaml}, edits it in place ({@code sed -i}, which writes a temporary
 * file beside it), logs to {@code /tmp/entrypoint.log} and {@code logs/edgemicro.log}, then runs
 * {@code edgemicro start} from {@code /opt/apigee}, which creates its IPC socket {@code edgemicro.sock} and pid file
 * {@code edgemicro.pid} in that working directory and a cache of the downloaded configuration in the config
 * directory. On SIGTERM it runs {@code cd /opt/apigee && edgemicro stop}, then waits {@code EDGEMICRO_STOP_DELAY}.
 */
final class GatewayImage {
    static final String REPOSITORY = "gcr.io/apigee-microgateway/edgemicro";
    /**
     * The newest published tag (2026-11-04; {@code 3.3.11-sec.1} and {@code 3.3.11} are older builds of the same
     * code line). Pinned so a redeploy never changes the gateway's code; pin a digest with {@code image(...)}.
     */
    static final String TAG = "3.3.12";
    static final String IMAGE = REPOSITORY + ":" + TAG;
    /** The image's user and group {@code apigee}. */
    static final int USER = 101;
    /** The image's working directory, where {@code edgemicro start} and the stop handler run. */
    static final String WORKDIR = "/opt/apigee";
    static final String CONFIG_DIR = WORKDIR + "/.edgemicro";
    static final String LOG_DIR = WORKDIR + "/logs";
    static final String PLUGINS_DIR = WORKDIR + "/plugins";
    static final String TMP_DIR = "/tmp";

    /** How long what the image writes at a path may live. */
    enum Lifetime {
        /**
         * Must be gone when the container starts again: a stale {@code edgemicro.sock} makes the next start refuse
         * ("Edgemicro seems to be already running"). Only the container's own layer is new on every restart; a
         * volume, even an emptyDir, keeps its files across container restarts, so such a path must not be on one.
         */
        ONE_START,
        /** Rewritten on every start or harmless to keep (logs, the decoded config, its cache): may be on a volume. */
        ANY
    }

    /** A file or directory the start path writes, who writes it and how long it may live. */
    record Write(String path, boolean directory, Lifetime lifetime, String writer) {
    }

    /** Every path the image writes from start to stop. */
    static final List<Write> WRITES = List.of(
            new Write(WORKDIR + "/edgemicro.sock", false, Lifetime.ONE_START, "edgemicro start: the master's IPC socket, in the working directory"),
            new Write(WORKDIR + "/edgemicro.pid", false, Lifetime.ONE_START, "edgemicro start: the master's pid file, in the working directory"),
            new Write(CONFIG_DIR, true, Lifetime.ANY,
                    "entrypoint: the decoded ORG-ENV-config.yaml and sed -i's temporary file; edgemicro start: ORG-ENV-cache-config.yaml"),
            new Write(LOG_DIR, true, Lifetime.ANY, "entrypoint: edgemicro.log; the gateway's own log files"),
            new Write(PLUGINS_DIR, true, Lifetime.ANY, "a volume the image declares for plugins added at run time"),
            new Write(TMP_DIR, true, Lifetime.ANY, "entrypoint: entrypoint.log; Node.js temporary files"));

    private GatewayImage() {
    }
}
