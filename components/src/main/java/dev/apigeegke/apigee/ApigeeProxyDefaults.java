package dev.apigeegke.apigee;

/** The defaults of {@link ApigeeProxy}'s own arguments (its product's are in {@link ApigeeProductDefaults}), each documented in the README and tested. */
final class ApigeeProxyDefaults {
    static final String TARGET_PATH = "/";

    private ApigeeProxyDefaults() {
    }
}
