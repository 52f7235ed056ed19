package dev.apigeegke.workload;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentStrategyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.RollingUpdateDeploymentArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.kubernetes.ServiceAwait;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * A microservice's Deployment with secure defaults: non-root, read-only root filesystem (a writable
 * {@code /tmp}), no privilege escalation, all capabilities dropped, RuntimeDefault seccomp, no
 * service-account token, probes, requests and limits, and rolling updates that keep every replica serving.
 * Put it behind an {@link dev.apigeegke.ingress.ArmoredIngress} with {@link #selector()} and {@link #port()}.
 *
 * <p>Children: {@code <name>} (Deployment, named {@code <name>} in Kubernetes, or
 * {@link MicroserviceArgs#kubernetesName()}) and, with {@code clusterService(true)}, {@code <name>} (ClusterIP Service
 * on port 80, named as the Deployment).
 *
 * <p>The Deployment waits for the component's {@code dependsOn} (the Java SDK gives a component's {@code dependsOn}
 * to none of its children): pass {@link dev.apigeegke.cluster.GkeCluster#onNodes()} so its pods are not created
 * before the cluster has nodes. The Service does not wait: it needs no nodes.
 */
public final class Microservice extends ComponentResource {
    /** The type token; it never changes. */
    public static final String TYPE = "apigee-gke:index:Microservice";

    @Export(name = "name", refs = String.class)
    private final Output<String> name;

    /** The Deployment's name in Kubernetes, which the ClusterIP Service (with {@code clusterService(true)}) shares. */
    public Output<String> name() {
        return this.name;
    }

    /** The same name as a plain value: the selector and the in-cluster URL are known before anything is deployed. */
    private final String kubernetesName;
    private final MicroserviceArgs args;
    private final Deployment deployment;
    private final @Nullable Service service;

    /** Creates the Deployment with the default providers. */
    public Microservice(String name, MicroserviceArgs args) {
        this(name, args, null);
    }

    /** Creates the Deployment; pass the Kubernetes provider in {@code options}. */
    public Microservice(String name, MicroserviceArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, checked(name, args), options);
        this.kubernetesName = args.kubernetesName().orElse(name);
        this.name = Output.of(kubernetesName);
        this.args = args;
        var labels = new java.util.TreeMap<String, String>(args.labels());
        labels.putAll(selector());
        var container = ContainerArgs.builder()
                .name(kubernetesName)
                .image(args.image())
                .ports(ContainerPortArgs.builder().name("http").containerPort(args.port()).protocol("TCP").build())
                .env(args.env().entrySet().stream()
                        .map(e -> EnvVarArgs.builder().name(e.getKey()).value(e.getValue()).build()).toList())
                .readinessProbe(probe(args, 5, 3))
                .livenessProbe(probe(args, 15, 3))
                .resources(ResourceRequirementsArgs.builder().requests(args.requests()).limits(args.limits()).build())
                .securityContext(SecurityContextArgs.builder()
                        .runAsNonRoot(true)
                        .runAsUser(Math.toIntExact(args.runAsUser()))
                        .allowPrivilegeEscalation(false)
                        .readOnlyRootFilesystem(true)
                        .privileged(false)
                        .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                        .build())
                .volumeMounts(VolumeMountArgs.builder().name("tmp").mountPath("/tmp").build());
        if (!args.args().isEmpty()) {
            container.args(args.args());
        }
        if (args.preStopSeconds() > 0) {
            container.lifecycle(PreStop.sleep(args.preStopSeconds()));
        }
        this.deployment = new Deployment(name, DeploymentArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(kubernetesName).namespace(args.namespace()).labels(labels).build())
                .spec(DeploymentSpecArgs.builder()
                        .replicas(args.replicas())
                        // The selector stays the name alone: it is immutable, extra labels may change.
                        .selector(LabelSelectorArgs.builder().matchLabels(selector()).build())
                        .strategy(DeploymentStrategyArgs.builder()
                                .type("RollingUpdate")
                                .rollingUpdate(RollingUpdateDeploymentArgs.builder().maxSurge(1).maxUnavailable(0).build())
                                .build())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(labels).build())
                                .spec(PodSpecArgs.builder()
                                        .automountServiceAccountToken(false)
                                        .terminationGracePeriodSeconds(args.terminationGracePeriodSeconds())
                                        .securityContext(PodSecurityContextArgs.builder()
                                                .runAsNonRoot(true)
                                                .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build())
                                                .build())
                                        .containers(container.build())
                                        .volumes(VolumeArgs.builder().name("tmp")
                                                .emptyDir(EmptyDirVolumeSourceArgs.builder().sizeLimit("64Mi").build()).build())
                                        .build())
                                .build())
                        .build())
                .build(), deploymentOptions(options));
        if (args.clusterService()) {
            this.service = new Service(name, ServiceArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name(kubernetesName).namespace(args.namespace()).labels(labels)
                            .annotations(ServiceAwait.SKIP).build())
                    .spec(ServiceSpecArgs.builder()
                            .type("ClusterIP")
                            .selector(selector())
                            .ports(ServicePortArgs.builder().name("http").protocol("TCP")
                                    .port(MicroserviceDefaults.SERVICE_PORT).targetPort(args.port()).build())
                            .build())
                    .build(), CustomResourceOptions.builder().parent(this).build());
        } else {
            this.service = null;
        }
        registerOutputs(Map.of("name", this.name));
    }

    /** The labels that select this microservice's pods. */
    public Map<String, String> selector() {
        return selectorFor(kubernetesName);
    }

    /** The labels that select the pods of the microservice named {@code name}, known before it is created. */
    public static Map<String, String> selectorFor(String name) {
        return Map.of("app.kubernetes.io/name", name);
    }

    /** The container's HTTP port. */
    public int port() {
        return args.port();
    }

    /** The probes' path, which also serves the load balancer's health check. */
    public String healthPath() {
        return args.healthPath();
    }

    /** The in-cluster URL of the ClusterIP Service, e.g. {@code http://orders.default.svc.cluster.local}. */
    public String clusterUrl() {
        return "http://" + kubernetesName + "." + args.namespace() + ".svc.cluster.local";
    }

    /** The ClusterIP Service, when {@code clusterService(true)}. */
    public java.util.Optional<Service> service() {
        return java.util.Optional.ofNullable(service);
    }

    /** The Deployment. */
    public Deployment deployment() {
        return deployment;
    }

    private static ProbeArgs probe(MicroserviceArgs args, int periodSeconds, int failureThreshold) {
        return ProbeArgs.builder()
                .httpGet(HTTPGetActionArgs.builder().path(args.healthPath()).port(args.port()).build())
                .periodSeconds(periodSeconds)
                .failureThreshold(failureThreshold)
                .timeoutSeconds(2)
                .build();
    }

    /** The Deployment's options: a child of this, after the component's {@code dependsOn}. */
    private CustomResourceOptions deploymentOptions(@Nullable ComponentResourceOptions options) {
        var builder = CustomResourceOptions.builder().parent(this);
        if (options != null) {
            builder.dependsOn(options.getDependsOn());
        }
        return builder.build();
    }

    private static String checked(String name, MicroserviceArgs args) {
        var problems = new Problems("Microservice");
        Names.checkLabel(problems, "name", name, 0);
        problems.check(args != null, "args", null, "pass MicroserviceArgs.builder().image(...).port(...).build()");
        problems.throwIfAny();
        return name;
    }
}
