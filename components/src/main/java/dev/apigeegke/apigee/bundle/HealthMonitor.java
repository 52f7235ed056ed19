package dev.apigeegke.apigee.bundle;

import dev.apigeegke.core.Problems;
import java.util.regex.Pattern;

/**
 * Apigee's HTTP health monitor of a load-balanced target endpoint: every {@code intervalSec} it sends
 * {@code GET <path>} to each target server (its host and port), and a server that answers {@code responseCode} is put
 * back in rotation; a failed probe counts toward the load balancer's {@code MaxFailures} as a failed request does.
 *
 * @param path              the path probed on every server, e.g. {@code /orders}: one the target routes to a service
 *                          that answers it without credentials
 * @param tls               whether the target servers take TLS: the probe is then sent over HTTPS ({@code IsSSL}) with
 *                          each target server's TLS settings ({@code UseTargetServerSSLInfo}), which a monitor does not
 *                          use unless told
 * @param intervalSec       seconds between probes, 1 to {@value #MAX_INTERVAL_SEC}
 * @param connectTimeoutSec seconds to connect, 1 to {@value #MAX_TIMEOUT_SEC}
 * @param readTimeoutSec    seconds to wait for the answer, 1 to {@value #MAX_TIMEOUT_SEC}
 * @param responseCode      the status of a healthy answer
 */
public record HealthMonitor(String path, boolean tls, int intervalSec, int connectTimeoutSec, int readTimeoutSec,
                            int responseCode) {
    /** Seconds between probes unless given. */
    public static final int DEFAULT_INTERVAL_SEC = 5;
    /** Seconds to connect unless given. */
    public static final int DEFAULT_CONNECT_TIMEOUT_SEC = 5;
    /** Seconds to wait for the answer unless given. */
    public static final int DEFAULT_READ_TIMEOUT_SEC = 10;
    /** The longest interval taken: an hour. */
    public static final int MAX_INTERVAL_SEC = 3600;
    /** The longest timeout taken. */
    public static final int MAX_TIMEOUT_SEC = 300;
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~/:@%+,;=-]*");

    /** A GET of {@code path} every {@value #DEFAULT_INTERVAL_SEC} s, healthy when it answers 200. */
    public static HealthMonitor http(String path, boolean tls) {
        return new HealthMonitor(path, tls, DEFAULT_INTERVAL_SEC, DEFAULT_CONNECT_TIMEOUT_SEC, DEFAULT_READ_TIMEOUT_SEC, 200);
    }

    /** This monitor probing every {@code seconds}. */
    public HealthMonitor everySeconds(int seconds) {
        return new HealthMonitor(path, tls, seconds, connectTimeoutSec, readTimeoutSec, responseCode);
    }

    void check(Problems problems, String argument) {
        problems.check(path != null && PATH.matcher(path).matches(), argument + ".path", path,
                "a path starting with '/', e.g. /orders, without spaces, quotes, query or fragment");
        problems.check(intervalSec >= 1 && intervalSec <= MAX_INTERVAL_SEC, argument + ".intervalSec", intervalSec,
                "seconds between probes, 1 to " + MAX_INTERVAL_SEC);
        problems.check(connectTimeoutSec >= 1 && connectTimeoutSec <= MAX_TIMEOUT_SEC, argument + ".connectTimeoutSec",
                connectTimeoutSec, "1 to " + MAX_TIMEOUT_SEC + " seconds");
        problems.check(readTimeoutSec >= 1 && readTimeoutSec <= MAX_TIMEOUT_SEC, argument + ".readTimeoutSec",
                readTimeoutSec, "1 to " + MAX_TIMEOUT_SEC + " seconds");
        problems.check(responseCode >= 100 && responseCode <= 599, argument + ".responseCode", responseCode,
                "an HTTP status, e.g. 200");
    }

    /** The {@code <HealthMonitor>} element. */
    XmlElement toXml() {
        var request = XmlElement.of("Request")
                .leaf("ConnectTimeoutInSec", connectTimeoutSec)
                .leaf("SocketReadTimeoutInSec", readTimeoutSec)
                .leaf("Verb", "GET")
                .leaf("Path", path);
        if (tls) {
            request.leaf("IsSSL", true).leaf("UseTargetServerSSLInfo", true);
        }
        return XmlElement.of("HealthMonitor")
                .leaf("IsEnabled", true)
                .leaf("IntervalInSec", intervalSec)
                .add(XmlElement.of("HTTPMonitor")
                        .add(request)
                        .add(XmlElement.of("SuccessResponse").leaf("ResponseCode", responseCode)));
    }
}
