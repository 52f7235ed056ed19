package dev.apigeegke.internal.kubernetes;

import java.util.Map;

/**
 * The annotation that tells the Kubernetes provider not to await a Service. The provider (pulumi-kubernetes 4.0.0,
 * the plugin version the SDK asks for: {@code provider/pkg/await/service.go}) ends a Service's step only once its
 * Endpoints target a ready pod, and fails it after 10 minutes. The workloads wait for the node pool and the Services
 * do not (so the Ingress and its load balancer are provisioned while the pool is created): awaited, a Service would
 * spend the pool's creation and its pods' rollout in that 10-minute budget. The Deployment's own await already
 * checks that its pods are ready; the Service's selector is checked against the pods' labels by the tests.
 */
public final class ServiceAwait {
    /** {@code pulumi.com/skipAwait: "true"} ({@code provider/pkg/metadata/annotations.go}). */
    public static final Map<String, String> SKIP = Map.of("pulumi.com/skipAwait", "true");

    private ServiceAwait() {
    }
}
