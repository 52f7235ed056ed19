package dev.apigeegke.provider.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The management API calls the provider makes, for both flavors. Paths are relative to
 * {@code /organizations/{org}}, e.g. {@code /apiproducts/shop-product}. Transient failures (429, 5xx,
 * I/O errors) are retried with exponential backoff; other failures throw {@link ApigeeException}.
 */
public final class ApigeeClient {
    private final ApigeeConfig config;

    public ApigeeClient(ApigeeConfig config) {
        this.config = config;
    }

    public ApigeeConfig config() {
        return config;
    }

    /** GET; empty on 404. */
    public Optional<JsonNode> get(String path) {
        throw new UnsupportedOperationException("client work in progress");
    }

    /** POST a JSON body; returns the response body. */
    public JsonNode post(String path, Object body) {
        throw new UnsupportedOperationException("client work in progress");
    }

    /** PUT a JSON body; returns the response body. */
    public JsonNode put(String path, Object body) {
        throw new UnsupportedOperationException("client work in progress");
    }

    /** DELETE; a 404 means it is already gone and is not an error. */
    public void delete(String path) {
        throw new UnsupportedOperationException("client work in progress");
    }

    /** Imports a bundle as a new revision of proxy {@code name} (multipart, form field {@code file}); returns the revision. */
    public int importProxy(String name, byte[] zip) {
        throw new UnsupportedOperationException("client work in progress");
    }

    /** Deploys {@code revision} to {@code env} with override, and waits until it is ready, failed, or the timeout passes. */
    public void deploy(String env, String proxy, int revision) {
        throw new UnsupportedOperationException("client work in progress");
    }

    /** Undeploys {@code revision} from {@code env}; not deployed is not an error. */
    public void undeploy(String env, String proxy, int revision) {
        throw new UnsupportedOperationException("client work in progress");
    }

    /** The revision of {@code proxy} deployed in {@code env}, if any. */
    public Optional<Integer> deployedRevision(String env, String proxy) {
        throw new UnsupportedOperationException("client work in progress");
    }
}
