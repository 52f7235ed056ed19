package dev.apigeegke.apigee.bundle;

import dev.apigeegke.core.Problems;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a target endpoint spreads requests over its target servers: Apigee's {@code LoadBalancer} (algorithm, the failures
 * that take a server out of rotation) and the {@code HealthMonitor} that puts it back.
 *
 * <p>With one server the load balancer only names it: Apigee's guidance is not to take the only server out of rotation
 * ({@code MaxFailures} 0), so there is nothing for a monitor to put back.
 *
 * @param algorithm     how requests are spread over the servers that are in rotation
 * @param maxFailures   requests in a row a server does not answer (or a health probe fails) after which Apigee takes it
 *                      out of rotation: 0 with one server (never), at least 1 with several
 * @param healthMonitor the probe that puts a server back in rotation once it answers again: required with several
 *                      servers, since Apigee's documentation has a server taken out stay out until the proxy is
 *                      redeployed otherwise
 * @param unhealthyCodes the answers that count as failures too ({@code ServerUnhealthyResponse}), and that Apigee
 *                      retries on another server: without them only no answer at all counts, and any answer resets a
 *                      server's count. Default {@link #LOAD_BALANCER_ERRORS}: a Google Cloud load balancer (a GKE
 *                      Ingress) answers 502 when no backend is healthy or a backend's connection fails, 503 when
 *                      none can take the request, 504 when a backend does not answer in time, so a cluster whose
 *                      services are down would otherwise stay in rotation. A retried request may have reached a
 *                      service already (a 504, a timeout): Apigee retries, as on its own timeouts, whatever the method
 */
public record LoadBalancing(Algorithm algorithm, int maxFailures, Optional<HealthMonitor> healthMonitor, List<Integer> unhealthyCodes) {
    /** The load balancer's own errors: no healthy backend (502), backend unavailable (503), backend timeout (504). */
    public static final List<Integer> LOAD_BALANCER_ERRORS = List.of(502, 503, 504);
    /** One server: named, never taken out of rotation, not monitored. */
    public static final LoadBalancing SINGLE = new LoadBalancing(Algorithm.ROUND_ROBIN, 0, Optional.empty(), List.of());

    /** Apigee's load-balancing algorithms, as a bundle spells them. */
    public enum Algorithm {
        /** Each server in turn (Apigee's default). */
        ROUND_ROBIN("RoundRobin"),
        /** In proportion to each server's weight. */
        WEIGHTED("Weighted"),
        /** The server with the fewest open connections. */
        LEAST_CONNECTIONS("LeastConnections");

        private final String xml;

        Algorithm(String xml) {
            this.xml = xml;
        }

        /** The algorithm's name in a bundle's {@code <Algorithm>}. */
        public String xml() {
            return xml;
        }
    }

    /**
     * A target server in the load balancer.
     *
     * @param name     the target server's name in each environment
     * @param weight   its share of the requests with {@link Algorithm#WEIGHTED}, at least 1 (Apigee's documentation
     *                 gives no upper bound); 1 with the other algorithms, which have no weights
     * @param fallback whether it serves only while every other server is out of rotation (active/passive)
     */
    public record Server(String name, int weight, boolean fallback) {
        /** A server of weight 1 that is not a fallback. */
        public static Server named(String name) {
            return new Server(name, 1, false);
        }
    }

    /** Checks that a monitor is given (or empty) and copies the codes. */
    public LoadBalancing {
        Objects.requireNonNull(healthMonitor, "healthMonitor");
        unhealthyCodes = unhealthyCodes == null ? List.of() : List.copyOf(unhealthyCodes);
    }

    /** Balancing counting {@link #LOAD_BALANCER_ERRORS} as failures. */
    public LoadBalancing(Algorithm algorithm, int maxFailures, Optional<HealthMonitor> healthMonitor) {
        this(algorithm, maxFailures, healthMonitor, LOAD_BALANCER_ERRORS);
    }

    /**
     * Balancing by {@code algorithm}, taking a server out after {@code maxFailures} (no answers, or
     * {@link #LOAD_BALANCER_ERRORS}), with {@code monitor} putting it back.
     */
    public static LoadBalancing of(Algorithm algorithm, int maxFailures, HealthMonitor monitor) {
        return new LoadBalancing(algorithm, maxFailures, Optional.of(monitor));
    }

    /** Adds the problems of these settings over {@code servers} to {@code problems}, each under {@code argument}. */
    void check(Problems problems, String argument, List<Server> servers) {
        problems.check(algorithm != null, argument + ".algorithm", null, "ROUND_ROBIN, WEIGHTED or LEAST_CONNECTIONS");
        if (servers == null || servers.isEmpty()) {
            problems.add(argument + ".servers", servers, "name at least one target server");
            return;
        }
        var names = new HashSet<String>();
        int fallbacks = 0;
        for (int i = 0; i < servers.size(); i++) {
            var server = servers.get(i);
            String at = argument + ".servers[" + i + "]";
            if (server == null) {
                problems.add(at, null, "a server, e.g. LoadBalancing.Server.named(\"orders-eu\")");
                continue;
            }
            if (server.name() == null || !ProxyModel.TARGET_SERVER.matcher(server.name()).matches()) {
                problems.add(at + ".name", server.name(), "the target server's name: letters, digits, '.', '_' and '-', at most 255 characters");
            } else if (!names.add(server.name())) {
                problems.add(at + ".name", server.name(), "listed twice: a load balancer names each target server once");
            }
            if (algorithm == Algorithm.WEIGHTED) {
                problems.check(server.weight() >= 1, at + ".weight", server.weight(),
                        "a weight of at least 1: the server's share of the requests is its weight over the sum of all");
            } else {
                problems.check(server.weight() == 1, at + ".weight", server.weight(),
                        "weights apply with the WEIGHTED algorithm only: use it, or leave the weight at 1");
            }
            if (server.fallback()) {
                fallbacks++;
            }
        }
        problems.check(fallbacks <= 1, argument + ".servers", fallbacks + " fallbacks",
                "mark one server as the fallback (Apigee takes one and only one): it takes the traffic once every other server is out of rotation");
        if (servers.size() == 1) {
            problems.check(fallbacks == 0, argument + ".servers[0].fallback", true,
                    "a fallback stands in for other servers: with one server, it is not a fallback");
            problems.check(maxFailures == 0, argument + ".maxFailures", maxFailures,
                    "0 with one server: Apigee advises against taking the only server out of rotation, every request would then fail");
            problems.check(healthMonitor.isEmpty(), argument + ".healthMonitor", "a monitor",
                    "with one server nothing is taken out of rotation for a monitor to put back: remove it");
            return;
        }
        problems.check(fallbacks < servers.size(), argument + ".servers", servers.size() + " fallbacks",
                "a fallback stands in for the other servers: keep at least one server that is not a fallback");
        problems.check(maxFailures >= 1, argument + ".maxFailures", maxFailures,
                "at least 1 with several servers: the requests in a row a server fails before it is taken out of rotation "
                        + "(with 0 a failed server keeps its share of the requests, and a fallback never serves)");
        problems.check(healthMonitor.isPresent(), argument + ".healthMonitor", null,
                "a server taken out of rotation comes back only when a health monitor finds it answering: add "
                        + "HealthMonitor.http(path, tls)");
        healthMonitor.ifPresent(m -> m.check(problems, argument + ".healthMonitor"));
        for (int i = 0; i < unhealthyCodes.size(); i++) {
            Integer code = unhealthyCodes.get(i);
            problems.check(code != null && code >= 400 && code <= 599, argument + ".unhealthyCodes[" + i + "]", code,
                    "an HTTP error status, 400 to 599, e.g. 502");
        }
    }
}
