package dev.apigeegke.microgateway;

import com.pulumi.core.Output;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.validation.Cidr;
import dev.apigeegke.internal.validation.Quantity;
import dev.apigeegke.workload.Images;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/** Arguments of {@link MicrogatewayService}; {@link Builder#build()} validates them all at once. */
public final class MicrogatewayServiceArgs {
    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

    /**
     * A workload only the gateway may call: a NetworkPolicy in {@code namespace} selects the pods matching
     * {@code podSelector} and admits, on {@code port} (the pods' container port), only the gateway's pods.
     *
     * @param namespace   the workload's namespace
     * @param podSelector labels selecting its pods (not empty: an empty selector would lock down the whole namespace)
     * @param port        the container port the gateway calls
     */
    public record ProtectedBackend(String namespace, Map<String, String> podSelector, int port) {
        /** Keeps the selector sorted and without null keys. */
        public ProtectedBackend {
            // Sorted, so the NetworkPolicy's name and contents do not depend on the map's iteration order.
            podSelector = podSelector == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(withoutNullKeys(podSelector)));
        }

        private static Map<String, String> withoutNullKeys(Map<String, String> map) {
            var copy = new HashMap<String, String>();
            // A null key cannot be sorted: keep it as "" so build() reports it instead of the constructor throwing.
            map.forEach((k, v) -> copy.put(k == null ? "" : k, v));
            return copy;
        }

        /** A readable, stable suffix naming this backend's NetworkPolicy: the selector's values and the port. */
        String slug() {
            var values = podSelector.values().stream().map(String::valueOf).collect(Collectors.joining("-"))
                    .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
            return values.replaceAll("-+", "-").replaceAll("^-|-$", "") + "-" + port;
        }
    }

    private final GatewayContainer.Identity identity;
    private final String namespace;
    private final boolean createNamespace;
    private final String image;
    private final int replicas;
    private final int maxReplicas;
    private final int targetCpuUtilization;
    private final int processes;
    private final int stopDelaySeconds;
    private final int preStopSeconds;
    private final Map<String, String> requests;
    private final Map<String, String> limits;
    private final List<ProtectedBackend> protectedBackends;
    private final List<String> additionalSourceRanges;

    private MicrogatewayServiceArgs(Builder b, GatewayContainer.Identity identity) {
        this.identity = identity;
        this.namespace = b.namespace;
        this.createNamespace = b.createNamespace;
        this.image = b.image;
        this.replicas = b.replicas;
        this.maxReplicas = b.maxReplicas;
        this.targetCpuUtilization = b.targetCpuUtilization;
        this.processes = b.processes;
        this.stopDelaySeconds = b.stopDelaySeconds;
        this.preStopSeconds = b.preStopSeconds;
        this.requests = Collections.unmodifiableSortedMap(new TreeMap<>(b.requests));
        this.limits = Collections.unmodifiableSortedMap(new TreeMap<>(b.limits));
        this.protectedBackends = List.copyOf(b.protectedBackends);
        this.additionalSourceRanges = List.copyOf(b.additionalSourceRanges);
    }

    /** A builder; setup, or organization, environment, config, key and secret, are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The Apigee organization. */
    public String organization() {
        return identity.organization();
    }

    /** The Apigee environment. */
    public String environment() {
        return identity.environment();
    }

    /** The gateway's configuration, for the same organization and environment. */
    public MicrogatewayConfig config() {
        return identity.config();
    }

    /** The microgateway key, a Pulumi secret. */
    public Output<String> key() {
        return identity.key();
    }

    /** The microgateway secret, a Pulumi secret. */
    public Output<String> secret() {
        return identity.secret();
    }

    /** The setup's endpoints, which replace the config's; empty without {@code setup(...)}. */
    public Optional<MicrogatewayEndpoints> setupEndpoints() {
        return Optional.ofNullable(identity.endpoints());
    }

    /** The config YAML the gateway loads: known at once without a setup, once its credential exists with one. */
    Output<String> yaml() {
        return identity.yaml();
    }

    /** The gateway's namespace; default {@code edgemicro-system}. */
    public String namespace() {
        return namespace;
    }

    /** Whether the component creates the namespace; default true. */
    public boolean createNamespace() {
        return createNamespace;
    }

    /** The gateway image; default {@code gcr.io/apigee-microgateway/edgemicro:3.3.12}. */
    public String image() {
        return image;
    }

    /** The autoscaler's minimum replica count; default 2. */
    public int replicas() {
        return replicas;
    }

    /** The autoscaler's maximum replica count; default 10. */
    public int maxReplicas() {
        return maxReplicas;
    }

    /** The CPU utilization the autoscaler keeps, in percent of the request; default 70. */
    public int targetCpuUtilization() {
        return targetCpuUtilization;
    }

    /** Node.js worker processes per pod ({@code EDGEMICRO_PROCESSES}); default 1. */
    public int processes() {
        return processes;
    }

    /** Seconds the image waits after SIGTERM ({@code EDGEMICRO_STOP_DELAY}); default 20. */
    public int stopDelaySeconds() {
        return stopDelaySeconds;
    }

    /** Seconds the gateway keeps serving, unchanged, after Kubernetes starts to stop the pod (its preStop hook). */
    public int preStopSeconds() {
        return preStopSeconds;
    }

    /**
     * The pod's termination grace period: the preStop wait, then the stop delay, plus a margin for the gateway to
     * close its connections, so Kubernetes never kills the gateway while it drains.
     */
    public int terminationGracePeriodSeconds() {
        return preStopSeconds + stopDelaySeconds + MicrogatewayServiceDefaults.GRACE_MARGIN_SECONDS;
    }

    /** The PodDisruptionBudget's minAvailable: one replica fewer than the minimum, and at least one. */
    public int minAvailable() {
        return Math.max(1, replicas - 1);
    }

    /** The gateway container's resource requests; default cpu 500m, memory 512Mi. */
    public Map<String, String> requests() {
        return requests;
    }

    /** The gateway container's resource limits; default cpu 1, memory 1Gi. */
    public Map<String, String> limits() {
        return limits;
    }

    /** The workloads that accept traffic only from the gateway; default none. */
    public List<ProtectedBackend> protectedBackends() {
        return protectedBackends;
    }

    /** Ranges besides the cluster's pods and Google's load balancers that may reach the gateway; default none. */
    public List<String> additionalSourceRanges() {
        return additionalSourceRanges;
    }

    /** Builder of {@link MicrogatewayServiceArgs}. */
    public static final class Builder {
        private String organization;
        private String environment;
        private MicrogatewayConfig config;
        private Output<String> key;
        private Output<String> secret;
        private @Nullable MicrogatewayEnvironment setup;
        private String namespace = MicrogatewayServiceDefaults.NAMESPACE;
        private boolean createNamespace = true;
        private String image = MicrogatewayServiceDefaults.IMAGE;
        private int replicas = MicrogatewayServiceDefaults.REPLICAS;
        private int maxReplicas = MicrogatewayServiceDefaults.MAX_REPLICAS;
        private int targetCpuUtilization = MicrogatewayServiceDefaults.TARGET_CPU_UTILIZATION;
        private int processes = MicrogatewayServiceDefaults.PROCESSES;
        private int stopDelaySeconds = MicrogatewayServiceDefaults.STOP_DELAY_SECONDS;
        private int preStopSeconds = MicrogatewayServiceDefaults.PRE_STOP_SECONDS;
        private Map<String, String> requests = new TreeMap<>(MicrogatewayServiceDefaults.REQUESTS);
        private Map<String, String> limits = new TreeMap<>(MicrogatewayServiceDefaults.LIMITS);
        private List<ProtectedBackend> protectedBackends = List.of();
        private List<String> additionalSourceRanges = List.of();

        private Builder() {
        }

        /** The Apigee organization the gateway serves (required without {@code setup}, which gives it). */
        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        /** The Apigee environment the gateway serves (required without {@code setup}, which gives it). */
        public Builder environment(String environment) {
            this.environment = environment;
            return this;
        }

        /**
         * The gateway's configuration, rendered for {@link #organization} and {@link #environment}. Required without
         * {@code setup}; with it, Default: every default of {@link MicrogatewayConfig}.
         */
        public Builder config(MicrogatewayConfig config) {
            this.config = config;
            return this;
        }

        /**
         * What a {@link MicrogatewaySetup} made for this gateway's environment ({@code setup.environment("test")}):
         * organization, environment, key, secret and the Edge endpoints, the regional bootstrap and analytics hosts
         * among them, which replace the config's. Then the config may be left out (every default). Default: none:
         * give organization, environment, config, key and secret yourself (a key and secret {@code edgemicro
         * configure} printed).
         */
        public Builder setup(MicrogatewayEnvironment setup) {
            this.setup = setup;
            return this;
        }

        /** The key {@code edgemicro configure} printed (required without {@code setup}); kept a Pulumi secret. */
        public Builder key(Output<String> key) {
            this.key = key;
            return this;
        }

        /** The key {@code edgemicro configure} printed (required without {@code setup}), turned into a Pulumi secret at once. */
        public Builder key(String key) {
            this.key = key == null ? null : Output.ofSecret(key);
            return this;
        }

        /** The secret {@code edgemicro configure} printed (required without {@code setup}); kept a Pulumi secret. */
        public Builder secret(Output<String> secret) {
            this.secret = secret;
            return this;
        }

        /** The secret {@code edgemicro configure} printed (required without {@code setup}), turned into a Pulumi secret at once. */
        public Builder secret(String secret) {
            this.secret = secret == null ? null : Output.ofSecret(secret);
            return this;
        }

        /** The gateway's namespace. Default: {@code edgemicro-system}. */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** Whether to create the namespace; false uses an existing one without managing it. Default: true. */
        public Builder createNamespace(boolean createNamespace) {
            this.createNamespace = createNamespace;
            return this;
        }

        /**
         * The gateway image, pinned to a version or a digest ({@code ...edgemicro:3.3.12@sha256:...}).
         * Default: {@code gcr.io/apigee-microgateway/edgemicro:3.3.12}.
         */
        public Builder image(String image) {
            this.image = image;
            return this;
        }

        /** The minimum number of gateway pods, kept by the autoscaler. Default: 2, so a node can drain without an outage. */
        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        /** The most pods the autoscaler may run. Default: 10. */
        public Builder maxReplicas(int maxReplicas) {
            this.maxReplicas = maxReplicas;
            return this;
        }

        /** The average CPU utilization, in percent of the request, the autoscaler aims for. Default: 70. */
        public Builder targetCpuUtilization(int percent) {
            this.targetCpuUtilization = percent;
            return this;
        }

        /** Node.js worker processes per pod ({@code EDGEMICRO_PROCESSES}). Default: 1. */
        public Builder processes(int processes) {
            this.processes = processes;
            return this;
        }

        /**
         * Seconds the image waits after SIGTERM, once {@code edgemicro stop} has told the workers to finish their
         * requests ({@code EDGEMICRO_STOP_DELAY}), 1 to 1800. Default: 20.
         */
        public Builder stopDelaySeconds(int seconds) {
            this.stopDelaySeconds = seconds;
            return this;
        }

        /**
         * Seconds the preStop hook keeps the gateway serving before SIGTERM, while the load balancer stops sending it
         * requests; keep it at least the Ingress's connection-draining timeout (30 s by default). 0 to 3600, 0 for
         * no hook. The pod's grace period is this plus the stop delay plus 10 seconds. Default: 30.
         */
        public Builder preStopSeconds(int seconds) {
            this.preStopSeconds = seconds;
            return this;
        }

        /** Resource requests, replacing the defaults as a whole; the autoscaler needs a cpu request. Default: cpu 500m, memory 512Mi. */
        public Builder requests(Map<String, String> requests) {
            this.requests = requests == null ? new TreeMap<>() : new TreeMap<>(requests);
            return this;
        }

        /** Resource limits, replacing the defaults as a whole. Default: cpu 1, memory 1Gi. */
        public Builder limits(Map<String, String> limits) {
            this.limits = limits == null ? new TreeMap<>() : new TreeMap<>(limits);
            return this;
        }

        /** Workloads that accept traffic only from the gateway, one NetworkPolicy each. Default: none. */
        public Builder protectedBackends(List<ProtectedBackend> backends) {
            this.protectedBackends = backends == null ? List.of() : new ArrayList<>(backends);
            return this;
        }

        /** Workloads that accept traffic only from the gateway, one NetworkPolicy each. Default: none. */
        public Builder protectedBackends(ProtectedBackend... backends) {
            return protectedBackends(backends == null ? null : java.util.Arrays.asList(backends));
        }

        /**
         * Ranges, besides the cluster's pods and Google's load balancers (35.191.0.0/16, 130.211.0.0/22), that may reach
         * the gateway's port, e.g. an internal load balancer's proxy-only subnet. Default: none.
         */
        public Builder additionalSourceRanges(List<String> ranges) {
            this.additionalSourceRanges = ranges == null ? List.of() : new ArrayList<>(ranges);
            return this;
        }

        /** Validates every argument and reports all problems in one {@link dev.apigeegke.core.InvalidArgumentsException}. */
        public MicrogatewayServiceArgs build() {
            var problems = new Problems("MicrogatewayServiceArgs");
            var identity = GatewayContainer.identity(problems, "gateway", setup, organization, environment, config, key, secret);
            problems.check(Names.isLabel(namespace), "namespace", namespace, "a Kubernetes namespace name: lowercase letters, digits and '-'");
            Images.checkPinned(problems, "image", image);
            problems.check(replicas >= 1, "replicas", replicas, "at least 1 replica");
            problems.check(maxReplicas >= Math.max(1, replicas), "maxReplicas", maxReplicas,
                    "at least replicas (" + replicas + "): the autoscaler cannot run fewer pods than its minimum");
            problems.check(targetCpuUtilization >= 1 && targetCpuUtilization <= 100, "targetCpuUtilization", targetCpuUtilization,
                    "a percentage of the CPU request from 1 to 100");
            problems.check(processes >= 1 && processes <= MicrogatewayServiceDefaults.MAX_PROCESSES, "processes", processes,
                    "from 1 to " + MicrogatewayServiceDefaults.MAX_PROCESSES + " worker processes; add replicas rather than processes");
            problems.check(stopDelaySeconds >= 1 && stopDelaySeconds <= MicrogatewayServiceDefaults.MAX_STOP_DELAY_SECONDS,
                    "stopDelaySeconds", stopDelaySeconds, "from 1 to 1800 seconds, the range EDGEMICRO_STOP_DELAY accepts");
            GatewayContainer.checkPreStop(problems, preStopSeconds);
            checkResources(problems);
            checkBackends(problems);
            for (int i = 0; i < additionalSourceRanges.size(); i++) {
                var range = additionalSourceRanges.get(i);
                var problem = Cidr.problem(range);
                problems.check(problem == null, "additionalSourceRanges[" + i + "]", range, problem);
            }
            problems.throwIfAny();
            return new MicrogatewayServiceArgs(this, identity);
        }

        private void checkResources(Problems problems) {
            Quantity.checkResources(problems, requests, limits);
            problems.check(requests.containsKey("cpu"), "requests", requests,
                    "include a cpu request: the autoscaler's target is a percentage of it");
        }

        private void checkBackends(Problems problems) {
            var seen = new HashMap<String, Integer>();
            for (int i = 0; i < protectedBackends.size(); i++) {
                var b = protectedBackends.get(i);
                String arg = "protectedBackends[" + i + "]";
                if (b == null) {
                    problems.add(arg, null, "give new ProtectedBackend(namespace, podSelector, port)");
                    continue;
                }
                problems.check(Names.isLabel(b.namespace()), arg + ".namespace", b.namespace(),
                        "a Kubernetes namespace name: lowercase letters, digits and '-'");
                problems.check(!b.podSelector().isEmpty(), arg + ".podSelector", b.podSelector(),
                        "select the backend's pods by label; an empty selector would admit only the gateway to every pod in the namespace");
                b.podSelector().forEach((k, v) -> {
                    problems.check(labelKey(k), arg + ".podSelector." + k, k,
                            "a label key: an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.'");
                    problems.check(v != null && LABEL_NAME.matcher(v).matches(), arg + ".podSelector." + k, v,
                            "a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
                });
                problems.check(b.port() >= 1 && b.port() <= 65535, arg + ".port", b.port(), "the backend's container port, from 1 to 65535");
                var previous = seen.putIfAbsent(b.namespace() + "/" + b.slug(), i);
                if (previous != null) {
                    problems.add(arg, b, "repeats protectedBackends[" + previous + "] (same namespace, selector values and port); list each backend once");
                }
            }
        }

        private static boolean labelKey(String key) {
            int slash = key.lastIndexOf('/');
            String name = slash < 0 ? key : key.substring(slash + 1);
            if (name.isEmpty() || !LABEL_NAME.matcher(name).matches()) {
                return false;
            }
            if (slash < 0) {
                return true;
            }
            var prefix = new Problems("prefix");
            Names.checkSubdomain(prefix, "prefix", key.substring(0, slash));
            return prefix.isEmpty();
        }
    }
}
