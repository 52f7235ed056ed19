package dev.apigeegke.bench;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.Address;
import com.pulumi.gcp.compute.AddressArgs;
import com.pulumi.gcp.compute.GlobalAddress;
import com.pulumi.gcp.compute.GlobalAddressArgs;
import com.pulumi.gcp.compute.SecurityPolicy;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.Ingress;
import com.pulumi.kubernetes.networking.v1.IngressArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IPBlockArgs;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressPathArgs;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressRuleValueArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressServiceBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressSpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.ServiceBackendPortArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.apigeegke.crds.gke.BackendConfig;
import dev.apigeegke.crds.gke.BackendConfigArgs;
import dev.apigeegke.crds.gke.FrontendConfig;
import dev.apigeegke.crds.gke.FrontendConfigArgs;
import dev.apigeegke.crds.gke.ManagedCertificate;
import dev.apigeegke.crds.gke.ManagedCertificateArgs;
import dev.apigeegke.crds.gke.inputs.BackendConfigSpecArgs;
import dev.apigeegke.crds.gke.inputs.BackendConfigSpecConnectionDrainingArgs;
import dev.apigeegke.crds.gke.inputs.BackendConfigSpecHealthCheckArgs;
import dev.apigeegke.crds.gke.inputs.BackendConfigSpecLoggingArgs;
import dev.apigeegke.crds.gke.inputs.BackendConfigSpecSecurityPolicyArgs;
import dev.apigeegke.crds.gke.inputs.FrontendConfigSpecArgs;
import dev.apigeegke.crds.gke.inputs.FrontendConfigSpecRedirectToHttpsArgs;
import dev.apigeegke.crds.gke.inputs.ManagedCertificateSpecArgs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * The GKE Ingress pieces of the plain programs, declared directly: the static address, the BackendConfig
 * (health check, logging, Cloud Armor) and NEG Service of each backend, the managed certificate and HTTPS
 * redirect for domains, the Ingress object with its annotations, and the URL it serves.
 */
final class PlainIngress {
    /** The port of the NEG Services in front of the microservices. */
    static final int SERVICE_PORT = 80;
    /** Google's front ends and health checkers, which reach NEG-backed pods directly. */
    static final List<String> GOOGLE_LOAD_BALANCER_RANGES = List.of("35.191.0.0/16", "130.211.0.0/22");

    private static final String CERTIFICATE_ANNOTATION = "networking.gke.io/managed-certificates";
    private static final String FRONTEND_ANNOTATION = "networking.gke.io/v1beta1.FrontendConfig";

    private PlainIngress() {
    }

    /**
     * The Ingress's static address.
     *
     * @param name       the address's name
     * @param address    the IP address
     * @param annotation the Ingress annotation that names the address
     */
    record StaticIp(Output<String> name, Output<String> address, String annotation) {
    }

    /** A path of the Ingress and the Service it routes to. */
    record Route(String path, String service) {
    }

    /**
     * The managed certificate and the HTTPS redirect of an Ingress with domains.
     *
     * @param certificate the certificate for the domains
     * @param frontend    the FrontendConfig redirecting HTTP to HTTPS
     */
    record Https(ManagedCertificate certificate, FrontendConfig frontend) {
        /** The Ingress annotations naming both, as the objects report their names. */
        Map<String, Output<String>> annotations() {
            return httpsAnnotations(certificate.metadata().applyValue(m -> m.name().orElseThrow()),
                    frontend.metadata().applyValue(m -> m.name().orElseThrow()));
        }
    }

    /**
     * The address {@code <ingress>-ip}: a regional internal address shared by load balancers when
     * {@code internal}, else a global IPv4 address.
     */
    static StaticIp address(String ingress, String project, String region, boolean internal) {
        String name = ingress + "-ip";
        if (internal) {
            var ip = new Address(name, AddressArgs.builder()
                    .name(name)
                    .region(region)
                    .addressType("INTERNAL")
                    .purpose("SHARED_LOADBALANCER_VIP")
                    .project(project)
                    .build());
            return new StaticIp(ip.name(), ip.address(), "kubernetes.io/ingress.regional-static-ip-name");
        }
        var ip = new GlobalAddress(name, GlobalAddressArgs.builder()
                .name(name)
                .ipVersion("IPV4")
                .project(project)
                .build());
        return new StaticIp(ip.name(), ip.address(), "kubernetes.io/ingress.global-static-ip-name");
    }

    /**
     * The BackendConfig {@code name}: a 30-second timeout, 60 seconds of connection draining, an HTTP health
     * check of {@code healthPath} on {@code port}, full logging, and the Cloud Armor policy when there is one.
     */
    static BackendConfig backendConfig(String name, String namespace, String healthPath, int port,
                                       @Nullable SecurityPolicy policy, CustomResourceOptions options) {
        var spec = BackendConfigSpecArgs.builder()
                .timeoutSec(30)
                .connectionDraining(BackendConfigSpecConnectionDrainingArgs.builder().drainingTimeoutSec(30).build())
                .healthCheck(BackendConfigSpecHealthCheckArgs.builder()
                        .type("HTTP")
                        .requestPath(healthPath)
                        .port(port)
                        .checkIntervalSec(15)
                        .timeoutSec(5)
                        .healthyThreshold(1)
                        .unhealthyThreshold(2)
                        .build())
                .logging(BackendConfigSpecLoggingArgs.builder().enable(true).sampleRate(1.0).build());
        if (policy != null) {
            spec.securityPolicy(BackendConfigSpecSecurityPolicyArgs.builder().name(policy.name()).build());
        }
        return new BackendConfig(name, BackendConfigArgs.builder()
                .metadata(PlainPods.managedMeta(name, namespace))
                .spec(spec.build())
                .build(), options);
    }

    /**
     * A ClusterIP Service {@code name} for the Ingress: container-native load balancing (NEG) with the
     * BackendConfig {@code backendConfig}, {@code port} to the pods' {@code targetPort}.
     */
    static ServiceArgs negServiceArgs(String name, String namespace, Output<String> backendConfig,
                                      Map<String, String> selector, int port, int targetPort) {
        return ServiceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(name)
                        .namespace(namespace)
                        .labels(PlainPods.MANAGED_BY)
                        .annotations(backendConfig.applyValue(config -> Map.of(
                                "cloud.google.com/neg", "{\"ingress\":true}",
                                "cloud.google.com/backend-config", "{\"default\":\"" + config + "\"}",
                                // Created before the nodes: the Kubernetes provider must not await its endpoints.
                                "pulumi.com/skipAwait", "true")))
                        .build())
                .spec(ServiceSpecArgs.builder()
                        .type("ClusterIP")
                        .selector(selector)
                        .ports(ServicePortArgs.builder()
                                .name("http")
                                .protocol("TCP")
                                .port(port)
                                .targetPort(targetPort)
                                .build())
                        .build())
                .build();
    }

    /**
     * The backend of microservice {@code service} in the microservices' namespace: its BackendConfig
     * {@code <ingress>-<service>} checking {@code healthPath} on {@code targetPort}, the NetworkPolicy of the same
     * name admitting only the load balancer, and its NEG Service, named as the microservice, on {@link #SERVICE_PORT}.
     */
    static Service armoredService(String ingress, String service, String healthPath, int targetPort,
                                  @Nullable SecurityPolicy policy, CustomResourceOptions options) {
        String name = ingress + "-" + service;
        var backendConfig = backendConfig(name, PlainPods.NAMESPACE, healthPath, targetPort, policy, options);
        loadBalancerOnly(name, PlainPods.NAMESPACE, PlainPods.selector(service), targetPort, options);
        return new Service(name, negServiceArgs(service, PlainPods.NAMESPACE,
                backendConfig.metadata().applyValue(m -> m.name().orElseThrow()),
                PlainPods.selector(service), SERVICE_PORT, targetPort), options);
    }

    /**
     * The NetworkPolicy {@code name} admitting only Google's load-balancer ranges to the pods of {@code selector}
     * on {@code targetPort}.
     */
    static NetworkPolicy loadBalancerOnly(String name, String namespace, Map<String, String> selector, int targetPort,
                                          CustomResourceOptions options) {
        return new NetworkPolicy(name, NetworkPolicyArgs.builder()
                .metadata(PlainPods.managedMeta(name, namespace))
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(PlainPods.matchLabels(selector))
                        .policyTypes("Ingress")
                        .ingress(NetworkPolicyIngressRuleArgs.builder()
                                .from(fromLoadBalancers())
                                .ports(NetworkPolicyPortArgs.builder().protocol("TCP").port(targetPort).build())
                                .build())
                        .build())
                .build(), options);
    }

    /** One ipBlock peer per Google load-balancer range. */
    static List<NetworkPolicyPeerArgs> fromLoadBalancers() {
        return GOOGLE_LOAD_BALANCER_RANGES.stream()
                .map(range -> NetworkPolicyPeerArgs.builder().ipBlock(IPBlockArgs.builder().cidr(range).build()).build())
                .toList();
    }

    /** The managed certificate {@code <ingress>-cert} for {@code domains} and the redirect {@code <ingress>-frontend}. */
    static Https https(String ingress, String namespace, List<String> domains, CustomResourceOptions options) {
        var certificate = new ManagedCertificate(ingress + "-cert", ManagedCertificateArgs.builder()
                .metadata(PlainPods.managedMeta(ingress + "-cert", namespace))
                .spec(ManagedCertificateSpecArgs.builder().domains(domains).build())
                .build(), options);
        var frontend = new FrontendConfig(ingress + "-frontend", FrontendConfigArgs.builder()
                .metadata(PlainPods.managedMeta(ingress + "-frontend", namespace))
                .spec(FrontendConfigSpecArgs.builder()
                        .redirectToHttps(FrontendConfigSpecRedirectToHttpsArgs.builder()
                                .enabled(true).responseCodeName("MOVED_PERMANENTLY_DEFAULT").build())
                        .build())
                .build(), options);
        return new Https(certificate, frontend);
    }

    /** The Ingress annotations naming a managed certificate and a FrontendConfig. */
    static Map<String, Output<String>> httpsAnnotations(Output<String> certificate, Output<String> frontend) {
        var annotations = new LinkedHashMap<String, Output<String>>();
        annotations.put(CERTIFICATE_ANNOTATION, certificate);
        annotations.put(FRONTEND_ANNOTATION, frontend);
        return annotations;
    }

    /**
     * The Ingress's annotations once every value is known: its class ({@code gce-internal} when
     * {@code internal}, else {@code gce}), its static address, then {@code more}.
     */
    static Output<Map<String, String>> annotations(boolean internal, StaticIp ip, Map<String, Output<String>> more) {
        var annotations = new LinkedHashMap<String, Output<String>>();
        annotations.put("kubernetes.io/ingress.class", Output.of(internal ? "gce-internal" : "gce"));
        annotations.put(ip.annotation(), ip.name());
        annotations.putAll(more);
        var keys = List.copyOf(annotations.keySet());
        return Output.all(List.copyOf(annotations.values())).applyValue(values -> {
            var map = new LinkedHashMap<String, String>();
            for (int i = 0; i < keys.size(); i++) {
                map.put(keys.get(i), values.get(i));
            }
            return map;
        });
    }

    /** One Prefix path per route, the first route's Service as the default backend. */
    static IngressSpecArgs routes(List<Route> routes) {
        var paths = routes.stream()
                .map(r -> HTTPIngressPathArgs.builder().path(r.path()).pathType("Prefix").backend(backend(r.service(), SERVICE_PORT)).build())
                .toList();
        return IngressSpecArgs.builder()
                .defaultBackend(backend(routes.get(0).service(), SERVICE_PORT))
                .rules(IngressRuleArgs.builder().http(HTTPIngressRuleValueArgs.builder().paths(paths).build()).build())
                .build();
    }

    static IngressBackendArgs backend(String service, int port) {
        return IngressBackendArgs.builder()
                .service(IngressServiceBackendArgs.builder()
                        .name(service)
                        .port(ServiceBackendPortArgs.builder().number(port).build())
                        .build())
                .build();
    }

    /** The Ingress object {@code name}. */
    static Ingress ingress(String name, String namespace, Output<Map<String, String>> annotations, IngressSpecArgs spec,
                           CustomResourceOptions options) {
        return new Ingress(name, IngressArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(name)
                        .namespace(namespace)
                        .labels(PlainPods.MANAGED_BY)
                        .annotations(annotations)
                        .build())
                .spec(spec)
                .build(), options);
    }

    /** {@code https://} and the first domain when there are domains, else {@code http://} and the address. */
    static Output<String> url(List<String> domains, StaticIp ip) {
        return domains.isEmpty()
                ? ip.address().applyValue(address -> "http://" + address)
                : Output.of("https://" + domains.get(0));
    }
}
