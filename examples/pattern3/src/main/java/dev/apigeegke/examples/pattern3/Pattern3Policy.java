package dev.apigeegke.examples.pattern3;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.apigeegke.apigee.ApigeeProduct;
import dev.apigeegke.apigee.ApigeeProductArgs;
import dev.apigeegke.apigee.ApigeeProxy;
import dev.apigeegke.apigee.ApigeeProxyArgs;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import dev.apigeegke.examples.common.Samples;
import dev.apigeegke.examples.gateway.GatewayStackSettings;
import dev.apigeegke.microgateway.MicrogatewayConfig;
import dev.apigeegke.microgateway.MicrogatewaySidecar;
import dev.apigeegke.microgateway.MicrogatewaySidecarArgs;
import dev.apigeegke.workload.Microservice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Pattern 3's policy per service: its sidecar's gateway configuration, and on Apigee its local proxy and its product.
 *
 * <p>In local-proxy mode the sidecar's gateway names its one proxy after the pod ({@link MicrogatewaySidecar#localProxyName}),
 * and its plugins check a key's products by resource path alone: the oauth and apikeys plugins admit a key when one of
 * its products has a resource path matching the request's path, whatever proxies the product lists, and the quota
 * plugin applies the quotas of the key's products that list the local proxy. So each service's product grants that
 * service's paths only, the ones the Ingress routes to its sidecar, and lists the service's local proxy.
 */
final class Pattern3Policy {
    /** The plugins of an open service's gateway: no key or token check, only the rate limit. */
    static final List<String> OPEN_PLUGINS = List.of("healthcheck", "spikearrest");

    private Pattern3Policy() {
    }

    /** The gateway policy of one service: the keyed one verifies keys and tokens, the open one only rate-limits. */
    static MicrogatewayConfig policy(GatewayStackSettings config, Pattern3.Service sample) {
        var policy = config.gatewayConfig();
        if (!sample.keyed()) {
            policy.plugins(OPEN_PLUGINS);
        }
        return policy.build();
    }

    /**
     * The sidecar of one service, in {@code namespace}, in front of the app's port; who it is on Apigee is
     * {@link GatewayStackSettings#identify(MicrogatewaySidecarArgs.Builder, dev.apigeegke.microgateway.MicrogatewaySetup)}'s.
     */
    static MicrogatewaySidecarArgs.Builder sidecar(GatewayStackSettings config, Pattern3.Service sample, String namespace) {
        return MicrogatewaySidecarArgs.builder()
                .config(policy(config, sample))
                .namespace(namespace)
                .appPort(Samples.PORT)
                .podSelector(Microservice.selectorFor(sample.name()));
    }

    /**
     * Checks what only the list of services as a whole can break, before any resource: two services whose names start
     * with the same dash-separated part would have one local proxy name (pods named {@code order-api-...} and
     * {@code order-web-...} both run {@code edgemicro_ORDER}), so neither product could name its own sidecar; and a
     * quota is only counted for the apps of keys an open service never checks.
     */
    static void checkServices(List<Pattern3.Service> samples) {
        var problems = new Problems("services");
        var byProxy = new HashMap<String, Integer>();
        for (int i = 0; i < samples.size(); i++) {
            var sample = samples.get(i);
            String proxy = MicrogatewaySidecar.localProxyName(sample.name());
            Integer first = byProxy.putIfAbsent(proxy, i);
            if (first != null) {
                problems.add("services[" + i + "].name", sample.name(), "its sidecars would run the local proxy " + proxy
                        + ", as the ones of services[" + first + "] (\"" + samples.get(first).name() + "\") do: the gateway "
                        + "names it after the part of the pod name before the first '-', and each product must name its "
                        + "own service's: make the services' names differ before their first '-'");
            }
            problems.check(sample.quota() == null || sample.keyed(), "services[" + i + "].quota", sample.quota(),
                    "an open service checks no key, so no app is ever counted against its product's quota: remove the "
                            + "quota, or make the service keyed");
        }
        problems.throwIfAny();
    }

    /** The path the Ingress routes to a service's sidecar: {@code /<name>} and everything under it. */
    static String path(Pattern3.Service sample) {
        return "/" + sample.name();
    }

    /**
     * The paths of edgemicro-auth's own calls that a sidecar makes with a client's key: {@code POST /verifyApiKey} (an
     * API key exchanged for a token) and {@code POST /token} (a client-credentials token). edgemicro-auth's
     * VerifyAPIKey and OAuthV2 policies check the key's products against the path of that call on the edgemicro-auth
     * proxy, so a product granting only the service's paths would have every key refused there ("Invalid ApiKey for
     * given resource") and no key would ever pass a sidecar.
     */
    static final List<String> EDGEMICRO_AUTH_PATHS = List.of("/verifyApiKey", "/token");

    /**
     * The paths a service's product grants: the ones the Ingress routes to its sidecar, which sees them unchanged
     * (base path "/" strips nothing), and {@link #EDGEMICRO_AUTH_PATHS}. A key of this product is then refused at every
     * other service's sidecar on every path the Ingress routes there.
     */
    static List<String> apiResources(Pattern3.Service sample) {
        return Stream.concat(Stream.of(path(sample), path(sample) + "/**"), EDGEMICRO_AUTH_PATHS.stream()).toList();
    }

    /**
     * Each service's local proxy on Apigee. Edge validates the proxies a product lists when the product is created
     * ("The API proxy names must already exist in the specified environment as they will be validated upon creation",
     * in the published description of the API products call), so the local proxy the product names for its quota must
     * be deployed there first. The sidecars never load it: in local-proxy mode the gateway skips the bootstrap download
     * and builds its one route itself ({@code -b / -t http://localhost:<port>}). It is a microgateway-aware proxy
     * with the same target; its base path is its own name, which no other deployment in the environment has (proxy
     * names are unique in the organization), as Apigee wants one base path per deployed proxy.
     */
    static List<ApigeeProxyArgs> localProxies(GatewayStackSettings config, List<Pattern3.Service> samples) {
        return samples.stream().map(sample -> {
            String name = MicrogatewaySidecar.localProxyName(sample.name());
            return ApigeeProxyArgs.builder()
                    .organization(config.organization())
                    .environments(List.of(config.environment()))
                    .proxyName(name)
                    .basePath("/" + name)
                    .description("The local proxy of the " + sample.name() + " sidecars (pattern 3), listed by their product "
                            + "for its quota; the sidecars do not load it")
                    .microgateway(true)
                    .target("http://localhost:" + Samples.PORT)
                    .createProduct(false)
                    .build();
        }).toList();
    }

    /** Declares the local proxies of {@link #localProxies}, one per service, named {@code <prefix>-<service>-proxy}. */
    static List<ApigeeProxy> declareLocalProxies(GatewayStackSettings config, List<Pattern3.Service> samples,
                                                 List<ApigeeProxyArgs> args) {
        return IntStream.range(0, samples.size())
                .mapToObj(i -> new ApigeeProxy(Names.child(config.prefix(), samples.get(i).name() + "-proxy"), args.get(i)))
                .toList();
    }

    /**
     * Each service's product: its local proxy and {@code edgemicro-auth}, the service's paths, and the service's quota.
     * The first keyed service's also holds the sample consumer, named after the stack's prefix.
     */
    static List<ApigeeProductArgs> products(GatewayStackSettings config, List<Pattern3.Service> samples) {
        var holder = samples.stream().filter(Pattern3.Service::keyed).findFirst();
        return samples.stream().map(sample -> {
            var product = ApigeeProductArgs.builder()
                    .name(config.prefix() + "-" + sample.name())
                    .displayName(sample.name() + " (pattern 3)")
                    .environments(List.of(config.environment()))
                    .proxies(List.of(MicrogatewaySidecar.localProxyName(sample.name())))
                    .apiResources(apiResources(sample))
                    .microgateway(true);
            if (sample.quota() != null) {
                product.quota(sample.quota());
            }
            if (holder.isPresent() && holder.get() == sample) {
                product.consumer(Samples.consumer(config.consumerEmail(), config.prefix())).consumerName(config.prefix());
            }
            return product.build();
        }).toList();
    }

    /**
     * Declares the products of {@link #products}, each once its service's local proxy exists: the one holding the
     * sample consumer last, subscribed to every other keyed service's product once their names exist.
     */
    static List<ApigeeProduct> declareProducts(GatewayStackSettings config, List<Pattern3.Service> samples,
                                               List<ApigeeProductArgs> args, List<ApigeeProxy> localProxies,
                                               List<Resource> edgemicroAuth) {
        int holder = IntStream.range(0, args.size()).filter(i -> args.get(i).consumer().isPresent()).findFirst().orElse(-1);
        var products = new ApigeeProduct[args.size()];
        var otherKeyed = new ArrayList<Output<String>>();
        for (int i = 0; i < args.size(); i++) {
            if (i != holder) {
                products[i] = new ApigeeProduct(Names.child(config.prefix(), samples.get(i).name()), args.get(i),
                        after(localProxies.get(i), edgemicroAuth));
                if (samples.get(i).keyed()) {
                    otherKeyed.add(products[i].productName());
                }
            }
        }
        if (holder >= 0) {
            products[holder] = new ApigeeProduct(Names.child(config.prefix(), samples.get(holder).name()),
                    args.get(holder).withOtherProducts(otherKeyed), after(localProxies.get(holder), edgemicroAuth));
        }
        return List.of(products);
    }

    /**
     * Options that make a product wait for the proxy resources themselves, its local proxy and (when the stack sets it
     * up) edgemicro-auth: Apigee validates the product's proxies.
     */
    private static ComponentResourceOptions after(ApigeeProxy localProxy, List<Resource> edgemicroAuth) {
        var proxies = new ArrayList<Resource>(edgemicroAuth);
        proxies.add(localProxy.apiProxy());
        return ComponentResourceOptions.builder().dependsOn(proxies).build();
    }
}
