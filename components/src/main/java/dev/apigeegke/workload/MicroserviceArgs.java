package dev.apigeegke.workload;

import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Arguments of {@link Microservice}; {@link Builder#build()} validates them all at once. */
public final class MicroserviceArgs {
    private static final Pattern QUANTITY = Pattern.compile("\\d+(\\.\\d+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final String namespace;
    private final String image;
    private final int port;
    private final int replicas;
    private final String healthPath;
    private final Map<String, String> env;
    private final List<String> args;
    private final Map<String, String> requests;
    private final Map<String, String> limits;
    private final long runAsUser;

    private MicroserviceArgs(Builder b) {
        this.namespace = b.namespace;
        this.image = b.image;
        this.port = b.port;
        this.replicas = b.replicas;
        this.healthPath = b.healthPath;
        this.env = Map.copyOf(b.env);
        this.args = List.copyOf(b.args);
        this.requests = Map.copyOf(b.requests);
        this.limits = Map.copyOf(b.limits);
        this.runAsUser = b.runAsUser;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String namespace() {
        return namespace;
    }

    public String image() {
        return image;
    }

    public int port() {
        return port;
    }

    public int replicas() {
        return replicas;
    }

    public String healthPath() {
        return healthPath;
    }

    public Map<String, String> env() {
        return env;
    }

    public List<String> args() {
        return args;
    }

    public Map<String, String> requests() {
        return requests;
    }

    public Map<String, String> limits() {
        return limits;
    }

    public long runAsUser() {
        return runAsUser;
    }

    /** Builder of {@link MicroserviceArgs}. */
    public static final class Builder {
        private String namespace = MicroserviceDefaults.NAMESPACE;
        private String image;
        private int port;
        private int replicas = MicroserviceDefaults.REPLICAS;
        private String healthPath = MicroserviceDefaults.HEALTH_PATH;
        private Map<String, String> env = new TreeMap<>();
        private List<String> args = List.of();
        private Map<String, String> requests = new TreeMap<>(MicroserviceDefaults.REQUESTS);
        private Map<String, String> limits = new TreeMap<>(MicroserviceDefaults.LIMITS);
        private long runAsUser = MicroserviceDefaults.RUN_AS_USER;

        private Builder() {
        }

        /** The namespace. Default {@code default}. */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** The container image, pinned to a version tag or digest (required). */
        public Builder image(String image) {
            this.image = image;
            return this;
        }

        /** The port the container serves HTTP on (required). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Pod replicas. Default 2, so one pod can be rescheduled without an outage. */
        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        /** The path of the readiness and liveness probes. Default {@code /}. */
        public Builder healthPath(String healthPath) {
            this.healthPath = healthPath;
            return this;
        }

        /** Environment variables. Default: none. */
        public Builder env(Map<String, String> env) {
            this.env = env == null ? new TreeMap<>() : new TreeMap<>(env);
            return this;
        }

        /** Container arguments. Default: the image's own. */
        public Builder args(List<String> args) {
            this.args = args == null ? List.of() : List.copyOf(args);
            return this;
        }

        /** Resource requests. Default cpu 100m, memory 128Mi. */
        public Builder requests(Map<String, String> requests) {
            this.requests = requests == null ? new TreeMap<>() : new TreeMap<>(requests);
            return this;
        }

        /** Resource limits. Default cpu 500m, memory 256Mi. */
        public Builder limits(Map<String, String> limits) {
            this.limits = limits == null ? new TreeMap<>() : new TreeMap<>(limits);
            return this;
        }

        /** The non-root user id the container runs as. Default 65532. */
        public Builder runAsUser(long uid) {
            this.runAsUser = uid;
            return this;
        }

        /** Validates every argument and reports all problems in one {@link dev.apigeegke.core.InvalidArgumentsException}. */
        public MicroserviceArgs build() {
            var problems = new Problems("MicroserviceArgs");
            problems.check(Names.isLabel(namespace), "namespace", namespace, "a Kubernetes namespace name: lowercase letters, digits and '-'");
            Images.checkPinned(problems, "image", image);
            problems.check(port >= 1 && port <= 65535, "port", port, "give the container's HTTP port, from 1 to 65535");
            problems.check(replicas >= 1, "replicas", replicas, "at least 1 replica");
            problems.check(healthPath != null && healthPath.startsWith("/"), "healthPath", healthPath, "a path starting with '/'");
            problems.check(runAsUser >= 1, "runAsUser", runAsUser, "a non-root user id (1 or more)");
            env.keySet().forEach(k -> problems.check(ENV_NAME.matcher(k).matches(), "env." + k, k,
                    "an environment variable name: letters, digits, '_', '.', '-', not starting with a digit"));
            checkQuantities(problems, "requests", requests);
            checkQuantities(problems, "limits", limits);
            problems.throwIfAny();
            return new MicroserviceArgs(this);
        }

        private static void checkQuantities(Problems problems, String argument, Map<String, String> quantities) {
            quantities.forEach((resource, quantity) -> problems.check(quantity != null && QUANTITY.matcher(quantity).matches(),
                    argument + "." + resource, quantity, "a Kubernetes quantity such as 250m (CPU) or 256Mi (memory)"));
        }
    }
}
