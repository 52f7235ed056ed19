package dev.apigeegke.microgateway;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentStrategyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.RollingUpdateDeploymentArgs;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscaler;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscalerArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.CrossVersionObjectReferenceArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HorizontalPodAutoscalerSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricTargetArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.ResourceMetricSourceArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IPBlockArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import dev.apigeegke.microgateway.MicrogatewayServiceArgs.ProtectedBackend;
import java.util.ArrayList;
import dev.apigeegke.internal.kubernetes.ServiceAwait;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Edge Microgateway as a Service in its own namespace: a Secret holding org, env, key, secret and config (all
 * Pulumi secrets), a hardened Deployment of the pinned image, a PodDisruptionBudget, a CPU autoscaler, a ClusterIP
 * Service on port 8000, and NetworkPolicies so the protected backends accept traffic only from the gateway.
 * The gateway's ServiceAccount has no token and no RBAC: the gateway never calls the Kubernetes API, only Apigee.
 *
 * <p>Put it behind an {@link dev.apigeegke.ingress.ArmoredIngress} in {@link #namespaceName()} with {@link #selector()},
 * {@link #port()} and {@link #healthPath()}: the load balancer's health check must use {@code /healthcheck}, since
 * the {@code oauth} plugin rejects {@code /}. Put {@code healthcheck} before {@code oauth} in the plugin sequence.
 *
 * <p>Children: {@code <name>-namespace} (unless {@code createNamespace(false)}), {@code <name>-sa},
 * {@code <name>-credentials} (Secret), {@code <name>-deployment}, {@code <name>-service}, {@code <name>-pdb},
 * {@code <name>-hpa}, {@code <name>-allow-ingress} (the gateway's NetworkPolicy) and per protected backend
 * {@code <name>-to-<namespace>-<selector values>-<port>}. In Kubernetes the ServiceAccount, Deployment, Service,
 * PDB and HPA are named {@code <name>}, the Secret {@code <name>-credentials}, the gateway's policy
 * {@code <name>-allow-ingress} and each backend's policy {@code <name>-to-<selector values>-<port>}.
 *
 * <p>The Deployment waits for the component's {@code dependsOn}, which the Java SDK gives to no child: pass
 * {@link dev.apigeegke.cluster.GkeCluster#onNodes()} so no gateway pod is created before the cluster has nodes.
 */
public final class MicrogatewayService extends ComponentResource {
    /** The type token; it never changes. */
    public static final String TYPE = "apigee-gke:index:MicrogatewayService";
    /** The {@code app.kubernetes.io/name} of every gateway pod. */
    public static final String APP = "edge-microgateway";
    private static final Map<String, String> MANAGED_BY = Map.of("app.kubernetes.io/managed-by", "apigee-gke");

    /** The gateway's HTTP port, as the Service and the pods expose it. */
    public static final int PORT = MicrogatewayServiceDefaults.PORT;
    /** The health-check plugin's path: point load balancer health checks here, not at "/". */
    public static final String HEALTH_PATH = MicrogatewayServiceDefaults.HEALTH_PATH;

    @Export(name = "serviceName", refs = String.class)
    private final Output<String> serviceName;

    /** The ClusterIP Service's name. */
    public Output<String> serviceName() {
        return this.serviceName;
    }

    @Export(name = "namespace", refs = String.class)
    private final Output<String> namespace;

    /**
     * The gateway's namespace, known once the Namespace exists (when this component creates it); for the plain name,
     * known before deployment, see {@link #namespaceName()}.
     */
    public Output<String> namespace() {
        return this.namespace;
    }

    @Export(name = "config", refs = String.class)
    private final Output<String> config;

    /** The rendered config YAML; not a secret, as it holds no credential (the key and secret live only in the Secret). */
    public Output<String> config() {
        return this.config;
    }

    private final String name;
    private final MicrogatewayServiceArgs args;
    private final Deployment deployment;
    private final Service service;

    /** Creates the gateway with the default providers. */
    public MicrogatewayService(String name, MicrogatewayServiceArgs args) {
        this(name, args, null);
    }

    /** Creates the gateway; pass the Kubernetes provider in {@code options}. */
    public MicrogatewayService(String name, MicrogatewayServiceArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, checked(name, args), options);
        this.name = name;
        this.args = args;
        var inNamespace = new ArrayList<Resource>();
        if (args.createNamespace()) {
            inNamespace.add(new Namespace(Names.child(name, "namespace"), NamespaceArgs.builder()
                    .metadata(ObjectMetaArgs.builder()
                            .name(args.namespace())
                            // The gateway's pods meet the "restricted" Pod Security Standard; enforce it for everything in the namespace.
                            .labels(Map.of("pod-security.kubernetes.io/enforce", "restricted",
                                    "app.kubernetes.io/managed-by", "apigee-gke"))
                            .build())
                    .build(), childOf(List.of())));
        }
        var serviceAccount = new ServiceAccount(Names.child(name, "sa"), ServiceAccountArgs.builder()
                .metadata(meta(name))
                .automountServiceAccountToken(false)
                .build(), childOf(inNamespace));
        // With a setup, known only once its credential exists (the regional host); the Secret keeps it secret.
        Output<String> yaml = args.yaml();
        var credentials = new Secret(Names.child(name, "credentials"), SecretArgs.builder()
                .metadata(meta(Names.child(name, "credentials")))
                .type("Opaque")
                .stringData(GatewayContainer.credentials(args.organization(), args.environment(), args.key(), args.secret(), yaml))
                .build(), childOf(inNamespace));

        var gatewayDependencies = new ArrayList<>(inNamespace);
        gatewayDependencies.add(serviceAccount);
        gatewayDependencies.add(credentials);
        this.deployment = new Deployment(Names.child(name, "deployment"), DeploymentArgs.builder()
                .metadata(meta(name))
                .spec(DeploymentSpecArgs.builder()
                        // No replicas: the autoscaler owns the count (its minimum is args.replicas()); a fixed count here
                        // would reset a scaled-out gateway on every update.
                        .selector(LabelSelectorArgs.builder().matchLabels(selector()).build())
                        .strategy(DeploymentStrategyArgs.builder()
                                .type("RollingUpdate")
                                .rollingUpdate(RollingUpdateDeploymentArgs.builder().maxSurge(1).maxUnavailable(0).build())
                                .build())
                        .template(GatewayPodTemplate.of(name, args, selector(), Names.child(name, "credentials"), yaml))
                        .build())
                .build(), deploymentOptions(gatewayDependencies, options));

        this.service = new Service(Names.child(name, "service"), ServiceArgs.builder()
                .metadata(meta(name, ServiceAwait.SKIP))
                .spec(ServiceSpecArgs.builder()
                        .type("ClusterIP")
                        .selector(selector())
                        .ports(ServicePortArgs.builder()
                                .name("http").protocol("TCP").port(port()).targetPort(port()).build())
                        .build())
                .build(), childOf(inNamespace));

        new PodDisruptionBudget(Names.child(name, "pdb"), PodDisruptionBudgetArgs.builder()
                .metadata(meta(name))
                .spec(PodDisruptionBudgetSpecArgs.builder()
                        .minAvailable(args.minAvailable())
                        .selector(LabelSelectorArgs.builder().matchLabels(selector()).build())
                        // A pod that never became ready must not block node drains.
                        .unhealthyPodEvictionPolicy("AlwaysAllow")
                        .build())
                .build(), childOf(inNamespace));

        new HorizontalPodAutoscaler(Names.child(name, "hpa"), HorizontalPodAutoscalerArgs.builder()
                .metadata(meta(name))
                .spec(HorizontalPodAutoscalerSpecArgs.builder()
                        .scaleTargetRef(CrossVersionObjectReferenceArgs.builder()
                                .apiVersion("apps/v1").kind("Deployment").name(name).build())
                        .minReplicas(args.replicas())
                        .maxReplicas(args.maxReplicas())
                        .metrics(MetricSpecArgs.builder()
                                .type("Resource")
                                .resource(ResourceMetricSourceArgs.builder()
                                        .name("cpu")
                                        .target(MetricTargetArgs.builder()
                                                .type("Utilization").averageUtilization(args.targetCpuUtilization()).build())
                                        .build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(deployment).build());

        createNetworkPolicies(inNamespace);

        this.serviceName = service.metadata().applyValue(m -> m.name().orElse(name));
        this.namespace = inNamespace.isEmpty()
                ? Output.of(args.namespace())
                : ((Namespace) inNamespace.get(0)).metadata().applyValue(m -> m.name().orElse(args.namespace()));
        this.config = yaml;
        registerOutputs(Map.of("serviceName", serviceName, "namespace", namespace, "config", config));
    }

    /** The labels of the gateway's pods, known before it is created. */
    public Map<String, String> selector() {
        return selectorFor(name);
    }

    /** The labels of the pods of the gateway named {@code name}. */
    public static Map<String, String> selectorFor(String name) {
        return Map.of("app.kubernetes.io/name", APP, "app.kubernetes.io/instance", name);
    }

    /** The gateway's HTTP port, 8000, on the pods and the Service. */
    public int port() {
        return MicrogatewayServiceDefaults.PORT;
    }

    /** The path the {@code healthcheck} plugin answers, for probes and the load balancer's health check. */
    public String healthPath() {
        return MicrogatewayServiceDefaults.HEALTH_PATH;
    }

    /**
     * The name of the gateway's namespace as a plain value, known before anything is deployed: pass it where a plain
     * value decides which resources exist, such as an {@link dev.apigeegke.ingress.ArmoredIngress}'s namespace. The
     * {@link #namespace()} output holds the same name once the namespace exists.
     */
    public String namespaceName() {
        return args.namespace();
    }

    /** The validated arguments. */
    public MicrogatewayServiceArgs args() {
        return args;
    }

    /** The gateway's Deployment. */
    public Deployment deployment() {
        return deployment;
    }

    /** The ClusterIP Service. */
    public Service service() {
        return service;
    }

    private void createNetworkPolicies(List<Resource> inNamespace) {
        var sources = new ArrayList<NetworkPolicyPeerArgs>();
        // Every pod of the cluster may call the gateway; the backends are what the gateway guards.
        sources.add(NetworkPolicyPeerArgs.builder().namespaceSelector(LabelSelectorArgs.builder().build()).build());
        var ranges = new ArrayList<>(MicrogatewayServiceDefaults.GOOGLE_LOAD_BALANCER_RANGES);
        ranges.addAll(args.additionalSourceRanges());
        ranges.forEach(range -> sources.add(NetworkPolicyPeerArgs.builder().ipBlock(IPBlockArgs.builder().cidr(range).build()).build()));
        new NetworkPolicy(Names.child(name, "allow-ingress"), NetworkPolicyArgs.builder()
                .metadata(meta(Names.child(name, "allow-ingress")))
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(LabelSelectorArgs.builder().matchLabels(selector()).build())
                        .policyTypes("Ingress")
                        .ingress(NetworkPolicyIngressRuleArgs.builder()
                                .from(sources)
                                .ports(tcp(port()))
                                .build())
                        .build())
                .build(), childOf(inNamespace));

        var fromGateway = NetworkPolicyPeerArgs.builder()
                .namespaceSelector(LabelSelectorArgs.builder()
                        .matchLabels(Map.of("kubernetes.io/metadata.name", args.namespace())).build())
                .podSelector(LabelSelectorArgs.builder().matchLabels(selector()).build())
                .build();
        for (var backend : args.protectedBackends()) {
            new NetworkPolicy(backendPolicyChild(name, backend), NetworkPolicyArgs.builder()
                    .metadata(ObjectMetaArgs.builder()
                            .name(backendPolicyName(name, backend))
                            .namespace(backend.namespace())
                            .labels(MANAGED_BY)
                            .build())
                    .spec(NetworkPolicySpecArgs.builder()
                            .podSelector(LabelSelectorArgs.builder().matchLabels(backend.podSelector()).build())
                            .policyTypes("Ingress")
                            .ingress(NetworkPolicyIngressRuleArgs.builder().from(fromGateway).ports(tcp(backend.port())).build())
                            .build())
                    .build(), childOf(inNamespace));
        }
    }

    private static NetworkPolicyPortArgs tcp(int port) {
        return NetworkPolicyPortArgs.builder().protocol("TCP").port(port).build();
    }

    private static String backendPolicyName(String name, ProtectedBackend backend) {
        return Names.child(name, "to-" + backend.slug());
    }

    private static String backendPolicyChild(String name, ProtectedBackend backend) {
        return Names.child(name, "to-" + backend.namespace() + "-" + backend.slug());
    }

    private ObjectMetaArgs meta(String objectName) {
        return meta(objectName, Map.of());
    }

    private ObjectMetaArgs meta(String objectName, Map<String, String> annotations) {
        var labels = new LinkedHashMap<String, String>(selector());
        labels.putAll(MANAGED_BY);
        var meta = ObjectMetaArgs.builder().name(objectName).namespace(args.namespace()).labels(labels);
        return (annotations.isEmpty() ? meta : meta.annotations(annotations)).build();
    }

    /**
     * The Deployment's options: after what it mounts and after the component's {@code dependsOn}, which the Java SDK
     * gives to no child (the node pool, {@link dev.apigeegke.cluster.GkeCluster#onNodes()}).
     */
    private CustomResourceOptions deploymentOptions(List<Resource> dependencies, @Nullable ComponentResourceOptions options) {
        if (options == null) {
            return childOf(dependencies);
        }
        var all = List.copyOf(dependencies);
        return CustomResourceOptions.builder().parent(this).dependsOn(options.getDependsOn().applyValue(extra -> {
            var both = new ArrayList<Resource>(all);
            both.addAll(extra);
            return List.copyOf(both);
        })).build();
    }

    private CustomResourceOptions childOf(List<Resource> dependencies) {
        return CustomResourceOptions.builder().parent(this).dependsOn(dependencies).build();
    }

    private static String checked(String name, MicrogatewayServiceArgs args) {
        var problems = new Problems("MicrogatewayService");
        Names.checkLabel(problems, "name", name, 0);
        if (args == null) {
            problems.add("args", null, "pass MicrogatewayServiceArgs.builder().organization(...).environment(...).config(...).key(...).secret(...).build()");
        } else if (problems.isEmpty()) {
            var gateway = selectorFor(name);
            for (int i = 0; i < args.protectedBackends().size(); i++) {
                var backend = args.protectedBackends().get(i);
                String arg = "protectedBackends[" + i + "]";
                if (backend.namespace().equals(args.namespace()) && gateway.entrySet().containsAll(backend.podSelector().entrySet())) {
                    problems.add(arg + ".podSelector", backend.podSelector(),
                            "selects the gateway's own pods, which would then refuse every caller but themselves; select the backend's pods");
                }
                Names.checkSubdomain(problems, arg, backendPolicyName(name, backend));
            }
        }
        problems.throwIfAny();
        return name;
    }
}
