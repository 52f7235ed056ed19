package dev.apigeegke.examples.pattern3;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.apigeegke.apigee.ApigeeProduct;
import dev.apigeegke.apigee.ProductQuota;
import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.cluster.GkeClusterArgs;
import dev.apigeegke.core.InvalidArgumentsException;
import dev.apigeegke.core.Names;
import dev.apigeegke.examples.common.PatternProgram;
import dev.apigeegke.examples.common.Samples;
import dev.apigeegke.examples.gateway.GatewayStackSettings;
import dev.apigeegke.ingress.ArmoredIngress;
import dev.apigeegke.ingress.ArmoredIngressArgs;
import dev.apigeegke.ingress.IngressBackend;
import dev.apigeegke.internal.sdk.SdkTaskRunnerWorkaround;
import dev.apigeegke.microgateway.MicrogatewayConfig;
import dev.apigeegke.microgateway.MicrogatewaySidecar;
import dev.apigeegke.microgateway.MicrogatewaySetup;
import dev.apigeegke.microgateway.MicrogatewaySidecarArgs;
import dev.apigeegke.workload.Microservice;
import dev.apigeegke.workload.MicroserviceArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** The program: reads the stack configuration and declares the resources. */
    public static void stack(Context ctx) {
        PatternProgram.run(() -> build(ctx, GatewayStackSettings.from(ctx, DEFAULT_PREFIX)));
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
        Names.requireNameList("services", samples.stream().map(Service::name).toList());
        Pattern3Policy.checkServices(samples);
        var clusterArgs = config.cluster().args();
        var setupArgs = config.setupArgs();
        var sidecarBuilders = new ArrayList<MicrogatewaySidecarArgs.Builder>();
        var serviceArgs = new ArrayList<MicroserviceArgs>();
        var ingress = ArmoredIngressArgs.builder().project(config.project()).namespace(NAMESPACE)
                .domains(config.domains()).wafRuleSets(config.wafRuleSets());
        for (var sample : samples) {
            var builder = Pattern3Policy.sidecar(config, sample, NAMESPACE);
            sidecarBuilders.add(builder);
            // Checked now, with a stand-in for the setup declared below when the stack brings no key and secret.
            var sidecar = config.identify(builder, null).build();
            // The opt-in label is what the transformation looks for. The app serves until its sidecar has drained.
            serviceArgs.add(MicroserviceArgs.builder().namespace(NAMESPACE).image(sample.image()).port(Samples.PORT)
                    .preStopSeconds(sidecar.drainSeconds())
                    .labels(Map.of(MicrogatewaySidecar.OPT_IN_LABEL, sidecarName(config, sample))).build());
            ingress.backend(IngressBackend.builder()
                    .name(sample.name())
                    .selector(Microservice.selectorFor(sample.name()))
                    .targetPort(MicrogatewaySidecar.PORT)
                    .paths(Pattern3Policy.path(sample))
                    .healthCheckPath(MicrogatewaySidecar.HEALTH_PATH)
                    .build());
        }
        var ingressArgs = config.expose(ingress, clusterArgs.network()).build();
        var localProxyArgs = Pattern3Policy.localProxies(config, samples);
        var productArgs = Pattern3Policy.products(config, samples);

        // The setup first: the sidecars' key, secret and regional endpoints are its outputs.
        var setup = setupArgs.map(args -> new MicrogatewaySetup(config.setupName(), args));
        var sidecarArgs = sidecarBuilders.stream().map(b -> config.identify(b, setup.orElse(null)).build()).toList();
        var cluster = new GkeCluster(config.prefix(), clusterArgs);
        var onCluster = ComponentResourceOptions.builder().providers(cluster.provider()).build();
        var sidecars = IntStream.range(0, samples.size()).mapToObj(i ->
                new MicrogatewaySidecar(sidecarName(config, samples.get(i)), sidecarArgs.get(i), onCluster)).toList();
        // Automatic injection: every Deployment below that carries the opt-in label gets its service's sidecar.
        var injected = ComponentResourceOptions.builder().providers(cluster.provider())
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
