package dev.apigeegke.microgateway;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a Deployment's pod spec to carry the sidecar, and a Service to target it. Every field of the generated
 * args is an Output: each level is rebuilt with its copy-builder inside {@code applyValue}, so fields we do not
 * touch keep their values, unknowns and secretness.
 */
final class SidecarPod {
    private final ContainerArgs sidecar;
    private final List<ContainerArgs> initContainers;
    private final int gracePeriodSeconds;

    SidecarPod(MicrogatewaySidecarArgs args, String secretName, Output<String> yaml) {
        this.sidecar = sidecar(args, secretName, yaml);
        this.gracePeriodSeconds = args.terminationGracePeriodSeconds();
        this.initContainers = args.iptablesRedirect() ? List.of(proxyInit(args.proxyInitImage())) : List.of();
    }

    DeploymentArgs inject(DeploymentArgs deployment) {
        if (deployment.spec().isEmpty()) {
            return deployment;
        }
        return DeploymentArgs.builder(deployment)
                .spec(deployment.spec().get().applyValue(spec -> DeploymentSpecArgs.builder(spec)
                        .template(spec.template().applyValue(this::inject))
                        .build()))
                .build();
    }

    private PodTemplateSpecArgs inject(PodTemplateSpecArgs template) {
        return template.spec().isEmpty() ? template : PodTemplateSpecArgs.builder(template)
                .spec(template.spec().get().apply(this::inject))
                .build();
    }

    private Output<PodSpecArgs> inject(PodSpecArgs pod) {
        // Container names are Outputs too: decide once they are known, and return a pod that has the sidecar as it was.
        return pod.containers()
                .apply(containers -> Output.all(containers.stream().map(ContainerArgs::name).toList()))
                .applyValue(names -> names.contains(MicrogatewaySidecarDefaults.CONTAINER) ? pod : withSidecar(pod));
    }

    private PodSpecArgs withSidecar(PodSpecArgs pod) {
        var result = PodSpecArgs.builder(pod)
                // Long enough for the sidecar's preStop wait and stop delay; a longer period the pod asks for is kept.
                .terminationGracePeriodSeconds(pod.terminationGracePeriodSeconds().orElse(Output.of(0))
                        .applyValue(own -> Math.max(own == null ? 0 : own, gracePeriodSeconds)))
                .containers(pod.containers().applyValue(containers -> appended(containers, List.of(sidecar))))
                .volumes(pod.volumes().orElse(Output.of(List.of()))
                        .applyValue(volumes -> appended(volumes, GatewayContainer.volumes(MicrogatewaySidecarDefaults.VOLUME_PREFIX))));
        if (!initContainers.isEmpty()) {
            result.initContainers(pod.initContainers().orElse(Output.of(List.of()))
                    .applyValue(existing -> appended(existing, initContainers)));
        }
        return result.build();
    }

    static ServiceArgs retarget(ServiceArgs service) {
        if (service.spec().isEmpty()) {
            return service;
        }
        return ServiceArgs.builder(service)
                .spec(service.spec().get().applyValue(spec -> spec.ports().isEmpty() ? spec : ServiceSpecArgs.builder(spec)
                        .ports(spec.ports().get().applyValue(ports -> ports.stream()
                                .map(port -> ServicePortArgs.builder(port).targetPort(MicrogatewaySidecarDefaults.PORT).build())
                                .toList()))
                        .build()))
                .build();
    }

    private static <T> List<T> appended(List<T> existing, List<T> more) {
        var all = new ArrayList<T>(existing == null ? List.of() : existing);
        all.addAll(more);
        return all;
    }

    private static ContainerArgs sidecar(MicrogatewaySidecarArgs args, String secretName, Output<String> yaml) {
        var env = new ArrayList<>(GatewayContainer.env(secretName));
        env.add(GatewayContainer.plain("EDGEMICRO_LOCAL_PROXY", "1"));
        env.add(GatewayContainer.plain("EDGEMICRO_DECORATOR", "1"));
        env.add(GatewayContainer.plain("CONTAINER_PORT", Integer.toString(args.appPort())));
        env.add(GatewayContainer.plain("EDGEMICRO_PROCESSES", "1"));
        env.add(GatewayContainer.plain("EDGEMICRO_STOP_DELAY", Integer.toString(args.stopDelaySeconds())));
        env.addAll(GatewayContainer.podIdentity());
        // The Secret does not restart pods when it changes; a new checksum in the container rolls them. An env var
        // rather than a pod annotation, so injection touches nothing of the pod but what it adds.
        env.add(EnvVarArgs.builder().name("APIGEE_GKE_CONFIG_SHA256").value(yaml.applyValue(GatewayContainer::sha256)).build());
        // Seccomp on the container: the app's pod-level security context is the app's, and may not set it.
        return GatewayContainer.container(new GatewayContainer.Shape(MicrogatewaySidecarDefaults.CONTAINER, "mgw-http", env,
                args.image(), args.requests(), args.limits(), true, MicrogatewaySidecarDefaults.VOLUME_PREFIX, args.preStopSeconds()));
    }

    /**
     * The old injector's init container: root with NET_ADMIN and NET_RAW (what iptables needs), so a non-root pod-level runAsUser cannot make iptables
     * fail silently (which left the app reachable without a key). Traffic of the gateway's own uid is not redirected.
     */
    private static ContainerArgs proxyInit(String image) {
        return ContainerArgs.builder()
                .name(MicrogatewaySidecarDefaults.INIT_CONTAINER)
                .image(image)
                .imagePullPolicy("IfNotPresent")
                .args("-p", Integer.toString(MicrogatewaySidecarDefaults.PORT), "-u", Integer.toString(GatewayImage.USER))
                .securityContext(SecurityContextArgs.builder()
                        .runAsUser(0)
                        .runAsNonRoot(false)
                        .allowPrivilegeEscalation(false)
                        .privileged(false)
                        .readOnlyRootFilesystem(true)
                        .capabilities(CapabilitiesArgs.builder().drop("ALL").add("NET_ADMIN", "NET_RAW").build())
                        .build())
                .build();
    }
}
