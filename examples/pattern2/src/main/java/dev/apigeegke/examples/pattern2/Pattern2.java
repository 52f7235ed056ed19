package dev.apigeegke.examples.pattern2;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.apigeegke.apigee.ApiConsumer;
import dev.apigeegke.apigee.ApigeeProxy;
import dev.apigeegke.apigee.ApigeeProxyArgs;
import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.cluster.GkeClusterArgs;
import dev.apigeegke.core.InvalidArgumentsException;
import dev.apigeegke.core.Names;
import dev.apigeegke.ingress.ArmoredIngress;
import dev.apigeegke.ingress.ArmoredIngressArgs;
import dev.apigeegke.ingress.IngressBackend;
import dev.apigeegke.internal.sdk.SdkTaskRunnerWorkaround;
import dev.apigeegke.microgateway.MicrogatewayConfig;
import dev.apigeegke.microgateway.MicrogatewayService;
import dev.apigeegke.microgateway.MicrogatewayServiceArgs;
import dev.apigeegke.workload.Microservice;
import dev.apigeegke.workload.MicroserviceArgs;
import java.util.ArrayList;
import java.util.List;

/**
 * Pattern 2: all API traffic enters through an armored Ingress to Edge Microgateway running as a
 * Kubernetes Service, which enforces the policy (API key or OAuth token, spike arrest, the product's quota)
 * and routes by base path to the microservices; NetworkPolicies keep the services reachable only from the
 * gateway. On Apigee: an {@code edgemicro_} proxy per route, one for the health check, and a product
 * (listing {@code edgemicro-auth}) with a sample app.
 */
public final class Pattern2 {
    /** The sample microservices the stack program deploys. */
    public static final List<Service> SAMPLES = List.of(
            new Service("orders", "us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0"),
            new Service("catalog", "us-docker.pkg.dev/google-samples/containers/gke/hello-app:2.0"));
    static final String SERVICES_NAMESPACE = "default";
    static final int SERVICE_PORT = 8080;

    /** A microservice behind the gateway: its name and pinned image; it is routed at {@code /<name>}. */
    public record Service(String name, String image) {
        String proxyName() {
            return "edgemicro_" + name;
        }
    }

    private Pattern2() {
    }

    public static void main(String[] args) {
        SdkTaskRunnerWorkaround.apply();
        Pulumi.run(Pattern2::stack);
    }

    /** The program: reads the stack configuration and declares the resources. */
    public static void stack(Context ctx) {
        try {
            build(ctx, Pattern2Config.from(ctx));
        } catch (InvalidArgumentsException e) {
            throw new RunException(e.getMessage());
        }
    }

    /** Declares pattern 2's resources for {@code config} and the sample services. */
    public static Pattern2Resources build(Context ctx, Pattern2Config config) {
        return build(ctx, config, SAMPLES);
    }

    /**
     * Declares pattern 2's resources for {@code config} and {@code samples} (at least one); every argument
     * is validated before the first resource.
     */
    public static Pattern2Resources build(Context ctx, Pattern2Config config, List<Service> samples) {
        Names.requireNameList("services", samples.stream().map(Service::name).toList());
        var clusterArgs = GkeClusterArgs.builder().stackKeys(Pattern2Config.NAMESPACE)
                .project(config.project()).location(config.region())
                .deletionProtection(config.deletionProtection());
        config.nodesPerZone().ifPresent(clusterArgs::nodesPerZone);
        config.scaling().applyTo(clusterArgs);
        var validatedCluster = clusterArgs.build();
        GkeCluster.requireName(Pattern2Config.NAMESPACE + ":prefix", config.prefix(), validatedCluster);

        var serviceArgs = samples.stream().map(s -> MicroserviceArgs.builder().namespace(SERVICES_NAMESPACE)
                .image(s.image()).port(SERVICE_PORT).clusterService(true).build()).toList();

        var gatewayConfig = MicrogatewayConfig.builder()
                .organization(config.organization())
                .environment(config.environment())
                .spikeArrest(new MicrogatewayConfig.SpikeArrestPlugin("second", config.spikeArrestPerSecond(), 0))
                .build();
        String gatewayName = config.prefix() + "-gateway";
        var gatewayArgs = MicrogatewayServiceArgs.builder()
                .organization(config.organization())
                .environment(config.environment())
                .config(gatewayConfig)
                .key(config.microgatewayKey())
                .secret(config.microgatewaySecret())
                .protectedBackends(samples.stream().map(s -> new MicrogatewayServiceArgs.ProtectedBackend(
                        SERVICES_NAMESPACE, Microservice.selectorFor(s.name()), SERVICE_PORT)).toList())
                .build();

        var ingress = ArmoredIngressArgs.builder()
                .project(config.project())
                .namespace(gatewayArgs.namespace())
                .domains(config.domains())
                .wafRuleSets(config.wafRuleSets())
                .backend(IngressBackend.builder()
                        .name(gatewayName + "-lb")
                        .selector(MicrogatewayService.selectorFor(gatewayName))
                        .port(MicrogatewayService.PORT)
                        .targetPort(MicrogatewayService.PORT)
                        // The load balancer's default "/" would be rejected by the oauth plugin.
                        .healthCheckPath(MicrogatewayService.HEALTH_PATH)
                        .build());
        if (config.internal()) {
            // The proxy-only subnet and its firewall rule go on the cluster's network.
            ingress.internal(true).region(config.region()).network(validatedCluster.network());
            config.proxyOnlySubnet().ifPresent(ingress::proxyOnlySubnet);
        } else {
            ingress.allowlist(config.allowlist());
        }
        var validatedIngress = ingress.build();

        // On Apigee: the gateway loads every edgemicro_ proxy of its environment; clients need a key for the product.
        var proxyNames = samples.stream().map(Service::proxyName).toList();
        var proxyArgs = new ArrayList<ApigeeProxyArgs>();
        for (int i = 0; i < samples.size(); i++) {
            var sample = samples.get(i);
            var api = microgatewayProxy(config, sample.proxyName(), "/" + sample.name(),
                    "http://" + sample.name() + "." + SERVICES_NAMESPACE + ".svc.cluster.local");
            if (i == 0) {
                api.productName(config.prefix() + "-product")
                        .productProxies(proxyNames.subList(1, proxyNames.size()))
                        .consumer(new ApiConsumer(config.consumerEmail(), "Sample", "Consumer", config.prefix() + "-sample-app"));
            } else {
                api.createProduct(false);
            }
            proxyArgs.add(api.build());
        }
        // The healthcheck plugin answers /healthcheck, but only for a path some proxy serves.
        var healthArgs = microgatewayProxy(config, "edgemicro_healthcheck", MicrogatewayService.HEALTH_PATH,
                "http://127.0.0.1:" + MicrogatewayService.PORT).createProduct(false).build();

        var cluster = new GkeCluster(config.prefix(), validatedCluster);
        var onCluster = ComponentResourceOptions.builder().providers(cluster.provider()).build();
        var services = new ArrayList<Microservice>();
        for (int i = 0; i < samples.size(); i++) {
            services.add(new Microservice(samples.get(i).name(), serviceArgs.get(i), onCluster));
        }
        var gateway = new MicrogatewayService(gatewayName, gatewayArgs, onCluster);
        var armored = new ArmoredIngress(config.prefix() + "-ingress", validatedIngress,
                ComponentResourceOptions.builder().providers(cluster.provider()).dependsOn(gateway).build());

        new ApigeeProxy(config.prefix() + "-health", healthArgs, null);
        // The first route's proxy owns the product, which lists every route's proxy: it waits for the others
        // (and only it: a chain would make each proxy wait for all before it).
        var others = new ArrayList<ApigeeProxy>();
        for (int i = 1; i < proxyArgs.size(); i++) {
            others.add(new ApigeeProxy(config.prefix() + "-" + samples.get(i).name(), proxyArgs.get(i), null));
        }
        var first = new ApigeeProxy(config.prefix() + "-" + samples.get(0).name(), proxyArgs.get(0),
                ComponentResourceOptions.builder().dependsOn(List.<Resource>copyOf(others)).build());
        var apis = new ArrayList<ApigeeProxy>();
        apis.add(first);
        apis.addAll(others);

        ctx.export("clusterName", cluster.clusterName);
        ctx.export("kubeconfig", cluster.kubeconfig);
        ctx.export("gatewayUrl", armored.url);
        ctx.export("consumerKey", apis.get(0).consumerKey);
        return new Pattern2Resources(cluster, List.copyOf(services), gateway, armored, List.copyOf(apis));
    }

    private static ApigeeProxyArgs.Builder microgatewayProxy(Pattern2Config config, String name, String basePath, String target) {
        return ApigeeProxyArgs.builder()
                .organization(config.organization())
                .environments(List.of(config.environment()))
                .proxyName(name)
                .basePath(basePath)
                .microgateway(true)
                .target(target);
    }
}
