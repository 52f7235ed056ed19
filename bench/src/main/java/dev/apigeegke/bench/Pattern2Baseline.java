package dev.apigeegke.bench;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.gcp.compute.SecurityPolicy;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscaler;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscalerArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.CrossVersionObjectReferenceArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HorizontalPodAutoscalerSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricTargetArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.ResourceMetricSourceArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.TopologySpreadConstraintArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressSpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apigeegke.apigee.resources.ApiProduct;
import dev.apigeegke.apigee.resources.ApiProxy;
import dev.apigeegke.examples.gateway.GatewayStackSettings;
import dev.apigeegke.examples.pattern2.Pattern2;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pattern 2 as a plain program: the same resources as {@link Pattern2}, declared directly. */
public final class Pattern2Baseline {
    private static final String SERVICES_NAMESPACE = PlainPods.NAMESPACE;
    private static final int SERVICE_PORT = PlainPods.APP_PORT;
    private static final String MANAGED_BY_KEY = "app.kubernetes.io/managed-by";
    /** One node in each of the region's three zones. */
    private static final int NODES_PER_ZONE = 1;

    private static final String GATEWAY_NAMESPACE = "edgemicro-system";
    private static final String GATEWAY_APP = "edge-microgateway";
    private static final int GATEWAY_PORT = PlainGateway.PORT;
    private static final int GATEWAY_USER = PlainGateway.USER;
    private static final int GATEWAY_REPLICAS = 2;
    private static final int GATEWAY_MAX_REPLICAS = 10;

    private Pattern2Baseline() {
    }

    /** Declares the resources. */
    public static void build(Context ctx, GatewayStackSettings config, List<Pattern2.Service> services, Artifacts artifacts) {
        String prefix = config.prefix();
        var cluster = PlainCluster.declare(prefix, config.project(), config.region(), config.deletionProtection(),
                config.nodesPerZone().orElse(NODES_PER_ZONE), PlainCluster.DEFAULT_MACHINE_TYPE);
        var k8s = cluster.onCluster();

        for (var service : services) {
            microservice(service, k8s);
        }
        var gateway = gateway(config, services, artifacts, cluster.provider());
        var url = ingress(config, prefix + "-ingress", prefix + "-gateway", gateway, cluster.provider());

        apiProxy(config, prefix + "-health", "edgemicro_healthcheck", artifacts);
        var proxies = new ArrayList<Resource>();
        for (var service : services) {
            proxies.add(apiProxy(config, prefix + "-" + service.name(), proxyName(service), artifacts));
        }
        var consumerKey = productAndApp(config, prefix + "-" + services.get(0).name(), services, proxies);

        ctx.export("clusterName", cluster.cluster().name());
        ctx.export("kubeconfig", cluster.kubeconfig());
        ctx.export("gatewayUrl", url);
        ctx.export("consumerKey", consumerKey);
    }

    /** A hardened Deployment of the service and its ClusterIP Service on port 80, for the gateway to call. */
    private static void microservice(Pattern2.Service service, CustomResourceOptions k8s) {
        String name = service.name();
        var labels = PlainPods.selector(name);
        PlainPods.appDeployment(name, service.image(), k8s);
        new Service(name, ServiceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).namespace(SERVICES_NAMESPACE).labels(labels)
                        .annotations(Map.of("pulumi.com/skipAwait", "true")).build())
                .spec(ServiceSpecArgs.builder()
                        .type("ClusterIP")
                        .selector(labels)
                        .ports(ServicePortArgs.builder().name("http").protocol("TCP").port(80).targetPort(SERVICE_PORT).build())
                        .build())
                .build(), k8s);
    }

    /**
     * Edge Microgateway as a Service: namespace, service account, credentials Secret, Deployment, Service, PDB,
     * autoscaler, and NetworkPolicies admitting only the gateway to the services. Returns the Deployment and
     * Service, which the Ingress waits for.
     */
    private static List<Resource> gateway(GatewayStackSettings config, List<Pattern2.Service> services, Artifacts artifacts,
                                          Provider provider) {
        String name = config.prefix() + "-gateway";
        String secretName = name + "-credentials";
        var selector = gatewaySelector(name);
        var namespace = new Namespace(name + "-namespace", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(GATEWAY_NAMESPACE)
                        .labels(Map.of("pod-security.kubernetes.io/enforce", "restricted", MANAGED_BY_KEY, "apigee-gke"))
                        .build())
                .build(), CustomResourceOptions.builder().provider(provider).build());
        var inNamespace = CustomResourceOptions.builder().provider(provider).dependsOn(namespace).build();

        var serviceAccount = new ServiceAccount(name + "-sa", ServiceAccountArgs.builder()
                .metadata(gatewayMeta(name, name))
                .automountServiceAccountToken(false)
                .build(), inNamespace);

        String configBase64 = PlainGateway.configBase64(artifacts, secretName);
        var secret = PlainGateway.credentialsSecret(secretName, gatewayMeta(name, secretName), config, configBase64, inNamespace);

        var deployment = new Deployment(name + "-deployment", DeploymentArgs.builder()
                .metadata(gatewayMeta(name, name))
                .spec(DeploymentSpecArgs.builder()
                        .selector(PlainPods.matchLabels(selector))
                        .strategy(PlainPods.rollingUpdate())
                        .template(gatewayPod(name, secretName, PlainGateway.configSha256(configBase64)))
                        .build())
                .build(), CustomResourceOptions.builder().provider(provider).dependsOn(namespace, serviceAccount, secret).build());

        var service = new Service(name + "-service", ServiceArgs.builder()
                .metadata(ObjectMetaArgs.builder(gatewayMeta(name, name)).annotations(Map.of("pulumi.com/skipAwait", "true")).build())
                .spec(ServiceSpecArgs.builder()
                        .type("ClusterIP")
                        .selector(selector)
                        .ports(ServicePortArgs.builder()
                                .name("http").protocol("TCP").port(GATEWAY_PORT).targetPort(GATEWAY_PORT).build())
                        .build())
                .build(), inNamespace);

        new PodDisruptionBudget(name + "-pdb", PodDisruptionBudgetArgs.builder()
                .metadata(gatewayMeta(name, name))
                .spec(PodDisruptionBudgetSpecArgs.builder()
                        .minAvailable(Math.max(1, GATEWAY_REPLICAS - 1))
                        .selector(PlainPods.matchLabels(selector))
                        .unhealthyPodEvictionPolicy("AlwaysAllow")
                        .build())
                .build(), inNamespace);

        new HorizontalPodAutoscaler(name + "-hpa", HorizontalPodAutoscalerArgs.builder()
                .metadata(gatewayMeta(name, name))
                .spec(HorizontalPodAutoscalerSpecArgs.builder()
                        .scaleTargetRef(CrossVersionObjectReferenceArgs.builder()
                                .apiVersion("apps/v1").kind("Deployment").name(name).build())
                        .minReplicas(GATEWAY_REPLICAS)
                        .maxReplicas(GATEWAY_MAX_REPLICAS)
                        .metrics(MetricSpecArgs.builder()
                                .type("Resource")
                                .resource(ResourceMetricSourceArgs.builder()
                                        .name("cpu")
                                        .target(MetricTargetArgs.builder().type("Utilization").averageUtilization(70).build())
                                        .build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().provider(provider).dependsOn(deployment).build());

        gatewayNetworkPolicies(name, services, inNamespace);
        return List.of(deployment, service);
    }

    /** The gateway's pod: its container reads the credentials Secret; a config checksum rolls the pods on change. */
    private static PodTemplateSpecArgs gatewayPod(String name, String secretName, String configSha256) {
        var env = new ArrayList<EnvVarArgs>(PlainGateway.credentialEnv(secretName));
        env.add(PlainPods.plainEnv("EDGEMICRO_PROCESSES", "1"));
        env.add(PlainPods.plainEnv("EDGEMICRO_STOP_DELAY", Integer.toString(PlainGateway.STOP_DELAY_SECONDS)));
        env.addAll(PlainGateway.podEnv());
        var container = PlainGateway.container("http", env, "")
                .resources(ResourceRequirementsArgs.builder()
                        .requests(Map.of("cpu", "500m", "memory", "512Mi"))
                        .limits(Map.of("cpu", "1", "memory", "1Gi"))
                        .build())
                .securityContext(PlainGateway.securityContext().build())
                .build();
        var selector = gatewaySelector(name);
        return PodTemplateSpecArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .labels(selector)
                        .annotations(Map.of("apigee-gke/config-sha256", configSha256))
                        .build())
                .spec(PodSpecArgs.builder()
                        .serviceAccountName(name)
                        .automountServiceAccountToken(false)
                        .terminationGracePeriodSeconds(PlainGateway.PRE_STOP_SECONDS + PlainGateway.STOP_DELAY_SECONDS + 10)
                        .securityContext(PodSecurityContextArgs.builder()
                                .runAsNonRoot(true)
                                .runAsUser(GATEWAY_USER)
                                .runAsGroup(GATEWAY_USER)
                                .fsGroup(GATEWAY_USER)
                                .seccompProfile(PlainPods.runtimeDefault())
                                .build())
                        .topologySpreadConstraints(
                                spread(selector, "kubernetes.io/hostname", "DoNotSchedule"),
                                spread(selector, "topology.kubernetes.io/zone", "ScheduleAnyway"))
                        .containers(container)
                        .volumes(PlainGateway.volumes(""))
                        .build())
                .build();
    }

    /** Every pod and Google's load balancers may reach the gateway; each service admits only the gateway. */
    private static void gatewayNetworkPolicies(String name, List<Pattern2.Service> services, CustomResourceOptions inNamespace) {
        var selector = gatewaySelector(name);
        var sources = new ArrayList<NetworkPolicyPeerArgs>();
        sources.add(NetworkPolicyPeerArgs.builder().namespaceSelector(LabelSelectorArgs.builder().build()).build());
        sources.addAll(PlainIngress.fromLoadBalancers());
        new NetworkPolicy(name + "-allow-ingress", NetworkPolicyArgs.builder()
                .metadata(gatewayMeta(name, name + "-allow-ingress"))
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(PlainPods.matchLabels(selector))
                        .policyTypes("Ingress")
                        .ingress(NetworkPolicyIngressRuleArgs.builder().from(sources).ports(tcp(GATEWAY_PORT)).build())
                        .build())
                .build(), inNamespace);

        var fromGateway = NetworkPolicyPeerArgs.builder()
                .namespaceSelector(PlainPods.matchLabels(Map.of("kubernetes.io/metadata.name", GATEWAY_NAMESPACE)))
                .podSelector(PlainPods.matchLabels(selector))
                .build();
        for (var service : services) {
            String slug = service.name() + "-" + SERVICE_PORT;
            new NetworkPolicy(name + "-to-" + SERVICES_NAMESPACE + "-" + slug, NetworkPolicyArgs.builder()
                    .metadata(PlainPods.managedMeta(name + "-to-" + slug, SERVICES_NAMESPACE))
                    .spec(NetworkPolicySpecArgs.builder()
                            .podSelector(PlainPods.matchLabels(PlainPods.selector(service.name())))
                            .policyTypes("Ingress")
                            .ingress(NetworkPolicyIngressRuleArgs.builder().from(fromGateway).ports(tcp(SERVICE_PORT)).build())
                            .build())
                    .build(), inNamespace);
        }
    }

    /**
     * The Ingress in front of the gateway: a static IP, a Cloud Armor policy (unless internal), the gateway's
     * armored Service with its BackendConfig, and with domains a managed certificate and an HTTPS redirect.
     * Returns the gateway's URL.
     */
    private static Output<String> ingress(GatewayStackSettings config, String name, String gateway, List<Resource> gatewayResources,
                                          Provider provider) {
        var ip = PlainIngress.address(name, config.project(), config.region(), config.internal());
        var afterGateway = CustomResourceOptions.builder().provider(provider).dependsOn(gatewayResources).build();
        String backend = gateway + "-lb";
        String backendConfigName = name + "-" + backend;
        SecurityPolicy policy = config.internal()
                ? null
                : PlainArmor.policy(name, config.project(), config.wafRuleSets(), config.allowlist());
        var backendConfig = PlainIngress.backendConfig(backendConfigName, GATEWAY_NAMESPACE, PlainGateway.HEALTH_PATH,
                GATEWAY_PORT, policy, afterGateway);
        PlainIngress.loadBalancerOnly(backendConfigName, GATEWAY_NAMESPACE, gatewaySelector(gateway), GATEWAY_PORT, afterGateway);
        var service = new Service(backendConfigName, PlainIngress.negServiceArgs(backend, GATEWAY_NAMESPACE,
                Output.of(backendConfigName), gatewaySelector(gateway), GATEWAY_PORT, GATEWAY_PORT),
                CustomResourceOptions.builder().provider(provider).dependsOn(backendConfig).build());

        var ingressDependencies = new ArrayList<Resource>(List.of(service));
        Map<String, Output<String>> httpsAnnotations = Map.of();
        if (!config.domains().isEmpty()) {
            var https = PlainIngress.https(name, GATEWAY_NAMESPACE, config.domains(), afterGateway);
            ingressDependencies.add(https.certificate());
            ingressDependencies.add(https.frontend());
            httpsAnnotations = PlainIngress.httpsAnnotations(Output.of(name + "-cert"), Output.of(name + "-frontend"));
        }
        PlainIngress.ingress(name, GATEWAY_NAMESPACE, PlainIngress.annotations(config.internal(), ip, httpsAnnotations),
                IngressSpecArgs.builder().defaultBackend(PlainIngress.backend(backend, GATEWAY_PORT)).build(),
                CustomResourceOptions.builder().provider(provider).dependsOn(ingressDependencies).build());
        return PlainIngress.url(config.domains(), ip);
    }

    /** The edgemicro_ proxy of a service, which the gateway serves at {@code /<name>}. */
    private static String proxyName(Pattern2.Service service) {
        return "edgemicro_" + service.name();
    }

    /** An edgemicro_ proxy on Apigee, its bundle read from the static files; deployed to the gateway's environment. */
    private static ApiProxy apiProxy(GatewayStackSettings config, String name, String proxyName, Artifacts artifacts) {
        return PlainApigee.proxy(name, proxyName, artifacts, List.of(config.environment()), null);
    }

    /**
     * The product packaging every service's proxy and edgemicro-auth, with a sample developer and app; returns
     * the app's consumer key.
     */
    private static Output<String> productAndApp(GatewayStackSettings config, String name, List<Pattern2.Service> services,
                                                List<Resource> routeProxies) {
        var proxyNames = new ArrayList<String>();
        for (var service : services) {
            proxyNames.add(proxyName(service));
        }
        proxyNames.add("edgemicro-auth");
        String productName = config.prefix() + "-product";
        var product = new ApiProduct(name + "-product",
                PlainApigee.product(productName, productName, List.of(config.environment()), proxyNames)
                        .description("API product for proxy " + proxyNames.get(0))
                        .build(), CustomResourceOptions.builder().dependsOn(routeProxies).build());
        return PlainApigee.sampleApp(name, config.prefix(), config.consumerEmail(), product.name().applyValue(List::of));
    }

    private static Map<String, String> gatewaySelector(String gateway) {
        return Map.of("app.kubernetes.io/name", GATEWAY_APP, "app.kubernetes.io/instance", gateway);
    }

    private static ObjectMetaArgs gatewayMeta(String gateway, String objectName) {
        var labels = new LinkedHashMap<>(gatewaySelector(gateway));
        labels.putAll(PlainPods.MANAGED_BY);
        return ObjectMetaArgs.builder().name(objectName).namespace(GATEWAY_NAMESPACE).labels(labels).build();
    }

    private static TopologySpreadConstraintArgs spread(Map<String, String> selector, String topologyKey, String whenUnsatisfiable) {
        return TopologySpreadConstraintArgs.builder()
                .maxSkew(1)
                .topologyKey(topologyKey)
                .whenUnsatisfiable(whenUnsatisfiable)
                .labelSelector(PlainPods.matchLabels(selector))
                .build();
    }

    private static NetworkPolicyPortArgs tcp(int port) {
        return NetworkPolicyPortArgs.builder().protocol("TCP").port(port).build();
    }
}
