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
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.core.v1.Service;
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
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.Ingress;
import com.pulumi.kubernetes.networking.v1.IngressArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressPathArgs;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressRuleValueArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressServiceBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressSpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.ServiceBackendPortArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apigeegke.apigee.resources.ApiProduct;
import dev.apigeegke.apigee.resources.ApiProductArgs;
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
import dev.apigeegke.examples.pattern2.Pattern2Config;
import dev.apigeegke.examples.pattern3.Pattern3;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Pattern 3 as a plain program: the same resources as {@link Pattern3}, declared directly. A GKE cluster and
 * its Kubernetes provider; per service a credentials Secret, a NetworkPolicy admitting only the gateway's port
 * and a Deployment whose pod carries the Edge Microgateway sidecar; an Ingress behind Cloud Armor routing to
 * the sidecars; and on Apigee a product per service, with a sample app for the keyed ones.
 */
public final class Pattern3Baseline {
    private static final String NAMESPACE = "default";
    private static final int APP_PORT = 8080;
    private static final int GATEWAY_PORT = 8000;
    private static final int SERVICE_PORT = 80;
    private static final String GATEWAY_IMAGE = "gcr.io/apigee-microgateway/edgemicro:3.3.11";
    private static final String GATEWAY_CONTAINER = "edge-microgateway";
    private static final String GATEWAY_VOLUME = "edge-microgateway-";
    private static final String GATEWAY_CONFIG_DIR = "/opt/apigee/.edgemicro";
    private static final String GATEWAY_LOG_DIR = "/opt/apigee/logs";
    private static final String GATEWAY_HEALTH_PATH = "/healthcheck";
    private static final int GATEWAY_USER = 101;
    private static final int APP_USER = 65532;
    private static final int REPLICAS = 2;
    private static final Map<String, String> REQUESTS = Map.of("cpu", "100m", "memory", "128Mi");
    private static final Map<String, String> LIMITS = Map.of("cpu", "500m", "memory", "256Mi");
    private static final String NAME_LABEL = "app.kubernetes.io/name";
    private static final String GATEWAY_LABEL = "apigee-gke.dev/microgateway";
    private static final Map<String, String> MANAGED_BY = Map.of("app.kubernetes.io/managed-by", "apigee-gke");
    /** One node per zone of the region's three zones. */
    private static final int NODES_PER_ZONE = 1;
    private static final List<String> NODE_ROLES = List.of(
            "roles/logging.logWriter",
            "roles/monitoring.metricWriter",
            "roles/monitoring.viewer",
            "roles/stackdriver.resourceMetadata.writer",
            "roles/artifactregistry.reader");
    private static final String DENY = "deny(403)";
    private static final int RANGES_PER_RULE = 10;
    private static final String KUBECONFIG = """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: %2$s
                server: https://%1$s
              name: %3$s
            contexts:
            - context:
                cluster: %3$s
                user: %3$s
              name: %3$s
            current-context: %3$s
            kind: Config
            preferences: {}
            users:
            - name: %3$s
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: gke-gcloud-auth-plugin
                  installHint: "Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin"
                  interactiveMode: Never
                  provideClusterInfo: true
            """;

    private Pattern3Baseline() {
    }

    /** The GKE cluster, its kubeconfig (a secret) and the Kubernetes provider every object goes through. */
    private record Gke(Cluster cluster, Output<String> kubeconfig, Provider provider) {
    }

    /** Declares the resources. */
    public static void build(Context ctx, Pattern2Config config, List<Pattern3.Service> services, Artifacts artifacts) {
        var gke = cluster(config);
        var onCluster = CustomResourceOptions.builder().provider(gke.provider()).build();

        for (var service : services) {
            String gateway = config.prefix() + "-" + service.name() + "-mgw";
            String credentials = gateway + "-credentials";
            String gatewayConfig = gatewayConfig(artifacts, credentials);
            credentialsSecret(config, gateway, credentials, gatewayConfig, onCluster);
            gatewayOnlyPolicy(service, gateway, onCluster);
            deployment(service, gateway, credentials, gatewayConfig, onCluster);
        }
        var url = ingress(config, services, gke.provider());
        var consumerKey = apigee(config, services);

        ctx.export("clusterName", gke.cluster().name());
        ctx.export("kubeconfig", gke.kubeconfig());
        ctx.export("url", url);
        ctx.export("consumerKey", consumerKey);
    }

    // ---- Cluster ----

    /** The cluster without its default pool, the node pool with its own service account, and the provider. */
    private static Gke cluster(Pattern2Config config) {
        String name = config.prefix();
        String nodes = name + "-nodes";
        var cluster = new Cluster(name, ClusterArgs.builder()
                .name(name)
                .project(config.project())
                .location(config.region())
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
                        .workloadPool(config.project() + ".svc.id.goog").build())
                .addonsConfig(ClusterAddonsConfigArgs.builder()
                        .httpLoadBalancing(ClusterAddonsConfigHttpLoadBalancingArgs.builder().disabled(false).build())
                        .horizontalPodAutoscaling(ClusterAddonsConfigHorizontalPodAutoscalingArgs.builder().disabled(false).build())
                        .build())
                .resourceLabels(Map.of())
                .build());

        var account = new Account(nodes, AccountArgs.builder()
                .project(config.project())
                .accountId(nodes)
                .displayName("GKE nodes of " + name)
                .build());
        for (String role : NODE_ROLES) {
            String suffix = role.substring("roles/".length()).replace('.', '-').toLowerCase();
            new IAMMember(nodes + "-" + suffix, IAMMemberArgs.builder()
                    .project(config.project())
                    .role(role)
                    .member(Output.format("serviceAccount:%s", account.email()))
                    .build());
        }

        var nodePool = new NodePool(nodes, NodePoolArgs.builder()
                .name(nodes)
                .project(config.project())
                .location(config.region())
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
                .applyValue(t -> kubeconfig(config, t.t1, t.t2, t.t3.clusterCaCertificate().orElse("")))
                .asSecret();
        var provider = new Provider(name + "-k8s", ProviderArgs.builder().kubeconfig(kubeconfig).build(),
                CustomResourceOptions.builder().dependsOn(nodePool).build());
        return new Gke(cluster, kubeconfig, provider);
    }

    /** A kubeconfig authenticating through gke-gcloud-auth-plugin, as gcloud writes it. */
    private static String kubeconfig(Pattern2Config config, String clusterName, String endpoint, String caCertificate) {
        String context = "gke_" + config.project() + "_" + config.region() + "_" + clusterName;
        return KUBECONFIG.formatted(endpoint, caCertificate, context);
    }

    // ---- Sidecars and workloads ----

    /** The gateway's configuration file; the artifact holds it base64-encoded, as the Secret stores it. */
    private static String gatewayConfig(Artifacts artifacts, String secretName) {
        String encoded = artifacts.text("kubernetes:core/v1:Secret", secretName, "stringData.mgw-config");
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    /** The sidecar's credentials and configuration, each value its own Pulumi secret. */
    private static void credentialsSecret(Pattern2Config config, String gateway, String name, String gatewayConfig,
                                          CustomResourceOptions onCluster) {
        var values = new LinkedHashMap<String, Output<String>>();
        values.put("mgw-org", Output.ofSecret(config.organization()));
        values.put("mgw-env", Output.ofSecret(config.environment()));
        values.put("mgw-key", config.microgatewayKey().asSecret());
        values.put("mgw-secret", config.microgatewaySecret().asSecret());
        // The image decodes EDGEMICRO_CONFIG with base64 -d.
        values.put("mgw-config", Output.ofSecret(
                Base64.getEncoder().encodeToString(gatewayConfig.getBytes(StandardCharsets.UTF_8))));
        new Secret(name, SecretArgs.builder()
                .metadata(gatewayMeta(name, gateway))
                .type("Opaque")
                .stringData(secretValues(values))
                .build(), onCluster);
    }

    /**
     * A map whose values are secret outputs, typed as SecretArgs expects: the SDK serializes the nested outputs
     * with their secretness, so each value is a secret and the keys stay visible.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Output<Map<String, String>> secretValues(Map<String, Output<String>> values) {
        return Output.of((Map<String, String>) (Map) values);
    }

    /** Admits traffic to the service's pods on the gateway's port only. */
    private static void gatewayOnlyPolicy(Pattern3.Service service, String gateway, CustomResourceOptions onCluster) {
        new NetworkPolicy(gateway, NetworkPolicyArgs.builder()
                .metadata(gatewayMeta(gateway, gateway))
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(LabelSelectorArgs.builder().matchLabels(selector(service)).build())
                        .policyTypes("Ingress")
                        .ingress(NetworkPolicyIngressRuleArgs.builder()
                                .ports(NetworkPolicyPortArgs.builder().protocol("TCP").port(GATEWAY_PORT).build())
                                .build())
                        .build())
                .build(), onCluster);
    }

    private static ObjectMetaArgs gatewayMeta(String name, String gateway) {
        var labels = new LinkedHashMap<String, String>(MANAGED_BY);
        labels.put(GATEWAY_LABEL, gateway);
        return ObjectMetaArgs.builder().name(name).namespace(NAMESPACE).labels(labels).build();
    }

    private static Map<String, String> selector(Pattern3.Service service) {
        return Map.of(NAME_LABEL, service.name());
    }

    /** The service's Deployment: the hardened app container and its gateway sidecar in one pod. */
    private static Deployment deployment(Pattern3.Service service, String gateway, String credentials,
                                         String gatewayConfig, CustomResourceOptions onCluster) {
        var labels = Map.of(NAME_LABEL, service.name(), GATEWAY_LABEL, gateway);
        return new Deployment(service.name(), DeploymentArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(service.name()).namespace(NAMESPACE).labels(labels).build())
                .spec(DeploymentSpecArgs.builder()
                        .replicas(REPLICAS)
                        .selector(LabelSelectorArgs.builder().matchLabels(selector(service)).build())
                        .strategy(DeploymentStrategyArgs.builder()
                                .type("RollingUpdate")
                                .rollingUpdate(RollingUpdateDeploymentArgs.builder().maxSurge(1).maxUnavailable(0).build())
                                .build())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(labels).build())
                                .spec(PodSpecArgs.builder()
                                        .automountServiceAccountToken(false)
                                        .securityContext(PodSecurityContextArgs.builder()
                                                .runAsNonRoot(true)
                                                .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build())
                                                .build())
                                        .containers(appContainer(service), gatewayContainer(credentials, gatewayConfig))
                                        .volumes(
                                                emptyDir("tmp", "64Mi"),
                                                emptyDir(GATEWAY_VOLUME + "config", "16Mi"),
                                                emptyDir(GATEWAY_VOLUME + "logs", "1Gi"),
                                                emptyDir(GATEWAY_VOLUME + "tmp", "64Mi"))
                                        .build())
                                .build())
                        .build())
                .build(), onCluster);
    }

    private static ContainerArgs appContainer(Pattern3.Service service) {
        return ContainerArgs.builder()
                .name(service.name())
                .image(service.image())
                .ports(ContainerPortArgs.builder().name("http").containerPort(APP_PORT).protocol("TCP").build())
                .env(List.of())
                .readinessProbe(httpProbe("/", APP_PORT, 5, 3))
                .livenessProbe(httpProbe("/", APP_PORT, 15, 3))
                .resources(ResourceRequirementsArgs.builder().requests(REQUESTS).limits(LIMITS).build())
                .securityContext(SecurityContextArgs.builder()
                        .runAsNonRoot(true)
                        .runAsUser(APP_USER)
                        .allowPrivilegeEscalation(false)
                        .readOnlyRootFilesystem(true)
                        .privileged(false)
                        .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                        .build())
                .volumeMounts(VolumeMountArgs.builder().name("tmp").mountPath("/tmp").build())
                .build();
    }

    /** Edge Microgateway in local-proxy mode on port 8000, forwarding to the app on localhost. */
    private static ContainerArgs gatewayContainer(String credentials, String gatewayConfig) {
        var env = new ArrayList<EnvVarArgs>();
        env.add(fromSecret("EDGEMICRO_ORG", credentials, "mgw-org"));
        env.add(fromSecret("EDGEMICRO_ENV", credentials, "mgw-env"));
        env.add(fromSecret("EDGEMICRO_KEY", credentials, "mgw-key"));
        env.add(fromSecret("EDGEMICRO_SECRET", credentials, "mgw-secret"));
        env.add(fromSecret("EDGEMICRO_CONFIG", credentials, "mgw-config"));
        env.add(plain("EDGEMICRO_CONFIG_DIR", GATEWAY_CONFIG_DIR));
        env.add(plain("EDGEMICRO_PORT", Integer.toString(GATEWAY_PORT)));
        env.add(plain("EDGEMICRO_LOCAL_PROXY", "1"));
        env.add(plain("EDGEMICRO_DECORATOR", "1"));
        env.add(plain("CONTAINER_PORT", Integer.toString(APP_PORT)));
        env.add(plain("EDGEMICRO_PROCESSES", "1"));
        env.add(fromField("POD_NAME", "metadata.name"));
        env.add(fromField("POD_NAMESPACE", "metadata.namespace"));
        env.add(fromField("INSTANCE_IP", "status.podIP"));
        // A changed configuration changes the pod template, so the pods roll.
        env.add(plain("APIGEE_GKE_CONFIG_SHA256", sha256(gatewayConfig)));
        return ContainerArgs.builder()
                .name(GATEWAY_CONTAINER)
                .image(GATEWAY_IMAGE)
                .imagePullPolicy("IfNotPresent")
                .ports(ContainerPortArgs.builder().name("mgw-http").containerPort(GATEWAY_PORT).protocol("TCP").build())
                .env(env)
                .startupProbe(httpProbe(GATEWAY_HEALTH_PATH, GATEWAY_PORT, 5, 24))
                .readinessProbe(httpProbe(GATEWAY_HEALTH_PATH, GATEWAY_PORT, 5, 3))
                .livenessProbe(httpProbe(GATEWAY_HEALTH_PATH, GATEWAY_PORT, 15, 3))
                .resources(ResourceRequirementsArgs.builder().requests(REQUESTS).limits(LIMITS).build())
                .securityContext(SecurityContextArgs.builder()
                        .runAsNonRoot(true)
                        .runAsUser(GATEWAY_USER)
                        .runAsGroup(GATEWAY_USER)
                        .allowPrivilegeEscalation(false)
                        .readOnlyRootFilesystem(true)
                        .privileged(false)
                        .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                        .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build())
                        .build())
                .volumeMounts(
                        VolumeMountArgs.builder().name(GATEWAY_VOLUME + "config").mountPath(GATEWAY_CONFIG_DIR).build(),
                        VolumeMountArgs.builder().name(GATEWAY_VOLUME + "logs").mountPath(GATEWAY_LOG_DIR).build(),
                        VolumeMountArgs.builder().name(GATEWAY_VOLUME + "tmp").mountPath("/tmp").build())
                .build();
    }

    private static ProbeArgs httpProbe(String path, int port, int periodSeconds, int failureThreshold) {
        return ProbeArgs.builder()
                .httpGet(HTTPGetActionArgs.builder().path(path).port(port).build())
                .periodSeconds(periodSeconds)
                .failureThreshold(failureThreshold)
                .timeoutSeconds(2)
                .build();
    }

    private static EnvVarArgs plain(String name, String value) {
        return EnvVarArgs.builder().name(name).value(value).build();
    }

    private static EnvVarArgs fromSecret(String name, String secret, String key) {
        return EnvVarArgs.builder().name(name).valueFrom(EnvVarSourceArgs.builder()
                .secretKeyRef(SecretKeySelectorArgs.builder().name(secret).key(key).build()).build()).build();
    }

    private static EnvVarArgs fromField(String name, String fieldPath) {
        return EnvVarArgs.builder().name(name).valueFrom(EnvVarSourceArgs.builder()
                .fieldRef(ObjectFieldSelectorArgs.builder().fieldPath(fieldPath).build()).build()).build();
    }

    private static VolumeArgs emptyDir(String name, String sizeLimit) {
        return VolumeArgs.builder().name(name).emptyDir(EmptyDirVolumeSourceArgs.builder().sizeLimit(sizeLimit).build()).build();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    // ---- Ingress ----

    /**
     * The Ingress in front of the sidecars: a static address, Cloud Armor (unless internal), per service a NEG
     * Service on the gateway's port with its BackendConfig, and HTTPS objects when domains are set. Returns the URL.
     */
    private static Output<String> ingress(Pattern2Config config, List<Pattern3.Service> services, Provider provider) {
        String name = config.prefix() + "-ingress";
        var onCluster = CustomResourceOptions.builder().provider(provider).build();

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
        SecurityPolicy armor = config.internal() ? null : securityPolicy(config, name);

        var ingressDependencies = new ArrayList<Resource>();
        for (var service : services) {
            ingressDependencies.add(negService(name, service, armor, onCluster));
        }

        var annotations = new LinkedHashMap<String, Output<String>>();
        annotations.put("kubernetes.io/ingress.class", Output.of(config.internal() ? "gce-internal" : "gce"));
        annotations.put(staticIpAnnotation, ipName);
        if (!config.domains().isEmpty()) {
            var cert = new ManagedCertificate(name + "-cert", ManagedCertificateArgs.builder()
                    .metadata(managedMeta(name + "-cert"))
                    .spec(ManagedCertificateSpecArgs.builder().domains(config.domains()).build())
                    .build(), onCluster);
            var frontend = new FrontendConfig(name + "-frontend", FrontendConfigArgs.builder()
                    .metadata(managedMeta(name + "-frontend"))
                    .spec(FrontendConfigSpecArgs.builder()
                            .redirectToHttps(FrontendConfigSpecRedirectToHttpsArgs.builder()
                                    .enabled(true).responseCodeName("MOVED_PERMANENTLY_DEFAULT").build())
                            .build())
                    .build(), onCluster);
            annotations.put("networking.gke.io/managed-certificates", cert.metadata().applyValue(m -> m.name().orElseThrow()));
            annotations.put("networking.gke.io/v1beta1.FrontendConfig", frontend.metadata().applyValue(m -> m.name().orElseThrow()));
        }

        var paths = new ArrayList<HTTPIngressPathArgs>();
        for (var service : services) {
            paths.add(HTTPIngressPathArgs.builder()
                    .path("/" + service.name())
                    .pathType("Prefix")
                    .backend(serviceBackend(service))
                    .build());
        }
        new Ingress(name, IngressArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(name)
                        .namespace(NAMESPACE)
                        .labels(MANAGED_BY)
                        .annotations(resolved(annotations))
                        .build())
                .spec(IngressSpecArgs.builder()
                        .defaultBackend(serviceBackend(services.get(0)))
                        .rules(IngressRuleArgs.builder().http(HTTPIngressRuleValueArgs.builder().paths(paths).build()).build())
                        .build())
                .build(), CustomResourceOptions.builder().provider(provider).dependsOn(ingressDependencies).build());

        return config.domains().isEmpty()
                ? address.applyValue(ip -> "http://" + ip)
                : Output.of("https://" + config.domains().get(0));
    }

    /** The service's Service for the Ingress: a NEG to the sidecars' port, load balancer settings in its BackendConfig. */
    private static Service negService(String ingress, Pattern3.Service service, @Nullable SecurityPolicy armor,
                                      CustomResourceOptions onCluster) {
        String name = ingress + "-" + service.name();
        var spec = BackendConfigSpecArgs.builder()
                .timeoutSec(30)
                .connectionDraining(BackendConfigSpecConnectionDrainingArgs.builder().drainingTimeoutSec(60).build())
                .healthCheck(BackendConfigSpecHealthCheckArgs.builder()
                        .type("HTTP")
                        .requestPath(GATEWAY_HEALTH_PATH)
                        .port(GATEWAY_PORT)
                        .checkIntervalSec(15)
                        .timeoutSec(5)
                        .healthyThreshold(1)
                        .unhealthyThreshold(2)
                        .build())
                .logging(BackendConfigSpecLoggingArgs.builder().enable(true).sampleRate(1.0).build());
        if (armor != null) {
            spec.securityPolicy(BackendConfigSpecSecurityPolicyArgs.builder().name(armor.name()).build());
        }
        var backendConfig = new BackendConfig(name, BackendConfigArgs.builder()
                .metadata(managedMeta(name))
                .spec(spec.build())
                .build(), onCluster);
        return new Service(name, ServiceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(service.name())
                        .namespace(NAMESPACE)
                        .labels(MANAGED_BY)
                        .annotations(backendConfig.metadata().applyValue(m -> Map.of(
                                "cloud.google.com/neg", "{\"ingress\":true}",
                                "cloud.google.com/backend-config", "{\"default\":\"" + m.name().orElseThrow() + "\"}")))
                        .build())
                .spec(ServiceSpecArgs.builder()
                        .type("ClusterIP")
                        .selector(selector(service))
                        .ports(ServicePortArgs.builder()
                                .name("http")
                                .protocol("TCP")
                                .port(SERVICE_PORT)
                                .targetPort(GATEWAY_PORT)
                                .build())
                        .build())
                .build(), onCluster);
    }

    /** Cloud Armor: the WAF rule sets denied first, then the allowlist (10 ranges a rule), then deny everything else. */
    private static SecurityPolicy securityPolicy(Pattern2Config config, String ingress) {
        var rules = new ArrayList<SecurityPolicyRuleArgs>();
        var waf = config.wafRuleSets();
        for (int i = 0; i < waf.size(); i++) {
            rules.add(SecurityPolicyRuleArgs.builder()
                    .priority(1000 + i)
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
        int chunks = (allowlist.size() + RANGES_PER_RULE - 1) / RANGES_PER_RULE;
        for (int i = 0; i < chunks; i++) {
            var ranges = allowlist.subList(i * RANGES_PER_RULE, Math.min(allowlist.size(), (i + 1) * RANGES_PER_RULE));
            rules.add(SecurityPolicyRuleArgs.builder()
                    .priority(2000 + i)
                    .action("allow")
                    .description("Allow the API gateway's ranges (" + (i + 1) + " of " + chunks + ")")
                    .match(sourceRanges(ranges))
                    .build());
        }
        rules.add(SecurityPolicyRuleArgs.builder()
                .priority(Integer.MAX_VALUE)
                .action(DENY)
                .description("Default rule: deny every source not in the allowlist")
                .match(sourceRanges(List.of("*")))
                .build());
        return new SecurityPolicy(ingress + "-armor", SecurityPolicyArgs.builder()
                .name(ingress + "-armor")
                .description("Admits only the API gateway's ranges to Ingress " + ingress + "; denies everything else")
                .type("CLOUD_ARMOR")
                .rules(rules)
                .project(config.project())
                .build());
    }

    private static SecurityPolicyRuleMatchArgs sourceRanges(List<String> ranges) {
        return SecurityPolicyRuleMatchArgs.builder()
                .versionedExpr("SRC_IPS_V1")
                .config(SecurityPolicyRuleMatchConfigArgs.builder().srcIpRanges(ranges).build())
                .build();
    }

    private static IngressBackendArgs serviceBackend(Pattern3.Service service) {
        return IngressBackendArgs.builder()
                .service(IngressServiceBackendArgs.builder()
                        .name(service.name())
                        .port(ServiceBackendPortArgs.builder().number(SERVICE_PORT).build())
                        .build())
                .build();
    }

    private static ObjectMetaArgs managedMeta(String name) {
        return ObjectMetaArgs.builder().name(name).namespace(NAMESPACE).labels(MANAGED_BY).build();
    }

    /** The annotations once every value is known. */
    private static Output<Map<String, String>> resolved(Map<String, Output<String>> annotations) {
        var keys = List.copyOf(annotations.keySet());
        return Output.all(List.copyOf(annotations.values())).applyValue(values -> {
            var map = new LinkedHashMap<String, String>();
            for (int i = 0; i < keys.size(); i++) {
                map.put(keys.get(i), values.get(i));
            }
            return map;
        });
    }

    // ---- Apigee ----

    /**
     * A product per service listing edgemicro-auth, and a sample developer and app subscribed to the keyed
     * services' products. Returns the app's consumer key (a secret; empty when no service is keyed).
     */
    private static Output<String> apigee(Pattern2Config config, List<Pattern3.Service> services) {
        var keyedProducts = new ArrayList<Output<String>>();
        for (var service : services) {
            var product = new ApiProduct(config.prefix() + "-" + service.name() + "-product", ApiProductArgs.builder()
                    .name(config.prefix() + "-" + service.name())
                    .displayName(service.name() + " (pattern 3)")
                    .approvalType("auto")
                    .attributes(Map.of("access", "public"))
                    .apiResources(List.of("/", "/**"))
                    .environments(List.of(config.environment()))
                    .proxies(List.of("edgemicro-auth"))
                    .build());
            if (service.keyed()) {
                keyedProducts.add(product.name());
            }
        }
        if (keyedProducts.isEmpty()) {
            return Output.ofSecret("");
        }
        String email = config.consumerEmail();
        var developer = new Developer(config.prefix() + "-developer", DeveloperArgs.builder()
                .email(email)
                .firstName("Sample")
                .lastName("Consumer")
                .userName(email.substring(0, email.indexOf('@')))
                .build());
        var app = new DeveloperApp(config.prefix() + "-app", DeveloperAppArgs.builder()
                .developerEmail(developer.email())
                .name(config.prefix() + "-sample-app")
                .apiProducts(Output.all(keyedProducts))
                .build());
        return app.consumerKey();
    }
}
