package dev.apigeegke.provider.api;

import java.net.URI;

/** The two Apigee products whose management API the provider speaks; the paths are shared. */
public enum Flavor {
    /** Apigee Edge (SaaS, or the management server of a private cloud). */
    EDGE(URI.create("https://api.enterprise.apigee.com/v1")),
    /** Apigee X / hybrid. */
    X(URI.create("https://apigee.googleapis.com/v1"));

    private final URI defaultBaseUrl;

    Flavor(URI defaultBaseUrl) {
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** The public management endpoint; private cloud and regional X endpoints are configured instead. */
    public URI defaultBaseUrl() {
        return defaultBaseUrl;
    }
}
