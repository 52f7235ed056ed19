package dev.apigeegke.provider.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Edge Microgateway keys and secrets Apigee's hosted microgateway service knows, per environment: what
 * {@code edgemicro configure} registers, and what the bootstrap, the analytics upload and edgemicro-auth's
 * {@code Authenticate-Call} (the service's {@code /edgemicro/authenticate}) check on every call. They are kept apart
 * from the organization's apps and key value maps, as on Apigee, where there is no call that reads them back.
 */
final class GatewayCredentials {
    /** Environment → key → secret. */
    private final Map<String, Map<String, String>> byEnvironment = new LinkedHashMap<>();

    void register(String env, String key, String secret) {
        byEnvironment.computeIfAbsent(env, e -> new LinkedHashMap<>()).put(key, secret);
    }

    /** Whether an {@code Authorization} header is Basic with a key and secret registered for {@code env}. */
    boolean accept(String env, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String secret = byEnvironment.getOrDefault(env, Map.of()).get(pair.substring(0, colon));
        return secret != null && secret.equals(pair.substring(colon + 1));
    }
}
