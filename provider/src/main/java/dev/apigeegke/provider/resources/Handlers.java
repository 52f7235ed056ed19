package dev.apigeegke.provider.resources;

import dev.apigeegke.provider.schema.ProviderSchema;
import dev.apigeegke.provider.schema.ResourceSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The resource types the provider serves, by type token: one handler for each resource of the package schema. */
public final class Handlers {
    private static final Map<String, ResourceHandler> BY_TOKEN = new LinkedHashMap<>();

    static {
        for (var h : List.of(new ApiProxyHandler(), new TargetServerHandler(), new ApiProductHandler(),
                new DeveloperHandler(), new DeveloperAppHandler(), new KeyValueMapHandler(), new RsaKeyPairHandler(),
                new MicrogatewayCredentialHandler())) {
            BY_TOKEN.put(h.token(), h);
            if (!h.inputs().containsAll(h.inputsNotDiffed())) {
                throw new IllegalStateException(h.token() + " leaves " + h.inputsNotDiffed()
                        + " out of Diff, but its inputs in schema.json are " + h.inputs());
            }
        }
        var described = ProviderSchema.get().resources().stream().map(ResourceSchema::token).toList();
        if (!described.equals(List.copyOf(BY_TOKEN.keySet()))) {
            throw new IllegalStateException("schema.json describes " + described + " but the provider serves "
                    + BY_TOKEN.keySet());
        }
    }

    private Handlers() {
    }

    /** The handler of {@code token}, if the provider serves that type. */
    public static Optional<ResourceHandler> forToken(String token) {
        return Optional.ofNullable(BY_TOKEN.get(token));
    }

    /** Every type token served, in schema order. */
    public static List<String> tokens() {
        return List.copyOf(BY_TOKEN.keySet());
    }
}
