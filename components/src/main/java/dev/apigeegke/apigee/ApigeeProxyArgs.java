package dev.apigeegke.apigee;

import com.pulumi.core.Output;
import dev.apigeegke.apigee.bundle.Flow;
import dev.apigeegke.apigee.bundle.ProxyModel;
import dev.apigeegke.apigee.bundle.Policy;
import dev.apigeegke.core.InvalidArgumentsException;
import dev.apigeegke.core.Problem;
import dev.apigeegke.core.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Arguments of {@link ApigeeProxy}. Every optional argument documents its default; {@link Builder#build()}
 * validates them all (the proxy model included) and reports every problem at once.
 */
public final class ApigeeProxyArgs {
    private static final Pattern ORG = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern ENV = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern HOST = Pattern.compile("(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern PRODUCT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    private final ProxyModel.Flavor flavor;
    private final String organization;
    private final List<String> environments;
    private final String hostname;
    private final ProxyModel proxy;
    private final @Nullable Output<String> target;
    private final String productName;
    private final @Nullable ProductQuota quota;
    private final String approvalType;
    private final String access;
    private final List<String> apiResources;
    private final @Nullable ApiConsumer consumer;
    private final int natAddresses;
    private final @Nullable String instance;
    private final boolean microgateway;
    private final boolean createProduct;
    private final List<String> productProxies;

    private ApigeeProxyArgs(ApigeeProxyArgs other, Output<String> target) {
        this.flavor = other.flavor;
        this.organization = other.organization;
        this.environments = other.environments;
        this.hostname = other.hostname;
        this.proxy = other.proxy;
        this.target = target;
        this.productName = other.productName;
        this.quota = other.quota;
        this.approvalType = other.approvalType;
        this.access = other.access;
        this.apiResources = other.apiResources;
        this.consumer = other.consumer;
        this.natAddresses = other.natAddresses;
        this.instance = other.instance;
        this.microgateway = other.microgateway;
        this.createProduct = other.createProduct;
        this.productProxies = other.productProxies;
    }

    private ApigeeProxyArgs(Builder b, ProxyModel proxy, String hostname, String productName) {
        this.flavor = b.flavor;
        this.organization = b.organization;
        this.environments = List.copyOf(b.environments);
        this.hostname = hostname;
        this.proxy = proxy;
        this.target = b.target;
        this.productName = productName;
        this.quota = b.quota;
        this.approvalType = b.approvalType;
        this.access = b.access;
        this.apiResources = List.copyOf(b.apiResources);
        this.consumer = b.consumer;
        this.natAddresses = b.natAddresses;
        this.instance = b.instance;
        this.microgateway = b.microgateway;
        this.createProduct = b.createProduct;
        this.productProxies = List.copyOf(b.productProxies);
    }

    public static Builder builder() {
        return new Builder();
    }

    public ProxyModel.Flavor flavor() {
        return flavor;
    }

    public String organization() {
        return organization;
    }

    public List<String> environments() {
        return environments;
    }

    /** The host clients call: {@code <org>-<env>.apigee.net} on Edge, the environment group's host on X. */
    public String hostname() {
        return hostname;
    }

    /** The validated proxy model the bundle is rendered from. */
    public ProxyModel proxy() {
        return proxy;
    }

    /** The target's base URL (e.g. the Ingress URL); it becomes a target server in each environment. */
    public Optional<Output<String>> target() {
        return Optional.ofNullable(target);
    }

    /**
     * These arguments with the target set: validate everything else before any resource exists, then
     * add the target once the resource it comes from (e.g. the Ingress) is declared.
     */
    public ApigeeProxyArgs withTarget(Output<String> url) {
        return new ApigeeProxyArgs(this, url);
    }

    public String productName() {
        return productName;
    }

    public Optional<ProductQuota> quota() {
        return Optional.ofNullable(quota);
    }

    public String approvalType() {
        return approvalType;
    }

    public String access() {
        return access;
    }

    public List<String> apiResources() {
        return apiResources;
    }

    public Optional<ApiConsumer> consumer() {
        return Optional.ofNullable(consumer);
    }

    public int natAddresses() {
        return natAddresses;
    }

    public Optional<String> instance() {
        return Optional.ofNullable(instance);
    }

    public boolean microgateway() {
        return microgateway;
    }

    /** Whether the component creates an API product for the proxy. */
    public boolean createProduct() {
        return createProduct;
    }

    /** Other proxies the product also packages. */
    public List<String> productProxies() {
        return productProxies;
    }

    /** Builder of {@link ApigeeProxyArgs}. */
    public static final class Builder {
        private ProxyModel.Flavor flavor = ProxyModel.Flavor.EDGE;
        private String organization;
        private List<String> environments = List.of();
        private @Nullable String hostname;
        private String proxyName;
        private String basePath;
        private @Nullable String description;
        private @Nullable List<String> virtualHosts;
        private List<Policy> preFlow = List.of();
        private List<Flow> flows = List.of();
        private @Nullable Output<String> target;
        private @Nullable String plainTarget;
        private String targetPath = ApigeeProxyDefaults.TARGET_PATH;
        private @Nullable String productName;
        private @Nullable ProductQuota quota;
        private String approvalType = ApigeeProxyDefaults.APPROVAL;
        private String access = ApigeeProxyDefaults.ACCESS;
        private List<String> apiResources = ApigeeProxyDefaults.API_RESOURCES;
        private @Nullable ApiConsumer consumer;
        private int natAddresses;
        private @Nullable String instance;
        private boolean microgateway;
        private boolean createProduct = true;
        private List<String> productProxies = List.of();

        private Builder() {
        }

        /** Apigee Edge (default; SaaS or private cloud) or Apigee X / hybrid. */
        public Builder flavor(ProxyModel.Flavor flavor) {
            this.flavor = flavor;
            return this;
        }

        /** The Apigee organization (required). */
        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        /** The environments the proxy is deployed to (at least one). */
        public Builder environments(List<String> environments) {
            this.environments = environments == null ? List.of() : List.copyOf(environments);
            return this;
        }

        /** The host clients call. Default on Edge {@code <org>-<env>.apigee.net}; required on X (the environment group's host). */
        public Builder hostname(String hostname) {
            this.hostname = hostname;
            return this;
        }

        /** The proxy's name on Apigee (required); {@code edgemicro_...} for a microgateway-aware proxy. */
        public Builder proxyName(String proxyName) {
            this.proxyName = proxyName;
            return this;
        }

        /** The proxy's base path, e.g. {@code /shop} (required). */
        public Builder basePath(String basePath) {
            this.basePath = basePath;
            return this;
        }

        /** A description shown on Apigee. Default: none. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Edge virtual hosts. Default {@code secure} (HTTPS only); rejected on X, which has environment groups instead. */
        public Builder virtualHosts(List<String> virtualHosts) {
            this.virtualHosts = virtualHosts;
            return this;
        }

        /** Policies every request passes, in order (e.g. spike arrest, API key, quota). Default: none. */
        public Builder preFlow(List<Policy> policies) {
            this.preFlow = policies == null ? List.of() : List.copyOf(policies);
            return this;
        }

        /** Conditional flows by path and verb. Default: none (every path passes to the target). */
        public Builder flows(List<Flow> flows) {
            this.flows = flows == null ? List.of() : List.copyOf(flows);
            return this;
        }

        /**
         * The target's base URL, {@code http(s)://host[:port]}; may come from other resources (checked when known).
         * Required here or later through {@link ApigeeProxyArgs#withTarget(Output)}.
         */
        public Builder target(Output<String> url) {
            this.target = url;
            this.plainTarget = null;
            return this;
        }

        /** The target's base URL as a plain value, checked by {@link #build()}. */
        public Builder target(String url) {
            this.target = Output.of(url);
            this.plainTarget = url;
            return this;
        }

        /** The path on the target the proxy's path suffix is appended to. Default {@code /}. */
        public Builder targetPath(String targetPath) {
            this.targetPath = targetPath;
            return this;
        }

        /** The API product's name. Default {@code <proxyName>-product}. */
        public Builder productName(String productName) {
            this.productName = productName;
            return this;
        }

        /** The quota the product grants each app. Default: none (no quota on the product). */
        public Builder quota(ProductQuota quota) {
            this.quota = quota;
            return this;
        }

        /** Key approval: {@code auto} (default) or {@code manual}. */
        public Builder approvalType(String approvalType) {
            this.approvalType = approvalType;
            return this;
        }

        /** The product's access attribute: {@code public} (default), {@code private} or {@code internal}. */
        public Builder access(String access) {
            this.access = access;
            return this;
        }

        /** Resource paths the product grants. Default {@code /} and {@code /**} (every path of its proxies). */
        public Builder apiResources(List<String> apiResources) {
            this.apiResources = apiResources == null ? List.of() : List.copyOf(apiResources);
            return this;
        }

        /** A developer and app to create, whose key the product grants. Default: none. */
        public Builder consumer(ApiConsumer consumer) {
            this.consumer = consumer;
            return this;
        }

        /** Apigee X only: NAT addresses to reserve on {@code instance}, whose IPs feed a target's allowlist. Default 0. */
        public Builder natAddresses(int count, String instance) {
            this.natAddresses = count;
            this.instance = instance;
            return this;
        }

        /** The Edge Microgateway variant: an {@code edgemicro_} proxy and a product that also lists {@code edgemicro-auth}. Default false. */
        public Builder microgateway(boolean microgateway) {
            this.microgateway = microgateway;
            return this;
        }

        /**
         * Whether to create an API product for the proxy. Default true; false for a proxy another component's
         * product packages (see {@link #productProxies(List)}), or one clients never call with a key (a health check).
         */
        public Builder createProduct(boolean createProduct) {
            this.createProduct = createProduct;
            return this;
        }

        /** Other proxies (e.g. sibling {@code edgemicro_} proxies) the product also packages. Default: none. */
        public Builder productProxies(List<String> proxies) {
            this.productProxies = proxies == null ? List.of() : List.copyOf(proxies);
            return this;
        }

        /** Validates every argument and reports all problems in one {@link InvalidArgumentsException}. */
        public ApigeeProxyArgs build() {
            var problems = new Problems("ApigeeProxyArgs");
            problems.check(flavor != null, "flavor", flavor, "EDGE or X");
            problems.check(organization != null && ORG.matcher(organization).matches(), "organization", organization,
                    "the Apigee organization name: lowercase letters, digits and '-'");
            problems.check(!environments.isEmpty(), "environments", environments, "name at least one environment to deploy to, e.g. test");
            for (int i = 0; i < environments.size(); i++) {
                String env = environments.get(i);
                problems.check(env != null && ENV.matcher(env).matches(), "environments[" + i + "]", env,
                        "an environment name: lowercase letters, digits and '-'");
            }
            String host = hostname;
            if (host == null && flavor == ProxyModel.Flavor.EDGE && organization != null && !environments.isEmpty()) {
                host = organization + "-" + environments.get(0) + ".apigee.net";
            }
            if (flavor == ProxyModel.Flavor.X && hostname == null) {
                problems.add("hostname", null, "Apigee X serves proxies on an environment group's host name: give it, e.g. api.example.com");
            } else if (host != null) {
                problems.check(HOST.matcher(host).matches(), "hostname", host, "a host name such as api.example.com");
            }
            if (plainTarget != null) {
                try {
                    TargetUrl.parse(plainTarget, "ApigeeProxyArgs");
                } catch (InvalidArgumentsException e) {
                    problems.addAll(e.problems());
                }
            }
            String product = productName != null ? productName : (proxyName == null ? null : proxyName + "-product");
            problems.check(product != null && PRODUCT.matcher(product).matches(), "productName", product,
                    "a product name: letters, digits, '.', '_', '-'");
            if (quota != null) {
                quota.validate(problems);
            }
            problems.check(approvalType != null && ApigeeProxyDefaults.APPROVALS.contains(approvalType), "approvalType", approvalType,
                    "auto or manual");
            problems.check(access != null && ApigeeProxyDefaults.ACCESSES.contains(access), "access", access,
                    "public, private or internal");
            problems.check(!apiResources.isEmpty(), "apiResources", apiResources, "grant at least one path, e.g. /**");
            for (int i = 0; i < apiResources.size(); i++) {
                String path = apiResources.get(i);
                problems.check(path != null && path.startsWith("/"), "apiResources[" + i + "]", path, "a path starting with '/', e.g. /orders/**");
            }
            if (consumer != null) {
                consumer.validate(problems);
                problems.check(createProduct, "consumer", consumer.appName(), "a consumer's app needs the product: remove createProduct(false)");
            }
            for (int i = 0; i < productProxies.size(); i++) {
                String other = productProxies.get(i);
                problems.check(other != null && PRODUCT.matcher(other).matches(), "productProxies[" + i + "]", other,
                        "a proxy name: letters, digits, '.', '_', '-'");
            }
            if (natAddresses != 0) {
                problems.check(flavor == ProxyModel.Flavor.X, "natAddresses", natAddresses,
                        "NAT addresses exist only on Apigee X; Apigee Edge's egress ranges come from Apigee support");
                problems.check(natAddresses >= 0 && natAddresses <= 10, "natAddresses", natAddresses, "from 0 to 10 addresses");
                problems.check(instance != null && ENV.matcher(instance).matches(), "instance", instance,
                        "the Apigee X instance to reserve the addresses on");
            }
            ProxyModel model = null;
            try {
                var proxy = ProxyModel.builder()
                        .name(proxyName)
                        .basePath(basePath)
                        .flavor(flavor)
                        .microgateway(microgateway)
                        .targetPath(targetPath)
                        .preFlow(preFlow)
                        .flows(flows);
                if (microgateway) {
                    // Edge Microgateway reads the target URL from the proxy and cannot resolve target servers.
                    if (plainTarget == null) {
                        problems.add("target", null, "a microgateway proxy needs its target as a plain URL (Edge Microgateway "
                                + "cannot resolve target servers), e.g. http://orders.default.svc.cluster.local");
                    } else {
                        proxy.targetUrl(plainTarget);
                    }
                } else {
                    proxy.targetServer(proxyName == null ? null : proxyName + "-target");
                }
                if (description != null) {
                    proxy.description(description);
                }
                if (virtualHosts != null) {
                    proxy.virtualHosts(virtualHosts);
                }
                model = proxy.build();
            } catch (InvalidArgumentsException e) {
                problems.addAll(e.problems().stream()
                        .map(p -> new Problem("proxy." + p.argument(), p.value(), p.fix())).toList());
            }
            problems.throwIfAny();
            return new ApigeeProxyArgs(this, model, host, product);
        }
    }
}
