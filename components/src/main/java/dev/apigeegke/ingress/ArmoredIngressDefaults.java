package dev.apigeegke.ingress;

import java.util.List;
import java.util.Set;

/** The defaults of {@link ArmoredIngress}, each documented in the README and tested. */
final class ArmoredIngressDefaults {
    static final String NAMESPACE = "default";
    /** Cloud Armor's default rule: the lowest precedence, matching every source. */
    static final int DEFAULT_RULE_PRIORITY = 2147483647;
    /** Cloud Armor accepts at most this many ranges in one rule's srcIpRanges. */
    static final int MAX_RANGES_PER_RULE = 10;
    /** WAF deny rules come first so allowlisted traffic is still inspected. */
    static final int WAF_PRIORITY_BASE = 1000;
    static final int ALLOW_PRIORITY_BASE = 2000;
    static final int DENY_STATUS = 403;
    static final Set<Integer> DENY_STATUSES = Set.of(403, 404, 502);
    static final int WAF_SENSITIVITY = 1;
    static final int BACKEND_TIMEOUT_SEC = 30;
    /**
     * How long the load balancer lets requests already sent to a removed endpoint finish. The components' preStop
     * waits (30 s by default) cover it, so a terminating pod serves every request the load balancer still sends.
     */
    static final int DRAINING_TIMEOUT_SEC = 30;
    static final double LOG_SAMPLE_RATE = 1.0;
    static final String HEALTH_CHECK_PATH = "/";
    static final int SERVICE_PORT = 80;
    /** Each backend gets a NetworkPolicy admitting only the load balancer: nothing reaches the pods around it. */
    static final boolean NETWORK_POLICIES = true;
    /** Google's front ends and health checkers, which reach NEG backends' pod IPs directly. */
    static final List<String> LOAD_BALANCER_RANGES = List.of("35.191.0.0/16", "130.211.0.0/22");
    /** The cluster's network when none is given, as {@code GkeClusterArgs}. */
    static final String NETWORK = "default";
    /** The source address, which a client cannot forge (X-Forwarded-For, XFF_IP, it can). */
    static final String RATE_BAN_KEY = "IP";

    private ArmoredIngressDefaults() {
    }
}
