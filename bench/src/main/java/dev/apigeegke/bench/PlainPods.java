package dev.apigeegke.bench;

import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentStrategyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.RollingUpdateDeploymentArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ExecActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.LifecycleArgs;
import com.pulumi.kubernetes.core.v1.inputs.LifecycleHandlerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ObjectFieldSelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretKeySelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes pieces the plain programs' workloads share, declared directly: the labels and metadata of
 * the objects they manage, the hardened microservice container (non-root, read-only root filesystem with a
 * writable {@code /tmp}, probes, limits) and its Deployment, and the small builders of probes, volumes and
 * environment variables.
 */
final class PlainPods {
    /** The namespace of the microservices. */
    static final String NAMESPACE = "default";
    /** The label naming a microservice's pods. */
    static final String NAME_LABEL = "app.kubernetes.io/name";
    /** The label on every object the programs manage. */
    static final Map<String, String> MANAGED_BY = Map.of("app.kubernetes.io/managed-by", "apigee-gke");
    /** The port a microservice's container listens on. */
    static final int APP_PORT = 8080;
    /** The requests of a microservice's container. */
    static final Map<String, String> REQUESTS = Map.of("cpu", "100m", "memory", "128Mi");
    /** The limits of a microservice's container. */
    static final Map<String, String> LIMITS = Map.of("cpu", "500m", "memory", "256Mi");

    /** How long a microservice keeps serving once its pod starts to stop: the Ingress's draining timeout. */
    static final int PRE_STOP_SECONDS = 30;
    /** The microservice's own shutdown after SIGTERM, added to its wait for the grace period. */
    static final int SHUTDOWN_SECONDS = 10;

    private static final int APP_USER = 65532;
    private static final int REPLICAS = 2;

    private PlainPods() {
    }

    /** The metadata of an object the programs manage: its name, namespace and the managed-by label. */
    static ObjectMetaArgs managedMeta(String name, String namespace) {
        return ObjectMetaArgs.builder().name(name).namespace(namespace).labels(MANAGED_BY).build();
    }

    /** The selector labels of microservice {@code name}. */
    static Map<String, String> selector(String name) {
        return Map.of(NAME_LABEL, name);
    }

    static LabelSelectorArgs matchLabels(Map<String, String> labels) {
        return LabelSelectorArgs.builder().matchLabels(labels).build();
    }

    /** The Deployment of microservice {@code name}: its hardened container alone in the pod. */
    static Deployment appDeployment(String name, String image, CustomResourceOptions options) {
        var labels = selector(name);
        return deployment(name, labels, labels, List.of(appContainer(name, image, PRE_STOP_SECONDS)), List.of(emptyDir("tmp", "64Mi")),
                PRE_STOP_SECONDS + SHUTDOWN_SECONDS, options);
    }

    /**
     * A Deployment of two replicas in the microservices' namespace, rolled one pod at a time; its pods run as
     * non-root with the runtime's default seccomp profile and no service account token.
     *
     * @param labels   the labels of the Deployment and its pods
     * @param selector the labels selecting its pods
     * @param gracePeriodSeconds the pods' termination grace period
     */
    static Deployment deployment(String name, Map<String, String> labels, Map<String, String> selector,
                                 List<ContainerArgs> containers, List<VolumeArgs> volumes, int gracePeriodSeconds,
                                 CustomResourceOptions options) {
        return new Deployment(name, DeploymentArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).namespace(NAMESPACE).labels(labels).build())
                .spec(DeploymentSpecArgs.builder()
                        .replicas(REPLICAS)
                        .selector(matchLabels(selector))
                        .strategy(rollingUpdate())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(labels).build())
                                .spec(PodSpecArgs.builder()
                                        .automountServiceAccountToken(false)
                                        .terminationGracePeriodSeconds(gracePeriodSeconds)
                                        .securityContext(PodSecurityContextArgs.builder()
                                                .runAsNonRoot(true)
                                                .seccompProfile(runtimeDefault())
                                                .build())
                                        .containers(containers)
                                        .volumes(volumes)
                                        .build())
                                .build())
                        .build())
                .build(), options);
    }

    /**
     * A microservice's container: HTTP on {@link #APP_PORT}, probed at {@code /}, writing only to {@code /tmp},
     * serving {@code preStopSeconds} more once its pod starts to stop.
     */
    static ContainerArgs appContainer(String name, String image, int preStopSeconds) {
        return ContainerArgs.builder()
                .name(name)
                .image(image)
                .ports(ContainerPortArgs.builder().name("http").containerPort(APP_PORT).protocol("TCP").build())
                .env(List.of())
                .readinessProbe(probe("/", APP_PORT, 5, 3))
                .livenessProbe(probe("/", APP_PORT, 15, 3))
                .resources(ResourceRequirementsArgs.builder().requests(REQUESTS).limits(LIMITS).build())
                .securityContext(restricted(APP_USER).build())
                .volumeMounts(VolumeMountArgs.builder().name("tmp").mountPath("/tmp").build())
                .lifecycle(sleepBeforeStop(preStopSeconds))
                .build();
    }

    /** A preStop hook running {@code sleep seconds}. */
    static LifecycleArgs sleepBeforeStop(int seconds) {
        return LifecycleArgs.builder()
                .preStop(LifecycleHandlerArgs.builder()
                        .exec(ExecActionArgs.builder().command("sleep", Integer.toString(seconds)).build())
                        .build())
                .build();
    }

    /** A container security context: non-root as {@code user}, no privileges or capabilities, read-only root. */
    static SecurityContextArgs.Builder restricted(int user) {
        return SecurityContextArgs.builder()
                .runAsNonRoot(true)
                .runAsUser(user)
                .allowPrivilegeEscalation(false)
                .readOnlyRootFilesystem(true)
                .privileged(false)
                .capabilities(CapabilitiesArgs.builder().drop("ALL").build());
    }

    /** Surge one pod, never fewer than the replicas. */
    static DeploymentStrategyArgs rollingUpdate() {
        return DeploymentStrategyArgs.builder()
                .type("RollingUpdate")
                .rollingUpdate(RollingUpdateDeploymentArgs.builder().maxSurge(1).maxUnavailable(0).build())
                .build();
    }

    static SeccompProfileArgs runtimeDefault() {
        return SeccompProfileArgs.builder().type("RuntimeDefault").build();
    }

    /** An HTTP GET probe with a 2-second timeout. */
    static ProbeArgs probe(String path, int port, int periodSeconds, int failureThreshold) {
        return ProbeArgs.builder()
                .httpGet(HTTPGetActionArgs.builder().path(path).port(port).build())
                .periodSeconds(periodSeconds)
                .failureThreshold(failureThreshold)
                .timeoutSeconds(2)
                .build();
    }

    static VolumeArgs emptyDir(String name, String sizeLimit) {
        return VolumeArgs.builder().name(name).emptyDir(EmptyDirVolumeSourceArgs.builder().sizeLimit(sizeLimit).build()).build();
    }

    static EnvVarArgs plainEnv(String name, String value) {
        return EnvVarArgs.builder().name(name).value(value).build();
    }

    static EnvVarArgs fieldEnv(String name, String fieldPath) {
        return EnvVarArgs.builder().name(name).valueFrom(EnvVarSourceArgs.builder()
                .fieldRef(ObjectFieldSelectorArgs.builder().fieldPath(fieldPath).build()).build()).build();
    }

    static EnvVarArgs secretEnv(String name, String secret, String key) {
        return EnvVarArgs.builder().name(name).valueFrom(EnvVarSourceArgs.builder()
                .secretKeyRef(SecretKeySelectorArgs.builder().name(secret).key(key).build()).build()).build();
    }
}
