package dev.apigeegke.bench;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apigeegke.apigee.resources.ApiProduct;
import dev.apigeegke.apigee.resources.TargetServer;
import dev.apigeegke.apigee.resources.TargetServerArgs;
import dev.apigeegke.examples.pattern1.Pattern1;
import dev.apigeegke.examples.pattern1.Pattern1Config;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pattern 1 as a plain program: the same resources as {@link Pattern1}, declared directly. */
public final class Pattern1Baseline {
    private static final String HEALTH_PATH = "/";

    private Pattern1Baseline() {
    }

    /** Declares the resources. */
    public static void build(Context ctx, Pattern1Config config, List<Pattern1.Service> services, Artifacts artifacts) {
        boolean regional = config.location().matches("[a-z]+-[a-z]+\\d+");
        var gke = PlainCluster.declare(config.prefix(), config.project(), config.location(), config.deletionProtection(),
                config.nodesPerZone().orElse(regional ? 1 : 3),
                config.machineType().orElse(PlainCluster.DEFAULT_MACHINE_TYPE));
        var onCluster = gke.onCluster();

        for (var service : services) {
            PlainPods.appDeployment(service.name(), service.image(), onCluster);
        }

        String ingressName = config.prefix() + "-ingress";
        var ip = PlainIngress.address(ingressName, config.project(), config.region(), false);
        var policy = PlainArmor.policy(ingressName, config.project(), config.wafRuleSets(), config.allowlist());
        var armoredServices = new ArrayList<Resource>();
        for (var service : services) {
            armoredServices.add(PlainIngress.armoredService(ingressName, service.name(), HEALTH_PATH, PlainPods.APP_PORT,
                    policy, onCluster));
        }
        var https = config.domains().isEmpty()
                ? Map.<String, Output<String>>of()
                : PlainIngress.https(ingressName, PlainPods.NAMESPACE, config.domains(), onCluster).annotations();
        PlainIngress.ingress(ingressName, PlainPods.NAMESPACE, PlainIngress.annotations(false, ip, https),
                PlainIngress.routes(services.stream().map(s -> new PlainIngress.Route(s.path(), s.name())).toList()),
                CustomResourceOptions.builder().provider(gke.provider()).dependsOn(armoredServices).build());
        Output<String> ingressUrl = PlainIngress.url(config.domains(), ip);

        var api = apigee(config, ingressUrl, artifacts);

        ctx.export("clusterName", gke.cluster().name());
        ctx.export("kubeconfig", gke.kubeconfig());
        ctx.export("ingressAddress", ip.address());
        ctx.export("ingressUrl", ingressUrl);
        ctx.export("securityPolicy", policy.name());
        ctx.export("proxyUrl", api.proxyUrl());
        ctx.export("consumerKey", api.consumerKey());
        ctx.export("bundleHash", api.bundleHash());
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
        var proxy = PlainApigee.proxy(proxyName, proxyName, artifacts, apigee.environments(),
                CustomResourceOptions.builder().dependsOn(targetServers).build());
        var product = new ApiProduct(productName, PlainApigee.product(productName, productName, apigee.environments(), List.of(proxyName))
                .description("API product for proxy " + proxyName)
                .quota(Integer.toString(apigee.quotaCount()))
                .quotaInterval("1")
                .quotaTimeUnit(apigee.quotaTimeUnit())
                .build(), CustomResourceOptions.builder().dependsOn(proxy).build());
        var consumerKey = PlainApigee.sampleApp(proxyName, config.prefix(), apigee.consumerEmail(),
                product.name().applyValue(List::of));

        String hostname = apigee.hostname().orElse(apigee.organization() + "-" + apigee.environments().get(0) + ".apigee.net");
        return new Api(Output.of("https://" + hostname + "/" + config.prefix()), consumerKey,
                Output.of(PlainApigee.bundleHash(artifacts, proxyName)));
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return uri.getScheme().equals("https") ? 443 : 80;
    }
}
