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

    private TypeTokens() {
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
