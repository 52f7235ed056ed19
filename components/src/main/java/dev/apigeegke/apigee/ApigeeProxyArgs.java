package dev.apigeegke.apigee;

import com.pulumi.core.Output;
import dev.apigeegke.apigee.bundle.Flow;
import dev.apigeegke.apigee.bundle.LoadBalancing;
import dev.apigeegke.apigee.bundle.Policy;
import dev.apigeegke.apigee.bundle.ProxyModel;
import dev.apigeegke.core.InvalidArgumentsException;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problem;
import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.validation.ApigeeNames;
import dev.apigeegke.internal.validation.Distinct;
import dev.apigeegke.internal.validation.Emails;
import dev.apigeegke.internal.validation.Hostnames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Arguments of {@link ApigeeProxy}: the proxy itself, the product it declares ({@link ApigeeProductArgs}, set
 * through the same builder) and Apigee X NAT addresses. Every optional argument documents its default;
 * {@link Builder#build()} validates them all (the proxy model included) and reports every problem at once.
 */
public final class ApigeeProxyArgs {
    private final ProxyModel.Flavor flavor;
    private final String organization;
    private final List<String> environments;
    private final String hostname;
    private final ProxyModel proxy;
    private final @Nullable Output<String> target;
    private final List<ProxyTarget> targets;
    private final Map<String, Output<String>> targetUrls;
    private final boolean microgateway;
    private final @Nullable ApigeeProductArgs product;
    private final NatAddresses nat;

    private ApigeeProxyArgs(ApigeeProxyArgs other, @Nullable Output<String> target, Map<String, Output<String>> targetUrls) {
        this.flavor = other.flavor;
        this.organization = other.organization;
        this.environments = other.environments;
        this.hostname = other.hostname;
        this.proxy = other.proxy;
        this.target = target;
        this.targets = other.targets;
        this.targetUrls = targetUrls;
        this.microgateway = other.microgateway;
        this.product = other.product;
        this.nat = other.nat;
    }

    private ApigeeProxyArgs(Builder b, ProxyModel proxy, String hostname, @Nullable ApigeeProductArgs product) {
        this.flavor = b.flavor;
        this.organization = b.organization;
        this.environments = b.environments;
        this.hostname = hostname;
        this.proxy = proxy;
        this.target = b.target;
        this.targets = b.targets;
        this.targetUrls = Map.of();
        this.microgateway = b.microgateway;
        this.product = product;
        this.nat = b.nat;
    }

    /** A builder of {@link ApigeeProxyArgs}, every optional argument at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Apigee Edge (default) or Apigee X / hybrid. */
    public ProxyModel.Flavor flavor() {
        return flavor;
    }

    /** The Apigee organization. */
    public String organization() {
        return organization;
    }

    /** The environments the proxy is deployed to. */
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
        if (!targets.isEmpty()) {
            throw new IllegalStateException("these arguments balance over targets " + targetNames() + ": give their URLs with withTargets");
        }
        return new ApigeeProxyArgs(this, url, Map.of());
    }

    /**
     * The targets the proxy balances over, in the load balancer's order; empty when it has one target
     * ({@link #target()}).
     */
    public List<ProxyTarget> targets() {
        return targets;
    }

    /** The base URL of each of {@link #targets()}, by name, once {@link #withTargets} gave them; empty before. */
    public Map<String, Output<String>> targetUrls() {
        return targetUrls;
    }

    /**
     * These arguments with the base URL {@code http(s)://host[:port]} of each of {@link #targets()}, by name (e.g. each
     * cluster's Ingress URL): validate everything else first, then add the URLs once their resources are declared.
     */
    public ApigeeProxyArgs withTargets(Map<String, Output<String>> urls) {
        var problems = new Problems("ApigeeProxyArgs.withTargets");
        if (targets.isEmpty()) {
            problems.add("urls", urls == null ? null : urls.keySet(), "these arguments have one target: give its URL with withTarget");
        } else if (urls == null || !urls.keySet().equals(new HashSet<>(targetNames()))) {
            problems.add("urls", urls == null ? null : urls.keySet(), "a URL for each target and no other: " + targetNames());
        }
        problems.throwIfAny();
        var ordered = new LinkedHashMap<String, Output<String>>();
        targets.forEach(t -> ordered.put(t.name(), urls.get(t.name())));
        return new ApigeeProxyArgs(this, null, Collections.unmodifiableMap(ordered));
    }

    private List<String> targetNames() {
        return targets.stream().map(ProxyTarget::name).toList();
    }

    /** The target server of {@code target} in each environment: {@code <proxyName>-<target>}. */
    public String targetServerName(ProxyTarget target) {
        return proxy.name() + "-" + target.name();
    }

    /** Whether this is the Edge Microgateway variant; default false. */
    public boolean microgateway() {
        return microgateway;
    }

    /** The product the proxy declares; empty with {@code createProduct(false)}. */
    public Optional<ApigeeProductArgs> product() {
        return Optional.ofNullable(product);
    }

    /** How many Apigee X NAT addresses the proxy reserves; default 0. */
    public int natAddresses() {
        return nat.count();
    }

    /** The Apigee X instance the NAT addresses are reserved on; empty without them. */
    public Optional<String> instance() {
        return Optional.ofNullable(nat.instance());
    }

    NatAddresses nat() {
        return nat;
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
        private List<ProxyTarget> targets = List.of();
        private @Nullable LoadBalancing loadBalancing;
        private String targetPath = ApigeeProxyDefaults.TARGET_PATH;
        private final ApigeeProductArgs.Builder product = ApigeeProductArgs.builder();
        private @Nullable String productName;
        private @Nullable ApiConsumer consumer;
        private boolean createProduct = true;
        private List<String> productProxies = List.of();
        private NatAddresses nat = new NatAddresses(0, null);
        private boolean microgateway;

        private Builder() {
        }
        /** Apigee Edge (SaaS or private cloud) or Apigee X / hybrid. Default: {@code EDGE}. */
        public Builder flavor(ProxyModel.Flavor flavor) {
            this.flavor = flavor;
            return this;
        }

        /** The Apigee organization (required). */
        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        /** The environments the proxy is deployed to (at least one). Required. */
        public Builder environments(List<String> environments) {
            // A copy that keeps a null entry, so that build() reports it instead of a NullPointerException here.
            this.environments = environments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(environments));
            return this;
        }

        /** The host clients call. Default: on Edge, {@code <org>-<env>.apigee.net}; required on X (the environment group's host). */
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

        /** Edge virtual hosts. Default: {@code secure} (HTTPS only); rejected on X, which has environment groups instead. */
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

        /** The target's base URL as a plain value, checked by {@link #build()}. Required, as {@link #target(Output)}. */
        public Builder target(String url) {
            this.target = Output.of(url);
            this.plainTarget = url;
            return this;
        }

        /**
         * Several targets to balance over instead of one {@link #target}, in the load balancer's order (e.g. one per
         * cluster), their URLs given later through {@link ApigeeProxyArgs#withTargets}; with {@link #loadBalancing}
         * when there are two or more. Default: none (one target).
         */
        public Builder targets(List<ProxyTarget> targets) {
            this.targets = targets == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(targets));
            return this;
        }

        /**
         * How the proxy balances over its {@link #targets}: the algorithm, the failures that take a target out of
         * rotation, and the health monitor that puts it back. Required with two or more targets; with one it is not
         * used, since Apigee advises against taking a proxy's only server out of rotation.
         */
        public Builder loadBalancing(LoadBalancing loadBalancing) {
            this.loadBalancing = loadBalancing;
            return this;
        }

        /** The path on the target the proxy's path suffix is appended to. Default: {@code /}. */
        public Builder targetPath(String targetPath) {
            this.targetPath = targetPath;
            return this;
        }

        /** The API product's name. Default: {@code <proxyName>-product}. */
        public Builder productName(String productName) {
            this.productName = productName;
            return this;
        }

        /** The quota the product grants each app. Default: none (no quota on the product). */
        public Builder quota(ProductQuota quota) {
            product.quota(quota);
            return this;
        }

        /** Key approval of the proxy's product: {@code auto} or {@code manual}. Default: {@code auto}. */
        public Builder approvalType(String approvalType) {
            product.approvalType(approvalType);
            return this;
        }

        /** The product's access attribute: {@code public}, {@code private} or {@code internal}. Default: {@code public}. */
        public Builder access(String access) {
            product.access(access);
            return this;
        }

        /** Resource paths the product grants. Default: {@code /} and {@code /**} (every path of its proxies). */
        public Builder apiResources(List<String> apiResources) {
            product.apiResources(apiResources);
            return this;
        }

        /** A developer and app to create, whose key the product grants. Default: none. */
        public Builder consumer(ApiConsumer consumer) {
            this.consumer = consumer;
            product.consumer(consumer);
            return this;
        }

        /** Apigee X only: NAT addresses to reserve on {@code instance}, whose IPs feed a target's allowlist. Default: 0. */
        public Builder natAddresses(int count, String instance) {
            this.nat = new NatAddresses(count, instance);
            return this;
        }

        /** The Edge Microgateway variant: an {@code edgemicro_} proxy and a product that also lists {@code edgemicro-auth}. Default: false. */
        public Builder microgateway(boolean microgateway) {
            this.microgateway = microgateway;
            return this;
        }

        /**
         * Whether to create an API product for the proxy. Default: true; false for a proxy another component's
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
            ApigeeNames.checkOrganization(problems, "organization", organization);
            ApigeeProductArgs.checkEnvironments(problems, environments);
            String host = hostname;
            // The Edge host is made from the organization and first environment: checked only when they are valid,
            // since their own problems already say what to fix.
            boolean namesValid = problems.isEmpty();
            if (host == null && namesValid && flavor == ProxyModel.Flavor.EDGE && organization != null && !environments.isEmpty()) {
                host = organization + "-" + environments.get(0) + ".apigee.net";
            }
            if (flavor == ProxyModel.Flavor.X && hostname == null) {
                problems.add("hostname", null, "Apigee X serves proxies on an environment group's host name: give it, e.g. api.example.com");
            } else if (hostname != null) {
                Hostnames.check(problems, "hostname", host, "api.example.com");
            } else if (host != null) {
                String problem = Hostnames.problem(host, "api.example.com");
                problems.check(problem == null, "hostname", host, "the host Edge serves the proxy on, made from the organization "
                        + "and first environment, is not a host name (" + problem + "): give the virtual host's name");
            }
            if (plainTarget != null) {
                try {
                    TargetUrl.parse(plainTarget, "ApigeeProxyArgs");
                } catch (InvalidArgumentsException e) {
                    problems.addAll(e.problems());
                }
            }
            product.name(productName != null ? productName : (proxyName == null ? null : proxyName + "-product"));
            product.checkProduct(problems, "productName");
            if (consumer != null) {
                problems.check(createProduct, "consumer", consumer.appName(), "a consumer's app needs the product: remove createProduct(false)");
                if (flavor == ProxyModel.Flavor.X && consumer.email() != null && Emails.developerProblem(consumer.email(), false) == null) {
                    Emails.checkDeveloper(problems, "consumer.email", consumer.email(), true);
                }
            }
            for (int i = 0; i < productProxies.size(); i++) {
                ApigeeNames.checkProxy(problems, "productProxies[" + i + "]", productProxies.get(i));
            }
            Distinct.check(problems, "productProxies", productProxies);
            nat.check(problems, flavor);
            var model = proxyModel(problems);
            problems.throwIfAny();
            return new ApigeeProxyArgs(this, model, host, createProduct ? productArgs() : null);
        }

        /** The product: the proxy, its siblings, and for Edge Microgateway {@code edgemicro-auth}. */
        private ApigeeProductArgs productArgs() {
            var proxies = new ArrayList<String>();
            proxies.add(proxyName);
            proxies.addAll(productProxies);
            return product.description("API product for proxy " + proxyName)
                    .environments(environments)
                    .proxies(proxies)
                    .microgateway(microgateway)
                    .validated();
        }

        /** Adds the problems of {@link #targets} to {@code problems}; true when the load balancer can be modelled from them. */
        private boolean checkTargets(Problems problems) {
            problems.check(plainTarget == null && target == null, "target", plainTarget,
                    "a proxy balancing over targets(...) takes their URLs through withTargets: remove target(...)");
            var names = new HashSet<String>();
            boolean named = true;
            int inRotation = 0;
            for (int i = 0; i < targets.size(); i++) {
                var t = targets.get(i);
                String at = "targets[" + i + "]";
                if (t == null) {
                    problems.add(at, null, "a target, e.g. ProxyTarget.named(\"eu\")");
                    named = false;
                    continue;
                }
                if (t.name() == null || !Names.isLabel(t.name())) {
                    problems.add(at + ".name", t.name(), "lowercase letters, digits and '-', starting with a letter");
                    named = false;
                } else if (!names.add(t.name())) {
                    problems.add(at + ".name", t.name(), "listed twice: name each target once");
                    named = false;
                }
                problems.check(t.weight() >= 0, at + ".weight", t.weight(),
                        "0 (drained: no requests, the target kept) or more (its share of the requests)");
                if (t.inRotation() && !t.fallback()) {
                    inRotation++;
                }
                if (loadBalancing != null && loadBalancing.algorithm() != LoadBalancing.Algorithm.WEIGHTED) {
                    problems.check(t.weight() <= 1, at + ".weight", t.weight(), "weights apply with the WEIGHTED algorithm only: "
                            + "use it, or give each target 1 (0 drains it)");
                }
            }
            if (targets.size() == 1 && targets.get(0) != null) {
                problems.check(!targets.get(0).fallback(), "targets[0].fallback", true,
                        "a fallback stands in for other targets: with one target, it is not a fallback");
            }
            if (targets.size() > 1) {
                problems.check(loadBalancing != null, "loadBalancing", null,
                        "how the proxy balances over its " + targets.size() + " targets, e.g. LoadBalancing.of(ROUND_ROBIN, 3, "
                                + "HealthMonitor.http(\"/orders\", false))");
                problems.check(inRotation > 0 || targets.stream().anyMatch(t -> t == null || t.weight() < 0), "targets",
                        targets.stream().map(t -> t == null ? null : t.name() + "=" + t.weight()).toList(),
                        "give at least one target that is not the fallback a weight above 0: with every one drained, no "
                                + "request has anywhere to go");
            }
            return named && loadBalancing != null || named && targets.size() == 1;
        }

        /** The target endpoint's load balancer over {@link #targets}, in their order. */
        private void balance(ProxyModel.Builder proxy) {
            boolean weighted = loadBalancing != null && loadBalancing.algorithm() == LoadBalancing.Algorithm.WEIGHTED;
            var servers = targets.stream()
                    .map(t -> new LoadBalancing.Server(proxyName + "-" + t.name(), weighted ? Math.max(t.weight(), 1) : 1, t.fallback() && targets.size() > 1))
                    .toList();
            proxy.targetServers(servers, targets.size() == 1 ? LoadBalancing.SINGLE : loadBalancing);
        }

        private @Nullable ProxyModel proxyModel(Problems problems) {
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
                } else if (targets.isEmpty()) {
                    problems.check(loadBalancing == null, "loadBalancing", loadBalancing,
                            "load balancing is over several targets: give them with targets(...), or remove loadBalancing");
                    proxy.targetServer(proxyName == null ? null : proxyName + "-target");
                } else if (checkTargets(problems)) {
                    balance(proxy);
                } else {
                    // The targets' problems are reported: the model is still checked for everything else, with a
                    // stand-in server so that it does not ask for a targetServer the user never sets.
                    proxy.targetServer("target");
                }
                if (description != null) {
                    proxy.description(description);
                }
                if (virtualHosts != null) {
                    proxy.virtualHosts(virtualHosts);
                }
                return proxy.build();
            } catch (InvalidArgumentsException e) {
                problems.addAll(e.problems().stream()
                        .map(p -> new Problem("proxy." + p.argument(), p.value(), p.fix())).toList());
                return null;
            }
        }
    }
}
