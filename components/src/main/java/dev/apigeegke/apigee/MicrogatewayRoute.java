package dev.apigeegke.apigee;

import dev.apigeegke.apigee.bundle.ProxyModel;

/**
 * A route Edge Microgateway serves: the {@code edgemicro_<name>} proxy that tells it to send requests for
 * {@code basePath} to {@code target}.
 *
 * @param name     the route's name: the proxy is {@code edgemicro_<name>}, its resource {@code <component>-<name>}
 * @param basePath the path the gateway serves it on, e.g. {@code /orders}
 * @param target   the plain URL the gateway calls (it cannot resolve target servers)
 */
public record MicrogatewayRoute(String name, String basePath, String target) {
    /** The route to Kubernetes Service {@code service} in {@code namespace}, served at {@code /<service>}. */
    public static MicrogatewayRoute toService(String service, String namespace) {
        return new MicrogatewayRoute(service, "/" + service, "http://" + service + "." + namespace + ".svc.cluster.local");
    }

    /** The proxy's name on Apigee: {@code edgemicro_<name>}. */
    public String proxyName() {
        return ProxyModel.MICROGATEWAY_PREFIX + name;
    }
}
