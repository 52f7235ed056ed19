package dev.apigeegke.bench;

import com.pulumi.Context;
import com.pulumi.core.Output;
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
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.Ingress;
import com.pulumi.kubernetes.networking.v1.IngressArgs;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressPathArgs;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressRuleValueArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressServiceBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressSpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.ServiceBackendPortArgs;
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
import dev.apigeegke.apigee.resources.TargetServer;
import dev.apigeegke.apigee.resources.TargetServerArgs;
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
import dev.apigeegke.examples.pattern1.Pattern1;
import dev.apigeegke.examples.pattern1.Pattern1Config;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pattern 1 as a plain program: the same resources as {@link Pattern1}, declared directly. */
public final class Pattern1Baseline {
    private static final String NAMESPACE = "default";
    private static final int CONTAINER_PORT = 8080;
    private static final int SERVICE_PORT = 80;
    private static final String HEALTH_PATH = "/";
    private static final int REPLICAS = 2;
    private static final int RUN_AS_USER = 65532;
    private static final Map<String, String> REQUESTS = Map.of("cpu", "100m", "memory", "128Mi");
    private static final Map<String, String> LIMITS = Map.of("cpu", "500m", "memory", "256Mi");
    private static final Map<String, String> MANAGED_BY = Map.of("app.kubernetes.io/managed-by", "apigee-gke");
    private static final String DEFAULT_MACHINE_TYPE = "e2-standard-2";
    private static final List<String> NODE_ROLES = List.of(
            "roles/logging.logWriter",
            "roles/monitoring.metricWriter",
            "roles/monitoring.viewer",
            "roles/stackdriver.resourceMetadata.writer",
            "roles/artifactregistry.reader");
    private static final String DENY = "deny(403)";
    private static final int WAF_SENSITIVITY = 1;
    private static final int MAX_RANGES_PER_RULE = 10;
    private static final String PROXY_TYPE = "apigee:index:ApiProxy";

    /** A kubeconfig using gke-gcloud-auth-plugin: endpoint, CA certificate, then the context name. */
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

    private Pattern1Baseline() {
    }

    /** Declares the resources. */
    public static void build(Context ctx, Pattern1Config config, List<Pattern1.Service> services, Artifacts artifacts) {
        String name = config.prefix();
        String nodeAccount = name + "-nodes";

        Output<String> nodeEmail = nodeServiceAccount(config, nodeAccount);
        var cluster = new Cluster(name, clusterArgs(config));
        var nodePool = new NodePool(nodeAccount, nodePoolArgs(config, cluster, nodeEmail));
        Output<String> kubeconfig = Output.tuple(cluster.name(), cluster.endpoint(), cluster.masterAuth())
                .applyValue(t -> String.format(KUBECONFIG, t.t2, t.t3.clusterCaCertificate().orElse(""),
                        "gke_" + config.project() + "_" + config.location() + "_" + t.t1))
                .asSecret();
        var k8s = new Provider(name + "-k8s", ProviderArgs.builder().kubeconfig(kubeconfig).build(),
                CustomResourceOptions.builder().dependsOn(nodePool).build());
        var onCluster = CustomResourceOptions.builder().provider(k8s).build();

        for (var service : services) {
            new Deployment(service.name(), deploymentArgs(service), onCluster);
        }

        String ingressName = config.prefix() + "-ingress";
        var ip = new GlobalAddress(ingressName + "-ip", GlobalAddressArgs.builder()
                .name(ingressName + "-ip")
                .ipVersion("IPV4")
                .project(config.project())
                .build());
        var policy = new SecurityPolicy(ingressName + "-armor", SecurityPolicyArgs.builder()
                .name(ingressName + "-armor")
                .description("Admits only the API gateway's ranges to Ingress " + ingressName + "; denies everything else")
                .type("CLOUD_ARMOR")
                .rules(armorRules(config))
                .project(config.project())
                .build());

        var armoredServices = new ArrayList<Resource>();
        for (var service : services) {
            armoredServices.add(armoredService(ingressName, service, policy, onCluster));
        }
        ingress(config, ingressName, services, ip, armoredServices, k8s);
        Output<String> ingressUrl = config.domains().isEmpty()
                ? ip.address().applyValue(address -> "http://" + address)
                : Output.of("https://" + config.domains().get(0));

        var api = apigee(config, ingressUrl, artifacts);

        ctx.export("clusterName", cluster.name());
        ctx.export("kubeconfig", kubeconfig);
        ctx.export("ingressAddress", ip.address());
        ctx.export("ingressUrl", ingressUrl);
        ctx.export("securityPolicy", policy.name());
        ctx.export("proxyUrl", api.proxyUrl());
        ctx.export("consumerKey", api.consumerKey());
        ctx.export("bundleHash", api.bundleHash());
    }

    /** The dedicated node service account with the least-privilege node roles; returns its email. */
    private static Output<String> nodeServiceAccount(Pattern1Config config, String accountId) {
        var account = new Account(accountId, AccountArgs.builder()
                .project(config.project())
                .accountId(accountId)
                .displayName("GKE nodes of " + config.prefix())
                .build());
        for (String role : NODE_ROLES) {
            String suffix = role.substring("roles/".length()).replace('.', '-').toLowerCase();
            new IAMMember(accountId + "-" + suffix, IAMMemberArgs.builder()
                    .project(config.project())
                    .role(role)
                    .member(Output.format("serviceAccount:%s", account.email()))
                    .build());
        }
        return account.email();
    }

    /** A VPC-native cluster without its default pool: Dataplane V2, Workload Identity, HTTP load balancing. */
    private static ClusterArgs clusterArgs(Pattern1Config config) {
        return ClusterArgs.builder()
                .name(config.prefix())
                .project(config.project())
                .location(config.location())
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
                .build();
    }

    /** Three nodes by default: one per zone of a region, or three in a single zone. */
    private static NodePoolArgs nodePoolArgs(Pattern1Config config, Cluster cluster, Output<String> serviceAccount) {
        boolean regional = config.location().matches("[a-z]+-[a-z]+\\d+");
        return NodePoolArgs.builder()
                .name(config.prefix() + "-nodes")
                .project(config.project())
                .location(config.location())
                .cluster(cluster.name())
                .nodeCount(config.nodesPerZone().orElse(regional ? 1 : 3))
                .management(NodePoolManagementArgs.builder().autoRepair(true).autoUpgrade(true).build())
                .upgradeSettings(NodePoolUpgradeSettingsArgs.builder().maxSurge(1).maxUnavailable(0).build())
                .nodeConfig(NodePoolNodeConfigArgs.builder()
                        .machineType(config.machineType().orElse(DEFAULT_MACHINE_TYPE))
                        .imageType("COS_CONTAINERD")
                        .diskSizeGb(100)
                        .diskType("pd-balanced")
                        .serviceAccount(serviceAccount)
                        .oauthScopes("https://www.googleapis.com/auth/cloud-platform")
                        .shieldedInstanceConfig(NodePoolNodeConfigShieldedInstanceConfigArgs.builder()
                                .enableSecureBoot(true).enableIntegrityMonitoring(true).build())
                        .workloadMetadataConfig(NodePoolNodeConfigWorkloadMetadataConfigArgs.builder()
                                .mode("GKE_METADATA").build())
                        .labels(Map.of())
                        .build())
                .build();
    }

    /** A hardened Deployment: non-root, read-only root filesystem with a writable /tmp, probes, limits. */
    private static DeploymentArgs deploymentArgs(Pattern1.Service service) {
        var labels = Map.of("app.kubernetes.io/name", service.name());
        var container = ContainerArgs.builder()
                .name(service.name())
                .image(service.image())
                .ports(ContainerPortArgs.builder().name("http").containerPort(CONTAINER_PORT).protocol("TCP").build())
                .env(List.of())
                .readinessProbe(probe(5))
                .livenessProbe(probe(15))
                .resources(ResourceRequirementsArgs.builder().requests(REQUESTS).limits(LIMITS).build())
                .securityContext(SecurityContextArgs.builder()
                        .runAsNonRoot(true)
                        .runAsUser(RUN_AS_USER)
                        .allowPrivilegeEscalation(false)
                        .readOnlyRootFilesystem(true)
                        .privileged(false)
                        .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                        .build())
                .volumeMounts(VolumeMountArgs.builder().name("tmp").mountPath("/tmp").build())
                .build();
        return DeploymentArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(service.name()).namespace(NAMESPACE).labels(labels).build())
                .spec(DeploymentSpecArgs.builder()
                        .replicas(REPLICAS)
                        .selector(LabelSelectorArgs.builder().matchLabels(labels).build())
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
                                        .containers(container)
                                        .volumes(VolumeArgs.builder().name("tmp")
                                                .emptyDir(EmptyDirVolumeSourceArgs.builder().sizeLimit("64Mi").build())
                                                .build())
                                        .build())
                                .build())
                        .build())
                .build();
    }

    private static ProbeArgs probe(int periodSeconds) {
        return ProbeArgs.builder()
                .httpGet(HTTPGetActionArgs.builder().path(HEALTH_PATH).port(CONTAINER_PORT).build())
                .periodSeconds(periodSeconds)
                .failureThreshold(3)
                .timeoutSeconds(2)
                .build();
    }

    /** Cloud Armor rules: WAF rule sets denied first, the allowlist (10 ranges per rule), then deny all. */
    private static List<SecurityPolicyRuleArgs> armorRules(Pattern1Config config) {
        var rules = new ArrayList<SecurityPolicyRuleArgs>();
        var waf = config.wafRuleSets();
        for (int i = 0; i < waf.size(); i++) {
            rules.add(SecurityPolicyRuleArgs.builder()
                    .priority(1000 + i)
                    .action(DENY)
                    .description("Preconfigured WAF " + waf.get(i))
                    .match(SecurityPolicyRuleMatchArgs.builder()
                            .expr(SecurityPolicyRuleMatchExprArgs.builder()
                                    .expression("evaluatePreconfiguredWaf('" + waf.get(i) + "', {'sensitivity': "
                                            + WAF_SENSITIVITY + "})")
                                    .build())
                            .build())
                    .build());
        }
        var allowlist = config.allowlist();
        int chunks = (allowlist.size() + MAX_RANGES_PER_RULE - 1) / MAX_RANGES_PER_RULE;
        for (int i = 0; i < chunks; i++) {
            var ranges = allowlist.subList(i * MAX_RANGES_PER_RULE, Math.min(allowlist.size(), (i + 1) * MAX_RANGES_PER_RULE));
            rules.add(SecurityPolicyRuleArgs.builder()
                    .priority(2000 + i)
                    .description("Allow the API gateway's ranges (" + (i + 1) + " of " + chunks + ")")
                    .match(sourceRanges(List.copyOf(ranges)))
                    .action("allow")
                    .build());
        }
        rules.add(SecurityPolicyRuleArgs.builder()
                .priority(2147483647)
                .action(DENY)
                .description("Default rule: deny every source not in the allowlist")
                .match(sourceRanges(List.of("*")))
                .build());
        return rules;
    }

    private static SecurityPolicyRuleMatchArgs sourceRanges(List<String> ranges) {
        return SecurityPolicyRuleMatchArgs.builder()
                .versionedExpr("SRC_IPS_V1")
                .config(SecurityPolicyRuleMatchConfigArgs.builder().srcIpRanges(ranges).build())
                .build();
    }

    /** The service's BackendConfig (health check, logging, the Cloud Armor policy) and its NEG Service. */
    private static Service armoredService(String ingressName, Pattern1.Service service, SecurityPolicy policy,
                                          CustomResourceOptions options) {
        String objectName = ingressName + "-" + service.name();
        var backendConfig = new BackendConfig(objectName, BackendConfigArgs.builder()
                .metadata(managedMeta(objectName))
                .spec(BackendConfigSpecArgs.builder()
                        .timeoutSec(30)
                        .connectionDraining(BackendConfigSpecConnectionDrainingArgs.builder().drainingTimeoutSec(60).build())
                        .healthCheck(BackendConfigSpecHealthCheckArgs.builder()
                                .type("HTTP")
                                .requestPath(HEALTH_PATH)
                                .port(CONTAINER_PORT)
                                .checkIntervalSec(15)
                                .timeoutSec(5)
                                .healthyThreshold(1)
                                .unhealthyThreshold(2)
                                .build())
                        .logging(BackendConfigSpecLoggingArgs.builder().enable(true).sampleRate(1.0).build())
                        .securityPolicy(BackendConfigSpecSecurityPolicyArgs.builder().name(policy.name()).build())
                        .build())
                .build(), options);
        return new Service(objectName, ServiceArgs.builder()
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
                        .selector(Map.of("app.kubernetes.io/name", service.name()))
                        .ports(ServicePortArgs.builder()
                                .name("http")
                                .protocol("TCP")
                                .port(SERVICE_PORT)
                                .targetPort(CONTAINER_PORT)
                                .build())
                        .build())
                .build(), options);
    }

    /** The GCE Ingress on the static IP: one path per service, the first service as default backend. */
    private static Ingress ingress(Pattern1Config config, String ingressName, List<Pattern1.Service> services,
                                   GlobalAddress ip, List<Resource> armoredServices, Provider k8s) {
        Output<Map<String, String>> annotations;
        if (config.domains().isEmpty()) {
            annotations = ip.name().applyValue(ipName -> Map.of(
                    "kubernetes.io/ingress.class", "gce",
                    "kubernetes.io/ingress.global-static-ip-name", ipName));
        } else {
            var onCluster = CustomResourceOptions.builder().provider(k8s).build();
            var cert = new ManagedCertificate(ingressName + "-cert", ManagedCertificateArgs.builder()
                    .metadata(managedMeta(ingressName + "-cert"))
                    .spec(ManagedCertificateSpecArgs.builder().domains(config.domains()).build())
                    .build(), onCluster);
            var frontend = new FrontendConfig(ingressName + "-frontend", FrontendConfigArgs.builder()
                    .metadata(managedMeta(ingressName + "-frontend"))
                    .spec(FrontendConfigSpecArgs.builder()
                            .redirectToHttps(FrontendConfigSpecRedirectToHttpsArgs.builder()
                                    .enabled(true).responseCodeName("MOVED_PERMANENTLY_DEFAULT").build())
                            .build())
                    .build(), onCluster);
            annotations = Output.tuple(ip.name(), cert.metadata(), frontend.metadata()).applyValue(t -> Map.of(
                    "kubernetes.io/ingress.class", "gce",
                    "kubernetes.io/ingress.global-static-ip-name", t.t1,
                    "networking.gke.io/managed-certificates", t.t2.name().orElseThrow(),
                    "networking.gke.io/v1beta1.FrontendConfig", t.t3.name().orElseThrow()));
        }
        var paths = services.stream()
                .map(s -> HTTPIngressPathArgs.builder().path(s.path()).pathType("Prefix").backend(backend(s)).build())
                .toList();
        return new Ingress(ingressName, IngressArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(ingressName)
                        .namespace(NAMESPACE)
                        .labels(MANAGED_BY)
                        .annotations(annotations)
                        .build())
                .spec(IngressSpecArgs.builder()
                        .defaultBackend(backend(services.get(0)))
                        .rules(IngressRuleArgs.builder().http(HTTPIngressRuleValueArgs.builder().paths(paths).build()).build())
                        .build())
                .build(), CustomResourceOptions.builder().provider(k8s).dependsOn(armoredServices).build());
    }

    private static IngressBackendArgs backend(Pattern1.Service service) {
        return IngressBackendArgs.builder()
                .service(IngressServiceBackendArgs.builder()
                        .name(service.name())
                        .port(ServiceBackendPortArgs.builder().number(SERVICE_PORT).build())
                        .build())
                .build();
    }

    private static ObjectMetaArgs managedMeta(String objectName) {
        return ObjectMetaArgs.builder().name(objectName).namespace(NAMESPACE).labels(MANAGED_BY).build();
    }

    /** What the Apigee side exports. */
    private record Api(Output<String> proxyUrl, Output<String> consumerKey, Output<String> bundleHash) {
    }

    /**
     * The proxy (its bundle read from the static files), a target server per environment pointing at the
     * Ingress, the product with its quota, and the sample developer and app.
     */
    private static Api apigee(Pattern1Config config, Output<String> targetUrl, Artifacts artifacts) {
        var apigee = config.apigee();
        String proxyName = config.prefix() + "-api";
        String productName = proxyName + "-product";
        Output<URI> target = targetUrl.applyValue(URI::create);

        var targetServers = new ArrayList<Resource>();
        for (String env : apigee.environments()) {
            targetServers.add(new TargetServer(proxyName + "-target-" + env, TargetServerArgs.builder()
                    .environment(env)
                    .name(proxyName + "-target")
                    .host(target.applyValue(URI::getHost))
                    .port(target.applyValue(Pattern1Baseline::port))
                    .sslEnabled(target.applyValue(uri -> uri.getScheme().equals("https")))
                    .enabled(true)
                    .build()));
        }
        String bundleHash = artifacts.text(PROXY_TYPE, proxyName, "bundleHash");
        var proxy = new ApiProxy(proxyName, ApiProxyArgs.builder()
                .name(proxyName)
                .bundle(artifacts.text(PROXY_TYPE, proxyName, "bundle"))
                .bundleHash(bundleHash)
                .environments(apigee.environments())
                .build(), CustomResourceOptions.builder().dependsOn(targetServers).build());
        var product = new ApiProduct(proxyName + "-product", ApiProductArgs.builder()
                .name(productName)
                .displayName(productName)
                .description("API product for proxy " + proxyName)
                .approvalType("auto")
                .attributes(Map.of("access", "public"))
                .apiResources("/", "/**")
                .environments(apigee.environments())
                .proxies(proxyName)
                .quota(Integer.toString(apigee.quotaCount()))
                .quotaInterval("1")
                .quotaTimeUnit(apigee.quotaTimeUnit())
                .build(), CustomResourceOptions.builder().dependsOn(proxy).build());

        String email = apigee.consumerEmail();
        var developer = new Developer(proxyName + "-developer", DeveloperArgs.builder()
                .email(email)
                .firstName("Sample")
                .lastName("Consumer")
                .userName(email.substring(0, email.indexOf('@')))
                .build());
        var app = new DeveloperApp(proxyName + "-app", DeveloperAppArgs.builder()
                .developerEmail(developer.email())
                .name(config.prefix() + "-sample-app")
                .apiProducts(product.name().applyValue(List::of))
                .build());

        String hostname = apigee.hostname().orElse(apigee.organization() + "-" + apigee.environments().get(0) + ".apigee.net");
        return new Api(Output.of("https://" + hostname + "/" + config.prefix()), app.consumerKey(), Output.of(bundleHash));
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return uri.getScheme().equals("https") ? 443 : 80;
    }
}
