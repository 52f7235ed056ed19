package dev.apigeegke.bench;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.gcp.compute.SecurityPolicy;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apigeegke.apigee.resources.ApiProduct;
import dev.apigeegke.examples.gateway.GatewayStackSettings;
import dev.apigeegke.examples.pattern3.Pattern3;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pattern 3 as a plain program: the same resources as {@link Pattern3}, declared directly. A GKE cluster and
 * its Kubernetes provider; per service a credentials Secret, a NetworkPolicy admitting only the gateway's port
 * and a Deployment whose pod carries the Edge Microgateway sidecar; an Ingress behind Cloud Armor routing to
 * the sidecars; and on Apigee a local proxy and a product per service, with a sample app for the keyed ones.
 */
public final class Pattern3Baseline {
    private static final String GATEWAY_VOLUME = "edge-microgateway-";
    private static final String GATEWAY_LABEL = "apigee-gke.dev/microgateway";
    private static final Map<String, String> SIDECAR_REQUESTS = Map.of("cpu", "100m", "memory", "256Mi");
    private static final Map<String, String> SIDECAR_LIMITS = Map.of("cpu", "500m", "memory", "512Mi");
    /** The app serves until its sidecar has waited and stopped. */
    private static final int APP_PRE_STOP_SECONDS = PlainGateway.PRE_STOP_SECONDS + PlainGateway.STOP_DELAY_SECONDS;
    /** One node per zone of the region's three zones. */
    private static final int NODES_PER_ZONE = 1;

    private Pattern3Baseline() {
    }

    /** Declares the resources. */
    public static void build(Context ctx, GatewayStackSettings config, List<Pattern3.Service> services, Artifacts artifacts) {
        var gke = PlainCluster.declare(config.prefix(), config.project(), config.region(), config.deletionProtection(),
                config.nodesPerZone().orElse(NODES_PER_ZONE), PlainCluster.DEFAULT_MACHINE_TYPE);
        var onCluster = gke.onCluster();

        for (var service : services) {
            String gateway = config.prefix() + "-" + service.name() + "-mgw";
            String credentials = gateway + "-credentials";
            String gatewayConfig = PlainGateway.configBase64(artifacts, credentials);
            PlainGateway.credentialsSecret(credentials, gatewayMeta(credentials, gateway), config, gatewayConfig, onCluster);
            gatewayOnlyPolicy(service, gateway, onCluster);
            deployment(service, gateway, credentials, gatewayConfig, onCluster);
        }
        var url = ingress(config, services, gke.provider());
        var consumerKey = apigee(config, services, artifacts);

        ctx.export("clusterName", gke.cluster().name());
        ctx.export("kubeconfig", gke.kubeconfig());
        ctx.export("url", url);
        ctx.export("consumerKey", consumerKey);
    }

    // ---- Sidecars and workloads ----

    /** Admits traffic to the service's pods on the gateway's port only, from Google's load balancers only. */
    private static void gatewayOnlyPolicy(Pattern3.Service service, String gateway, CustomResourceOptions onCluster) {
        new NetworkPolicy(gateway, NetworkPolicyArgs.builder()
                .metadata(gatewayMeta(gateway, gateway))
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(PlainPods.matchLabels(PlainPods.selector(service.name())))
                        .policyTypes("Ingress")
                        .ingress(NetworkPolicyIngressRuleArgs.builder()
                                .from(PlainIngress.fromLoadBalancers())
                                .ports(NetworkPolicyPortArgs.builder().protocol("TCP").port(PlainGateway.PORT).build())
                                .build())
                        .build())
                .build(), onCluster);
    }

    private static ObjectMetaArgs gatewayMeta(String name, String gateway) {
        var labels = new LinkedHashMap<String, String>(PlainPods.MANAGED_BY);
        labels.put(GATEWAY_LABEL, gateway);
        return ObjectMetaArgs.builder().name(name).namespace(PlainPods.NAMESPACE).labels(labels).build();
    }

    /** The service's Deployment: the hardened app container and its gateway sidecar in one pod. */
    private static void deployment(Pattern3.Service service, String gateway, String credentials, String gatewayConfig,
                                   CustomResourceOptions onCluster) {
        var volumes = new ArrayList<VolumeArgs>();
        volumes.add(PlainPods.emptyDir("tmp", "64Mi"));
        volumes.addAll(PlainGateway.volumes(GATEWAY_VOLUME));
        PlainPods.deployment(service.name(),
                Map.of(PlainPods.NAME_LABEL, service.name(), GATEWAY_LABEL, gateway),
                PlainPods.selector(service.name()),
                List.of(PlainPods.appContainer(service.name(), service.image(), APP_PRE_STOP_SECONDS),
                        gatewayContainer(credentials, gatewayConfig)),
                volumes, APP_PRE_STOP_SECONDS + PlainPods.SHUTDOWN_SECONDS, onCluster);
    }

    /** Edge Microgateway in local-proxy mode on port 8000, forwarding to the app on localhost. */
    private static ContainerArgs gatewayContainer(String credentials, String gatewayConfig) {
        var env = new ArrayList<EnvVarArgs>(PlainGateway.credentialEnv(credentials));
        env.add(PlainPods.plainEnv("EDGEMICRO_LOCAL_PROXY", "1"));
        env.add(PlainPods.plainEnv("EDGEMICRO_DECORATOR", "1"));
        env.add(PlainPods.plainEnv("CONTAINER_PORT", Integer.toString(PlainPods.APP_PORT)));
        env.add(PlainPods.plainEnv("EDGEMICRO_PROCESSES", "1"));
        env.add(PlainPods.plainEnv("EDGEMICRO_STOP_DELAY", Integer.toString(PlainGateway.STOP_DELAY_SECONDS)));
        env.addAll(PlainGateway.podEnv());
        // A changed configuration changes the pod template, so the pods roll.
        env.add(PlainPods.plainEnv("APIGEE_GKE_CONFIG_SHA256", PlainGateway.configSha256(gatewayConfig)));
        return PlainGateway.container("mgw-http", env, GATEWAY_VOLUME)
                .resources(ResourceRequirementsArgs.builder().requests(SIDECAR_REQUESTS).limits(SIDECAR_LIMITS).build())
                .securityContext(PlainGateway.securityContext().seccompProfile(PlainPods.runtimeDefault()).build())
                .build();
    }

    // ---- Ingress ----

    /**
     * The Ingress in front of the sidecars: a static address, Cloud Armor (unless internal), per service a NEG
     * Service on the gateway's port with its BackendConfig, and HTTPS objects when domains are set. Returns the URL.
     */
    private static Output<String> ingress(GatewayStackSettings config, List<Pattern3.Service> services, Provider provider) {
        String name = config.prefix() + "-ingress";
        var onCluster = CustomResourceOptions.builder().provider(provider).build();

        var ip = PlainIngress.address(name, config.project(), config.region(), config.internal());
        SecurityPolicy armor = config.internal()
                ? null
                : PlainArmor.policy(name, config.project(), config.wafRuleSets(), config.allowlist());

        var ingressDependencies = new ArrayList<Resource>();
        for (var service : services) {
            ingressDependencies.add(PlainIngress.armoredService(name, service.name(), PlainGateway.HEALTH_PATH,
                    PlainGateway.PORT, armor, onCluster));
        }
        var https = config.domains().isEmpty()
                ? Map.<String, Output<String>>of()
                : PlainIngress.https(name, PlainPods.NAMESPACE, config.domains(), onCluster).annotations();
        PlainIngress.ingress(name, PlainPods.NAMESPACE, PlainIngress.annotations(config.internal(), ip, https),
                PlainIngress.routes(services.stream().map(s -> new PlainIngress.Route("/" + s.name(), s.name())).toList()),
                CustomResourceOptions.builder().provider(provider).dependsOn(ingressDependencies).build());
        return PlainIngress.url(config.domains(), ip);
    }

    // ---- Apigee ----

    /**
     * Per service the sidecars' local proxy (edgemicro_ and the service name's part before the first '-', upper-cased)
     * and a product listing it and edgemicro-auth for the service's paths, created after the proxy; and a sample
     * developer and app subscribed to the keyed services' products. Returns the app's consumer key (a secret; empty
     * when no service is keyed).
     */
    private static Output<String> apigee(GatewayStackSettings config, List<Pattern3.Service> services, Artifacts artifacts) {
        var keyedProducts = new ArrayList<Output<String>>();
        for (var service : services) {
            String localProxy = "edgemicro_" + service.name().split("-", 2)[0].toUpperCase(Locale.ROOT);
            var proxy = PlainApigee.proxy(config.prefix() + "-" + service.name() + "-proxy", localProxy, artifacts,
                    List.of(config.environment()), null);
            var productArgs = PlainApigee.product(config.prefix() + "-" + service.name(), service.name() + " (pattern 3)",
                    List.of(config.environment()), List.of(localProxy, "edgemicro-auth"))
                    // The service's paths, and edgemicro-auth's two calls a sidecar makes with the client's key (it checks
                    // the key's products against their paths).
                    .apiResources(List.of("/" + service.name(), "/" + service.name() + "/**", "/verifyApiKey", "/token"));
            if (service.quota() != null) {
                productArgs.quota(Integer.toString(service.quota().count()))
                        .quotaInterval(Integer.toString(service.quota().interval()))
                        .quotaTimeUnit(service.quota().timeUnit());
            }
            var product = new ApiProduct(config.prefix() + "-" + service.name() + "-product", productArgs.build(),
                    CustomResourceOptions.builder().dependsOn(proxy).build());
            if (service.keyed()) {
                keyedProducts.add(product.name());
            }
        }
        if (keyedProducts.isEmpty()) {
            return Output.ofSecret("");
        }
        return PlainApigee.sampleApp(config.prefix(), config.prefix(), config.consumerEmail(), Output.all(keyedProducts));
    }
}
