package dev.apigeegke.microgateway;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.TopologySpreadConstraintArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import java.util.ArrayList;
import java.util.Map;

/**
 * The pod of {@link MicrogatewayService}: the hardened gateway container reading its Secret, the pod's security
 * context, its spread over nodes and zones, and the config checksum that rolls the pods when the config changes.
 */
final class GatewayPodTemplate {
    private GatewayPodTemplate() {
    }

    /** The pod template of the gateway {@code name}, whose pods carry {@code selector}. */
    static PodTemplateSpecArgs of(String name, MicrogatewayServiceArgs args, Map<String, String> selector, String secretName,
                                  Output<String> yaml) {
        var env = new ArrayList<>(GatewayContainer.env(secretName));
        env.add(GatewayContainer.plain("EDGEMICRO_PROCESSES", Integer.toString(args.processes())));
        env.add(GatewayContainer.plain("EDGEMICRO_STOP_DELAY", Integer.toString(args.stopDelaySeconds())));
        env.addAll(GatewayContainer.podIdentity());

        var container = GatewayContainer.container(new GatewayContainer.Shape(MicrogatewayService.APP, "http", env, args.image(),
                args.requests(), args.limits(), false, "", args.preStopSeconds()));
        return PodTemplateSpecArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .labels(selector)
                        // The Secret does not restart pods when it changes; a new config checksum rolls them.
                        .annotations(GatewayContainer.mapOf(Map.of("apigee-gke/config-sha256", yaml.applyValue(GatewayContainer::sha256))))
                        .build())
                .spec(PodSpecArgs.builder()
                        .serviceAccountName(name)
                        .automountServiceAccountToken(false)
                        .terminationGracePeriodSeconds(args.terminationGracePeriodSeconds())
                        .securityContext(PodSecurityContextArgs.builder()
                                .runAsNonRoot(true)
                                .runAsUser(MicrogatewayServiceDefaults.USER)
                                .runAsGroup(MicrogatewayServiceDefaults.USER)
                                .fsGroup(MicrogatewayServiceDefaults.USER)
                                .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build())
                                .build())
                        .topologySpreadConstraints(
                                spread(selector, "kubernetes.io/hostname", "DoNotSchedule"),
                                spread(selector, "topology.kubernetes.io/zone", "ScheduleAnyway"))
                        .containers(container)
                        .volumes(GatewayContainer.volumes(""))
                        .build())
                .build();
    }

    private static TopologySpreadConstraintArgs spread(Map<String, String> selector, String topologyKey, String whenUnsatisfiable) {
        return TopologySpreadConstraintArgs.builder()
                .maxSkew(1)
                .topologyKey(topologyKey)
                .whenUnsatisfiable(whenUnsatisfiable)
                .labelSelector(LabelSelectorArgs.builder().matchLabels(selector).build())
                .build();
    }

}
