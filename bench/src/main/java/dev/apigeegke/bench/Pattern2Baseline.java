package dev.apigeegke.bench;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.gcp.compute.Address;
import com.pulumi.gcp.compute.AddressArgs;
import com.pulumi.gcp.compute.GlobalAddress;
import com.pulumi.gcp.compute.GlobalAddressArgs;
import com.pulumi.gcp.compute.SecurityPolicy;
import com.pulumi.gcp.compute.SecurityPolicyArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleMatchArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleMatchConfigArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleMatchExprArgs;
import com.pulumi.gcp.container.Cluster;
import com.pulumi.gcp.container.ClusterArgs;
import com.pulumi.gcp.container.NodePool;
import com.pulumi.gcp.container.NodePoolArgs;
import com.pulumi.gcp.container.inputs.ClusterAddonsConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterAddonsConfigHorizontalPodAutoscalingArgs;
import com.pulumi.gcp.container.inputs.ClusterAddonsConfigHttpLoadBalancingArgs;
import com.pulumi.gcp.container.inputs.ClusterIpAllocationPolicyArgs;
import com.pulumi.gcp.container.inputs.ClusterReleaseChannelArgs;
import com.pulumi.gcp.container.inputs.ClusterWorkloadIdentityConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolManagementArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigShieldedInstanceConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigWorkloadMetadataConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolUpgradeSettingsArgs;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.projects.IAMMemberArgs;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
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
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.ObjectFieldSelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretKeySelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.TopologySpreadConstraintArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.Ingress;
import com.pulumi.kubernetes.networking.v1.IngressArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IPBlockArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressServiceBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressSpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.ServiceBackendPortArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apigeegke.apigee.resources.ApiProduct;
import dev.apigeegke.apigee.resources.ApiProductArgs;
import dev.apigeegke.apigee.resources.ApiProxy;
import dev.apigeegke.apigee.resources.ApiProxyArgs;
import dev.apigeegke.apigee.resources.Developer;
import dev.apigeegke.apigee.resources.DeveloperApp;
import dev.apigeegke.apigee.resources.DeveloperAppArgs;
import dev.apigeegke.apigee.resources.DeveloperArgs;
import dev.apigeegke.crds.gke.BackendConfig;
import dev.apigeegke.crds.gke.BackendConfigArgs;
import dev.apigeegke.crds.gke.FrontendConfig;
import dev.apigeegke.crds.gke.FrontendConfigArgs;
import dev.apigeegke.crds.gke.ManagedCertificate;
import dev.apigeegke.crds.gke.ManagedCertificateArgs;
import dev.apigeegke.crds.gke.inputs.BackendConfigSpecArgs;
import dev.apigeegke.crds.gke.inputs.BackendConfigSpecConnectionDrainingArgs;
import dev.apigeegke.crds.gke.inputs.BackendConfigSpecHealthCheckArgs;
import dev.apigeegke.crds.gke.inputs.BackendConfigSpecLoggingArgs;
import dev.apigeegke.crds.gke.inputs.BackendConfigSpecSecurityPolicyArgs;
import dev.apigeegke.crds.gke.inputs.FrontendConfigSpecArgs;
import dev.apigeegke.crds.gke.inputs.FrontendConfigSpecRedirectToHttpsArgs;
import dev.apigeegke.crds.gke.inputs.ManagedCertificateSpecArgs;
import dev.apigeegke.examples.pattern2.Pattern2;
import dev.apigeegke.examples.pattern2.Pattern2Config;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pattern 2 as a plain program: the same resources as {@link Pattern2}, declared directly. */
public final class Pattern2Baseline {
    private static final String SERVICES_NAMESPACE = "default";
    private static final int SERVICE_PORT = 8080;
    private static final String MANAGED_BY_KEY = "app.kubernetes.io/managed-by";
    private static final Map<String, String> MANAGED_BY = Map.of(MANAGED_BY_KEY, "apigee-gke");

    private static final List<String> NODE_ROLES = List.of(
            "roles/logging.logWriter",
            "roles/monitoring.metricWriter",
            "roles/monitoring.viewer",
            "roles/stackdriver.resourceMetadata.writer",
            "roles/artifactregistry.reader");
    /** One node in each of the region's three zones. */
    private static final int NODES_PER_ZONE = 1;

    private static final String GATEWAY_NAMESPACE = "edgemicro-system";
    private static final String GATEWAY_APP = "edge-microgateway";
    private static final String GATEWAY_IMAGE = "gcr.io/apigee-microgateway/edgemicro:3.3.11";
    private static final int GATEWAY_PORT = 8000;
    private static final String HEALTH_PATH = "/healthcheck";
    private static final int GATEWAY_USER = 101;
    private static final int GATEWAY_REPLICAS = 2;
    private static final int GATEWAY_MAX_REPLICAS = 10;
    private static final int STOP_DELAY_SECONDS = 20;
    private static final String CONFIG_DIR = "/opt/apigee/.edgemicro";
    private static final String LOG_DIR = "/opt/apigee/logs";
    private static final List<String> GOOGLE_LOAD_BALANCER_RANGES = List.of("35.191.0.0/16", "130.211.0.0/22");

    private static final String DENY = "deny(403)";
    private static final int WAF_PRIORITY = 1000;
    private static final int ALLOW_PRIORITY = 2000;
    private static final int DEFAULT_RULE_PRIORITY = 2147483647;
    private static final int MAX_RANGES_PER_RULE = 10;

    private Pattern2Baseline() {
    }

    /** Declares the resources. */
    public static void build(Context ctx, Pattern2Config config, List<Pattern2.Service> services, Artifacts artifacts) {
        String prefix = config.prefix();
        var cluster = cluster(config);
        var k8s = CustomResourceOptions.builder().provider(cluster.provider()).build();

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

    /** The cluster, its node pool and kubeconfig, and the Kubernetes provider that waits for the nodes. */
    private record ClusterResources(Cluster cluster, Output<String> kubeconfig, Provider provider) {
    }

    private static ClusterResources cluster(Pattern2Config config) {
        String name = config.prefix();
        String project = config.project();
        String location = config.region();
        String nodesName = name + "-nodes";

        var account = new Account(nodesName, AccountArgs.builder()
                .project(project)
                .accountId(nodesName)
                .displayName("GKE nodes of " + name)
                .build());
        for (String role : NODE_ROLES) {
            String suffix = role.substring("roles/".length()).replace('.', '-').toLowerCase();
            new IAMMember(nodesName + "-" + suffix, IAMMemberArgs.builder()
                    .project(project)
                    .role(role)
                    .member(Output.format("serviceAccount:%s", account.email()))
                    .build());
        }

        var cluster = new Cluster(name, ClusterArgs.builder()
                .name(name)
                .project(project)
                .location(location)
                .removeDefaultNodePool(true)
                .initialNodeCount(1)
                .deletionProtection(config.deletionProtection())
                .network("default")
                .networkingMode("VPC_NATIVE")
                .ipAllocationPolicy(ClusterIpAllocationPolicyArgs.builder()
                        .clusterIpv4CidrBlock("/14")
                        .servicesIpv4CidrBlock("/20")
                        .build())
                .datapathProvider("ADVANCED_DATAPATH")
                .enableShieldedNodes(true)
                .releaseChannel(ClusterReleaseChannelArgs.builder().channel("REGULAR").build())
                .workloadIdentityConfig(ClusterWorkloadIdentityConfigArgs.builder()
                        .workloadPool(project + ".svc.id.goog").build())
                .addonsConfig(ClusterAddonsConfigArgs.builder()
                        .httpLoadBalancing(ClusterAddonsConfigHttpLoadBalancingArgs.builder().disabled(false).build())
                        .horizontalPodAutoscaling(ClusterAddonsConfigHorizontalPodAutoscalingArgs.builder().disabled(false).build())
                        .build())
                .resourceLabels(Map.of())
                .build());

        var nodePool = new NodePool(nodesName, NodePoolArgs.builder()
                .name(nodesName)
                .project(project)
                .location(location)
                .cluster(cluster.name())
                .nodeCount(config.nodesPerZone().orElse(NODES_PER_ZONE))
                .management(NodePoolManagementArgs.builder().autoRepair(true).autoUpgrade(true).build())
                .upgradeSettings(NodePoolUpgradeSettingsArgs.builder().maxSurge(1).maxUnavailable(0).build())
                .nodeConfig(NodePoolNodeConfigArgs.builder()
                        .machineType("e2-standard-2")
                        .imageType("COS_CONTAINERD")
                        .diskSizeGb(100)
                        .diskType("pd-balanced")
                        .serviceAccount(account.email())
                        .oauthScopes("https://www.googleapis.com/auth/cloud-platform")
                        .shieldedInstanceConfig(NodePoolNodeConfigShieldedInstanceConfigArgs.builder()
                                .enableSecureBoot(true).enableIntegrityMonitoring(true).build())
                        .workloadMetadataConfig(NodePoolNodeConfigWorkloadMetadataConfigArgs.builder()
                                .mode("GKE_METADATA").build())
                        .labels(Map.of())
                        .build())
                .build());

        Output<String> kubeconfig = Output.tuple(cluster.name(), cluster.endpoint(), cluster.masterAuth())
                .applyValue(t -> kubeconfig(project, location, t.t1, t.t2, t.t3.clusterCaCertificate().orElse("")))
                .asSecret();
        var provider = new Provider(name + "-k8s", ProviderArgs.builder().kubeconfig(kubeconfig).build(),
                CustomResourceOptions.builder().dependsOn(nodePool).build());
        return new ClusterResources(cluster, kubeconfig, provider);
    }

    /** A kubeconfig that authenticates through gke-gcloud-auth-plugin, as gcloud writes it. */
    private static String kubeconfig(String project, String location, String clusterName, String endpoint, String caCertificate) {
        String context = "gke_" + project + "_" + location + "_" + clusterName;
        return """
                apiVersion: v1
                clusters:
                - cluster:
                    certificate-authority-data: %2$s
                    server: https://%3$s
                  name: %1$s
                contexts:
                - context:
                    cluster: %1$s
                    user: %1$s
                  name: %1$s
                current-context: %1$s
                kind: Config
                preferences: {}
                users:
                - name: %1$s
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: gke-gcloud-auth-plugin
                      installHint: "Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin"
                      interactiveMode: Never
                      provideClusterInfo: true
                """.formatted(context, caCertificate.isEmpty() ? "\"\"" : caCertificate, endpoint);
    }

    /** A hardened Deployment of the service and its ClusterIP Service on port 80, for the gateway to call. */
    private static void microservice(Pattern2.Service service, CustomResourceOptions k8s) {
        String name = service.name();
        var labels = Map.of("app.kubernetes.io/name", name);
        var container = ContainerArgs.builder()
                .name(name)
                .image(service.image())
                .ports(ContainerPortArgs.builder().name("http").containerPort(SERVICE_PORT).protocol("TCP").build())
                .env(List.of())
                .readinessProbe(probe("/", SERVICE_PORT, 5, 3))
                .livenessProbe(probe("/", SERVICE_PORT, 15, 3))
                .resources(ResourceRequirementsArgs.builder()
                        .requests(Map.of("cpu", "100m", "memory", "128Mi"))
                        .limits(Map.of("cpu", "500m", "memory", "256Mi"))
                        .build())
                .securityContext(SecurityContextArgs.builder()
                        .runAsNonRoot(true)
                        .runAsUser(65532)
                        .allowPrivilegeEscalation(false)
                        .readOnlyRootFilesystem(true)
                        .privileged(false)
                        .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                        .build())
                .volumeMounts(VolumeMountArgs.builder().name("tmp").mountPath("/tmp").build())
                .build();
        new Deployment(name, DeploymentArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).namespace(SERVICES_NAMESPACE).labels(labels).build())
                .spec(DeploymentSpecArgs.builder()
                        .replicas(2)
                        .selector(matchLabels(labels))
                        .strategy(rollingUpdate())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(labels).build())
                                .spec(PodSpecArgs.builder()
                                        .automountServiceAccountToken(false)
                                        .securityContext(PodSecurityContextArgs.builder()
                                                .runAsNonRoot(true)
                                                .seccompProfile(runtimeDefault())
                                                .build())
                                        .containers(container)
                                        .volumes(emptyDir("tmp", "64Mi"))
                                        .build())
                                .build())
                        .build())
                .build(), k8s);
        new Service(name, ServiceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).namespace(SERVICES_NAMESPACE).labels(labels).build())
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
    private static List<Resource> gateway(Pattern2Config config, List<Pattern2.Service> services, Artifacts artifacts,
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

        String configBase64 = artifacts.text("kubernetes:core/v1:Secret", secretName, "stringData.mgw-config");
        String configYaml = new String(Base64.getDecoder().decode(configBase64), StandardCharsets.UTF_8);
        var credentials = new LinkedHashMap<String, Output<String>>();
        credentials.put("mgw-org", Output.ofSecret(config.organization()));
        credentials.put("mgw-env", Output.ofSecret(config.environment()));
        credentials.put("mgw-key", config.microgatewayKey().asSecret());
        credentials.put("mgw-secret", config.microgatewaySecret().asSecret());
        credentials.put("mgw-config", Output.ofSecret(configBase64));
        var secret = new Secret(secretName, SecretArgs.builder()
                .metadata(gatewayMeta(name, secretName))
                .type("Opaque")
                .stringData(eachValueSecret(credentials))
                .build(), inNamespace);

        var deployment = new Deployment(name + "-deployment", DeploymentArgs.builder()
                .metadata(gatewayMeta(name, name))
                .spec(DeploymentSpecArgs.builder()
                        .selector(matchLabels(selector))
                        .strategy(rollingUpdate())
                        .template(gatewayPod(name, secretName, sha256(configYaml)))
                        .build())
                .build(), CustomResourceOptions.builder().provider(provider).dependsOn(namespace, serviceAccount, secret).build());

        var service = new Service(name + "-service", ServiceArgs.builder()
                .metadata(gatewayMeta(name, name))
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
                        .selector(matchLabels(selector))
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

    /**
     * Makes each value its own Pulumi secret inside a plain map: the SDK serializes the nested outputs with their
     * secretness, so the engine sees an object of secret strings rather than one secret object.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Output<Map<String, String>> eachValueSecret(Map<String, Output<String>> values) {
        return Output.of((Map<String, String>) (Map) values);
    }

    /** The gateway's pod: its container reads the credentials Secret; a config checksum rolls the pods on change. */
    private static PodTemplateSpecArgs gatewayPod(String name, String secretName, String configSha256) {
        var env = new ArrayList<EnvVarArgs>();
        for (var entry : List.of(
                Map.entry("EDGEMICRO_ORG", "mgw-org"), Map.entry("EDGEMICRO_ENV", "mgw-env"),
                Map.entry("EDGEMICRO_KEY", "mgw-key"), Map.entry("EDGEMICRO_SECRET", "mgw-secret"),
                Map.entry("EDGEMICRO_CONFIG", "mgw-config"))) {
            env.add(EnvVarArgs.builder().name(entry.getKey()).valueFrom(EnvVarSourceArgs.builder()
                    .secretKeyRef(SecretKeySelectorArgs.builder().name(secretName).key(entry.getValue()).build())
                    .build()).build());
        }
        env.add(plainEnv("EDGEMICRO_CONFIG_DIR", CONFIG_DIR));
        env.add(plainEnv("EDGEMICRO_PORT", Integer.toString(GATEWAY_PORT)));
        env.add(plainEnv("EDGEMICRO_PROCESSES", "1"));
        env.add(plainEnv("EDGEMICRO_STOP_DELAY", Integer.toString(STOP_DELAY_SECONDS)));
        env.add(fieldEnv("POD_NAME", "metadata.name"));
        env.add(fieldEnv("POD_NAMESPACE", "metadata.namespace"));
        env.add(fieldEnv("INSTANCE_IP", "status.podIP"));

        var container = ContainerArgs.builder()
                .name(GATEWAY_APP)
                .image(GATEWAY_IMAGE)
                .imagePullPolicy("IfNotPresent")
                .ports(ContainerPortArgs.builder().name("http").containerPort(GATEWAY_PORT).protocol("TCP").build())
                .env(env)
                .startupProbe(probe(HEALTH_PATH, GATEWAY_PORT, 5, 24))
                .readinessProbe(probe(HEALTH_PATH, GATEWAY_PORT, 5, 3))
                .livenessProbe(probe(HEALTH_PATH, GATEWAY_PORT, 15, 3))
                .resources(ResourceRequirementsArgs.builder()
                        .requests(Map.of("cpu", "500m", "memory", "512Mi"))
                        .limits(Map.of("cpu", "1", "memory", "1Gi"))
                        .build())
                .securityContext(SecurityContextArgs.builder()
                        .runAsNonRoot(true)
                        .runAsUser(GATEWAY_USER)
                        .runAsGroup(GATEWAY_USER)
                        .allowPrivilegeEscalation(false)
                        .readOnlyRootFilesystem(true)
                        .privileged(false)
                        .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                        .build())
                .volumeMounts(
                        VolumeMountArgs.builder().name("config").mountPath(CONFIG_DIR).build(),
                        VolumeMountArgs.builder().name("logs").mountPath(LOG_DIR).build(),
                        VolumeMountArgs.builder().name("tmp").mountPath("/tmp").build())
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
                        .terminationGracePeriodSeconds(STOP_DELAY_SECONDS + 10)
                        .securityContext(PodSecurityContextArgs.builder()
                                .runAsNonRoot(true)
                                .runAsUser(GATEWAY_USER)
                                .runAsGroup(GATEWAY_USER)
                                .fsGroup(GATEWAY_USER)
                                .seccompProfile(runtimeDefault())
                                .build())
                        .topologySpreadConstraints(
                                spread(selector, "kubernetes.io/hostname", "DoNotSchedule"),
                                spread(selector, "topology.kubernetes.io/zone", "ScheduleAnyway"))
                        .containers(container)
                        .volumes(emptyDir("config", "16Mi"), emptyDir("logs", "1Gi"), emptyDir("tmp", "64Mi"))
                        .build())
                .build();
    }

    /** Every pod and Google's load balancers may reach the gateway; each service admits only the gateway. */
    private static void gatewayNetworkPolicies(String name, List<Pattern2.Service> services, CustomResourceOptions inNamespace) {
        var selector = gatewaySelector(name);
        var sources = new ArrayList<NetworkPolicyPeerArgs>();
        sources.add(NetworkPolicyPeerArgs.builder().namespaceSelector(LabelSelectorArgs.builder().build()).build());
        for (String range : GOOGLE_LOAD_BALANCER_RANGES) {
            sources.add(NetworkPolicyPeerArgs.builder().ipBlock(IPBlockArgs.builder().cidr(range).build()).build());
        }
        new NetworkPolicy(name + "-allow-ingress", NetworkPolicyArgs.builder()
                .metadata(gatewayMeta(name, name + "-allow-ingress"))
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(matchLabels(selector))
                        .policyTypes("Ingress")
                        .ingress(NetworkPolicyIngressRuleArgs.builder().from(sources).ports(tcp(GATEWAY_PORT)).build())
                        .build())
                .build(), inNamespace);

        var fromGateway = NetworkPolicyPeerArgs.builder()
                .namespaceSelector(matchLabels(Map.of("kubernetes.io/metadata.name", GATEWAY_NAMESPACE)))
                .podSelector(matchLabels(selector))
                .build();
        for (var service : services) {
            String slug = service.name() + "-" + SERVICE_PORT;
            new NetworkPolicy(name + "-to-" + SERVICES_NAMESPACE + "-" + slug, NetworkPolicyArgs.builder()
                    .metadata(ObjectMetaArgs.builder()
                            .name(name + "-to-" + slug)
                            .namespace(SERVICES_NAMESPACE)
                            .labels(MANAGED_BY)
                            .build())
                    .spec(NetworkPolicySpecArgs.builder()
                            .podSelector(matchLabels(Map.of("app.kubernetes.io/name", service.name())))
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
    private static Output<String> ingress(Pattern2Config config, String name, String gateway, List<Resource> gatewayResources,
                                          Provider provider) {
        Output<String> ipName;
        Output<String> address;
        String staticIpAnnotation;
        if (config.internal()) {
            var ip = new Address(name + "-ip", AddressArgs.builder()
                    .name(name + "-ip")
                    .region(config.region())
                    .addressType("INTERNAL")
                    .purpose("SHARED_LOADBALANCER_VIP")
                    .project(config.project())
                    .build());
            ipName = ip.name();
            address = ip.address();
            staticIpAnnotation = "kubernetes.io/ingress.regional-static-ip-name";
        } else {
            var ip = new GlobalAddress(name + "-ip", GlobalAddressArgs.builder()
                    .name(name + "-ip")
                    .ipVersion("IPV4")
                    .project(config.project())
                    .build());
            ipName = ip.name();
            address = ip.address();
            staticIpAnnotation = "kubernetes.io/ingress.global-static-ip-name";
        }

        var afterGateway = CustomResourceOptions.builder().provider(provider).dependsOn(gatewayResources).build();
        String backend = gateway + "-lb";
        String backendConfigName = name + "-" + backend;
        var spec = BackendConfigSpecArgs.builder()
                .timeoutSec(30)
                .connectionDraining(BackendConfigSpecConnectionDrainingArgs.builder().drainingTimeoutSec(60).build())
                .healthCheck(BackendConfigSpecHealthCheckArgs.builder()
                        .type("HTTP")
                        .requestPath(HEALTH_PATH)
                        .port(GATEWAY_PORT)
                        .checkIntervalSec(15)
                        .timeoutSec(5)
                        .healthyThreshold(1)
                        .unhealthyThreshold(2)
                        .build())
                .logging(BackendConfigSpecLoggingArgs.builder().enable(true).sampleRate(1.0).build());
        if (!config.internal()) {
            var policy = securityPolicy(config, name);
            spec.securityPolicy(BackendConfigSpecSecurityPolicyArgs.builder().name(policy.name()).build());
        }
        var backendConfig = new BackendConfig(backendConfigName, BackendConfigArgs.builder()
                .metadata(ingressMeta(backendConfigName))
                .spec(spec.build())
                .build(), afterGateway);
        var service = new Service(backendConfigName, ServiceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(backend)
                        .namespace(GATEWAY_NAMESPACE)
                        .labels(MANAGED_BY)
                        .annotations(Map.of(
                                "cloud.google.com/neg", "{\"ingress\":true}",
                                "cloud.google.com/backend-config", "{\"default\":\"" + backendConfigName + "\"}"))
                        .build())
                .spec(ServiceSpecArgs.builder()
                        .type("ClusterIP")
                        .selector(gatewaySelector(gateway))
                        .ports(ServicePortArgs.builder()
                                .name("http").protocol("TCP").port(GATEWAY_PORT).targetPort(GATEWAY_PORT).build())
                        .build())
                .build(), CustomResourceOptions.builder().provider(provider).dependsOn(backendConfig).build());

        var ingressDependencies = new ArrayList<Resource>(List.of(service));
        var extraAnnotations = new LinkedHashMap<String, String>();
        if (!config.domains().isEmpty()) {
            ingressDependencies.add(new ManagedCertificate(name + "-cert", ManagedCertificateArgs.builder()
                    .metadata(ingressMeta(name + "-cert"))
                    .spec(ManagedCertificateSpecArgs.builder().domains(config.domains()).build())
                    .build(), afterGateway));
            ingressDependencies.add(new FrontendConfig(name + "-frontend", FrontendConfigArgs.builder()
                    .metadata(ingressMeta(name + "-frontend"))
                    .spec(FrontendConfigSpecArgs.builder()
                            .redirectToHttps(FrontendConfigSpecRedirectToHttpsArgs.builder()
                                    .enabled(true).responseCodeName("MOVED_PERMANENTLY_DEFAULT").build())
                            .build())
                    .build(), afterGateway));
            extraAnnotations.put("networking.gke.io/managed-certificates", name + "-cert");
            extraAnnotations.put("networking.gke.io/v1beta1.FrontendConfig", name + "-frontend");
        }
        String ingressClass = config.internal() ? "gce-internal" : "gce";
        new Ingress(name, IngressArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(name)
                        .namespace(GATEWAY_NAMESPACE)
                        .labels(MANAGED_BY)
                        .annotations(ipName.applyValue(ip -> {
                            var annotations = new LinkedHashMap<String, String>();
                            annotations.put("kubernetes.io/ingress.class", ingressClass);
                            annotations.put(staticIpAnnotation, ip);
                            annotations.putAll(extraAnnotations);
                            return (Map<String, String>) annotations;
                        }))
                        .build())
                .spec(IngressSpecArgs.builder()
                        .defaultBackend(IngressBackendArgs.builder()
                                .service(IngressServiceBackendArgs.builder()
                                        .name(backend)
                                        .port(ServiceBackendPortArgs.builder().number(GATEWAY_PORT).build())
                                        .build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().provider(provider).dependsOn(ingressDependencies).build());

        return config.domains().isEmpty()
                ? address.applyValue(ip -> "http://" + ip)
                : Output.of("https://" + config.domains().get(0));
    }

    /** Cloud Armor: the WAF rule sets denied first, then the allowlist in rules of 10 ranges, then deny the rest. */
    private static SecurityPolicy securityPolicy(Pattern2Config config, String ingress) {
        var rules = new ArrayList<SecurityPolicyRuleArgs>();
        var waf = config.wafRuleSets();
        for (int i = 0; i < waf.size(); i++) {
            rules.add(SecurityPolicyRuleArgs.builder()
                    .priority(WAF_PRIORITY + i)
                    .action(DENY)
                    .description("Preconfigured WAF " + waf.get(i))
                    .match(SecurityPolicyRuleMatchArgs.builder()
                            .expr(SecurityPolicyRuleMatchExprArgs.builder()
                                    .expression("evaluatePreconfiguredWaf('" + waf.get(i) + "', {'sensitivity': 1})")
                                    .build())
                            .build())
                    .build());
        }
        var allowlist = config.allowlist();
        int chunks = (allowlist.size() + MAX_RANGES_PER_RULE - 1) / MAX_RANGES_PER_RULE;
        for (int i = 0; i < chunks; i++) {
            var ranges = allowlist.subList(i * MAX_RANGES_PER_RULE, Math.min(allowlist.size(), (i + 1) * MAX_RANGES_PER_RULE));
            rules.add(SecurityPolicyRuleArgs.builder()
                    .priority(ALLOW_PRIORITY + i)
                    .description("Allow the API gateway's ranges (" + (i + 1) + " of " + chunks + ")")
                    .match(srcIps(ranges))
                    .action("allow")
                    .build());
        }
        rules.add(SecurityPolicyRuleArgs.builder()
                .priority(DEFAULT_RULE_PRIORITY)
                .action(DENY)
                .description("Default rule: deny every source not in the allowlist")
                .match(srcIps(List.of("*")))
                .build());
        return new SecurityPolicy(ingress + "-armor", SecurityPolicyArgs.builder()
                .name(ingress + "-armor")
                .description("Admits only the API gateway's ranges to Ingress " + ingress + "; denies everything else")
                .type("CLOUD_ARMOR")
                .rules(rules)
                .project(config.project())
                .build());
    }

    /** The edgemicro_ proxy of a service, which the gateway serves at {@code /<name>}. */
    private static String proxyName(Pattern2.Service service) {
        return "edgemicro_" + service.name();
    }

    /** An edgemicro_ proxy on Apigee, its bundle read from the static files; deployed to the gateway's environment. */
    private static ApiProxy apiProxy(Pattern2Config config, String name, String proxyName, Artifacts artifacts) {
        String type = "apigee:index:ApiProxy";
        return new ApiProxy(name, ApiProxyArgs.builder()
                .name(proxyName)
                .bundle(artifacts.text(type, name, "bundle"))
                .bundleHash(artifacts.text(type, name, "bundleHash"))
                .environments(List.of(config.environment()))
                .build());
    }

    /**
     * The product packaging every service's proxy and edgemicro-auth, with a sample developer and app; returns
     * the app's consumer key.
     */
    private static Output<String> productAndApp(Pattern2Config config, String name, List<Pattern2.Service> services,
                                                List<Resource> routeProxies) {
        var proxyNames = new ArrayList<String>();
        for (var service : services) {
            proxyNames.add(proxyName(service));
        }
        proxyNames.add("edgemicro-auth");
        String productName = config.prefix() + "-product";
        var product = new ApiProduct(name + "-product", ApiProductArgs.builder()
                .name(productName)
                .displayName(productName)
                .description("API product for proxy " + proxyNames.get(0))
                .approvalType("auto")
                .attributes(Map.of("access", "public"))
                .apiResources(List.of("/", "/**"))
                .environments(List.of(config.environment()))
                .proxies(proxyNames)
                .build(), CustomResourceOptions.builder().dependsOn(routeProxies).build());

        String email = config.consumerEmail();
        var developer = new Developer(name + "-developer", DeveloperArgs.builder()
                .email(email)
                .firstName("Sample")
                .lastName("Consumer")
                .userName(email.substring(0, email.indexOf('@')))
                .build());
        var app = new DeveloperApp(name + "-app", DeveloperAppArgs.builder()
                .developerEmail(developer.email())
                .name(config.prefix() + "-sample-app")
                .apiProducts(product.name().applyValue(List::of))
                .build());
        return app.consumerKey();
    }

    private static Map<String, String> gatewaySelector(String gateway) {
        return Map.of("app.kubernetes.io/name", GATEWAY_APP, "app.kubernetes.io/instance", gateway);
    }

    private static ObjectMetaArgs gatewayMeta(String gateway, String objectName) {
        var labels = new LinkedHashMap<>(gatewaySelector(gateway));
        labels.putAll(MANAGED_BY);
        return ObjectMetaArgs.builder().name(objectName).namespace(GATEWAY_NAMESPACE).labels(labels).build();
    }

    private static ObjectMetaArgs ingressMeta(String objectName) {
        return ObjectMetaArgs.builder().name(objectName).namespace(GATEWAY_NAMESPACE).labels(MANAGED_BY).build();
    }

    private static LabelSelectorArgs matchLabels(Map<String, String> labels) {
        return LabelSelectorArgs.builder().matchLabels(labels).build();
    }

    private static DeploymentStrategyArgs rollingUpdate() {
        return DeploymentStrategyArgs.builder()
                .type("RollingUpdate")
                .rollingUpdate(RollingUpdateDeploymentArgs.builder().maxSurge(1).maxUnavailable(0).build())
                .build();
    }

    private static ProbeArgs probe(String path, int port, int periodSeconds, int failureThreshold) {
        return ProbeArgs.builder()
                .httpGet(HTTPGetActionArgs.builder().path(path).port(port).build())
                .periodSeconds(periodSeconds)
                .failureThreshold(failureThreshold)
                .timeoutSeconds(2)
                .build();
    }

    private static SeccompProfileArgs runtimeDefault() {
        return SeccompProfileArgs.builder().type("RuntimeDefault").build();
    }

    private static VolumeArgs emptyDir(String volume, String sizeLimit) {
        return VolumeArgs.builder().name(volume).emptyDir(EmptyDirVolumeSourceArgs.builder().sizeLimit(sizeLimit).build()).build();
    }

    private static EnvVarArgs plainEnv(String variable, String value) {
        return EnvVarArgs.builder().name(variable).value(value).build();
    }

    private static EnvVarArgs fieldEnv(String variable, String fieldPath) {
        return EnvVarArgs.builder().name(variable)
                .valueFrom(EnvVarSourceArgs.builder().fieldRef(ObjectFieldSelectorArgs.builder().fieldPath(fieldPath).build()).build())
                .build();
    }

    private static TopologySpreadConstraintArgs spread(Map<String, String> selector, String topologyKey, String whenUnsatisfiable) {
        return TopologySpreadConstraintArgs.builder()
                .maxSkew(1)
                .topologyKey(topologyKey)
                .whenUnsatisfiable(whenUnsatisfiable)
                .labelSelector(matchLabels(selector))
                .build();
    }

    private static SecurityPolicyRuleMatchArgs srcIps(List<String> ranges) {
        return SecurityPolicyRuleMatchArgs.builder()
                .versionedExpr("SRC_IPS_V1")
                .config(SecurityPolicyRuleMatchConfigArgs.builder().srcIpRanges(ranges).build())
                .build();
    }

    private static NetworkPolicyPortArgs tcp(int port) {
        return NetworkPolicyPortArgs.builder().protocol("TCP").port(port).build();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
