package dev.apigeegke.provider.api;

import java.net.URI;

/**
 * The two Apigee platforms whose management API the provider speaks (stack config {@code apigee:flavor}); the
 * paths are shared, some request and answer shapes differ.
 */
public enum ApigeePlatform {
    /** Apigee Edge (SaaS, or the management server of a private cloud). */
    EDGE(URI.create("https://api.enterprise.apigee.com/v1")),
    /** Apigee X / hybrid. */
    X(URI.create("https://apigee.googleapis.com/v1"));

    private final URI defaultBaseUrl;

    ApigeePlatform(URI defaultBaseUrl) {
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** The public management endpoint; private cloud and regional X endpoints are configured instead. */
    public URI defaultBaseUrl() {
        return defaultBaseUrl;
    }
}
