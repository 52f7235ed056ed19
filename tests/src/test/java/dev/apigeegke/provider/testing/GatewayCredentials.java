package dev.apigeegke.provider.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Edge Microgateway keys and secrets Apigee's hosted microgateway service knows: what {@code edgemicro configure}
 * (or the provider's {@code MicrogatewayCredential}) registers for an environment, and what the bootstrap, the
 * analytics upload and edgemicro-auth's {@code Authenticate-Call} (the service's {@code /edgemicro/authenticate})
 * check on every call. They are kept apart from the organization's apps and key value maps, as on Apigee, where there
 * is no call that reads them back.
 */
final class GatewayCredentials {
    /** Key → registered key, in registration order. */
    private final Map<String, MicrogatewayKey> byKey = new LinkedHashMap<>();

    void register(String env, String key, String secret) {
        byKey.put(key, new MicrogatewayKey(env, key, secret));
    }

    boolean contains(String key) {
        return byKey.containsKey(key);
    }

    /** Revokes {@code key} of {@code env}; false when no such key is registered for it. */
    boolean revoke(String env, String key) {
        var found = byKey.get(key);
        if (found == null || !found.environment().equals(env)) {
            return false;
        }
        byKey.remove(key);
        return true;
    }

    /** The keys registered and not revoked, oldest first. */
    List<MicrogatewayKey> all() {
        return List.copyOf(byKey.values());
    }

    /** Whether an {@code Authorization} header is Basic with a key and secret registered for {@code env}. */
    boolean accept(String env, String authorization) {
        return byKey.values().stream().anyMatch(k -> k.environment().equals(env) && k.accepts(authorization));
    }
}
