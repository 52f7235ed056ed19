package dev.apigeegke.apigee;

import java.util.List;
import java.util.Set;

/** The defaults of {@link ApigeeProduct} (and of the product {@link ApigeeProxy} declares), each documented in the README and tested. */
final class ApigeeProductDefaults {
    static final String APPROVAL = "auto";
    static final Set<String> APPROVALS = Set.of("auto", "manual");
    static final String ACCESS = "public";
    static final Set<String> ACCESSES = Set.of("public", "private", "internal");
    static final List<String> API_RESOURCES = List.of("/", "/**");

    private ApigeeProductDefaults() {
    }
}
