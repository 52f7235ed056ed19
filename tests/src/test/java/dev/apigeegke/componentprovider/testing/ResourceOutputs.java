package dev.apigeegke.componentprovider.testing;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.TypeTokens;
import dev.apigeegke.testing.ComponentClasses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outputs a custom resource type declares, found from its type token through the Java class that registers it:
 * what an engine answering from the wire (no class in hand) needs to make every output a preview cannot know unknown.
 * A token no class of the pinned SDKs or of the components declares is an error, so that a new type cannot silently
 * get known, empty outputs.
 */
public final class ResourceOutputs {
    private static final Map<String, Set<String>> CACHE = new ConcurrentHashMap<>();
    private static volatile Map<String, Class<?>> ownTypes;

    private ResourceOutputs() {
    }

    /** The output names of the custom resource type {@code token}; none for a provider resource. */
    public static Set<String> of(String token) {
        if (token.startsWith(TypeTokens.PROVIDER_PREFIX)) {
            return Set.of();
        }
        return CACHE.computeIfAbsent(token, t -> OfflineEngine.outputNames(classOf(t)));
    }

    private static Class<?> classOf(String token) {
        for (String candidate : candidates(token)) {
            try {
                var type = Class.forName(candidate, false, ResourceOutputs.class.getClassLoader());
                var annotation = type.getAnnotation(ResourceType.class);
                if (annotation != null && annotation.type().equals(token)) {
                    return type;
                }
            } catch (ClassNotFoundException e) {
                // Not this candidate: the next one, or the components' own classes.
            }
        }
        var own = own().get(token);
        if (own == null) {
            throw new IllegalArgumentException("no resource class declares type " + token + " (tried " + candidates(token)
                    + " and the components' own resource classes)");
        }
        return own;
    }

    /**
     * Where the pinned provider SDKs put the class of {@code token}: {@code gcp:container/cluster:Cluster} in
     * {@code com.pulumi.gcp.container}, {@code kubernetes:networking.k8s.io/v1:Ingress} in
     * {@code com.pulumi.kubernetes.networking.v1}.
     */
    private static List<String> candidates(String token) {
        String[] parts = token.split(":");
        var names = new ArrayList<String>();
        if (parts.length != 3) {
            return names;
        }
        String[] module = parts[1].split("/");
        if (parts[0].equals("gcp")) {
            names.add("com.pulumi.gcp." + module[0] + "." + parts[2]);
        } else if (parts[0].equals("kubernetes") && module.length == 2) {
            names.add("com.pulumi.kubernetes." + module[0].split("\\.")[0] + "." + module[1] + "." + parts[2]);
        }
        return names;
    }

    private static Map<String, Class<?>> own() {
        if (ownTypes == null) {
            var byToken = new TreeMap<String, Class<?>>();
            for (var type : ComponentClasses.concrete(CustomResource.class)) {
                var annotation = type.getAnnotation(ResourceType.class);
                if (annotation != null) {
                    byToken.put(annotation.type(), type);
                }
            }
            ownTypes = byToken;
        }
        return ownTypes;
    }
}
