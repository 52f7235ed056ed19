package dev.apigeegke.microgateway;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.internal.Internal;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IPBlockArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import dev.apigeegke.ingress.ArmoredIngress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Edge Microgateway as a sidecar in one service's pods, with that service's own policy. It replaces
 * {@code edgemicroctl -svc} and the webhook injector by port takeover: the Service targets the sidecar's port 8000
 * ({@link #retarget}), the sidecar forwards to {@code localhost:<appPort>}, and a NetworkPolicy admits only 8000, and
 * only from Google's load-balancer ranges and the {@link MicrogatewaySidecarArgs#callers() callers} declared, so
 * nothing in the cluster or the VPC reaches the app's port directly, nor the sidecar around the load balancer. No
 * capability is needed and the sidecar passes the "restricted" Pod Security Standard (unless
 * {@code iptablesRedirect(true)}).
 *
 * <p>Inject explicitly with {@link #inject(DeploymentArgs)} and {@link #retarget(ServiceArgs)}, or automatically with
 * {@link #transformation(List)} on Deployments and Services labelled {@link #OPT_IN_LABEL}{@code =<sidecar name>}.
 *
 * <p>Or give the workload as arguments ({@link MicrogatewaySidecarArgs.Builder#deployment},
 * {@link MicrogatewaySidecarArgs.Builder#service}) and the sidecar declares it, injected and retargeted the same way:
 * what a program in another language does through the component provider.
 *
 * <p>Children: {@code <name>-credentials} (Secret, same name in Kubernetes) and {@code <name>} (NetworkPolicy, same
 * name in Kubernetes), both in {@code namespace}; with the workload given, {@code <name>-deployment} (Deployment) and
 * {@code <name>-service} (Service), named in Kubernetes as their metadata says.
 */
public final class MicrogatewaySidecar extends ComponentResource {
    /** The type token; it never changes. */
    public static final String TYPE = "apigee-gke:index:MicrogatewaySidecar";
    /** The label whose value names the sidecar a Deployment or Service opts in to; it must be a plain value. */
    public static final String OPT_IN_LABEL = "apigee-gke.dev/microgateway";
    /** The sidecar's port: Services target it and the NetworkPolicy admits only it. */
    public static final int PORT = MicrogatewaySidecarDefaults.PORT;
    /** The path the sidecar's healthcheck plugin answers on {@link #PORT}, for a load balancer's health check. */
    public static final String HEALTH_PATH = MicrogatewayServiceDefaults.HEALTH_PATH;
    /** The injected container's name; a pod that already has it is left unchanged. */
    public static final String CONTAINER = MicrogatewaySidecarDefaults.CONTAINER;
    /** The start of every local proxy's name, the prefix Apigee's microgateway-aware proxies share. */
    public static final String LOCAL_PROXY_PREFIX = "edgemicro_";

    private static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
    private static final String SERVICE = "kubernetes:core/v1:Service";

    @Export(name = "config", refs = String.class)
    private final Output<String> config;

    /** The rendered config YAML; not a secret, as it holds no credential. */
    public Output<String> config() {
        return this.config;
    }

    @Export(name = "secretName", refs = String.class)
    private final Output<String> secretName;

    /** The name of the Secret the sidecar reads its credentials from. */
    public Output<String> secretName() {
        return this.secretName;
    }

    private final String name;
    private final MicrogatewaySidecarArgs args;
    private final SidecarPod pod;

    /** Creates the Secret and NetworkPolicy with the default providers. */
    public MicrogatewaySidecar(String name, MicrogatewaySidecarArgs args) {
        this(name, args, null);
    }

    /** Creates the Secret and NetworkPolicy; pass the Kubernetes provider in {@code options}. */
    public MicrogatewaySidecar(String name, MicrogatewaySidecarArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, checked(name, args), options);
        this.name = name;
        this.args = args;
        Output<String> yaml = args.yaml();
        String credentials = Names.child(name, "credentials");
        this.pod = new SidecarPod(args, credentials, yaml);
        var secret = new Secret(credentials, SecretArgs.builder()
                .metadata(meta(credentials))
                .type("Opaque")
                .stringData(GatewayContainer.credentials(args.organization(), args.environment(), args.key(), args.secret(), yaml))
                .build(), CustomResourceOptions.builder().parent(this).build());
        // Only the sidecar's port, and only from the load balancer and the declared callers: the app's port is
        // reachable from inside the pod alone, and the sidecar from nothing that could skip the load balancer.
        var from = new ArrayList<NetworkPolicyPeerArgs>();
        ArmoredIngress.LOAD_BALANCER_RANGES.forEach(range ->
                from.add(NetworkPolicyPeerArgs.builder().ipBlock(IPBlockArgs.builder().cidr(range).build()).build()));
        args.callers().forEach(caller -> from.add(caller.peer()));
        new NetworkPolicy(name, NetworkPolicyArgs.builder()
                .metadata(meta(name))
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(LabelSelectorArgs.builder().matchLabels(args.podSelector()).build())
                        .policyTypes("Ingress")
                        .ingress(NetworkPolicyIngressRuleArgs.builder()
                                .from(from)
                                .ports(NetworkPolicyPortArgs.builder().protocol("TCP").port(PORT).build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).build());
        // The workload given as arguments, for programs that cannot inject (a transformation does not cross languages).
        var deploymentOptions = CustomResourceOptions.builder().parent(this);
        if (options != null) {
            // As a Microservice's: the Java SDK gives a component's dependsOn to none of its children.
            deploymentOptions.dependsOn(options.getDependsOn());
        }
        args.deployment().ifPresent(d -> new Deployment(Names.child(name, "deployment"), inject(d), deploymentOptions.build()));
        args.service().ifPresent(s -> new Service(Names.child(name, "service"), retarget(s),
                CustomResourceOptions.builder().parent(this).build()));
        this.config = yaml;
        this.secretName = secret.metadata().applyValue(m -> m.name().orElse(credentials));
        registerOutputs(Map.of("config", config, "secretName", secretName));
    }

    /**
     * The Deployment with the {@code edge-microgateway} container (and its emptyDir volumes) appended; everything
     * already in the pod is kept. A pod that already has the container is returned unchanged.
     */
    public DeploymentArgs inject(DeploymentArgs deployment) {
        return pod.inject(deployment);
    }

    /** The Service with every port's targetPort set to 8000, so all its traffic passes the gateway. */
    public ServiceArgs retarget(ServiceArgs service) {
        return SidecarPod.retarget(service);
    }

    /**
     * The name the gateway gives its local proxy in the pods of a Deployment (or a pod) named {@code workloadName}:
     * {@link #LOCAL_PROXY_PREFIX} and the name's first dash-separated part, upper-cased ({@code orders} and
     * {@code orders-v2} both give {@code edgemicro_ORDERS}). The image's entrypoint takes it from {@code POD_NAME}, and a
     * pod's name starts with its Deployment's name and a dash. The quota plugin applies only the quotas of products
     * that list this name, so a product meant for this sidecar lists it (and {@code edgemicro-auth}).
     */
    public static String localProxyName(String workloadName) {
        if (workloadName == null || workloadName.isEmpty()) {
            throw new IllegalArgumentException("a Deployment or pod name is required: the local proxy is named after it");
        }
        int dash = workloadName.indexOf('-');
        // Kubernetes names are ASCII: upper-casing in the root locale is what the entrypoint's tr '[a-z]' '[A-Z]' does.
        return LOCAL_PROXY_PREFIX + (dash < 0 ? workloadName : workloadName.substring(0, dash)).toUpperCase(Locale.ROOT);
    }

    /** The sidecar's name, the value of {@link #OPT_IN_LABEL} that selects it. */
    public String name() {
        return name;
    }

    /** The validated arguments. */
    public MicrogatewaySidecarArgs args() {
        return args;
    }

    /**
     * Automatic injection: Deployments whose labels (or pod template labels) have {@link #OPT_IN_LABEL} set to a
     * sidecar's name get {@link #inject}, Services with that label get {@link #retarget}; every other resource is left
     * alone. Attach with {@code resourceTransformations} on the stack or on a component parenting the workloads. A
     * label whose value is unknown when the resource registers (an Output of another resource) cannot be matched:
     * write opt-in labels as plain values.
     */
    public static ResourceTransformation transformation(List<MicrogatewaySidecar> sidecars) {
        var byName = new LinkedHashMap<String, MicrogatewaySidecar>();
        for (var sidecar : sidecars) {
            if (byName.put(sidecar.name, sidecar) != null) {
                throw new IllegalArgumentException("two sidecars named '" + sidecar.name + "': give each service its own sidecar name");
            }
        }
        return t -> {
            String type = t.resource().pulumiResourceType();
            if (DEPLOYMENT.equals(type) && t.args() instanceof DeploymentArgs deployment) {
                return optedIn(deployment, byName).map(s -> new ResourceTransformation.Result(s.inject(deployment), t.options()));
            }
            if (SERVICE.equals(type) && t.args() instanceof ServiceArgs service) {
                return label(service.metadata()).map(byName::get)
                        .map(s -> new ResourceTransformation.Result(s.retarget(service), t.options()));
            }
            return Optional.empty();
        };
    }

    private static Optional<MicrogatewaySidecar> optedIn(DeploymentArgs deployment, Map<String, MicrogatewaySidecar> byName) {
        var own = label(deployment.metadata()).map(byName::get);
        if (own.isPresent()) {
            return own;
        }
        return deployment.spec().flatMap(MicrogatewaySidecar::now)
                .flatMap(spec -> now(spec.template()))
                .flatMap(template -> label(template.metadata()))
                .map(byName::get);
    }

    private static Optional<String> label(Optional<Output<ObjectMetaArgs>> metadata) {
        return metadata.flatMap(MicrogatewaySidecar::now)
                .flatMap(ObjectMetaArgs::labels)
                .flatMap(MicrogatewaySidecar::now)
                .map(labels -> labels.get(OPT_IN_LABEL));
    }

    /**
     * The value of an Output if it is already known. A transformation must answer at registration, and waiting there
     * for another resource's output could stall the program; plain values are complete at once.
     */
    static <T> Optional<T> now(Output<T> output) {
        var data = Internal.of(output).getDataAsync().getNow(null);
        return data == null || !data.isKnown() ? Optional.empty() : Optional.ofNullable(data.getValueNullable());
    }

    private ObjectMetaArgs meta(String objectName) {
        return ObjectMetaArgs.builder().name(objectName).namespace(args.namespace())
                .labels(Map.of("app.kubernetes.io/managed-by", "apigee-gke", OPT_IN_LABEL, name)).build();
    }

    private static String checked(String name, MicrogatewaySidecarArgs args) {
        var problems = new Problems("MicrogatewaySidecar");
        // The longest child name is <name>-credentials; the name is also a label value (at most 63 characters).
        Names.checkLabel(problems, "name", name, "-credentials".length());
        problems.check(args != null, "args", null,
                "pass MicrogatewaySidecarArgs.builder().organization(...).environment(...).config(...).key(...).secret(...).appPort(...).podSelector(...).build()");
        problems.throwIfAny();
        return name;
    }
}
