package dev.apigeegke.ingress;

import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One Service behind an {@link ArmoredIngress}: the Service the component creates (selecting the
 * microservice's pods), the paths routed to it, and its load-balancer health check.
 */
public final class IngressBackend {
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*");

    private final String name;
    private final Map<String, String> selector;
    private final int port;
    private final int targetPort;
    private final List<String> paths;
    private final String healthCheckPath;

    private IngressBackend(Builder b) {
        this.name = b.name;
        this.selector = Map.copyOf(b.selector);
        this.port = b.port;
        this.targetPort = b.targetPort;
        this.paths = List.copyOf(b.paths);
        this.healthCheckPath = b.healthCheckPath;
    }

    /** A builder; name, selector and targetPort are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The Service's name in Kubernetes. */
    public String name() {
        return name;
    }

    /** Labels that select the backend's pods. */
    public Map<String, String> selector() {
        return selector;
    }

    /** The Service port. */
    public int port() {
        return port;
    }

    /** The container port the Service forwards to (and the load balancer health-checks). */
    public int targetPort() {
        return targetPort;
    }

    /** Path prefixes routed to this backend. */
    public List<String> paths() {
        return paths;
    }

    /** The load balancer health check's request path. */
    public String healthCheckPath() {
        return healthCheckPath;
    }

    void validate(Problems problems, String argument) {
        if (!Names.isLabel(name)) {
            problems.add(argument + ".name", name, "a Service name: lowercase letters, digits and '-', starting with a letter, at most 63 characters");
        }
        problems.check(!selector.isEmpty(), argument + ".selector", selector,
                "give the labels of the pods to route to, e.g. {app: orders}");
        problems.check(port >= 1 && port <= 65535, argument + ".port", port, "a port from 1 to 65535");
        problems.check(targetPort >= 1 && targetPort <= 65535, argument + ".targetPort", targetPort,
                "give the container port the pods listen on, from 1 to 65535");
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            problems.check(path != null && PATH.matcher(path).matches(), argument + ".paths[" + i + "]", path,
                    "a path prefix starting with '/', e.g. /orders");
        }
        problems.check(healthCheckPath != null && PATH.matcher(healthCheckPath).matches(), argument + ".healthCheckPath",
                healthCheckPath, "a path starting with '/' that answers 200 without credentials, e.g. /healthz");
    }

    /** Builder of {@link IngressBackend}. */
    public static final class Builder {
        private String name;
        private Map<String, String> selector = new TreeMap<>();
        private int port = ArmoredIngressDefaults.SERVICE_PORT;
        private int targetPort;
        private List<String> paths = List.of();
        private String healthCheckPath = ArmoredIngressDefaults.HEALTH_CHECK_PATH;

        private Builder() {
        }

        /** The Service's name in Kubernetes (required). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Labels selecting the pods (required). */
        public Builder selector(Map<String, String> selector) {
            this.selector = selector == null ? new TreeMap<>() : new TreeMap<>(selector);
            return this;
        }

        /** The Service port. Default: 80. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The container port (required). */
        public Builder targetPort(int targetPort) {
            this.targetPort = targetPort;
            return this;
        }

        /** Path prefixes routed to this backend. Default: none (reachable only as the default backend). */
        public Builder paths(List<String> paths) {
            this.paths = paths == null ? List.of() : List.copyOf(paths);
            return this;
        }

        /** Path prefixes routed to this backend. Default: none (reachable only as the default backend). */
        public Builder paths(String... paths) {
            return paths(List.of(paths));
        }

        /** The load balancer health check path. Default: {@code /}. */
        public Builder healthCheckPath(String healthCheckPath) {
            this.healthCheckPath = healthCheckPath;
            return this;
        }

        /** Builds the backend; it is validated with the Ingress's other arguments. */
        public IngressBackend build() {
            return new IngressBackend(this);
        }
    }
}
