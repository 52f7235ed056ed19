package dev.apigeegke.provider.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The resource types the provider serves, by type token. */
public final class Handlers {
    private static final Map<String, ResourceHandler> BY_TOKEN = new LinkedHashMap<>();

    static {
        for (var h : List.of(new ApiProxyHandler(), new TargetServerHandler(), new ApiProductHandler(),
                new DeveloperHandler(), new DeveloperAppHandler())) {
            BY_TOKEN.put(h.token(), h);
        }
    }

    private Handlers() {
    }

    /** The handler of {@code token}, if the provider serves that type. */
    public static Optional<ResourceHandler> forToken(String token) {
        return Optional.ofNullable(BY_TOKEN.get(token));
    }

    /** Every type token served. */
    public static List<String> tokens() {
        return List.copyOf(BY_TOKEN.keySet());
    }
}
