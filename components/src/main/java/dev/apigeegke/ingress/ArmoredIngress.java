package dev.apigeegke.ingress;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.gcp.compute.Address;
import com.pulumi.gcp.compute.AddressArgs;
import com.pulumi.gcp.compute.Firewall;
import com.pulumi.gcp.compute.GlobalAddress;
import com.pulumi.gcp.compute.GlobalAddressArgs;
import com.pulumi.gcp.compute.SecurityPolicy;
import com.pulumi.gcp.compute.SecurityPolicyArgs;
import com.pulumi.gcp.compute.Subnetwork;
import com.pulumi.gcp.compute.inputs.SecurityPolicyAdaptiveProtectionConfigArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyAdaptiveProtectionConfigLayer7DdosDefenseConfigArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyAdvancedOptionsConfigArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.Ingress;
import com.pulumi.kubernetes.networking.v1.IngressArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressPathArgs;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressRuleValueArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressServiceBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressSpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.ServiceBackendPortArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
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
import dev.apigeegke.internal.kubernetes.ServiceAwait;
import dev.apigeegke.internal.render.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A GKE Ingress that admits only an allowlist: a static IP, a Cloud Armor policy (allowlisted ranges
 * allowed, everything else denied), and for each backend an armored Service (NEG, BackendConfig attaching
 * the policy). The default backend is an armored Service too, so no path leads around the policy.
 *
 * <p>Each backend's pods also get a NetworkPolicy admitting only Google's load-balancer and health-check ranges
 * on the target port (and the proxy-only subnet's range when internal), so nothing in the VPC or the cluster
 * reaches them around the load balancer; {@code networkPolicies(false)} leaves them out.
 *
 * <p>Pass the cluster's Kubernetes provider in the options ({@code providers(cluster.provider())}).
 * Children: {@code <name>-ip}, {@code <name>-armor}, per backend {@code <name>-<backend>} (Service, BackendConfig
 * and NetworkPolicy, the policy with that name in Kubernetes), {@code <name>} (Ingress), with domains
 * {@code <name>-cert} and {@code <name>-frontend}, and when internal {@code <name>-from-proxy} (the VPC firewall
 * rule admitting the proxy-only subnet) and, unless the subnet exists, {@code <name>-proxy-only} (the subnet).
 */
public final class ArmoredIngress extends ComponentResource {
    /** The type token; it never changes. */
    public static final String TYPE = "apigee-gke:index:ArmoredIngress";
    /** Google's front ends and health checkers, which reach NEG (container-native) backends' pod IPs directly. */
    public static final List<String> LOAD_BALANCER_RANGES = ArmoredIngressDefaults.LOAD_BALANCER_RANGES;
    private static final int LONGEST_SUFFIX = "-frontend".length();
    private static final int LONGEST_INTERNAL_SUFFIX = 1 + Math.max(IngressNetwork.SUBNET_SUFFIX.length(), IngressNetwork.FIREWALL_SUFFIX.length());
    private static final Map<String, String> MANAGED_BY = Map.of("app.kubernetes.io/managed-by", "apigee-gke");

    @Export(name = "address", refs = String.class)
    private final Output<String> address;

    /** The Ingress's static IP address. */
    public Output<String> address() {
        return this.address;
    }

    @Export(name = "url", refs = String.class)
    private final Output<String> url;

    /** The base URL clients (or the Apigee proxy's target) use: https with domains, else http on the IP. */
    public Output<String> url() {
        return this.url;
    }

    @Export(name = "securityPolicyName", refs = String.class)
    private final Output<String> securityPolicyName;

    /** The Cloud Armor policy's name (empty for an internal Ingress). */
    public Output<String> securityPolicyName() {
        return this.securityPolicyName;
    }

    private final ArmoredIngressArgs args;
    private final @Nullable SecurityPolicy securityPolicy;
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Ingress ingress;
    private final IngressNetwork network;

    /** Creates the Ingress with the default providers. */
    public ArmoredIngress(String name, ArmoredIngressArgs args) {
        this(name, args, null);
    }

    /** Creates the Ingress; pass the Kubernetes provider in {@code options}. */
    public ArmoredIngress(String name, ArmoredIngressArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, checked(name, args), options);
        this.args = args;
        var childOf = CustomResourceOptions.builder().parent(this).build();

        var ip = staticAddress(name, childOf);
        this.address = ip.address();
        this.securityPolicy = args.internal() ? null : createSecurityPolicy(name, args, childOf);
        this.securityPolicyName = securityPolicy == null ? Output.of("") : securityPolicy.name();

        this.network = IngressNetwork.declare(name, args, MANAGED_BY, childOf);
        var ingressDependencies = new ArrayList<Resource>(network.loadBalancerDependencies());
        for (var backend : args.backends()) {
            var service = armoredService(name, backend, childOf);
            services.put(backend.name(), service);
            ingressDependencies.add(service);
        }

        var annotations = new LinkedHashMap<String, Output<String>>();
        annotations.put("kubernetes.io/ingress.class", Output.of(args.internal() ? "gce-internal" : "gce"));
        annotations.put(ip.annotation(), ip.name());
        if (!args.domains().isEmpty()) {
            annotations.putAll(https(name, childOf));
        }
        this.ingress = new Ingress(name, IngressArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(name)
                        .namespace(args.namespace())
                        .labels(MANAGED_BY)
                        .annotations(resolved(annotations))
                        .build())
                .spec(ingressSpec())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(ingressDependencies).build());

        String scheme = args.domains().isEmpty() ? "http://" : "https://";
        this.url = args.domains().isEmpty()
                ? address.applyValue(a -> scheme + a)
                : Output.of(scheme + args.domains().get(0));

        registerOutputs(Map.of(
                "address", address,
                "url", url,
                "securityPolicyName", securityPolicyName));
    }

    /** The reserved address: its name, its IP, and the Ingress annotation that names it. */
    private record StaticAddress(Output<String> name, Output<String> address, String annotation) {
    }

    /** A regional internal address for {@code gce-internal}, a global one otherwise. */
    private StaticAddress staticAddress(String name, CustomResourceOptions childOf) {
        if (args.internal()) {
            var ipArgs = AddressArgs.builder()
                    .name(Names.child(name, "ip"))
                    .region(args.region().orElseThrow())
                    .addressType("INTERNAL")
                    .purpose("SHARED_LOADBALANCER_VIP");
            args.project().ifPresent(ipArgs::project);
            args.subnetwork().ifPresent(ipArgs::subnetwork);
            var ip = new Address(Names.child(name, "ip"), ipArgs.build(), childOf);
            return new StaticAddress(ip.name(), ip.address(), "kubernetes.io/ingress.regional-static-ip-name");
        }
        var ipArgs = GlobalAddressArgs.builder().name(Names.child(name, "ip")).ipVersion("IPV4");
        args.project().ifPresent(ipArgs::project);
        var ip = new GlobalAddress(Names.child(name, "ip"), ipArgs.build(), childOf);
        return new StaticAddress(ip.name(), ip.address(), "kubernetes.io/ingress.global-static-ip-name");
    }

    /** A backend's BackendConfig (Cloud Armor, health check, draining) and the NEG-backed Service that uses it. */
    private Service armoredService(String name, IngressBackend backend, CustomResourceOptions childOf) {
        var backendConfig = new BackendConfig(Names.child(name, backend.name()), BackendConfigArgs.builder()
                .metadata(meta(Names.child(name, backend.name())))
                .spec(backendConfigSpec(backend))
                .build(), childOf);
        return new Service(Names.child(name, backend.name()), ServiceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(backend.name())
                        .namespace(args.namespace())
                        .labels(MANAGED_BY)
                        .annotations(backendConfig.metadata().applyValue(m -> Map.of(
                                "cloud.google.com/neg", Yaml.json(Map.of("ingress", true)),
                                "cloud.google.com/backend-config", Yaml.json(Map.of("default", m.name().orElseThrow())),
                                "pulumi.com/skipAwait", ServiceAwait.SKIP.get("pulumi.com/skipAwait"))))
                        .build())
                .spec(ServiceSpecArgs.builder()
                        .type("ClusterIP")
                        .selector(backend.selector())
                        .ports(ServicePortArgs.builder()
                                .name("http")
                                .protocol("TCP")
                                .port(backend.port())
                                .targetPort(backend.targetPort())
                                .build())
                        .build())
                .build(), childOf);
    }

    /** The managed certificate and the HTTP-to-HTTPS redirect, as the Ingress annotations that attach them. */
    private Map<String, Output<String>> https(String name, CustomResourceOptions childOf) {
        var cert = new ManagedCertificate(Names.child(name, "cert"), ManagedCertificateArgs.builder()
                .metadata(meta(Names.child(name, "cert")))
                .spec(ManagedCertificateSpecArgs.builder().domains(args.domains()).build())
                .build(), childOf);
        var frontendSpec = FrontendConfigSpecArgs.builder()
                .redirectToHttps(FrontendConfigSpecRedirectToHttpsArgs.builder()
                        .enabled(true).responseCodeName("MOVED_PERMANENTLY_DEFAULT").build());
        args.sslPolicy().ifPresent(frontendSpec::sslPolicy);
        var frontend = new FrontendConfig(Names.child(name, "frontend"), FrontendConfigArgs.builder()
                .metadata(meta(Names.child(name, "frontend")))
                .spec(frontendSpec.build())
                .build(), childOf);
        var annotations = new LinkedHashMap<String, Output<String>>();
        annotations.put("networking.gke.io/managed-certificates", cert.metadata().applyValue(m -> m.name().orElseThrow()));
        annotations.put("networking.gke.io/v1beta1.FrontendConfig", frontend.metadata().applyValue(m -> m.name().orElseThrow()));
        return annotations;
    }

    /** Each backend's path prefixes, and the default backend for every other path. */
    private IngressSpecArgs ingressSpec() {
        var paths = new ArrayList<HTTPIngressPathArgs>();
        for (var backend : args.backends()) {
            for (String path : backend.paths()) {
                paths.add(HTTPIngressPathArgs.builder()
                        .path(path)
                        .pathType("Prefix")
                        .backend(serviceBackend(backend))
                        .build());
            }
        }
        var defaultBackend = args.backends().stream()
                .filter(b -> b.name().equals(args.defaultBackend())).findFirst().orElseThrow();
        var spec = IngressSpecArgs.builder().defaultBackend(serviceBackend(defaultBackend));
        if (!paths.isEmpty()) {
            spec.rules(IngressRuleArgs.builder().http(HTTPIngressRuleValueArgs.builder().paths(paths).build()).build());
        }
        return spec.build();
    }

    /** The annotations as one Output of a map, keeping their order. */
    private static Output<Map<String, String>> resolved(LinkedHashMap<String, Output<String>> annotations) {
        var keys = new ArrayList<>(annotations.keySet());
        return Output.all(annotations.values().stream().toList()).applyValue(values -> {
            var result = new LinkedHashMap<String, String>();
            for (int i = 0; i < keys.size(); i++) {
                result.put(keys.get(i), values.get(i));
            }
            return (Map<String, String>) result;
        });
    }

    /** The validated arguments. */
    public ArmoredIngressArgs args() {
        return args;
    }

    /** The Cloud Armor policy; empty for an internal Ingress. */
    public Optional<SecurityPolicy> securityPolicy() {
        return Optional.ofNullable(securityPolicy);
    }

    /** The armored Services by backend name. */
    public Map<String, Service> services() {
        return Map.copyOf(services);
    }

    /** The Ingress object. */
    public Ingress ingress() {
        return ingress;
    }

    /** The NetworkPolicies admitting only the load balancer to each backend's pods, by backend name. */
    public Map<String, NetworkPolicy> networkPolicies() {
        return network.policies();
    }

    /** The proxy-only subnet this Ingress created; empty when external or when the subnet exists. */
    public Optional<Subnetwork> proxyOnlySubnet() {
        return network.subnet();
    }

    /** The VPC firewall rule admitting the proxy-only subnet to the backends; empty when external. */
    public Optional<Firewall> proxyOnlyFirewall() {
        return network.firewall();
    }

    private SecurityPolicy createSecurityPolicy(String name, ArmoredIngressArgs args, CustomResourceOptions childOf) {
        var policy = SecurityPolicyArgs.builder()
                .name(Names.child(name, "armor"))
                .description("Admits only the API gateway's ranges to Ingress " + name + "; denies everything else")
                .type("CLOUD_ARMOR")
                .rules(args.allowlist().applyValue(allowlist -> {
                    // An allowlist given as an output is only known now; check it with the same rules.
                    var problems = new Problems("ArmoredIngress \"" + name + "\"");
                    ArmorRules.validateAllowlist(problems, "allowlist", allowlist);
                    problems.throwIfAny();
                    return ArmorRules.rules(allowlist, args);
                }));
        args.project().ifPresent(policy::project);
        if (args.adaptiveProtection()) {
            policy.adaptiveProtectionConfig(SecurityPolicyAdaptiveProtectionConfigArgs.builder()
                    .layer7DdosDefenseConfig(SecurityPolicyAdaptiveProtectionConfigLayer7DdosDefenseConfigArgs.builder()
                            .enable(true).build())
                    .build());
        }
        if (args.verboseLogging()) {
            policy.advancedOptionsConfig(SecurityPolicyAdvancedOptionsConfigArgs.builder().logLevel("VERBOSE").build());
        }
        return new SecurityPolicy(Names.child(name, "armor"), policy.build(), childOf);
    }

    private BackendConfigSpecArgs backendConfigSpec(IngressBackend backend) {
        var spec = BackendConfigSpecArgs.builder()
                .timeoutSec(args.timeoutSec())
                .connectionDraining(BackendConfigSpecConnectionDrainingArgs.builder()
                        .drainingTimeoutSec(args.drainingTimeoutSec()).build())
                .healthCheck(BackendConfigSpecHealthCheckArgs.builder()
                        .type("HTTP")
                        .requestPath(backend.healthCheckPath())
                        .port(backend.targetPort())
                        .checkIntervalSec(15)
                        .timeoutSec(5)
                        .healthyThreshold(1)
                        .unhealthyThreshold(2)
                        .build())
                .logging(BackendConfigSpecLoggingArgs.builder()
                        .enable(true).sampleRate(args.logSampleRate()).build());
        if (securityPolicy != null) {
            spec.securityPolicy(BackendConfigSpecSecurityPolicyArgs.builder().name(securityPolicy.name()).build());
        }
        return spec.build();
    }

    private ObjectMetaArgs meta(String objectName) {
        return ObjectMetaArgs.builder().name(objectName).namespace(args.namespace()).labels(MANAGED_BY).build();
    }

    private static IngressBackendArgs serviceBackend(IngressBackend backend) {
        return IngressBackendArgs.builder()
                .service(IngressServiceBackendArgs.builder()
                        .name(backend.name())
                        .port(ServiceBackendPortArgs.builder().number(backend.port()).build())
                        .build())
                .build();
    }

    /**
     * Checks {@code name} for an {@code ArmoredIngress} with {@code args} before anything is declared: the names made
     * from it (with each backend's, the BackendConfig's) must fit Kubernetes' 63 characters. A program that makes the
     * name from its own settings calls this with its other argument checks, so the problem is reported with them.
     */
    public static void requireName(String name, ArmoredIngressArgs args) {
        checked(name, args);
    }

    private static String checked(String name, ArmoredIngressArgs args) {
        var problems = new Problems("ArmoredIngress");
        Names.checkLabel(problems, "name", name, args != null && args.internal() ? LONGEST_INTERNAL_SUFFIX : LONGEST_SUFFIX);
        if (args == null) {
            problems.add("args", null, "pass ArmoredIngressArgs.builder()...build()");
        } else if (name != null) {
            for (var backend : args.backends()) {
                if (name.length() + 1 + backend.name().length() > 63) {
                    problems.add("name", name, "with backend '" + backend.name() + "' the BackendConfig name '" + name + "-"
                            + backend.name() + "' exceeds 63 characters; shorten the Ingress or backend name");
                }
            }
        }
        problems.throwIfAny();
        return name;
    }
}
