package dev.apigeegke.examples.pattern3;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.apigeegke.apigee.ApigeeProduct;
import dev.apigeegke.apigee.ProductQuota;
import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.cluster.GkeClusterArgs;
import dev.apigeegke.core.Names;
import dev.apigeegke.apigee.ApigeeProductArgs;
import dev.apigeegke.apigee.ApigeeProxyArgs;
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
import dev.apigeegke.microgateway.MicrogatewaySidecar;
import dev.apigeegke.microgateway.MicrogatewaySetup;
import dev.apigeegke.microgateway.MicrogatewaySetupArgs;
import dev.apigeegke.microgateway.MicrogatewaySidecarArgs;
import dev.apigeegke.workload.Microservice;
import dev.apigeegke.workload.MicroserviceArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.annotation.Nullable;

/**
 * Pattern 3: Edge Microgateway as a sidecar in each service's pod, injected by a resource transformation
 * into the Deployments that opt in; each service has its own policy: {@code orders} requires an API key or
 * token and counts a quota, {@code catalog} is open but rate-limited. The armored Ingress routes to the sidecars'
 * port, and NetworkPolicies admit only that port, so nothing reaches an app around its gateway. On Apigee, per
 * service: the sidecars' local proxy ({@code edgemicro_ORDERS}, named after the Deployment) and an
 * {@link ApigeeProduct} listing it and {@code edgemicro-auth} for the service's own paths, with its quota; a
 * sample app for the keyed ones (see {@link Pattern3Policy} for why); and, unless the stack brings the key and
 * secret of its own {@code edgemicro configure} run, a {@link MicrogatewaySetup} that all sidecars share.
 */
public final class Pattern3 {
    /** {@code apigee-gke:prefix} unless set. */
    public static final String DEFAULT_PREFIX = "apigee-p3";
    static final String NAMESPACE = Samples.NAMESPACE;
    /** The quota of the sample keyed service's product: as pattern 1's default, 1000 requests per app and hour. */
    public static final ProductQuota SAMPLE_QUOTA = new ProductQuota(1000, 1, "hour");
    /** The sample microservices the stack program deploys. */
    public static final List<Service> SAMPLES = List.of(
            new Service("orders", Samples.HELLO_APP_1, true, SAMPLE_QUOTA),
            new Service("catalog", Samples.HELLO_APP_2, false));

    /**
     * A microservice with its own gateway. Its name is its Deployment's, so the part before the first '-' names the
     * sidecars' local proxy ({@code orders} runs {@code edgemicro_ORDERS}) and must differ from every other service's.
     *
     * @param name  the service's name: its Deployment, its path {@code /<name>} and its Apigee names
     * @param image the app's pinned image
     * @param keyed whether its gateway requires a key or token (else it is open and only rate-limited)
     * @param quota the quota its product grants each app, counted by its sidecars; keyed services only, null for none
     */
    public record Service(String name, String image, boolean keyed, @Nullable ProductQuota quota) {
        /** A service whose product has no quota. */
        public Service(String name, String image, boolean keyed) {
            this(name, image, keyed, null);
        }
    }

    private Pattern3() {
    }

    public static void main(String[] args) {
        PatternProgram.main(Pattern3::stack);
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

    /** Declares pattern 3's resources for {@code config} and the sample services. */
    public static Pattern3Resources build(Context ctx, GatewayStackSettings config) {
        return build(ctx, config, SAMPLES);
    }

    /**
     * Declares pattern 3's resources for {@code config} and {@code samples}; every argument is validated
     * before the first resource.
     */
    public static Pattern3Resources build(Context ctx, GatewayStackSettings config, List<Service> samples) {
        return build(ctx, config, samples, new ProgramCheck());
    }

    /**
     * Declares pattern 3's resources: every argument is built (and so validated) first, its problems added to
     * {@code check}'s under the stack keys they came from, and nothing is registered unless there is none.
     */
    static Pattern3Resources build(Context ctx, GatewayStackSettings config, List<Service> samples, ProgramCheck check) {
        var services = ArgumentKeys.of("services");
        check.check(services, () -> Names.requireNameList("services", samples.stream().map(Service::name).toList()));
        check.check(services, () -> Pattern3Policy.checkServices(samples));
        var clusterArgs = config.cluster().args(check, "gcp:region");
        var setupArgs = check.args(config.keys("MicrogatewaySetupArgs"), config::setupArgs);
        var sidecarBuilders = new ArrayList<Optional<MicrogatewaySidecarArgs.Builder>>();
        var serviceArgs = new ArrayList<Optional<MicroserviceArgs>>();
        var ingress = ArmoredIngressArgs.builder().project(config.project()).namespace(NAMESPACE)
                .domains(config.domains()).wafRuleSets(config.wafRuleSets());
        for (var sample : samples) {
            var builder = check.args(config.keys("MicrogatewayConfig"), () -> Pattern3Policy.sidecar(config, sample, NAMESPACE));
            sidecarBuilders.add(builder);
            // Checked now, with a stand-in for the setup declared below when the stack brings no key and secret.
            var sidecar = builder.flatMap(b -> check.args(config.keys("MicrogatewaySidecarArgs"), () -> config.identify(b, null).build()));
            // The opt-in label is what the transformation looks for. The app serves until its sidecar has drained.
            // The opt-in label's value is the sidecar's name, made from the prefix.
            var serviceKeys = ArgumentKeys.of("services").derived("labels", StackReader.NAMESPACE + ":prefix", config.prefix(),
                    "the sidecar's opt-in label");
            serviceArgs.add(check.args(serviceKeys, () -> MicroserviceArgs.builder().namespace(NAMESPACE).image(sample.image())
                    .port(Samples.PORT)
                    .preStopSeconds(sidecar.map(MicrogatewaySidecarArgs::drainSeconds).orElse(0))
                    .labels(Map.of(MicrogatewaySidecar.OPT_IN_LABEL, sidecarName(config, sample))).build()));
            ingress.backend(IngressBackend.builder()
                    .name(sample.name())
                    .selector(Microservice.selectorFor(sample.name()))
                    .targetPort(MicrogatewaySidecar.PORT)
                    .paths(Pattern3Policy.path(sample))
                    .healthCheckPath(MicrogatewaySidecar.HEALTH_PATH)
                    .build());
        }
        // A stand-in network where the cluster is invalid lets the Ingress be checked too: the report is thrown first.
        var ingressArgs = check.args(config.keys("ArmoredIngressArgs"),
                () -> config.expose(ingress, clusterArgs.map(GkeClusterArgs::network).orElse("default")).build());
        ingressArgs.ifPresent(args -> check.check(ArgumentKeys.of("ArmoredIngress")
                        .derived("name", StackReader.NAMESPACE + ":prefix", config.prefix(), "the Ingress name"),
                () -> ArmoredIngress.requireName(config.prefix() + "-ingress", args)));
        var localProxyArgs = check.args(config.keys("ApigeeProxyArgs"), () -> Pattern3Policy.localProxies(config, samples));
        var productArgs = check.args(config.keys("ApigeeProductArgs")
                        .derived("name", StackReader.NAMESPACE + ":prefix", config.prefix(), "the product name"),
                () -> Pattern3Policy.products(config, samples));
        check.throwIfAny();
        return declare(ctx, config, samples, clusterArgs.orElseThrow(), setupArgs.orElseThrow(),
                sidecarBuilders.stream().map(Optional::orElseThrow).toList(), serviceArgs.stream().map(Optional::orElseThrow).toList(),
                ingressArgs.orElseThrow(), localProxyArgs.orElseThrow(), productArgs.orElseThrow());
    }

    private static Pattern3Resources declare(Context ctx, GatewayStackSettings config, List<Service> samples,
                                             GkeClusterArgs clusterArgs, Optional<MicrogatewaySetupArgs> setupArgs,
                                             List<MicrogatewaySidecarArgs.Builder> sidecarBuilders,
                                             List<MicroserviceArgs> serviceArgs, ArmoredIngressArgs ingressArgs,
                                             List<ApigeeProxyArgs> localProxyArgs, List<ApigeeProductArgs> productArgs) {
        // The setup first: the sidecars' key, secret and regional endpoints are its outputs.
        var setup = setupArgs.map(args -> new MicrogatewaySetup(config.setupName(), args));
        var sidecarArgs = sidecarBuilders.stream().map(b -> config.identify(b, setup.orElse(null)).build()).toList();
        var cluster = new GkeCluster(config.prefix(), clusterArgs);
        var onCluster = ComponentResourceOptions.builder().providers(cluster.provider()).build();
        var sidecars = IntStream.range(0, samples.size()).mapToObj(i ->
                new MicrogatewaySidecar(sidecarName(config, samples.get(i)), sidecarArgs.get(i), onCluster)).toList();
        // Automatic injection: every Deployment below that carries the opt-in label gets its service's sidecar.
        // Only the Deployments wait for the node pool: the Ingress's load balancer is provisioned meanwhile.
        var injected = cluster.onNodes()
                .resourceTransformations(MicrogatewaySidecar.transformation(sidecars)).build();
        // Each Deployment is named after its service alone, with no prefix: its pods' names (<name>-<hash>-<id>) give
        // the local proxy's name, which the service's product lists.
        var services = IntStream.range(0, samples.size())
                .mapToObj(i -> new Microservice(samples.get(i).name(), serviceArgs.get(i), injected)).toList();
        // The Ingress does not wait for the Deployments (see pattern 1).
        var armored = new ArmoredIngress(config.prefix() + "-ingress", ingressArgs, onCluster);

        var localProxies = Pattern3Policy.declareLocalProxies(config, samples, localProxyArgs);
        // Each product lists edgemicro-auth too: when the setup makes it, the products wait for it.
        var products = Pattern3Policy.declareProducts(config, samples, productArgs, localProxies,
                setup.<List<Resource>>map(s -> List.of(s.proxy())).orElse(List.of()));
        var holder = products.stream().filter(p -> p.app().isPresent()).findFirst();

        ctx.export("clusterName", cluster.clusterName());
        ctx.export("kubeconfig", cluster.kubeconfig());
        ctx.export("url", armored.url());
        ctx.export("consumerKey", holder.map(ApigeeProduct::consumerKey).orElse(Output.ofSecret("")));
        return new Pattern3Resources(cluster, sidecars, services, armored, localProxies, products, setup);
    }

    static String sidecarName(GatewayStackSettings config, Service sample) {
        return config.prefix() + "-" + sample.name() + "-mgw";
    }
}
