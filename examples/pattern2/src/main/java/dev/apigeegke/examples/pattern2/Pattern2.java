package dev.apigeegke.examples.pattern2;

import com.pulumi.Context;
import com.pulumi.resources.ComponentResourceOptions;
import dev.apigeegke.apigee.MicrogatewayProxies;
import dev.apigeegke.apigee.MicrogatewayProxiesArgs;
import dev.apigeegke.apigee.MicrogatewayRoute;
import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.cluster.GkeClusterArgs;
import dev.apigeegke.core.Names;
import dev.apigeegke.examples.common.ArgumentKeys;
import dev.apigeegke.examples.common.PatternProgram;
import dev.apigeegke.examples.common.ProgramCheck;
import dev.apigeegke.examples.common.StackReader;
import dev.apigeegke.examples.common.Samples;
import dev.apigeegke.examples.gateway.GatewayStackSettings;
import dev.apigeegke.ingress.ArmoredIngress;
import dev.apigeegke.ingress.ArmoredIngressArgs;
import dev.apigeegke.ingress.IngressBackend;
import dev.apigeegke.microgateway.MicrogatewayConfig;
import dev.apigeegke.microgateway.MicrogatewayService;
import dev.apigeegke.microgateway.MicrogatewayServiceArgs;
import dev.apigeegke.microgateway.MicrogatewaySetup;
import dev.apigeegke.microgateway.MicrogatewaySetupArgs;
import dev.apigeegke.workload.Microservice;
import dev.apigeegke.workload.MicroserviceArgs;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Pattern 2: all API traffic enters through an armored Ingress to Edge Microgateway running as a
 * Kubernetes Service, which enforces the policy (API key or OAuth token, spike arrest, the product's quota)
 * and routes by base path to the microservices; NetworkPolicies keep the services reachable only from the
 * gateway. On Apigee ({@link MicrogatewayProxies}): an {@code edgemicro_} proxy per route, one for the health
 * check, and a product (listing {@code edgemicro-auth}) with a sample app; and, unless the stack brings the key and
 * secret of its own {@code edgemicro configure} run, a {@link MicrogatewaySetup} in its place: edgemicro-auth, the
 * signing key and the gateway's registered key and secret.
 */
public final class Pattern2 {
    /** {@code apigee-gke:prefix} unless set. */
    public static final String DEFAULT_PREFIX = "apigee-p2";
    /** The sample microservices the stack program deploys. */
    public static final List<Service> SAMPLES = List.of(new Service("orders", Samples.HELLO_APP_1), new Service("catalog", Samples.HELLO_APP_2));
    static final String SERVICES_NAMESPACE = Samples.NAMESPACE;

    /** A microservice behind the gateway: its name and pinned image; it is routed at {@code /<name>}. */
    public record Service(String name, String image) {
    }

    private Pattern2() {
    }

    public static void main(String[] args) {
        PatternProgram.main(Pattern2::stack);
    }

    /**
     * The program: reads the stack configuration and declares the resources; every problem, with the stack's keys
     * and with any component's arguments, is reported in one message before the first resource.
     */
    public static void stack(Context ctx) {
        PatternProgram.run(() -> {
            var stack = new StackReader(ctx);
            build(ctx, GatewayStackSettings.read(stack, DEFAULT_PREFIX), SAMPLES, stack.check());
        });
    }

    /** Declares pattern 2's resources for {@code config} and the sample services. */
    public static Pattern2Resources build(Context ctx, GatewayStackSettings config) {
        return build(ctx, config, SAMPLES);
    }

    /**
     * Declares pattern 2's resources for {@code config} and {@code samples} (at least one); every argument
     * is validated before the first resource.
     */
    public static Pattern2Resources build(Context ctx, GatewayStackSettings config, List<Service> samples) {
        return build(ctx, config, samples, new ProgramCheck());
    }

    /**
     * Declares pattern 2's resources: every argument is built (and so validated) first, its problems added to
     * {@code check}'s under the stack keys they came from, and nothing is registered unless there is none.
     */
    static Pattern2Resources build(Context ctx, GatewayStackSettings config, List<Service> samples, ProgramCheck check) {
        check.check(ArgumentKeys.of("services"), () -> Names.requireNameList("services", samples.stream().map(Service::name).toList()));
        var clusterArgs = config.cluster().args(check, "gcp:region");
        var serviceArgs = samples.stream().map(s -> check.args(ArgumentKeys.of("services"), () -> MicroserviceArgs.builder()
                .namespace(SERVICES_NAMESPACE).image(s.image()).port(Samples.PORT).clusterService(true).build())).toList();
        String gatewayName = config.prefix() + "-gateway";
        var gatewayConfig = check.args(config.keys("MicrogatewayConfig"), () -> config.gatewayConfig().build());
        var setupArgs = check.args(config.keys("MicrogatewaySetupArgs"), config::setupArgs);
        var gateway = MicrogatewayServiceArgs.builder()
                .protectedBackends(samples.stream().map(s -> new MicrogatewayServiceArgs.ProtectedBackend(
                        SERVICES_NAMESPACE, Microservice.selectorFor(s.name()), Samples.PORT)).toList());
        gatewayConfig.ifPresent(gateway::config);
        var checked = gatewayConfig.flatMap(c -> check.args(config.keys("MicrogatewayServiceArgs"), () -> config.identify(gateway, null).build()));
        // Where the gateway or the cluster is invalid, stand-ins for its namespace and network let the Ingress be checked
        // too: the report is thrown before anything is declared.
        var ingressKeys = config.keys("ArmoredIngressArgs")
                .derived("backends[0].name", StackReader.NAMESPACE + ":prefix", config.prefix(), "the gateway's Service name");
        var ingressArgs = check.args(ingressKeys, () -> config.expose(ArmoredIngressArgs.builder()
                .project(config.project())
                .namespace(checked.map(MicrogatewayServiceArgs::namespace).orElse(SERVICES_NAMESPACE))
                .domains(config.domains())
                .wafRuleSets(config.wafRuleSets())
                .backend(IngressBackend.builder()
                        .name(gatewayName + "-lb")
                        .selector(MicrogatewayService.selectorFor(gatewayName))
                        .port(MicrogatewayService.PORT)
                        .targetPort(MicrogatewayService.PORT)
                        // The load balancer's default "/" would be rejected by the oauth plugin.
                        .healthCheckPath(MicrogatewayService.HEALTH_PATH)
                        .build()), clusterArgs.map(GkeClusterArgs::network).orElse("default")).build());
        ingressArgs.ifPresent(args -> check.check(ArgumentKeys.of("ArmoredIngress")
                        .derived("name", StackReader.NAMESPACE + ":prefix", config.prefix(), "the Ingress name"),
                () -> ArmoredIngress.requireName(config.prefix() + "-ingress", args)));
        // On Apigee: the gateway loads every edgemicro_ proxy of its environment; clients need a key for the product.
        var apigeeArgs = check.args(config.keys("MicrogatewayProxiesArgs"), () -> MicrogatewayProxiesArgs.builder()
                .organization(config.organization())
                .environment(config.environment())
                .routes(samples.stream().map(s -> MicrogatewayRoute.toService(s.name(), SERVICES_NAMESPACE)).toList())
                .productName(config.prefix() + "-product")
                .consumer(Samples.consumer(config.consumerEmail(), config.prefix()))
                .build());
        check.throwIfAny();
        return declare(ctx, config, samples, clusterArgs.orElseThrow(), serviceArgs.stream().map(Optional::orElseThrow).toList(),
                gateway, setupArgs.orElseThrow(), ingressArgs.orElseThrow(), apigeeArgs.orElseThrow());
    }

    private static Pattern2Resources declare(Context ctx, GatewayStackSettings config, List<Service> samples,
                                             GkeClusterArgs clusterArgs, List<MicroserviceArgs> serviceArgs,
                                             MicrogatewayServiceArgs.Builder gateway, Optional<MicrogatewaySetupArgs> setupArgs,
                                             ArmoredIngressArgs ingressArgs, MicrogatewayProxiesArgs apigeeArgs) {
        String gatewayName = config.prefix() + "-gateway";
        // The setup first: the gateway's key, secret and regional endpoints are its outputs (checked above with a stand-in).
        var setup = setupArgs.map(args -> new MicrogatewaySetup(config.setupName(), args));
        var gatewayArgs = config.identify(gateway, setup.orElse(null)).build();
        var cluster = new GkeCluster(config.prefix(), clusterArgs);
        // Only the Deployments wait for the node pool: the Ingress's load balancer is provisioned meanwhile.
        var onNodes = cluster.onNodes().build();
        var services = IntStream.range(0, samples.size())
                .mapToObj(i -> new Microservice(samples.get(i).name(), serviceArgs.get(i), onNodes)).toList();
        var gatewayService = new MicrogatewayService(gatewayName, gatewayArgs, onNodes);
        // The Ingress does not wait for the gateway (see pattern 1): its own Service selects the gateway's pods, and
        // the load balancer finds them through the NEGs when they are ready.
        var armored = new ArmoredIngress(config.prefix() + "-ingress", ingressArgs,
                ComponentResourceOptions.builder().providers(cluster.provider()).build());
        // The product lists edgemicro-auth, which Edge checks exists when the product is created: when the setup makes
        // it, the proxies and product wait for it.
        var afterSetup = ComponentResourceOptions.builder();
        setup.ifPresent(s -> afterSetup.dependsOn(s.proxy()));
        var apis = new MicrogatewayProxies(config.prefix(), apigeeArgs, afterSetup.build());

        ctx.export("clusterName", cluster.clusterName());
        ctx.export("kubeconfig", cluster.kubeconfig());
        ctx.export("gatewayUrl", armored.url());
        ctx.export("consumerKey", apis.consumerKey());
        return new Pattern2Resources(cluster, services, gatewayService, armored, apis, setup);
    }
}
