package dev.apigeegke.examples.pattern1;

import com.pulumi.Context;
import com.pulumi.resources.ComponentResourceOptions;
import dev.apigeegke.apigee.ApigeeProxy;
import dev.apigeegke.apigee.ApigeeProxyArgs;
import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.cluster.GkeClusterArgs;
import dev.apigeegke.core.Names;
import dev.apigeegke.examples.common.ArgumentKeys;
import dev.apigeegke.examples.common.PatternProgram;
import dev.apigeegke.examples.common.ProgramCheck;
import dev.apigeegke.examples.common.StackReader;
import dev.apigeegke.examples.common.Samples;
import dev.apigeegke.ingress.ArmoredIngress;
import dev.apigeegke.ingress.ArmoredIngressArgs;
import dev.apigeegke.ingress.IngressBackend;
import dev.apigeegke.workload.Microservice;
import dev.apigeegke.workload.MicroserviceArgs;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Pattern 1: a GKE cluster, two microservices, an Ingress with a static IP whose Cloud Armor policy admits
 * only the Apigee gateway's ranges, and the Apigee proxy (with its product and a sample app) targeting it. With
 * {@code apigee-gke:clusters} the stack has several clusters, each with its services and Ingress, and the proxy
 * balances over them ({@link Pattern1Clusters}).
 */
public final class Pattern1 {
    /** The sample microservices the stack program deploys. */
    public static final List<Service> SAMPLES = List.of(
            new Service("orders", Samples.HELLO_APP_1, "/orders"),
            new Service("catalog", Samples.HELLO_APP_2, "/catalog"));

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
        PatternProgram.main(Pattern1::stack);
    }

    /**
     * The program: reads the stack configuration and declares the resources; every problem, with the stack's keys
     * and with any component's arguments, is reported in one message before the first resource.
     */
    public static void stack(Context ctx) {
        PatternProgram.run(() -> {
            var stack = new StackReader(ctx);
            var config = Pattern1Config.settings(stack);
            var clusters = Pattern1Clusters.read(stack, config, SAMPLES);
            stack.checkKeys("pattern1");
            if (clusters.multi()) {
                Pattern1Multi.build(ctx, config, clusters, stack.check());
            } else {
                build(ctx, config, SAMPLES, stack.check());
            }
        });
    }

    /** Declares pattern 1's resources for {@code config} and the sample services, and exports its outputs. */
    public static Pattern1Resources build(Context ctx, Pattern1Config config) {
        return build(ctx, config, SAMPLES);
    }

    /** Declares pattern 1's resources for {@code config} and {@code samples}, and exports its outputs. */
    public static Pattern1Resources build(Context ctx, Pattern1Config config, List<Service> samples) {
        return build(ctx, config, samples, new ProgramCheck());
    }

    /**
     * Declares pattern 1's resources for {@code config} and {@code samples}: every argument is built (and so
     * validated) first, its problems added to {@code check}'s under the stack keys they came from, and nothing is
     * registered unless there is none.
     */
    static Pattern1Resources build(Context ctx, Pattern1Config config, List<Service> samples, ProgramCheck check) {
        String own = StackReader.NAMESPACE + ":";
        check.check(ArgumentKeys.of("services"), () -> Names.requireNameList("services", samples.stream().map(Service::name).toList()));
        var clusterArgs = config.cluster().args(check,
                config.location().equals(config.region()) ? "gcp:region" : own + "location");
        var serviceArgs = samples.stream()
                .map(s -> check.args(ArgumentKeys.of("services"), () -> MicroserviceArgs.builder()
                        .image(s.image()).port(Samples.PORT).healthPath(Samples.HEALTH_PATH).build()))
                .toList();
        var ingressKeys = ArgumentKeys.of("ArmoredIngressArgs")
                .key("project", "gcp:project")
                .key("allowlist", own + "allowlist")
                .key("domains", own + "domains")
                .key("wafRuleSets", own + "wafRuleSets")
                .key("rateBan.count", own + "rateBanCount")
                .key("rateBan.intervalSec", own + "rateBanIntervalSec")
                .key("rateBan.banDurationSec", own + "rateBanDurationSec");
        var ingressArgs = check.args(ingressKeys, () -> ingressArgs(config, config.domains(), samples));
        ingressArgs.ifPresent(args -> check.check(ArgumentKeys.of("ArmoredIngress")
                        .derived("name", own + "prefix", config.prefix(), "the Ingress name"),
                () -> ArmoredIngress.requireName(config.prefix() + "-ingress", args)));
        var apiArgs = check.args(Pattern1Proxy.keys(config), () -> Pattern1Proxy.args(config, samples));
        check.throwIfAny();
        return declare(ctx, config, samples, clusterArgs.orElseThrow(), serviceArgs.stream().map(Optional::orElseThrow).toList(),
                ingressArgs.orElseThrow(), apiArgs.orElseThrow());
    }

    /** The Ingress in front of {@code samples}, on {@code domains}, admitting the stack's allowlist. */
    static ArmoredIngressArgs ingressArgs(Pattern1Config config, List<String> domains, List<Service> samples) {
        var ingress = ArmoredIngressArgs.builder()
                .project(config.project())
                .allowlist(config.allowlist())
                .domains(domains)
                .wafRuleSets(config.wafRuleSets());
        // Whatever key the configuration carries: only the header Apigee sets tells clients apart here.
        config.rateBan().ifPresent(ban -> ingress.rateBan(ban.keyedOn("HTTP_HEADER", CLIENT_IP_HEADER)));
        for (var sample : samples) {
            ingress.backend(IngressBackend.builder()
                    .name(sample.name())
                    .selector(Microservice.selectorFor(sample.name()))
                    .targetPort(Samples.PORT)
                    .paths(sample.path())
                    .healthCheckPath(Samples.HEALTH_PATH)
                    .build());
        }
        return ingress.build();
    }

    private static Pattern1Resources declare(Context ctx, Pattern1Config config, List<Service> samples, GkeClusterArgs clusterArgs,
                                             List<MicroserviceArgs> serviceArgs, ArmoredIngressArgs ingressArgs,
                                             ApigeeProxyArgs apiArgs) {
        var cluster = new GkeCluster(config.prefix(), clusterArgs);
        var onCluster = ComponentResourceOptions.builder().providers(cluster.provider()).build();
        // Only the Deployments wait for the node pool: the Ingress's load balancer is provisioned meanwhile.
        var onNodes = cluster.onNodes().build();
        var services = IntStream.range(0, samples.size())
                .mapToObj(i -> new Microservice(samples.get(i).name(), serviceArgs.get(i), onNodes)).toList();
        // The Ingress does not wait for the Deployments: its load balancer finds the pods through the NEGs when
        // they are ready, and waiting would make each of its children depend on every service.
        var armored = new ArmoredIngress(config.prefix() + "-ingress", ingressArgs, onCluster);
        if (config.domains().isEmpty()) {
            ctx.log().warn("Apigee reaches the Ingress over plain HTTP on its static IP: set apigee-gke:domains "
                    + "so the proxy's target is HTTPS with a Google-managed certificate.");
        }
        var api = new ApigeeProxy(config.prefix() + "-api", apiArgs.withTarget(armored.url()));

        ctx.export("clusterName", cluster.clusterName());
        ctx.export("kubeconfig", cluster.kubeconfig());
        ctx.export("ingressAddress", armored.address());
        ctx.export("ingressUrl", armored.url());
        ctx.export("securityPolicy", armored.securityPolicyName());
        ctx.export("proxyUrl", api.proxyUrl());
        ctx.export("consumerKey", api.consumerKey());
        ctx.export("bundleHash", api.bundleHash());
        return new Pattern1Resources(cluster, services, armored, api);
    }
}
