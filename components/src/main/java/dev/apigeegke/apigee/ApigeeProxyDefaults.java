package dev.apigeegke.apigee;

import java.util.List;
import java.util.Set;

/** The defaults of {@link ApigeeProxy}, each documented in the README and tested. */
final class ApigeeProxyDefaults {
    static final String APPROVAL = "auto";
    static final Set<String> APPROVALS = Set.of("auto", "manual");
    static final String ACCESS = "public";
    static final Set<String> ACCESSES = Set.of("public", "private", "internal");
    static final List<String> API_RESOURCES = List.of("/", "/**");
    static final Set<String> QUOTA_TIME_UNITS = Set.of("minute", "hour", "day", "month");
    /** The product Edge Microgateway authenticates through; microgateway products must list it. */
    static final String MICROGATEWAY_AUTH_PROXY = "edgemicro-auth";
    static final String TARGET_PATH = "/";

    private ApigeeProxyDefaults() {
    }
}
