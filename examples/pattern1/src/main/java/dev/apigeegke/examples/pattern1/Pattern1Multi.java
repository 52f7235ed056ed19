package dev.apigeegke.examples.pattern1;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.apigeegke.apigee.ApigeeProxy;
import dev.apigeegke.apigee.ApigeeProxyArgs;
import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.cluster.GkeClusterArgs;
import dev.apigeegke.core.Names;
import dev.apigeegke.examples.common.ArgumentKeys;
import dev.apigeegke.examples.common.ProgramCheck;
import dev.apigeegke.examples.common.Samples;
import dev.apigeegke.examples.common.StackReader;
import dev.apigeegke.ingress.ArmoredIngress;
import dev.apigeegke.ingress.ArmoredIngressArgs;
import dev.apigeegke.workload.Microservice;
import dev.apigeegke.workload.MicroserviceArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Pattern 1 across clusters: per cluster a {@link GkeCluster}, its services and an {@link ArmoredIngress} admitting
 * the same Apigee ranges; one {@link ApigeeProxy} (product, sample app) whose target endpoint balances over the
 * clusters' Ingresses, a target server per cluster and environment, and a health monitor putting a failed cluster back.
 */
final class Pattern1Multi {
    private Pattern1Multi() {
    }

    /** The arguments of one cluster's components, validated. */
    private record ClusterArgs(Pattern1Clusters.Cluster cluster, GkeClusterArgs args, List<MicroserviceArgs> services,
                               ArmoredIngressArgs ingress) {
    }

    /**
     * Declares the clusters of {@code fleet} and the proxy balancing over them: every argument is built (and so
     * validated) first, its problems added to {@code check}'s under the stack keys they came from, and nothing is
     * registered unless there is none.
     */
    static List<Pattern1Resources> build(Context ctx, Pattern1Config config, Pattern1Clusters fleet, ProgramCheck check) {
        var perCluster = new ArrayList<Optional<ClusterArgs>>();
        for (int i = 0; i < fleet.clusters().size(); i++) {
            perCluster.add(clusterArgs(config, fleet.clusters().get(i), i, check));
        }
        var apiArgs = check.args(keys(config), () -> proxyArgs(config, fleet));
        check.throwIfAny();
        return declare(ctx, config, perCluster.stream().map(Optional::orElseThrow).toList(), apiArgs.orElseThrow());
    }

    private static Optional<ClusterArgs> clusterArgs(Pattern1Config config, Pattern1Clusters.Cluster cluster, int i, ProgramCheck check) {
        String own = StackReader.NAMESPACE + ":";
        String servicesKey = Pattern1Clusters.Cluster.key(i, "services");
        var samples = cluster.services();
        check.check(ArgumentKeys.of("services").key("services", servicesKey),
                () -> Names.requireNameList("services", samples.stream().map(Pattern1.Service::name).toList()));
        var clusterArgs = cluster.cluster().args(check, cluster.keys());
        var serviceArgs = new ArrayList<Optional<MicroserviceArgs>>();
        for (int j = 0; j < samples.size(); j++) {
            var s = samples.get(j);
            serviceArgs.add(check.args(ArgumentKeys.of("MicroserviceArgs").key("image", servicesKey + "[" + j + "].image")
                            .key("kubernetesName", servicesKey + "[" + j + "].name"),
                    () -> MicroserviceArgs.builder().kubernetesName(s.name())
                            .image(s.image()).port(Samples.PORT).healthPath(Samples.HEALTH_PATH).build()));
        }
        var ingressKeys = ArgumentKeys.of("ArmoredIngressArgs")
                .key("project", "gcp:project")
                .key("allowlist", own + "allowlist")
                .key("domains", Pattern1Clusters.Cluster.key(i, "domains"))
                .key("backends", servicesKey)
                .key("wafRuleSets", own + "wafRuleSets")
                .key("rateBan.count", own + "rateBanCount")
                .key("rateBan.intervalSec", own + "rateBanIntervalSec")
                .key("rateBan.banDurationSec", own + "rateBanDurationSec");
        var ingressArgs = check.args(ingressKeys, () -> Pattern1.ingressArgs(config, cluster.domains(), samples));
        String ingressName = ingressName(cluster);
        ingressArgs.ifPresent(args -> check.check(ArgumentKeys.of("ArmoredIngress")
                        .derived("name", cluster.keys().get("prefix"), cluster.cluster().prefix(), "the Ingress name"),
                () -> ArmoredIngress.requireName(ingressName, args)));
        if (clusterArgs.isEmpty() || ingressArgs.isEmpty() || serviceArgs.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(new ClusterArgs(cluster, clusterArgs.get(), serviceArgs.stream().map(Optional::orElseThrow).toList(),
                ingressArgs.get()));
    }

    private static String ingressName(Pattern1Clusters.Cluster cluster) {
        return cluster.cluster().prefix() + "-ingress";
    }

    /** The stack keys of the proxy's arguments: the single-cluster proxy's, and the clusters' load balancing. */
    private static ArgumentKeys keys(Pattern1Config config) {
        String own = StackReader.NAMESPACE + ":";
        return Pattern1Proxy.keys(config)
                .key("targets", Pattern1Clusters.KEY)
                .key("proxy.loadBalancing.algorithm", own + "loadBalancer")
                .key("proxy.loadBalancing.maxFailures", own + "maxFailures")
                .key("proxy.loadBalancing.healthMonitor.path", own + "healthPath")
                .key("proxy.loadBalancing.healthMonitor.intervalSec", own + "healthIntervalSec")
                .key("proxy.loadBalancing.servers", Pattern1Clusters.KEY);
    }

    private static ApigeeProxyArgs proxyArgs(Pattern1Config config, Pattern1Clusters fleet) {
        // Not naming the clusters: adding one changes the target endpoint's server list, and nothing else of the bundle.
        return Pattern1Proxy.builder(config, fleet.clusters().get(0).services(),
                        "Pattern 1: the microservices on GKE clusters behind Cloud Armor, balanced by Apigee")
                .targets(fleet.targets())
                .loadBalancing(fleet.balancing())
                .build();
    }

    private static List<Pattern1Resources> declare(Context ctx, Pattern1Config config, List<ClusterArgs> clusters,
                                                   ApigeeProxyArgs apiArgs) {
        var declared = new ArrayList<Declared>();
        var urls = new LinkedHashMap<String, Output<String>>();
        for (var c : clusters) {
            var cluster = new GkeCluster(c.cluster().cluster().prefix(), c.args());
            var onCluster = ComponentResourceOptions.builder().providers(cluster.provider()).build();
            var onNodes = cluster.onNodes().build();
            var samples = c.cluster().services();
            var services = new ArrayList<Microservice>();
            for (int j = 0; j < samples.size(); j++) {
                services.add(new Microservice(c.cluster().name() + "-" + samples.get(j).name(), c.services().get(j), onNodes));
            }
            var armored = new ArmoredIngress(ingressName(c.cluster()), c.ingress(), onCluster);
            urls.put(c.cluster().name(), armored.url());
            declared.add(new Declared(c.cluster().name(), cluster, services, armored));
        }
        if (clusters.get(0).cluster().domains().isEmpty()) {
            ctx.log().warn("Apigee reaches the clusters' Ingresses over plain HTTP on their static IPs: set "
                    + Pattern1Clusters.KEY + "[i].domains so the proxy's targets are HTTPS with Google-managed certificates.");
        }
        var api = new ApigeeProxy(config.prefix() + "-api", apiArgs.withTargets(urls));

        ctx.export("clusterNames", byCluster(declared, d -> d.cluster().clusterName()));
        ctx.export("kubeconfigs", byCluster(declared, d -> d.cluster().kubeconfig()).asSecret());
        ctx.export("ingressAddresses", byCluster(declared, d -> d.ingress().address()));
        ctx.export("ingressUrls", byCluster(declared, d -> d.ingress().url()));
        ctx.export("securityPolicies", byCluster(declared, d -> d.ingress().securityPolicyName()));
        ctx.export("proxyUrl", api.proxyUrl());
        ctx.export("consumerKey", api.consumerKey());
        ctx.export("bundleHash", api.bundleHash());
        return declared.stream().map(d -> new Pattern1Resources(d.cluster(), d.services(), d.ingress(), api)).toList();
    }

    private record Declared(String name, GkeCluster cluster, List<Microservice> services, ArmoredIngress ingress) {
    }

    /** {@code value} of each cluster, by its name in the stack's order. */
    private static Output<Map<String, String>> byCluster(List<Declared> declared, Function<Declared, Output<String>> value) {
        var outputs = declared.stream().map(value).toList();
        return Output.all(outputs).applyValue(values -> {
            var map = new LinkedHashMap<String, String>();
            for (int i = 0; i < declared.size(); i++) {
                map.put(declared.get(i).name(), values.get(i));
            }
            return map;
        });
    }
}
