package dev.apigeegke.preview;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.resources.CustomResource;

/**
 * Type tokens ({@code package:module:Type}) read from the resource classes themselves, so that code reading a plan
 * names a type once, where the provider SDK (or this repository's typed resource) declares it. Components have no
 * annotation: use their {@code TYPE} constant.
 */
public final class TypeTokens {
    /** The package of every Kubernetes resource type ({@code kubernetes:apps/v1:Deployment}). */
    public static final String KUBERNETES = packageOf(of(Deployment.class));

    /**
     * What the type of every provider resource starts with, followed by its package: read from the SDK's
     * {@code ProviderResource}, which builds the type so (the constant is private there).
     */
    public static final String PROVIDER_PREFIX = providerPrefix();

    private TypeTokens() {
    }

    private static String providerPrefix() {
        try {
            var field = com.pulumi.resources.ProviderResource.class.getDeclaredField("ProviderResourceTypePrefix");
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("the Pulumi SDK's ProviderResource no longer names its type prefix", e);
        }
    }

    /** The type token a custom resource class registers with, from its {@code @ResourceType}. */
    public static String of(Class<? extends CustomResource> type) {
        var annotation = type.getAnnotation(ResourceType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(type.getName() + " declares no @ResourceType");
        }
        return annotation.type();
    }

    /** The package part of {@code token}: {@code gcp} of {@code gcp:compute/securityPolicy:SecurityPolicy}. */
    public static String packageOf(String token) {
        int colon = token.indexOf(':');
        return colon < 0 ? token : token.substring(0, colon);
    }
}
