package dev.apigeegke.microgateway;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.validation.Quantity;
import dev.apigeegke.workload.Images;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/** Arguments of {@link MicrogatewaySidecar}; {@link Builder#build()} validates them all at once. */
public final class MicrogatewaySidecarArgs {
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
    private static final Pattern LABEL_KEY =
            Pattern.compile("([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");

    private final GatewayContainer.Identity identity;
    private final String namespace;
    private final int appPort;
    private final Map<String, String> podSelector;
    private final List<Caller> callers;
    private final String image;
    private final Map<String, String> requests;
    private final Map<String, String> limits;
    private final boolean iptablesRedirect;
    private final @Nullable String proxyInitImage;
    private final int preStopSeconds;
    private final int stopDelaySeconds;
    private final @Nullable DeploymentArgs deployment;
    private final @Nullable ServiceArgs service;

    private MicrogatewaySidecarArgs(Builder b, GatewayContainer.Identity identity) {
        this.identity = identity;
        this.namespace = b.namespace;
        this.appPort = b.appPort;
        this.podSelector = Collections.unmodifiableSortedMap(new TreeMap<>(b.podSelector));
        this.callers = List.copyOf(b.callers);
        this.image = b.image;
        this.requests = Collections.unmodifiableSortedMap(new TreeMap<>(b.requests));
        this.limits = Collections.unmodifiableSortedMap(new TreeMap<>(b.limits));
        this.iptablesRedirect = b.iptablesRedirect;
        this.proxyInitImage = b.proxyInitImage;
        this.preStopSeconds = b.preStopSeconds;
        this.stopDelaySeconds = b.stopDelaySeconds;
        this.deployment = b.deployment;
        this.service = b.service;
    }

    /** A builder; appPort, podSelector and either setup or organization, environment, config, key and secret are required. */
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

    /** This service's own gateway policy. */
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

    /** The service's namespace, where the Secret and NetworkPolicy go; default {@code default}. */
    public String namespace() {
        return namespace;
    }

    /** The app container's port, which the sidecar forwards to on localhost. */
    public int appPort() {
        return appPort;
    }

    /** The labels of the service's pods. */
    public Map<String, String> podSelector() {
        return podSelector;
    }

    /** Who besides Google's load balancer may call the sidecar's port. */
    public List<Caller> callers() {
        return callers;
    }

    /** The gateway image; default {@code gcr.io/apigee-microgateway/edgemicro:3.3.12}. */
    public String image() {
        return image;
    }

    /** The sidecar's resource requests; default cpu 100m, memory 256Mi. */
    public Map<String, String> requests() {
        return requests;
    }

    /** The sidecar's resource limits; default cpu 500m, memory 512Mi. */
    public Map<String, String> limits() {
        return limits;
    }

    /** Whether the old injector's iptables init container is added; default false. */
    public boolean iptablesRedirect() {
        return iptablesRedirect;
    }

    /** The iptables init container's image; set when {@link #iptablesRedirect()}. */
    public @Nullable String proxyInitImage() {
        return proxyInitImage;
    }

    /** Seconds the sidecar keeps serving, unchanged, after Kubernetes starts to stop the pod (its preStop hook). */
    public int preStopSeconds() {
        return preStopSeconds;
    }

    /** Seconds the image waits after SIGTERM for in-flight requests ({@code EDGEMICRO_STOP_DELAY}). */
    public int stopDelaySeconds() {
        return stopDelaySeconds;
    }

    /**
     * Seconds from the start of the pod's termination until the sidecar has finished: the app must keep serving at
     * least this long (with {@code Microservice}, {@code preStopSeconds(drainSeconds())}), since the sidecar
     * forwards its last requests to it.
     */
    public int drainSeconds() {
        return preStopSeconds + stopDelaySeconds;
    }

    /** The shortest termination grace period of a pod with this sidecar: {@link #drainSeconds()} plus a margin. */
    public int terminationGracePeriodSeconds() {
        return drainSeconds() + MicrogatewayServiceDefaults.GRACE_MARGIN_SECONDS;
    }

    /** The workload's Deployment the sidecar declares, injected; empty when the program injects it itself. */
    public Optional<DeploymentArgs> deployment() {
        return Optional.ofNullable(deployment);
    }

    /** The workload's Service the sidecar declares, retargeted to its port; default none. */
    public Optional<ServiceArgs> service() {
        return Optional.ofNullable(service);
    }

    /** Checks label keys and values as Kubernetes accepts them in a selector. */
    static void checkLabels(Problems problems, String argument, Map<String, String> labels) {
        labels.forEach((k, v) -> {
            problems.check(k != null && LABEL_KEY.matcher(k).matches(), argument + "." + k, k,
                    "a label key: an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.'");
            problems.check(v != null && LABEL_VALUE.matcher(v).matches(), argument + "." + k, v,
                    "a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
        });
    }

    /** Builder of {@link MicrogatewaySidecarArgs}. */
    public static final class Builder {
        private String organization;
        private String environment;
        private MicrogatewayConfig config;
        private Output<String> key;
        private Output<String> secret;
        private @Nullable MicrogatewayEnvironment setup;
        private String namespace = MicrogatewaySidecarDefaults.NAMESPACE;
        private int appPort;
        private Map<String, String> podSelector = Map.of();
        private List<Caller> callers = new ArrayList<>();
        private String image = MicrogatewaySidecarDefaults.IMAGE;
        private Map<String, String> requests = new TreeMap<>(MicrogatewaySidecarDefaults.REQUESTS);
        private Map<String, String> limits = new TreeMap<>(MicrogatewaySidecarDefaults.LIMITS);
        private boolean iptablesRedirect;
        private @Nullable String proxyInitImage;
        private int preStopSeconds = MicrogatewaySidecarDefaults.PRE_STOP_SECONDS;
        private int stopDelaySeconds = MicrogatewaySidecarDefaults.STOP_DELAY_SECONDS;
        private @Nullable DeploymentArgs deployment;
        private @Nullable ServiceArgs service;

        private Builder() {
        }

        /** The Apigee organization (required without {@code setup}, which gives it). */
        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        /** The Apigee environment (required without {@code setup}, which gives it). */
        public Builder environment(String environment) {
            this.environment = environment;
            return this;
        }

        /**
         * This service's gateway policy: plugins, spike arrest, whether a key is required; same organization and
         * environment. Required without {@code setup}; with it, Default: every default of {@link MicrogatewayConfig}.
         */
        public Builder config(MicrogatewayConfig config) {
            this.config = config;
            return this;
        }

        /**
         * What a {@link MicrogatewaySetup} made for this sidecar's environment ({@code setup.environment("test")}):
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

        /** The service's namespace, where the Secret and NetworkPolicy go. Default: {@code default}. */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** The app container's port (required), 1 to 65535 and not 8000; the sidecar forwards to localhost on it. */
        public Builder appPort(int appPort) {
            this.appPort = appPort;
            return this;
        }

        /** The labels of the service's pods (required, not empty); the NetworkPolicy selects them. */
        public Builder podSelector(Map<String, String> podSelector) {
            this.podSelector = podSelector == null ? Map.of() : new TreeMap<>(podSelector);
            return this;
        }

        /**
         * Who besides Google's load balancer may call the sidecar's port 8000 (namespaces, pods, address ranges).
         * Default: none, so only the load balancer reaches the service; list in-cluster clients that call it
         * through its gateway. Nothing but the pod itself reaches the app port, whatever the callers.
         */
        public Builder callers(List<Caller> callers) {
            this.callers = callers == null ? new ArrayList<>() : new ArrayList<>(callers);
            return this;
        }

        /** The gateway image, pinned to a version or digest. Default: {@code gcr.io/apigee-microgateway/edgemicro:3.3.12}, as MicrogatewayService. */
        public Builder image(String image) {
            this.image = image;
            return this;
        }

        /** The sidecar's requests, replacing the defaults as a whole. Default: cpu 100m, memory 256Mi. */
        public Builder requests(Map<String, String> requests) {
            this.requests = requests == null ? new TreeMap<>() : new TreeMap<>(requests);
            return this;
        }

        /** The sidecar's limits, replacing the defaults as a whole. Default: cpu 500m, memory 512Mi. */
        public Builder limits(Map<String, String> limits) {
            this.limits = limits == null ? new TreeMap<>() : new TreeMap<>(limits);
            return this;
        }

        /**
         * Also add the old injector's init container, which redirects all inbound TCP to 8000 with iptables. It needs
         * NET_ADMIN and root, so the pod fails the Pod Security "baseline" and "restricted" levels; requires
         * {@link #proxyInitImage}. Default: false: port takeover (Service → 8000, NetworkPolicy admits only 8000) needs
         * no capability and passes "restricted".
         */
        public Builder iptablesRedirect(boolean iptablesRedirect) {
            this.iptablesRedirect = iptablesRedirect;
            return this;
        }

        /** The pinned image of the iptables init container, with {@code iptables} on its path. Default: none. */
        public Builder proxyInitImage(String proxyInitImage) {
            this.proxyInitImage = proxyInitImage;
            return this;
        }

        /**
         * Seconds the sidecar's preStop hook keeps it serving while the load balancer detaches the pod; keep it at
         * least the Ingress's connection-draining timeout (30 s by default). 0 to 3600, 0 for no hook. Default: 30.
         */
        public Builder preStopSeconds(int seconds) {
            this.preStopSeconds = seconds;
            return this;
        }

        /** Seconds the image waits after SIGTERM for in-flight requests ({@code EDGEMICRO_STOP_DELAY}), 1 to 1800. Default: 20. */
        public Builder stopDelaySeconds(int seconds) {
            this.stopDelaySeconds = seconds;
            return this;
        }

        /**
         * The workload's Deployment, which the sidecar then declares itself ({@code <name>-deployment}), with the sidecar
         * injected exactly as {@link MicrogatewaySidecar#inject} does, waiting for the component's {@code dependsOn}: for
         * a program that cannot inject, such as one in another language through the component provider (a resource
         * transformation does not cross languages). Its pods must carry {@link #podSelector}. Default: none (inject
         * with {@code inject} or the transformation).
         */
        public Builder deployment(DeploymentArgs deployment) {
            this.deployment = deployment;
            return this;
        }

        /**
         * The workload's Service, which the sidecar then declares itself ({@code <name>-service}), retargeted to the
         * sidecar's port exactly as {@link MicrogatewaySidecar#retarget} does. Default: none.
         */
        public Builder service(ServiceArgs service) {
            this.service = service;
            return this;
        }

        /** Validates every argument and reports all problems in one {@link dev.apigeegke.core.InvalidArgumentsException}. */
        public MicrogatewaySidecarArgs build() {
            var problems = new Problems("MicrogatewaySidecarArgs");
            var identity = GatewayContainer.identity(problems, "sidecar", setup, organization, environment, config, key, secret);
            problems.check(Names.isLabel(namespace), "namespace", namespace, "a Kubernetes namespace name: lowercase letters, digits and '-'");
            problems.check(appPort >= 1 && appPort <= 65535 && appPort != MicrogatewaySidecarDefaults.PORT, "appPort", appPort,
                    "the app container's port, from 1 to 65535 and not 8000, which the sidecar itself listens on");
            problems.check(!podSelector.isEmpty(), "podSelector", podSelector,
                    "the service's pod labels; an empty selector would put every pod of the namespace behind this sidecar's policy");
            checkLabels(problems, "podSelector", podSelector);
            for (int i = 0; i < callers.size(); i++) {
                if (callers.get(i) == null) {
                    problems.add("callers[" + i + "]", null, "remove the null entry");
                } else {
                    callers.get(i).check(problems, "callers[" + i + "]");
                }
            }
            Images.checkPinned(problems, "image", image);
            Quantity.checkResources(problems, requests, limits);
            GatewayContainer.checkPreStop(problems, preStopSeconds);
            problems.check(stopDelaySeconds >= 1 && stopDelaySeconds <= MicrogatewayServiceDefaults.MAX_STOP_DELAY_SECONDS,
                    "stopDelaySeconds", stopDelaySeconds, "from 1 to 1800 seconds, the range EDGEMICRO_STOP_DELAY accepts");
            if (iptablesRedirect) {
                Images.checkPinned(problems, "proxyInitImage", proxyInitImage);
            } else {
                problems.check(proxyInitImage == null, "proxyInitImage", proxyInitImage,
                        "only used with iptablesRedirect(true); remove it or turn iptablesRedirect on");
            }
            checkWorkload(problems);
            problems.throwIfAny();
            return new MicrogatewaySidecarArgs(this, identity);
        }

        /**
         * The workload the sidecar declares: something to inject into and to retarget (injection leaves a Deployment
         * without a spec unchanged), and pods its NetworkPolicy selects, as far as their labels are known now.
         */
        private void checkWorkload(Problems problems) {
            if (deployment != null) {
                problems.check(deployment.spec().isPresent(), "deployment.spec", null,
                        "the Deployment's spec, with the pod template the sidecar is injected into");
                var labels = deployment.spec().flatMap(MicrogatewaySidecar::now)
                        .flatMap(spec -> MicrogatewaySidecar.now(spec.template()))
                        .flatMap(PodTemplateSpecArgs::metadata).flatMap(MicrogatewaySidecar::now)
                        .flatMap(ObjectMetaArgs::labels).flatMap(MicrogatewaySidecar::now);
                labels.ifPresent(known -> problems.check(known.entrySet().containsAll(podSelector.entrySet()),
                        "deployment.spec.template.metadata.labels", known, "include podSelector " + podSelector
                                + ": the sidecar's NetworkPolicy selects the pods by it, and pods without it keep the app port open"));
            }
            if (service != null) {
                problems.check(service.spec().isPresent(), "service.spec", null,
                        "the Service's spec, with the ports the sidecar's port replaces as their target");
            }
        }
    }
}
