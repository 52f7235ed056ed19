package dev.apigeegke.examples.pattern1;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.apigeegke.apigee.ApiConsumer;
import dev.apigeegke.apigee.ApigeeProxy;
import dev.apigeegke.apigee.ApigeeProxyArgs;
import dev.apigeegke.apigee.ProductQuota;
import dev.apigeegke.apigee.bundle.AssignMessage;
import dev.apigeegke.apigee.bundle.Flow;
import dev.apigeegke.apigee.bundle.JsonThreatProtection;
import dev.apigeegke.apigee.bundle.Quota;
import dev.apigeegke.apigee.bundle.SpikeArrest;
import dev.apigeegke.apigee.bundle.VerifyApiKey;
import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.cluster.GkeClusterArgs;
import dev.apigeegke.core.InvalidArgumentsException;
import dev.apigeegke.core.Names;
import dev.apigeegke.ingress.ArmoredIngress;
import dev.apigeegke.ingress.ArmoredIngressArgs;
import dev.apigeegke.ingress.IngressBackend;
import dev.apigeegke.internal.sdk.SdkTaskRunnerWorkaround;
import dev.apigeegke.workload.Microservice;
import dev.apigeegke.workload.MicroserviceArgs;
import java.util.ArrayList;
import java.util.List;

/**
 * Pattern 1: a GKE cluster, two microservices, an Ingress with a static IP whose Cloud Armor policy admits
 * only the Apigee gateway's ranges, and the Apigee proxy (with its product and a sample app) targeting it.
 */
public final class Pattern1 {
    /** The sample microservices the stack program deploys. */
    public static final List<Service> SAMPLES = List.of(
            new Service("orders", "us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0", "/orders"),
            new Service("catalog", "us-docker.pkg.dev/google-samples/containers/gke/hello-app:2.0", "/catalog"));

    /**
     * The request header carrying the client's address to the Ingress. The proxy sets it from Apigee's
     * {@code client.ip} (the address that connected to Apigee, not X-Forwarded-For), overwriting any value the
     * client sent; Cloud Armor admits only Apigee's ranges, so no client reaches the load balancer to forge it.
     * A rate ban counts clients by it: every request reaches the load balancer from Apigee's own addresses, so
     * counting by source IP would ban Apigee, that is every client at once.
     */
    public static final String CLIENT_IP_HEADER = "x-apigee-client-ip";

    /** A microservice behind the Ingress: its name, pinned image, and the path prefix routed to it. */
    public record Service(String name, String image, String path) {
    }

    private Pattern1() {
    }

    public static void main(String[] args) {
        SdkTaskRunnerWorkaround.apply();
        Pulumi.run(Pattern1::stack);
    }

    /** The program: reads the stack configuration and declares the resources. */
    public static void stack(Context ctx) {
        try {
            build(ctx, Pattern1Config.from(ctx));
        } catch (InvalidArgumentsException e) {
            // A configuration mistake is the user's to fix: show the message, not a stack trace.
            throw new RunException(e.getMessage());
        }
    }

    /** Declares pattern 1's resources for {@code config} and the sample services, and exports its outputs. */
    public static Pattern1Resources build(Context ctx, Pattern1Config config) {
        return build(ctx, config, SAMPLES);
    }

    /** Declares pattern 1's resources for {@code config} and {@code samples}, and exports its outputs. */
    public static Pattern1Resources build(Context ctx, Pattern1Config config, List<Service> samples) {
        Names.requireNameList("services", samples.stream().map(Service::name).toList());
        // Every argument is built (and so validated) before the first resource is registered.
        var clusterArgs = GkeClusterArgs.builder()
                .stackKeys(Pattern1Config.NAMESPACE)
                .project(config.project())
                .location(config.location())
                .deletionProtection(config.deletionProtection());
        config.nodesPerZone().ifPresent(clusterArgs::nodesPerZone);
        config.machineType().ifPresent(clusterArgs::machineType);
        config.scaling().applyTo(clusterArgs);
        var validatedCluster = clusterArgs.build();
        GkeCluster.requireName(Pattern1Config.NAMESPACE + ":prefix", config.prefix(), validatedCluster);

        var serviceArgs = samples.stream()
                .map(s -> MicroserviceArgs.builder().image(s.image()).port(8080).healthPath("/").build())
                .toList();
        var ingress = ArmoredIngressArgs.builder()
                .project(config.project())
                .allowlist(config.allowlist())
                .domains(config.domains())
                .wafRuleSets(config.wafRuleSets());
        // Whatever key the configuration carries: only the header Apigee sets tells clients apart here.
        config.rateBan().ifPresent(ban -> ingress.rateBan(ban.keyedOn("HTTP_HEADER", CLIENT_IP_HEADER)));
        for (var sample : samples) {
            ingress.backend(IngressBackend.builder()
                    .name(sample.name())
                    .selector(Microservice.selectorFor(sample.name()))
                    .targetPort(8080)
                    .paths(sample.path())
                    .healthCheckPath("/")
                    .build());
        }
        var validatedIngress = ingress.build();
        var validatedApi = apiArgs(config, samples);

        var cluster = new GkeCluster(config.prefix(), validatedCluster);
        var onCluster = ComponentResourceOptions.builder().providers(cluster.provider()).build();
        var services = new ArrayList<Microservice>();
        for (int i = 0; i < samples.size(); i++) {
            services.add(new Microservice(samples.get(i).name(), serviceArgs.get(i), onCluster));
        }
        // The Ingress does not wait for the Deployments: its load balancer finds the pods through the NEGs when
        // they are ready, and waiting would make each of its children depend on every service.
        var armored = new ArmoredIngress(config.prefix() + "-ingress", validatedIngress,
                ComponentResourceOptions.builder().providers(cluster.provider()).build());

        if (config.domains().isEmpty()) {
            ctx.log().warn("Apigee reaches the Ingress over plain HTTP on its static IP: set apigee-gke:domains "
                    + "so the proxy's target is HTTPS with a Google-managed certificate.");
        }
        var api = new ApigeeProxy(config.prefix() + "-api", validatedApi.withTarget(armored.url), null);

        ctx.export("clusterName", cluster.clusterName);
        ctx.export("kubeconfig", cluster.kubeconfig);
        ctx.export("ingressAddress", armored.address);
        ctx.export("ingressUrl", armored.url);
        ctx.export("securityPolicy", armored.securityPolicyName);
        ctx.export("proxyUrl", api.proxyUrl);
        ctx.export("consumerKey", api.consumerKey);
        ctx.export("bundleHash", api.bundleHash);
        return new Pattern1Resources(cluster, List.copyOf(services), armored, api);
    }

    /**
     * The proxy in front of the Ingress: spike arrest, API key (x-api-key header), the product's quota, JSON
     * threat protection, the key removed before the request reaches the services, and the client's address
     * in {@link #CLIENT_IP_HEADER}; one flow per service.
     */
    static ApigeeProxyArgs apiArgs(Pattern1Config config, List<Service> samples) {
        var apigee = config.apigee();
        var key = VerifyApiKey.header("x-api-key");
        var args = ApigeeProxyArgs.builder()
                .flavor(apigee.flavor())
                .organization(apigee.organization())
                .environments(apigee.environments())
                .proxyName(config.prefix() + "-api")
                .basePath("/" + config.prefix())
                .description("Pattern 1: the microservices on GKE cluster " + config.prefix() + ", behind Cloud Armor")
                .preFlow(List.of(
                        SpikeArrest.rate(apigee.spikeArrest()),
                        key,
                        Quota.fromProduct(key, apigee.quotaCount()),
                        JsonThreatProtection.defaults(),
                        AssignMessage.toTarget("AM-remove-api-key").removeHeader("x-api-key"),
                        AssignMessage.toTarget("AM-client-ip").setHeader(CLIENT_IP_HEADER, "{client.ip}")))
                .flows(samples.stream()
                        .map(s -> new Flow(s.name(), s.path() + "/**", List.of("GET", "POST"), List.of()))
                        .toList())
                .quota(new ProductQuota(apigee.quotaCount(), 1, apigee.quotaTimeUnit()))
                .consumer(new ApiConsumer(apigee.consumerEmail(), "Sample", "Consumer", config.prefix() + "-sample-app"));
        apigee.hostname().ifPresent(args::hostname);
        return args.build();
    }
}
