package dev.apigeegke.apigee;

/**
 * One of the targets an {@link ApigeeProxy} balances over (a cluster's Ingress, say): a target server of its own in
 * each environment, {@code <proxyName>-<name>}, and a server in the target endpoint's load balancer.
 *
 * @param name     the target's name, unique among the proxy's targets: lowercase letters, digits and '-'
 * @param weight   its share of the requests with the {@code WEIGHTED} algorithm (1 with the others); 0 drains it: its
 *                 target servers stay, disabled ({@code isEnabled: false}), so Apigee sends it nothing until the weight
 *                 is raised again, and the load balancer keeps listing it (with weight 1 under {@code WEIGHTED})
 * @param fallback whether it serves only while every other target is out of rotation (at most one fallback)
 */
public record ProxyTarget(String name, int weight, boolean fallback) {
    /** A target of weight 1 that is not a fallback. */
    public static ProxyTarget named(String name) {
        return new ProxyTarget(name, 1, false);
    }

    /** Whether the target takes requests: a weight above 0. */
    public boolean inRotation() {
        return weight > 0;
    }
}
