package dev.apigeegke.examples.pattern3;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apigeegke.apigee.resources.ApiProduct;
import dev.apigeegke.apigee.resources.ApiProductArgs;
import dev.apigeegke.apigee.resources.Developer;
import dev.apigeegke.apigee.resources.DeveloperApp;
import dev.apigeegke.apigee.resources.DeveloperAppArgs;
import dev.apigeegke.apigee.resources.DeveloperArgs;
import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.cluster.GkeClusterArgs;
import dev.apigeegke.core.InvalidArgumentsException;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import dev.apigeegke.examples.pattern2.Pattern2Config;
import dev.apigeegke.ingress.ArmoredIngress;
import dev.apigeegke.ingress.ArmoredIngressArgs;
import dev.apigeegke.ingress.IngressBackend;
import dev.apigeegke.internal.sdk.SdkTaskRunnerWorkaround;
import dev.apigeegke.microgateway.MicrogatewayConfig;
import dev.apigeegke.microgateway.MicrogatewaySidecar;
import dev.apigeegke.microgateway.MicrogatewaySidecarArgs;
import dev.apigeegke.workload.Microservice;
import dev.apigeegke.workload.MicroserviceArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pattern 3: Edge Microgateway as a sidecar in each service's pod, injected by a resource transformation
 * into the Deployments that opt in; each service has its own policy: {@code orders} requires an API key or
 * token, {@code catalog} is open but rate-limited. The armored Ingress routes to the sidecars' port, and
 * NetworkPolicies admit only that port, so nothing reaches an app around its gateway. On Apigee: a product
 * per service listing {@code edgemicro-auth} (no {@code edgemicro_} proxy is needed in sidecar mode), and a
 * sample app for the keyed one.
 */
public final class Pattern3 {
    static final String NAMESPACE = "default";
    static final int APP_PORT = 8080;
    static final String DEFAULT_PREFIX = "apigee-p3";
    /** The sample microservices the stack program deploys. */
    public static final List<Service> SAMPLES = List.of(
            new Service("orders", "us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0", true),
            new Service("catalog", "us-docker.pkg.dev/google-samples/containers/gke/hello-app:2.0", false));

    /** A microservice with its own gateway: whether that gateway requires a key (else it is open and only rate-limited). */
    public record Service(String name, String image, boolean keyed) {
    }

    private Pattern3() {
    }

    public static void main(String[] args) {
        SdkTaskRunnerWorkaround.apply();
        Pulumi.run(Pattern3::stack);
    }

    /** The program: reads the stack configuration and declares the resources. */
    public static void stack(Context ctx) {
        try {
            build(ctx, Pattern2Config.from(ctx, DEFAULT_PREFIX));
        } catch (InvalidArgumentsException e) {
            throw new RunException(e.getMessage());
        }
    }

    /** The gateway policy of one service: the keyed one verifies keys and tokens, the open one only rate-limits. */
    static MicrogatewayConfig policy(Pattern2Config config, Service sample) {
        var policy = MicrogatewayConfig.builder()
                .organization(config.organization())
                .environment(config.environment())
                .spikeArrest(new MicrogatewayConfig.SpikeArrestPlugin("second", config.spikeArrestPerSecond(), 0));
        if (!sample.keyed()) {
            policy.plugins(List.of("healthcheck", "spikearrest"));
        }
        config.edgemicroPublicKey().ifPresent(policy::publicKey);
        return policy.build();
    }

    /** Declares pattern 3's resources for {@code config} and the sample services. */
    public static Pattern3Resources build(Context ctx, Pattern2Config config) {
        return build(ctx, config, SAMPLES);
    }

    /**
     * Declares pattern 3's resources for {@code config} and {@code samples}; every argument is validated
     * before the first resource.
     */
    public static Pattern3Resources build(Context ctx, Pattern2Config config, List<Service> samples) {
        Names.requireNameList("services", samples.stream().map(Service::name).toList());
        if (config.edgemicroPublicKey().isEmpty()) {
            new Problems("stack configuration").add("apigee-gke:edgemicroPublicKey", null,
                    "the sidecars verify keys and tokens offline: set the organization's edgemicro-auth public key "
                            + "(curl https://" + config.organization() + "-" + config.environment()
                            + ".apigee.net/edgemicro-auth/publicKey > key.pem; pulumi config set apigee-gke:edgemicroPublicKey < key.pem)")
                    .throwIfAny();
        }
        var clusterArgs = GkeClusterArgs.builder().stackKeys(Pattern2Config.NAMESPACE)
                .project(config.project()).location(config.region())
                .deletionProtection(config.deletionProtection());
        config.nodesPerZone().ifPresent(clusterArgs::nodesPerZone);
        config.scaling().applyTo(clusterArgs);
        var validatedCluster = clusterArgs.build();
        GkeCluster.requireName(Pattern2Config.NAMESPACE + ":prefix", config.prefix(), validatedCluster);

        var sidecarArgs = new ArrayList<MicrogatewaySidecarArgs>();
        var serviceArgs = new ArrayList<MicroserviceArgs>();
        var ingress = ArmoredIngressArgs.builder().project(config.project()).namespace(NAMESPACE)
                .domains(config.domains()).wafRuleSets(config.wafRuleSets());
        for (var sample : samples) {
            String sidecar = sidecarName(config, sample);
            var sidecarOf = MicrogatewaySidecarArgs.builder()
                    .organization(config.organization())
                    .environment(config.environment())
                    .key(config.microgatewayKey())
                    .secret(config.microgatewaySecret())
                    .config(policy(config, sample))
                    .namespace(NAMESPACE)
                    .appPort(APP_PORT)
                    .podSelector(Microservice.selectorFor(sample.name()))
                    .build();
            sidecarArgs.add(sidecarOf);
            // The opt-in label is what the transformation looks for. The app serves until its sidecar has drained.
            serviceArgs.add(MicroserviceArgs.builder().namespace(NAMESPACE).image(sample.image()).port(APP_PORT)
                    .preStopSeconds(sidecarOf.drainSeconds())
                    .labels(Map.of(MicrogatewaySidecar.OPT_IN_LABEL, sidecar)).build());
            ingress.backend(IngressBackend.builder()
                    .name(sample.name())
                    .selector(Microservice.selectorFor(sample.name()))
                    .targetPort(MicrogatewaySidecar.PORT)
                    .paths("/" + sample.name())
                    .healthCheckPath("/healthcheck")
                    .build());
        }
        if (config.internal()) {
            // The proxy-only subnet and its firewall rule go on the cluster's network.
            ingress.internal(true).region(config.region()).network(validatedCluster.network());
            config.proxyOnlySubnet().ifPresent(ingress::proxyOnlySubnet);
        } else {
            ingress.allowlist(config.allowlist());
        }
        var validatedIngress = ingress.build();

        var cluster = new GkeCluster(config.prefix(), validatedCluster);
        var onCluster = ComponentResourceOptions.builder().providers(cluster.provider()).build();
        var sidecars = new ArrayList<MicrogatewaySidecar>();
        for (int i = 0; i < samples.size(); i++) {
            sidecars.add(new MicrogatewaySidecar(sidecarName(config, samples.get(i)), sidecarArgs.get(i), onCluster));
        }
        // Automatic injection: every Deployment below that carries the opt-in label gets its service's sidecar.
        var injected = ComponentResourceOptions.builder().providers(cluster.provider())
                .resourceTransformations(MicrogatewaySidecar.transformation(sidecars)).build();
        var services = new ArrayList<Microservice>();
        for (int i = 0; i < samples.size(); i++) {
            services.add(new Microservice(samples.get(i).name(), serviceArgs.get(i), injected));
        }
        // The Ingress does not wait for the Deployments (see pattern 1).
        var armored = new ArmoredIngress(config.prefix() + "-ingress", validatedIngress,
                ComponentResourceOptions.builder().providers(cluster.provider()).build());

        // On Apigee: in sidecar mode a product listing edgemicro-auth for "/" and "/**" is enough, one per service;
        // the sample app subscribes to the keyed services' products.
        var keyedProducts = new ArrayList<Output<String>>();
        for (var sample : samples) {
            var product = new ApiProduct(config.prefix() + "-" + sample.name() + "-product", ApiProductArgs.builder()
                    .name(config.prefix() + "-" + sample.name())
                    .displayName(sample.name() + " (pattern 3)")
                    .approvalType("auto")
                    .attributes(Map.of("access", "public"))
                    .apiResources(List.of("/", "/**"))
                    .environments(List.of(config.environment()))
                    .proxies(List.of("edgemicro-auth"))
                    .build());
            if (sample.keyed()) {
                keyedProducts.add(product.name());
            }
        }
        Output<String> consumerKey = Output.ofSecret("");
        if (!keyedProducts.isEmpty()) {
            var developer = new Developer(config.prefix() + "-developer", DeveloperArgs.builder()
                    .email(config.consumerEmail()).firstName("Sample").lastName("Consumer")
                    .userName(config.consumerEmail().substring(0, config.consumerEmail().indexOf('@'))).build());
            var app = new DeveloperApp(config.prefix() + "-app", DeveloperAppArgs.builder()
                    .developerEmail(developer.email())
                    .name(config.prefix() + "-sample-app")
                    .apiProducts(Output.all(keyedProducts))
                    .build(), CustomResourceOptions.builder().build());
            consumerKey = app.consumerKey();
        }

        ctx.export("clusterName", cluster.clusterName);
        ctx.export("kubeconfig", cluster.kubeconfig);
        ctx.export("url", armored.url);
        ctx.export("consumerKey", consumerKey);
        return new Pattern3Resources(cluster, List.copyOf(sidecars), List.copyOf(services), armored);
    }

    static String sidecarName(Pattern2Config config, Service sample) {
        return config.prefix() + "-" + sample.name() + "-mgw";
    }
}
