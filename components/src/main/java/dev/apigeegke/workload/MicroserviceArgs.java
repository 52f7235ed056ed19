package dev.apigeegke.workload;

import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.validation.Quantity;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/** Arguments of {@link Microservice}; {@link Builder#build()} validates them all at once. */
public final class MicroserviceArgs {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final String namespace;
    private final @Nullable String kubernetesName;
    private final String image;
    private final int port;
    private final int replicas;
    private final String healthPath;
    private final Map<String, String> env;
    private final List<String> args;
    private final Map<String, String> requests;
    private final Map<String, String> limits;
    private final long runAsUser;
    private final int preStopSeconds;
    private final boolean clusterService;
    private final Map<String, String> labels;

    private MicroserviceArgs(Builder b) {
        this.namespace = b.namespace;
        this.kubernetesName = b.kubernetesName;
        this.image = b.image;
        this.port = b.port;
        this.replicas = b.replicas;
        this.healthPath = b.healthPath;
        // Sorted copies: the env list's order is part of the pod template, and must not change between runs.
        this.env = Collections.unmodifiableSortedMap(new TreeMap<>(b.env));
        this.args = List.copyOf(b.args);
        this.requests = Collections.unmodifiableSortedMap(new TreeMap<>(b.requests));
        this.limits = Collections.unmodifiableSortedMap(new TreeMap<>(b.limits));
        this.runAsUser = b.runAsUser;
        this.preStopSeconds = b.preStopSeconds;
        this.clusterService = b.clusterService;
        this.labels = Collections.unmodifiableSortedMap(new TreeMap<>(b.labels));
    }

    /** A builder; image and port are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The namespace; default {@code default}. */
    public String namespace() {
        return namespace;
    }

    /** The Deployment's name in Kubernetes when it is not the component's; empty: the component's name. */
    public Optional<String> kubernetesName() {
        return Optional.ofNullable(kubernetesName);
    }

    /** The pinned container image. */
    public String image() {
        return image;
    }

    /** The port the container serves HTTP on. */
    public int port() {
        return port;
    }

    /** Pod replicas; default 2. */
    public int replicas() {
        return replicas;
    }

    /** The path of the readiness and liveness probes; default {@code /}. */
    public String healthPath() {
        return healthPath;
    }

    /** Environment variables; default none. */
    public Map<String, String> env() {
        return env;
    }

    /** Container arguments; default: the image's own. */
    public List<String> args() {
        return args;
    }

    /** Resource requests; default cpu 100m, memory 128Mi. */
    public Map<String, String> requests() {
        return requests;
    }

    /** Resource limits; default cpu 500m, memory 256Mi. */
    public Map<String, String> limits() {
        return limits;
    }

    /** The non-root user id the container runs as; default 65532. */
    public long runAsUser() {
        return runAsUser;
    }

    /** Seconds the container keeps serving, unchanged, after Kubernetes starts to stop the pod (its preStop hook). */
    public int preStopSeconds() {
        return preStopSeconds;
    }

    /** The pod's termination grace period: the preStop wait plus 10 seconds for the app's own shutdown. */
    public int terminationGracePeriodSeconds() {
        return preStopSeconds + MicroserviceDefaults.SHUTDOWN_SECONDS;
    }

    /** Extra labels on the Deployment, its pods and its Service (e.g. a sidecar opt-in label). */
    public Map<String, String> labels() {
        return labels;
    }

    /** Whether a ClusterIP Service {@code <name>} (port 80) fronts the pods inside the cluster. */
    public boolean clusterService() {
        return clusterService;
    }

    /** Builder of {@link MicroserviceArgs}. */
    public static final class Builder {
        private String namespace = MicroserviceDefaults.NAMESPACE;
        private @Nullable String kubernetesName;
        private String image;
        private int port;
        private int replicas = MicroserviceDefaults.REPLICAS;
        private String healthPath = MicroserviceDefaults.HEALTH_PATH;
        private Map<String, String> env = new TreeMap<>();
        private List<String> args = List.of();
        private Map<String, String> requests = new TreeMap<>(MicroserviceDefaults.REQUESTS);
        private Map<String, String> limits = new TreeMap<>(MicroserviceDefaults.LIMITS);
        private long runAsUser = MicroserviceDefaults.RUN_AS_USER;
        private int preStopSeconds = MicroserviceDefaults.PRE_STOP_SECONDS;
        private boolean clusterService;
        private Map<String, String> labels = new TreeMap<>();

        private Builder() {
        }

        /** The namespace. Default: {@code default}. */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /**
         * The Deployment's (and its Service's) name in Kubernetes, when it differs from the component's: the same
         * service in several clusters of one program, each component named apart (e.g. {@code eu-orders}) and each
         * Deployment {@code orders}. Default: the component's name.
         */
        public Builder kubernetesName(String kubernetesName) {
            this.kubernetesName = kubernetesName;
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

        /** Pod replicas. Default: 2, so one pod can be rescheduled without an outage. */
        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        /** The path of the readiness and liveness probes. Default: {@code /}. */
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

        /** Resource requests, replacing the defaults as a whole. Default: cpu 100m, memory 128Mi. */
        public Builder requests(Map<String, String> requests) {
            this.requests = requests == null ? new TreeMap<>() : new TreeMap<>(requests);
            return this;
        }

        /** Resource limits, replacing the defaults as a whole. Default: cpu 500m, memory 256Mi. */
        public Builder limits(Map<String, String> limits) {
            this.limits = limits == null ? new TreeMap<>() : new TreeMap<>(limits);
            return this;
        }

        /** The non-root user id the container runs as. Default: 65532. */
        public Builder runAsUser(long uid) {
            this.runAsUser = uid;
            return this;
        }

        /**
         * Seconds a preStop hook ({@code sleep}) keeps the container serving before SIGTERM, while load balancers and
         * Services stop sending it requests: at least the Ingress's connection-draining timeout (30 s by default) for
         * a load balancer's backend, and a sidecar's {@code drainSeconds()} behind one. The image needs a
         * {@code sleep} command; for an image without one (distroless), set 0 and delay the shutdown in the app.
         * 0 to 3600. Default: 30.
         */
        public Builder preStopSeconds(int seconds) {
            this.preStopSeconds = seconds;
            return this;
        }

        /** Extra labels on the Deployment, its pods and its Service, e.g. a sidecar opt-in label. Default: none. */
        public Builder labels(Map<String, String> labels) {
            this.labels = labels == null ? new TreeMap<>() : new TreeMap<>(labels);
            return this;
        }

        /**
         * A ClusterIP Service named like the microservice, port 80 to the container port, for callers inside the
         * cluster (e.g. a gateway). Default: false: an {@link dev.apigeegke.ingress.ArmoredIngress} creates its own.
         */
        public Builder clusterService(boolean clusterService) {
            this.clusterService = clusterService;
            return this;
        }

        /** Validates every argument and reports all problems in one {@link dev.apigeegke.core.InvalidArgumentsException}. */
        public MicroserviceArgs build() {
            var problems = new Problems("MicroserviceArgs");
            problems.check(kubernetesName == null || Names.isLabel(kubernetesName), "kubernetesName", kubernetesName,
                    "a Kubernetes name: lowercase letters, digits and '-', starting with a letter, at most 63 characters");
            problems.check(Names.isLabel(namespace), "namespace", namespace, "a Kubernetes namespace name: lowercase letters, digits and '-'");
            Images.checkPinned(problems, "image", image);
            problems.check(port >= 1 && port <= 65535, "port", port, "give the container's HTTP port, from 1 to 65535");
            problems.check(replicas >= 1, "replicas", replicas, "at least 1 replica");
            problems.check(healthPath != null && healthPath.startsWith("/"), "healthPath", healthPath, "a path starting with '/'");
            problems.check(runAsUser >= 1 && runAsUser <= Integer.MAX_VALUE, "runAsUser", runAsUser,
                    "a non-root user id from 1 to " + Integer.MAX_VALUE);
            env.forEach((k, v) -> {
                problems.check(k != null && ENV_NAME.matcher(k).matches(), "env." + k, k,
                        "an environment variable name: letters, digits, '_', '.', '-', not starting with a digit");
                problems.check(v != null, "env." + k, null, "give a value (an empty string is allowed)");
            });
            labels.forEach((k, v) -> problems.check(k != null && !k.equals("app.kubernetes.io/name") && v != null
                    && v.matches("([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]?"), "labels." + k, v,
                    "a Kubernetes label value (63 characters at most); app.kubernetes.io/name is set by the component"));
            Quantity.checkResources(problems, requests, limits);
            problems.check(preStopSeconds >= 0 && preStopSeconds <= MicroserviceDefaults.MAX_PRE_STOP_SECONDS, "preStopSeconds",
                    preStopSeconds, "from 0 (no hook) to " + MicroserviceDefaults.MAX_PRE_STOP_SECONDS + " seconds");
            problems.throwIfAny();
            return new MicroserviceArgs(this);
        }
    }
}
