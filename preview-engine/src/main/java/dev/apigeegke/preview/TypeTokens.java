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

    /** The type of the stack resource, the root of every resource tree. */
    public static final String ROOT_STACK = com.pulumi.resources.internal.Stack.RootPulumiStackTypeName;

    private TypeTokens() {
    }

    /**
     * {@code urn} as the engine names it: the engine leaves the stack's type out of the type chain of a resource the
     * stack is the parent of ({@code urn.New} in Pulumi's {@code sdk/go/common/resource/urn}); the SDK's test monitor
     * keeps it ({@code ...::pulumi:pulumi:Stack$gcp:...}).
     */
    public static String engineUrn(String urn) {
        String[] parts = urn.split("::", 4);
        String stackPrefix = ROOT_STACK + "$";
        if (parts.length == 4 && parts[2].startsWith(stackPrefix)) {
            return parts[0] + "::" + parts[1] + "::" + parts[2].substring(stackPrefix.length()) + "::" + parts[3];
        }
        return urn;
    }

    /**
     * The type chain of a resource of {@code type} under {@code parentUrn} (null for none), as the engine writes it in
     * the URN: the parent's chain, {@code $}, the type; the stack's own type left out.
     */
    public static String qualifiedType(String parentUrn, String type) {
        if (parentUrn == null) {
            return type;
        }
        String parentChain = parentUrn.split("::", 4)[2];
        return parentChain.equals(ROOT_STACK) ? type : parentChain + "$" + type;
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
