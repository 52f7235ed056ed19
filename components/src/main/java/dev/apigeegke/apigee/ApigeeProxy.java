package dev.apigeegke.apigee;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apigeegke.apigee.bundle.BundleRenderer;
import dev.apigeegke.apigee.bundle.ProxyBundle;
import dev.apigeegke.apigee.resources.ApiProduct;
import dev.apigeegke.apigee.resources.ApiProxy;
import dev.apigeegke.apigee.resources.ApiProxyArgs;
import dev.apigeegke.apigee.resources.DeveloperApp;
import dev.apigeegke.apigee.resources.TargetServer;
import dev.apigeegke.apigee.resources.TargetServerArgs;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * An API on Apigee: a proxy (bundle rendered from a typed model, imported and deployed to each
 * environment), a target server per environment holding the target's address (so the bundle does not
 * change when the target's IP does), an {@link ApigeeProduct} with its quota and optionally the sample
 * consumer (developer and app, whose key and secret are Pulumi secrets). On Apigee X it can also reserve
 * NAT addresses, whose IPs are the ranges an {@link dev.apigeegke.ingress.ArmoredIngress} must allow.
 *
 * <p>With several {@link ApigeeProxyArgs#targets() targets} (one per cluster, say) the target endpoint balances over
 * them ({@link dev.apigeegke.apigee.bundle.LoadBalancing}) and each has a target server per environment, disabled while
 * its weight is 0.
 *
 * <p>Children: {@code <name>-target-<env>} (TargetServer; {@code <name>-target-<target>-<env>} per target), {@code <name>} (ApiProxy), {@code <name>}
 * ({@link ApigeeProduct}: {@code <name>-product}, {@code <name>-developer}, {@code <name>-app}; the product waits
 * for the proxy), {@code <name>-nat-<i>} (NatAddress).
 */
public final class ApigeeProxy extends ComponentResource {
    /** The type token; it never changes. */
    public static final String TYPE = "apigee-gke:index:ApigeeProxy";

    @Export(name = "proxyUrl", refs = String.class)
    private final Output<String> proxyUrl;

    /** The URL clients call: {@code https://<hostname><basePath>}. */
    public Output<String> proxyUrl() {
        return this.proxyUrl;
    }

    @Export(name = "consumerKey", refs = String.class)
    private final Output<String> consumerKey;

    /** The sample app's consumer key (a Pulumi secret); empty without a consumer. */
    public Output<String> consumerKey() {
        return this.consumerKey;
    }

    @Export(name = "bundleHash", refs = String.class)
    private final Output<String> bundleHash;

    /** The sha256 of the proxy bundle: a change here is a new proxy revision. */
    public Output<String> bundleHash() {
        return this.bundleHash;
    }

    @Export(name = "natIps", refs = {List.class, String.class}, tree = "[0,1]")
    private final Output<List<String>> natIps;

    /** Apigee X NAT addresses reserved for the gateway's egress; empty otherwise. */
    public Output<List<String>> natIps() {
        return this.natIps;
    }

    private final ApigeeProxyArgs args;
    private final ProxyBundle bundle;
    private final ApiProxy proxy;
    private final @Nullable ApigeeProduct product;

    /** Creates the API on Apigee. */
    public ApigeeProxy(String name, ApigeeProxyArgs args) {
        this(name, args, null);
    }

    /** Creates the API on Apigee, with {@code options}. */
    public ApigeeProxy(String name, ApigeeProxyArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, checked(name, args), options);
        this.args = args;
        this.bundle = BundleRenderer.render(args.proxy());
        var childOf = CustomResourceOptions.builder().parent(this).build();

        var targetServers = targetServers(name, childOf);
        this.proxy = new ApiProxy(name, ApiProxyArgs.builder()
                .name(args.proxy().name())
                .bundle(Base64.getEncoder().encodeToString(bundle.zip()))
                .bundleHash(bundle.sha256())
                .environments(args.environments())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(targetServers).build());

        this.product = args.product().map(p -> new ApigeeProduct(name, p,
                ComponentResourceOptions.builder().parent(this).dependsOn(proxy).build())).orElse(null);
        this.consumerKey = product == null ? Output.ofSecret("") : product.consumerKey();
        this.natIps = args.nat().reserve(name, args.organization(), childOf);
        this.bundleHash = Output.of(bundle.sha256());
        this.proxyUrl = Output.of("https://" + args.hostname() + args.proxy().basePath());

        registerOutputs(Map.of(
                "proxyUrl", proxyUrl,
                "consumerKey", consumerKey,
                "bundleHash", bundleHash,
                "natIps", natIps));
    }

    /**
     * A target server per environment holding the target's address, so that the bundle does not change when the
     * address does. None for a microgateway proxy: Edge Microgateway cannot resolve target servers, so its bundle
     * carries the URL.
     */
    private List<Resource> targetServers(String name, CustomResourceOptions childOf) {
        var targetServers = new ArrayList<Resource>();
        var environments = args.microgateway() ? List.<String>of() : args.environments();
        if (!args.targets().isEmpty()) {
            for (var target : args.targets()) {
                Output<TargetUrl> url = args.targetUrls().get(target.name())
                        .applyValue(u -> TargetUrl.parse(u, "ApigeeProxy \"" + name + "\" target " + target.name()));
                for (String env : environments) {
                    targetServers.add(targetServer(Names.child(name, "target-" + target.name() + "-" + env), env,
                            args.targetServerName(target), url, target.inRotation(), childOf));
                }
            }
            return targetServers;
        }
        Output<TargetUrl> target = args.target().orElseThrow()
                .applyValue(url -> TargetUrl.parse(url, "ApigeeProxy \"" + name + "\""));
        for (String env : environments) {
            targetServers.add(targetServer(Names.child(name, "target-" + env), env, args.proxy().name() + "-target", target, true, childOf));
        }
        return targetServers;
    }

    private static TargetServer targetServer(String resourceName, String env, String serverName, Output<TargetUrl> target,
                                             boolean enabled, CustomResourceOptions childOf) {
        return new TargetServer(resourceName, TargetServerArgs.builder()
                .environment(env)
                .name(serverName)
                .host(target.applyValue(TargetUrl::host))
                .port(target.applyValue(TargetUrl::port))
                .sslEnabled(target.applyValue(TargetUrl::ssl))
                .enabled(enabled)
                .build(), childOf);
    }

    /** The validated arguments. */
    public ApigeeProxyArgs args() {
        return args;
    }

    /** The rendered proxy bundle (files, zip, sha256). */
    public ProxyBundle bundle() {
        return bundle;
    }

    /** The proxy resource. */
    public ApiProxy apiProxy() {
        return proxy;
    }

    /** The product component (product, developer, app), unless {@code createProduct(false)}. */
    public Optional<ApigeeProduct> apigeeProduct() {
        return Optional.ofNullable(product);
    }

    /** The API product, unless {@code createProduct(false)}. */
    public Optional<ApiProduct> product() {
        return apigeeProduct().map(ApigeeProduct::apiProduct);
    }

    /** The sample consumer's app, when a consumer was given. */
    public Optional<DeveloperApp> app() {
        return apigeeProduct().flatMap(ApigeeProduct::app);
    }

    /** Checks that {@code name} can name an ApigeeProxy and, with the longest suffix, its children. */
    static void checkName(Problems problems, String argument, String name) {
        Names.checkLabel(problems, argument, name, "-developer".length());
    }

    private static String checked(String name, ApigeeProxyArgs args) {
        var problems = new Problems("ApigeeProxy");
        checkName(problems, "name", name);
        if (args == null) {
            problems.add("args", null, "pass ApigeeProxyArgs.builder()...build()");
        } else {
            if (args.targets().isEmpty()) {
                problems.check(args.target().isPresent(), "target", null,
                        "give the target's base URL: ApigeeProxyArgs.builder().target(...) or args.withTarget(ingress.url())");
            } else {
                problems.check(!args.targetUrls().isEmpty(), "targets", args.targets().stream().map(ProxyTarget::name).toList(),
                        "give each target's base URL: args.withTargets(Map.of(\"eu\", euIngress.url(), ...))");
            }
        }
        problems.throwIfAny();
        return name;
    }
}
