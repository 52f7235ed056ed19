package dev.apigeegke.apigee;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.gcp.apigee.NatAddress;
import com.pulumi.gcp.apigee.NatAddressArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apigeegke.apigee.bundle.BundleRenderer;
import dev.apigeegke.apigee.bundle.ProxyBundle;
import dev.apigeegke.apigee.resources.ApiProduct;
import dev.apigeegke.apigee.resources.ApiProductArgs;
import dev.apigeegke.apigee.resources.ApiProxy;
import dev.apigeegke.apigee.resources.ApiProxyArgs;
import dev.apigeegke.apigee.resources.Developer;
import dev.apigeegke.apigee.resources.DeveloperApp;
import dev.apigeegke.apigee.resources.DeveloperAppArgs;
import dev.apigeegke.apigee.resources.DeveloperArgs;
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
 * change when the target's IP does), an API product with its quota, and optionally a developer and an
 * app whose consumer key and secret are Pulumi secrets. On Apigee X it can also reserve NAT addresses,
 * whose IPs are the ranges an {@link dev.apigeegke.ingress.ArmoredIngress} must allow.
 *
 * <p>Children: {@code <name>-target-<env>}, {@code <name>} (ApiProxy), {@code <name>-product},
 * {@code <name>-developer}, {@code <name>-app}, {@code <name>-nat-<i>}.
 */
public final class ApigeeProxy extends ComponentResource {
    /** The type token; it never changes. */
    public static final String TYPE = "apigee-gke:index:ApigeeProxy";

    /** The URL clients call: {@code https://<hostname><basePath>}. */
    @Export(name = "proxyUrl", refs = String.class)
    public final Output<String> proxyUrl;
    /** The sample app's consumer key (a Pulumi secret); empty without a consumer. */
    @Export(name = "consumerKey", refs = String.class)
    public final Output<String> consumerKey;
    /** The sha256 of the proxy bundle: a change here is a new proxy revision. */
    @Export(name = "bundleHash", refs = String.class)
    public final Output<String> bundleHash;
    /** Apigee X NAT addresses reserved for the gateway's egress; empty otherwise. */
    @Export(name = "natIps", refs = {List.class, String.class}, tree = "[0,1]")
    public final Output<List<String>> natIps;

    private final ApigeeProxyArgs args;
    private final ProxyBundle bundle;
    private final ApiProxy proxy;
    private final @Nullable ApiProduct product;
    private final @Nullable DeveloperApp app;

    /** Creates the proxy with the default providers. */
    public ApigeeProxy(String name, ApigeeProxyArgs args) {
        this(name, args, null);
    }

    /** Creates the API on Apigee. */
    public ApigeeProxy(String name, ApigeeProxyArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, checked(name, args), options);
        this.args = args;
        this.bundle = BundleRenderer.render(args.proxy());
        var childOf = CustomResourceOptions.builder().parent(this).build();

        var targetServers = new ArrayList<Resource>();
        // A microgateway proxy carries its target URL in the bundle: Edge Microgateway cannot resolve target servers.
        var environments = args.microgateway() ? List.<String>of() : args.environments();
        String targetServerName = args.proxy().name() + "-target";
        Output<TargetUrl> target = args.target().orElseThrow()
                .applyValue(url -> TargetUrl.parse(url, "ApigeeProxy \"" + name + "\""));
        for (String env : environments) {
            targetServers.add(new TargetServer(Names.child(name, "target-" + env), TargetServerArgs.builder()
                    .environment(env)
                    .name(targetServerName)
                    .host(target.applyValue(TargetUrl::host))
                    .port(target.applyValue(TargetUrl::port))
                    .sslEnabled(target.applyValue(TargetUrl::ssl))
                    .enabled(true)
                    .build(), childOf));
        }

        this.proxy = new ApiProxy(name, ApiProxyArgs.builder()
                .name(args.proxy().name())
                .bundle(Base64.getEncoder().encodeToString(bundle.zip()))
                .bundleHash(bundle.sha256())
                .environments(args.environments())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(targetServers).build());

        var proxies = new ArrayList<String>();
        proxies.add(args.proxy().name());
        proxies.addAll(args.productProxies());
        if (args.microgateway()) {
            proxies.add(ApigeeProxyDefaults.MICROGATEWAY_AUTH_PROXY);
        }
        var productArgs = ApiProductArgs.builder()
                .name(args.productName())
                .displayName(args.productName())
                .description("API product for proxy " + args.proxy().name())
                .approvalType(args.approvalType())
                .attributes(Map.of("access", args.access()))
                .apiResources(args.apiResources())
                .environments(args.environments())
                .proxies(proxies);
        args.quota().ifPresent(q -> productArgs
                .quota(Integer.toString(q.count()))
                .quotaInterval(Integer.toString(q.interval()))
                .quotaTimeUnit(q.timeUnit()));
        this.product = !args.createProduct() ? null : new ApiProduct(Names.child(name, "product"), productArgs.build(),
                CustomResourceOptions.builder().parent(this).dependsOn(proxy).build());

        if (args.consumer().isPresent()) {
            var consumer = args.consumer().get();
            var developer = new Developer(Names.child(name, "developer"), DeveloperArgs.builder()
                    .email(consumer.email())
                    .firstName(consumer.firstName())
                    .lastName(consumer.lastName())
                    .userName(consumer.userName())
                    .build(), childOf);
            this.app = new DeveloperApp(Names.child(name, "app"), DeveloperAppArgs.builder()
                    .developerEmail(developer.email())
                    .name(consumer.appName())
                    .apiProducts(product.name().applyValue(List::of))
                    .build(), childOf);
            this.consumerKey = app.consumerKey();
        } else {
            this.app = null;
            this.consumerKey = Output.ofSecret("");
        }

        var nats = new ArrayList<Output<String>>();
        for (int i = 0; i < args.natAddresses(); i++) {
            var nat = new NatAddress(Names.child(name, "nat-" + i), NatAddressArgs.builder()
                    .name(Names.child(name, "nat-" + i))
                    .instanceId("organizations/" + args.organization() + "/instances/" + args.instance().orElseThrow())
                    .build(), childOf);
            nats.add(nat.ipAddress());
        }
        this.natIps = nats.isEmpty() ? Output.of(List.of()) : Output.all(nats);
        this.bundleHash = Output.of(bundle.sha256());
        this.proxyUrl = Output.of("https://" + args.hostname() + args.proxy().basePath());

        registerOutputs(Map.of(
                "proxyUrl", proxyUrl,
                "consumerKey", consumerKey,
                "bundleHash", bundleHash,
                "natIps", natIps));
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

    /** The API product, unless {@code createProduct(false)}. */
    public Optional<ApiProduct> product() {
        return Optional.ofNullable(product);
    }

    /** The sample consumer's app, when a consumer was given. */
    public Optional<DeveloperApp> app() {
        return Optional.ofNullable(app);
    }

    private static String checked(String name, ApigeeProxyArgs args) {
        var problems = new Problems("ApigeeProxy");
        Names.checkLabel(problems, "name", name, "-developer".length());
        if (args == null) {
            problems.add("args", null, "pass ApigeeProxyArgs.builder()...build()");
        } else {
            problems.check(args.target().isPresent(), "target", null,
                    "give the target's base URL: ApigeeProxyArgs.builder().target(...) or args.withTarget(ingress.url)");
        }
        problems.throwIfAny();
        return name;
    }
}
