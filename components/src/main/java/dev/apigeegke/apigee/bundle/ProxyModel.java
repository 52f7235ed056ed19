package dev.apigeegke.apigee.bundle;

import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.validation.ApigeeNames;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * A typed Apigee API proxy: one proxy endpoint (pre-flow policies, conditional flows, base path) routing
 * to one target endpoint. {@link Builder#build()} validates everything and reports every problem at
 * once; {@link BundleRenderer} turns a model into a bundle.
 */
public final class ProxyModel {
    /** The virtual hosts of an Edge proxy unless {@link Builder#virtualHosts} changes them: HTTPS only. */
    public static final List<String> DEFAULT_VIRTUAL_HOSTS = List.of("secure");
    /** The target path unless {@link Builder#targetPath} changes it. */
    public static final String DEFAULT_TARGET_PATH = "/";
    /** The name prefix Edge Microgateway looks for. */
    public static final String MICROGATEWAY_PREFIX = "edgemicro_";
    /** The last flow of a proxy with flows: it answers requests no flow matches with 404. */
    public static final String UNKNOWN_REQUEST_FLOW = "unknown-request";
    /** The RaiseFault policy of {@link #UNKNOWN_REQUEST_FLOW}; no policy of the model may take this name. */
    public static final String UNKNOWN_REQUEST_POLICY = "RF-unknown-request";

    private static final Pattern BASE_PATH = Pattern.compile("/|(/[A-Za-z0-9._~-]+)+");
    private static final Pattern VIRTUAL_HOST = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    static final Pattern TARGET_SERVER = Pattern.compile("[A-Za-z0-9._-]{1,255}");
    private static final Pattern TARGET_PATH = Pattern.compile("/[A-Za-z0-9._~/:@%+,;=-]*");

    /** The Apigee product a bundle is for. */
    public enum Flavor {
        /** Apigee Edge, SaaS or private cloud: proxies listen on virtual hosts. */
        EDGE,
        /** Apigee X or hybrid: environment groups route by host name, so bundles have no virtual hosts. */
        X
    }

    private final String name;
    private final @Nullable String description;
    private final String basePath;
    private final List<String> virtualHosts;
    private final List<LoadBalancing.Server> targetServers;
    private final LoadBalancing loadBalancing;
    private final @Nullable String targetUrl;
    private final String targetPath;
    private final List<Policy> preFlow;
    private final List<Flow> flows;
    private final boolean microgateway;
    private final Flavor flavor;

    private ProxyModel(Builder b, List<String> virtualHosts) {
        this.name = b.name;
        this.description = b.description;
        this.basePath = b.basePath;
        this.virtualHosts = List.copyOf(virtualHosts);
        this.targetServers = b.targetServers == null ? List.of() : List.copyOf(b.targetServers);
        this.loadBalancing = b.loadBalancing;
        this.targetUrl = b.targetUrl;
        this.targetPath = b.targetPath;
        this.preFlow = List.copyOf(b.preFlow);
        this.flows = List.copyOf(b.flows);
        this.microgateway = b.microgateway;
        this.flavor = b.flavor;
    }

    /** Starts a proxy model; {@link Builder#build()} checks it. */
    public static Builder builder() {
        return new Builder();
    }

    /** The proxy's name on Apigee. */
    public String name() {
        return name;
    }

    /** The proxy's description; empty when none was given. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** The path prefix clients call, e.g. {@code /orders}. */
    public String basePath() {
        return basePath;
    }

    /** The virtual hosts the proxy listens on: never empty on Edge, always empty on X. */
    public List<String> virtualHosts() {
        return virtualHosts;
    }

    /** The target servers the target endpoint balances over, in the bundle's order; empty for a microgateway proxy. */
    public List<LoadBalancing.Server> targetServers() {
        return targetServers;
    }

    /** How the target endpoint balances over {@link #targetServers()}. */
    public LoadBalancing loadBalancing() {
        return loadBalancing;
    }

    /** The target URL of a microgateway proxy; empty otherwise. */
    public Optional<String> targetUrl() {
        return Optional.ofNullable(targetUrl);
    }

    /** The path on the target that the request's path suffix is appended to. */
    public String targetPath() {
        return targetPath;
    }

    /** The policies every request passes, in order, before any flow. */
    public List<Policy> preFlow() {
        return preFlow;
    }

    /** The conditional flows, in the order Apigee matches them. */
    public List<Flow> flows() {
        return flows;
    }

    /** Whether this is an Edge Microgateway ({@code edgemicro_}) proxy: a target URL, no policies or flows. */
    public boolean microgateway() {
        return microgateway;
    }

    /** The Apigee product the bundle is rendered for. */
    public Flavor flavor() {
        return flavor;
    }

    /** Every policy of the proxy once, in the order first attached (pre-flow, then flows). */
    public List<Policy> policies() {
        var byName = new LinkedHashMap<String, Policy>();
        preFlow.forEach(p -> byName.putIfAbsent(p.name(), p));
        flows.forEach(f -> f.policies().forEach(p -> byName.putIfAbsent(p.name(), p)));
        return List.copyOf(byName.values());
    }

    /** True when requests no flow matches are answered 404: whenever the proxy has flows. */
    public boolean rejectsUnknownRequests() {
        return !flows.isEmpty();
    }

    /** Builder of {@link ProxyModel}. */
    public static final class Builder {
        private @Nullable String name;
        private @Nullable String description;
        private @Nullable String basePath;
        private @Nullable List<String> virtualHosts;
        private @Nullable List<LoadBalancing.Server> targetServers;
        private LoadBalancing loadBalancing = LoadBalancing.SINGLE;
        private @Nullable String targetUrl;
        private String targetPath = DEFAULT_TARGET_PATH;
        private List<Policy> preFlow = List.of();
        private List<Flow> flows = List.of();
        private boolean microgateway;
        private Flavor flavor = Flavor.EDGE;

        private Builder() {
        }

        /** The proxy's name (required): letters, digits, '-' and '_'; {@code edgemicro_<api>} for microgateway. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** A description shown on Apigee. Default: none. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** The path clients call under the Apigee host, e.g. {@code /orders} (required). */
        public Builder basePath(String basePath) {
            this.basePath = basePath;
            return this;
        }

        /** Edge only: the virtual hosts the proxy listens on. Default: {@code secure} (HTTPS only). */
        public Builder virtualHosts(List<String> virtualHosts) {
            this.virtualHosts = virtualHosts == null ? null : Rules.copy(virtualHosts);
            return this;
        }

        /**
         * The target server the proxy calls (required unless microgateway). The target endpoint names it in a
         * load balancer, so the bundle does not change when the target's address does.
         */
        public Builder targetServer(String name) {
            this.targetServers = name == null ? null : List.of(LoadBalancing.Server.named(name));
            this.loadBalancing = LoadBalancing.SINGLE;
            return this;
        }

        /**
         * The target servers the target endpoint balances over, as {@code balancing} says (instead of
         * {@link #targetServer}): the bundle names them in this order, so that it changes only when they or their
         * settings do, never when a server's address does. Required, as {@link #targetServer}, unless microgateway.
         */
        public Builder targetServers(List<LoadBalancing.Server> servers, LoadBalancing balancing) {
            this.targetServers = servers == null ? null : Rules.copy(servers);
            this.loadBalancing = balancing;
            return this;
        }

        /**
         * Microgateway only (required there): the URL the microgateway forwards to, e.g.
         * {@code http://orders.shop.svc.cluster.local:8080}. Edge Microgateway reads the target URL from
         * the bundle and cannot resolve target servers.
         */
        public Builder targetUrl(String url) {
            this.targetUrl = url;
            return this;
        }

        /**
         * The path on the target server that the request's path suffix is appended to. Default: {@code /}, and the
         * target gets the path suffix as it is (the bundle has no {@code Path} then, since Apigee would send
         * {@code /} + {@code /items} as {@code //items}).
         */
        public Builder targetPath(String targetPath) {
            this.targetPath = targetPath;
            return this;
        }

        /** Policies every request runs, in order, before any flow. Default: none. */
        public Builder preFlow(List<Policy> policies) {
            this.preFlow = Rules.copy(policies);
            return this;
        }

        /**
         * Conditional flows by path and verb; the first match runs. Default: none, and every request under
         * the base path reaches the target. With flows, requests no flow matches are answered 404.
         */
        public Builder flows(List<Flow> flows) {
            this.flows = Rules.copy(flows);
            return this;
        }

        /**
         * A microgateway-aware proxy ({@code edgemicro_*}), which Edge Microgateway loads for its base path and
         * target URL only: it has no policies or flows, and needs {@link #targetUrl}. Default: false.
         */
        public Builder microgateway(boolean microgateway) {
            this.microgateway = microgateway;
            return this;
        }

        /** The Apigee product: {@code EDGE} or {@code X} (X and hybrid). Default: {@code EDGE}. */
        public Builder flavor(Flavor flavor) {
            this.flavor = flavor;
            return this;
        }

        /** Validates every argument and reports all problems in one {@link dev.apigeegke.core.InvalidArgumentsException}. */
        public ProxyModel build() {
            var problems = new Problems(name == null ? "ProxyModel" : "ProxyModel \"" + name + "\"");
            checkName(problems);
            problems.check(description == null || Rules.isXmlText(description), "description", description,
                    "remove control characters: XML 1.0 cannot carry them");
            problems.check(basePath != null && BASE_PATH.matcher(basePath).matches(), "basePath", basePath,
                    "a path starting with '/', e.g. /orders or /v1/orders: segments of letters, digits, '.', '_', '~' "
                            + "and '-', no trailing '/'");
            problems.check(flavor != null, "flavor", flavor, "EDGE (Apigee Edge) or X (Apigee X / hybrid)");
            List<String> hosts = virtualHosts(problems);
            checkTarget(problems);
            if (microgateway) {
                problems.check(preFlow.isEmpty(), "preFlow", preFlow.size() + " policies",
                        "Edge Microgateway never runs proxy policies: remove them and configure its plugins "
                                + "(oauth, quota, spikearrest) instead, or set microgateway(false)");
                problems.check(flows.isEmpty(), "flows", flows.size() + " flows",
                        "Edge Microgateway routes by base path only and ignores flows: remove them, or set microgateway(false)");
            }
            new PolicyAttachments(problems, flavor).check(preFlow, flows);
            problems.throwIfAny();
            return new ProxyModel(this, hosts);
        }

        private void checkName(Problems problems) {
            if (!ApigeeNames.checkProxy(problems, "name", name)) {
                return;
            }
            boolean prefixed = name.startsWith(MICROGATEWAY_PREFIX);
            if (microgateway) {
                String rest = prefixed ? name.substring(MICROGATEWAY_PREFIX.length()) : "";
                problems.check(prefixed && !rest.isEmpty() && !rest.startsWith("-"), "name", name,
                        "Edge Microgateway only loads proxies named edgemicro_*: name it edgemicro_<api>, e.g. "
                                + "edgemicro_orders, with no '-' directly after the prefix");
            } else {
                problems.check(!prefixed, "name", name,
                        "Edge Microgateway loads every proxy named edgemicro_* and would serve this one without its "
                                + "policies: choose another name, or set microgateway(true) for a microgateway proxy");
            }
        }

        private List<String> virtualHosts(Problems problems) {
            if (flavor != Flavor.EDGE) {
                problems.check(virtualHosts == null || virtualHosts.isEmpty(), "virtualHosts", virtualHosts,
                        "Apigee X has no virtual hosts (environment groups route by host name): remove virtualHosts, "
                                + "or use flavor EDGE");
                return List.of();
            }
            List<String> hosts = virtualHosts == null ? DEFAULT_VIRTUAL_HOSTS : virtualHosts;
            problems.check(!hosts.isEmpty(), "virtualHosts", hosts,
                    "an Edge proxy listens on at least one virtual host, e.g. secure (HTTPS) or default (HTTP)");
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < hosts.size(); i++) {
                String host = hosts.get(i);
                if (host == null || !VIRTUAL_HOST.matcher(host).matches()) {
                    problems.add("virtualHosts[" + i + "]", host, "a virtual host name such as secure: letters, digits, '-' and '_'");
                } else if (!seen.add(host)) {
                    problems.add("virtualHosts[" + i + "]", host, "listed twice; name each virtual host once");
                }
            }
            return hosts;
        }

        private void checkTarget(Problems problems) {
            if (microgateway) {
                problems.check(flavor != Flavor.X, "microgateway", true,
                        "Edge Microgateway works with Apigee Edge only: use flavor EDGE, or set microgateway(false) on X");
                problems.check(targetServers == null, "targetServer", targetServers == null ? null
                                : targetServers.stream().map(LoadBalancing.Server::name).collect(Collectors.joining(", ")),
                        "Edge Microgateway reads the target URL from the bundle and drops proxies without one; it "
                                + "cannot resolve target servers: give targetUrl(...) instead");
                problems.check(Rules.isTargetUrl(targetUrl), "targetUrl", targetUrl,
                        "the URL Edge Microgateway forwards to: http(s)://host[:port][/path], no query, fragment or "
                                + "credentials, e.g. http://orders.shop.svc.cluster.local:8080");
                problems.check(DEFAULT_TARGET_PATH.equals(targetPath), "targetPath", targetPath,
                        "a microgateway proxy has only a target URL: put the path in targetUrl");
                return;
            }
            if (targetServers == null || targetServers.size() == 1 && targetServers.get(0) != null && loadBalancing == LoadBalancing.SINGLE) {
                String one = targetServers == null ? null : targetServers.get(0).name();
                problems.check(one != null && TARGET_SERVER.matcher(one).matches(), "targetServer", one,
                        "the target server's name (required): letters, digits, '.', '_' and '-', at most 255 characters");
            } else if (loadBalancing == null) {
                problems.add("loadBalancing", null, "how the target servers are balanced, e.g. LoadBalancing.SINGLE for one");
            } else {
                loadBalancing.check(problems, "loadBalancing", targetServers);
            }
            problems.check(targetUrl == null, "targetUrl", targetUrl,
                    "targetUrl is for microgateway proxies; this proxy reaches its target through targetServer, so "
                            + "the bundle does not change when the target's address does: remove targetUrl");
            problems.check(targetPath != null && TARGET_PATH.matcher(targetPath).matches(), "targetPath", targetPath,
                    "a path starting with '/', e.g. / or /api, without spaces, quotes, braces, query or fragment");
        }
    }
}
