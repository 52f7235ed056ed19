package dev.apigeegke.apigee;

import dev.apigeegke.apigee.bundle.ProxyModel;
import dev.apigeegke.core.InvalidArgumentsException;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problem;
import dev.apigeegke.core.Problems;
import dev.apigeegke.microgateway.MicrogatewayService;
import dev.apigeegke.internal.validation.ApigeeNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Arguments of {@link MicrogatewayProxies}. Every optional argument documents its default; {@link Builder#build()}
 * validates them, each route's proxy included, and reports every problem at once.
 */
public final class MicrogatewayProxiesArgs {
    /** The proxy Edge Microgateway's healthcheck plugin needs: it answers its path only for a path some proxy serves. */
    static final String HEALTH_PROXY = "healthcheck";
    /** The proxy arguments derived from the shared ones (the host name from the organization and environment). */
    private static final Pattern SHARED = Pattern.compile("organization|environments|hostname|productName|consumer");

    private final List<MicrogatewayRoute> routes;
    private final List<ApigeeProxyArgs> routeProxies;
    private final ApigeeProxyArgs healthProxy;

    private MicrogatewayProxiesArgs(List<MicrogatewayRoute> routes, List<ApigeeProxyArgs> routeProxies, ApigeeProxyArgs healthProxy) {
        this.routes = routes;
        this.routeProxies = routeProxies;
        this.healthProxy = healthProxy;
    }

    /** A builder of {@link MicrogatewayProxiesArgs}, every optional argument at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The routes, in order. */
    public List<MicrogatewayRoute> routes() {
        return routes;
    }

    /** Each route's proxy, in the order of {@link #routes()}: the first declares the product and the consumer. */
    public List<ApigeeProxyArgs> routeProxies() {
        return routeProxies;
    }

    /** The {@code edgemicro_healthcheck} proxy, for the gateway's {@code /healthcheck}. */
    public ApigeeProxyArgs healthProxy() {
        return healthProxy;
    }

    /** Builder of {@link MicrogatewayProxiesArgs}. */
    public static final class Builder {
        private String organization;
        private String environment;
        private List<MicrogatewayRoute> routes = List.of();
        private @Nullable String productName;
        private @Nullable ApiConsumer consumer;

        private Builder() {
        }

        /** The Apigee organization the gateway serves (required). */
        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        /** The Apigee environment the gateway serves (required): it loads the {@code edgemicro_} proxies deployed there. */
        public Builder environment(String environment) {
            this.environment = environment;
            return this;
        }

        /** The routes the gateway serves (at least one, names distinct), each an {@code edgemicro_<name>} proxy. Required. */
        public Builder routes(List<MicrogatewayRoute> routes) {
            this.routes = routes == null ? List.of() : new ArrayList<>(routes);
            return this;
        }

        /** The name on Apigee of the product listing every route's proxy and {@code edgemicro-auth} (required). */
        public Builder productName(String productName) {
            this.productName = productName;
            return this;
        }

        /** A developer and app to create, subscribed to the product (the sample consumer). Default: none. */
        public Builder consumer(ApiConsumer consumer) {
            this.consumer = consumer;
            return this;
        }

        /**
         * Validates every argument and reports all problems in one {@link InvalidArgumentsException}: a route's
         * own proxy problems are named {@code routes[i].<argument>}, the health proxy's {@code healthProxy.<argument>}.
         */
        public MicrogatewayProxiesArgs build() {
            var problems = new Problems("MicrogatewayProxiesArgs");
            checkShared(problems);
            problems.check(!routes.isEmpty(), "routes", routes, "give at least one route: the gateway serves only the paths of its proxies");
            var names = new HashSet<String>();
            var invalid = new HashSet<Integer>();
            for (int i = 0; i < routes.size(); i++) {
                var route = routes.get(i);
                int before = problems.list().size();
                if (route == null) {
                    problems.add("routes[" + i + "]", null, "a route, e.g. MicrogatewayRoute.toService(\"orders\", \"default\")");
                } else {
                    Names.checkLabel(problems, "routes[" + i + "].name", route.name(), 0);
                    problems.check(!HEALTH_PROXY.equals(route.name()), "routes[" + i + "].name", route.name(),
                            ProxyModel.MICROGATEWAY_PREFIX + HEALTH_PROXY + " is the health check's proxy: name the route otherwise");
                    problems.check(names.add(route.name()), "routes[" + i + "].name", route.name(), "route names must be distinct");
                }
                if (problems.list().size() > before) {
                    invalid.add(i);
                }
            }
            var proxyNames = routes.stream().filter(Objects::nonNull).map(MicrogatewayRoute::proxyName).toList();
            var routeProxies = new ArrayList<ApigeeProxyArgs>();
            for (int i = 0; i < routes.size(); i++) {
                var route = routes.get(i);
                if (route == null) {
                    continue;
                }
                // A route whose name was refused would only be refused again as its proxy's name.
                var proxy = proxy(route.proxyName(), route.basePath(), route.target());
                // The first route's proxy holds the product, which packages every route's proxy, and the consumer.
                if (routeProxies.isEmpty()) {
                    proxy.productProxies(proxyNames.subList(1, proxyNames.size()));
                    proxy.productName(productName);
                    Optional.ofNullable(consumer).ifPresent(proxy::consumer);
                } else {
                    proxy.createProduct(false);
                }
                routeProxies.add(invalid.contains(i) ? null : collect(problems, "routes[" + i + "].", proxy));
            }
            var health = collect(problems, "healthProxy.", proxy(ProxyModel.MICROGATEWAY_PREFIX + HEALTH_PROXY,
                    MicrogatewayService.HEALTH_PATH, "http://127.0.0.1:" + MicrogatewayService.PORT).createProduct(false));
            problems.throwIfAny();
            return new MicrogatewayProxiesArgs(List.copyOf(routes), List.copyOf(routeProxies), health);
        }

        /** The arguments every proxy shares, checked once rather than for each proxy. */
        private void checkShared(Problems problems) {
            ApigeeNames.checkOrganization(problems, "organization", organization);
            ApigeeNames.checkEnvironment(problems, "environment", environment);
            ApigeeNames.checkProduct(problems, "productName", productName);
            if (consumer != null) {
                consumer.validate(problems);
            }
        }

        private ApigeeProxyArgs.Builder proxy(String name, String basePath, String target) {
            return ApigeeProxyArgs.builder()
                    .organization(organization)
                    .environments(environment == null ? List.of() : List.of(environment))
                    .proxyName(name)
                    .basePath(basePath)
                    .microgateway(true)
                    .target(target);
        }

        /** Builds one proxy's arguments; its problems with the shared arguments were reported by {@link #checkShared}. */
        private static @Nullable ApigeeProxyArgs collect(Problems problems, String prefix, ApigeeProxyArgs.Builder proxy) {
            try {
                return proxy.build();
            } catch (InvalidArgumentsException e) {
                problems.addAll(e.problems().stream().filter(p -> !SHARED.matcher(p.argument()).lookingAt())
                        .map(p -> new Problem(prefix + p.argument(), p.value(), p.fix())).toList());
                return null;
            }
        }
    }
}
