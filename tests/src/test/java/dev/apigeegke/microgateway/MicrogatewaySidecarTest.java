package dev.apigeegke.microgateway;

import static dev.apigeegke.testing.Harness.at;
import static dev.apigeegke.testing.Rejections.problems;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.testing.Node;
import dev.apigeegke.internal.validation.ApigeeNamesTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MicrogatewaySidecarTest {
    /** A public key standing for the organization's edgemicro-auth key. */
    static final String TEST_PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----" + "\n"
            + "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA31Oz9S5AB/TIr0tMeHdd" + "\n"
            + "o5G8MKhfWDJodZ/AaqQoeVf/LtbavQOFkdMVokcnfuvwu+DnuoYYmXsSz82IWnkt" + "\n"
            + "9UUoBIrZAKq6bpEqKbqhDvq+urHNsxwAEC9rOJme10MvFPDRONCDSQ2aNhznS1/t" + "\n"
            + "996OJaKUZOHvR+yd238Vr6D65QB0lt9OfDT9tSwXWWEyS99nu0SIhV0pGxqVnHQJ" + "\n"
            + "B9VI0wjnKTJPoNk8mNAjObzTK1DSegtwauh/MeBEXmhGwJ8RWwyeHCky+aAFjAjJ" + "\n"
            + "ILXpQ4cybAx6ZDkHX0WWymOPkNV6I0yICgEU0rAs3pde4sarHJxfFCq485ZUTe1c" + "\n"
            + "KwIDAQAB" + "\n"
            + "-----END PUBLIC KEY-----" + "\n";

    static final String SECRET = "kubernetes:core/v1:Secret";
    static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
    static final String SERVICE = "kubernetes:core/v1:Service";
    static final String NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
    static final String NAME = "orders-mgw";
    static final Map<String, String> ORDERS = Map.of("app.kubernetes.io/name", "orders");
    static final Map<String, String> OPT_IN = Map.of(MicrogatewaySidecar.OPT_IN_LABEL, NAME);

    @TempDir
    Path out;

    static MicrogatewaySidecarArgs.Builder args() {
        return MicrogatewaySidecarArgs.builder()
                .organization("acme").environment("test")
                .config(MicrogatewayConfig.builder().organization("acme").environment("test").publicKey(TEST_PUBLIC_KEY).build())
                .key(Output.of(MicrogatewayServiceTest.KEY)).secret(Output.of(MicrogatewayServiceTest.GATEWAY_SECRET))
                .namespace("shop").appPort(8080).podSelector(ORDERS);
    }

    /** An app Deployment with everything injection must keep: two containers, an init container, a volume, env, pod security. */
    static DeploymentArgs app(String name, Map<String, String> extraLabels) {
        var labels = new LinkedHashMap<String, String>(Map.of("app.kubernetes.io/name", name));
        labels.putAll(extraLabels);
        return DeploymentArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).namespace("shop").labels(labels)
                        .annotations(Map.of("team", "checkout")).build())
                .spec(DeploymentSpecArgs.builder()
                        .replicas(2)
                        .selector(LabelSelectorArgs.builder().matchLabels(Map.of("app.kubernetes.io/name", name)).build())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(Map.of("app.kubernetes.io/name", name))
                                        .annotations(Map.of("prometheus.io/scrape", "true")).build())
                                .spec(PodSpecArgs.builder()
                                        .securityContext(PodSecurityContextArgs.builder().runAsNonRoot(true).fsGroup(2000).build())
                                        .initContainers(ContainerArgs.builder().name("migrate").image("acme/migrate:1.0").build())
                                        .containers(
                                                ContainerArgs.builder().name(name).image(Output.ofSecret("acme/" + name + ":1.0"))
                                                        .env(EnvVarArgs.builder().name("DB_HOST").value("db").build()).build(),
                                                ContainerArgs.builder().name("metrics-agent").image("acme/agent:2.1").build())
                                        .volumes(VolumeArgs.builder().name("tmp")
                                                .emptyDir(EmptyDirVolumeSourceArgs.builder().build()).build())
                                        .build())
                                .build())
                        .build())
                .build();
    }

    static ServiceArgs service(String name, Map<String, String> extraLabels) {
        var labels = new LinkedHashMap<String, String>(Map.of("app.kubernetes.io/name", name));
        labels.putAll(extraLabels);
        return ServiceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).namespace("shop").labels(labels).build())
                .spec(ServiceSpecArgs.builder().selector(Map.of("app.kubernetes.io/name", name))
                        .ports(ServicePortArgs.builder().name("http").port(80).targetPort(8080).build()).build())
                .build();
    }

    private static Plan explicit(MicrogatewaySidecarArgs args) {
        return Harness.preview(ctx -> {
            var sidecar = new MicrogatewaySidecar(NAME, args, null);
            new Deployment("orders", sidecar.inject(app("orders", Map.of())), null);
            new Service("orders", sidecar.retarget(service("orders", Map.of())), null);
        });
    }

    /** The same apps, labelled, under a component that carries the transformation; billing does not opt in. */
    private static Plan automatic(MicrogatewaySidecarArgs args) {
        return Harness.preview(ctx -> {
            var sidecar = new MicrogatewaySidecar(NAME, args, null);
            var workloads = new ComponentResource("test:index:Workloads", "workloads", ComponentResourceOptions.builder()
                    .resourceTransformations(MicrogatewaySidecar.transformation(List.of(sidecar))).build());
            var child = CustomResourceOptions.builder().parent(workloads).build();
            new Deployment("orders", app("orders", OPT_IN), child);
            new Service("orders", service("orders", OPT_IN), child);
            new Deployment("billing", app("billing", Map.of()), child);
            new Service("billing", service("billing", Map.of()), child);
        });
    }

    private static Map<String, Object> inputs(Plan plan, String type, String name) {
        return plan.get(type, name).inputs();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static Map<String, Object> pod(Plan plan, String deployment) {
        @SuppressWarnings("unchecked")
        var spec = (Map<String, Object>) at(inputs(plan, DEPLOYMENT, deployment), "spec", "template", "spec");
        return spec;
    }

    private static List<String> names(Object containers) {
        return list(containers).stream().map(c -> (String) c.get("name")).toList();
    }

    private static Map<String, Object> sidecarOf(Map<String, Object> pod) {
        return list(pod.get("containers")).stream().filter(c -> MicrogatewaySidecar.CONTAINER.equals(c.get("name"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> env(Map<String, Object> container) {
        return list(container.get("env")).stream()
                .collect(Collectors.toMap(e -> (String) e.get("name"), e -> e.containsKey("value") ? e.get("value") : e.get("valueFrom")));
    }

    private static List<String> problemsOf(MicrogatewaySidecarArgs.Builder builder) {
        return problems(builder::build);
    }

    // --- injection ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {SECRET, NETWORK_POLICY})
    void putsItsObjectsInTheDefaultNamespaceUnlessOneIsGiven(String type) {
        var args = MicrogatewaySidecarArgs.builder()
                .organization("acme").environment("test")
                .config(MicrogatewayConfig.builder().organization("acme").environment("test").publicKey(TEST_PUBLIC_KEY).build())
                .key(Output.of(MicrogatewayServiceTest.KEY)).secret(Output.of(MicrogatewayServiceTest.GATEWAY_SECRET))
                .appPort(8080).podSelector(ORDERS).build();
        var plan = Harness.preview(ctx -> new MicrogatewaySidecar(NAME, args, null));
        assertThat(plan.ofType(type)).singleElement()
                .satisfies(r -> assertThat(at(r.inputs(), "metadata", "namespace")).isEqualTo("default"));
    }

    @Test
    void injectionKeepsEverythingAlreadyInThePod() {
        var plan = explicit(args().build());
        var pod = pod(plan, "orders");
        assertThat(names(pod.get("containers"))).containsExactly("orders", "metrics-agent", "edge-microgateway");
        assertThat(names(pod.get("initContainers"))).containsExactly("migrate");
        assertThat(names(pod.get("volumes"))).containsExactly("tmp",
                "edge-microgateway-config", "edge-microgateway-logs", "edge-microgateway-tmp");
        assertThat(env(list(pod.get("containers")).get(0))).containsEntry("DB_HOST", "db");
        assertThat(pod.get("securityContext")).isEqualTo(Map.of("runAsNonRoot", true, "fsGroup", 2000L));
        var deployment = inputs(plan, DEPLOYMENT, "orders");
        assertThat(at(deployment, "metadata", "annotations")).isEqualTo(Map.of("team", "checkout"));
        assertThat(at(deployment, "spec", "replicas")).isEqualTo(2L);
        assertThat(at(deployment, "spec", "template", "metadata")).isEqualTo(Map.of(
                "labels", Map.of("app.kubernetes.io/name", "orders"), "annotations", Map.of("prometheus.io/scrape", "true")));
    }

    @Test
    void injectionKeepsSecretsInThePodSecret() {
        var pod = pod(explicit(args().build()), "orders");
        assertThat(list(pod.get("containers")).get(0).get("image")).isEqualTo(Harness.SECRET);
    }

    @Test
    void injectingTwiceAddsOneSidecar() {
        var plan = Harness.preview(ctx -> {
            var sidecar = new MicrogatewaySidecar(NAME, args().build(), null);
            new Deployment("orders", sidecar.inject(sidecar.inject(app("orders", Map.of()))), null);
        });
        var pod = pod(plan, "orders");
        assertThat(names(pod.get("containers"))).containsExactly("orders", "metrics-agent", "edge-microgateway");
        assertThat(names(pod.get("volumes"))).hasSize(4);
    }

    @Test
    void theSidecarProxiesLocallyToTheAppPortWithCredentialsFromItsSecret() {
        var sidecar = sidecarOf(pod(explicit(args().build()), "orders"));
        var env = env(sidecar);
        assertThat(env).containsEntry("EDGEMICRO_LOCAL_PROXY", "1").containsEntry("EDGEMICRO_DECORATOR", "1")
                .containsEntry("CONTAINER_PORT", "8080").doesNotContainKey("EDGEMICRO_PORT")
                .containsEntry("EDGEMICRO_CONFIG_DIR", "/opt/apigee/.edgemicro");
        Map.of("EDGEMICRO_ORG", "mgw-org", "EDGEMICRO_ENV", "mgw-env", "EDGEMICRO_KEY", "mgw-key",
                "EDGEMICRO_SECRET", "mgw-secret", "EDGEMICRO_CONFIG", "mgw-config").forEach((variable, key) ->
                assertThat(env.get(variable)).as(variable)
                        .isEqualTo(Map.of("secretKeyRef", Map.of("name", NAME + "-credentials", "key", key))));
        assertThat(sidecar.get("image")).isEqualTo("gcr.io/apigee-microgateway/edgemicro:3.3.12");
        for (var probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertThat(at(sidecar, probe, "httpGet")).as(probe).isEqualTo(Map.of("path", "/healthcheck", "port", 8000L));
        }
    }

    @Test
    void theSidecarRequestsATenthOfACpuAndRoomAboveTheGatewaysIdleFootprintByDefault() {
        var sidecar = sidecarOf(pod(explicit(args().build()), "orders"));
        // About 177 MiB resident when idle: the request covers it, the limit leaves room under load.
        assertThat(sidecar.get("resources")).isEqualTo(Map.of(
                "requests", Map.of("cpu", "100m", "memory", "256Mi"), "limits", Map.of("cpu", "500m", "memory", "512Mi")));
    }

    @Test
    void theSidecarDrainsBeforeItStopsAndThePodWaitsForIt() {
        var pod = pod(explicit(args().build()), "orders");
        var sidecar = sidecarOf(pod);
        assertThat(at(sidecar, "lifecycle", "preStop", "exec", "command")).isEqualTo(List.of("sleep", "30"));
        assertThat(env(sidecar)).containsEntry("EDGEMICRO_STOP_DELAY", "20");
        // 30 s serving after termination starts, 20 s for the requests in flight, 10 s margin.
        assertThat(pod.get("terminationGracePeriodSeconds")).isEqualTo(60L);
        assertThat(args().build().drainSeconds()).isEqualTo(50);
    }

    @Test
    void byDefaultNoContainerIsPrivilegedAndTheSidecarMeetsRestricted() {
        var pod = pod(explicit(args().build()), "orders");
        for (var kind : List.of("containers", "initContainers")) {
            for (var c : list(pod.get(kind))) {
                assertThat(c.get("securityContext") instanceof Map<?, ?> sc ? sc.get("privileged") : null).as(c.get("name").toString()).isNotEqualTo(true);
                assertThat(String.valueOf(c.get("securityContext"))).doesNotContain("NET_ADMIN");
            }
        }
        assertThat(sidecarOf(pod).get("securityContext")).isEqualTo(Map.of(
                "runAsNonRoot", true, "runAsUser", 101L, "runAsGroup", 101L, "allowPrivilegeEscalation", false,
                "readOnlyRootFilesystem", false, "privileged", false, "capabilities", Map.of("drop", List.of("ALL")),
                "seccompProfile", Map.of("type", "RuntimeDefault")));
        assertThat(list(sidecarOf(pod).get("volumeMounts")).stream().map(m -> m.get("mountPath")))
                .containsExactly("/opt/apigee/.edgemicro", "/opt/apigee/logs", "/tmp");
    }

    @Test
    void iptablesRedirectAddsTheNetAdminInitContainer() {
        var pod = pod(explicit(args().iptablesRedirect(true).proxyInitImage("gcr.io/acme/edgemicro-proxy-init:1.0.0").build()), "orders");
        assertThat(names(pod.get("initContainers"))).containsExactly("migrate", "edgemicro-proxy-init");
        var init = list(pod.get("initContainers")).get(1);
        assertThat(init.get("args")).isEqualTo(List.of("-p", "8000", "-u", "101"));
        assertThat(at(init, "securityContext", "capabilities", "add")).isEqualTo(List.of("NET_ADMIN", "NET_RAW"));
        assertThat(at(init, "securityContext", "runAsUser")).isEqualTo(0L);
    }

    // --- services and network policy ----------------------------------------------------------------

    @Test
    void retargetSendsEveryServicePortToTheSidecar() {
        var service = inputs(explicit(args().build()), SERVICE, "orders");
        assertThat(at(service, "spec", "ports")).isEqualTo(List.of(Map.of("name", "http", "port", 80L, "targetPort", 8000L)));
        assertThat(at(service, "spec", "selector")).isEqualTo(Map.of("app.kubernetes.io/name", "orders"));
    }

    @Test
    void theNetworkPolicyAdmitsOnlyTheSidecarPortToTheServicePods() {
        var policy = inputs(explicit(args().build()), NETWORK_POLICY, NAME);
        assertThat(at(policy, "metadata", "name")).isEqualTo(NAME);
        assertThat(at(policy, "metadata", "namespace")).isEqualTo("shop");
        assertThat(at(policy, "spec", "podSelector")).isEqualTo(Map.of("matchLabels", ORDERS));
        assertThat(at(policy, "spec", "policyTypes")).isEqualTo(List.of("Ingress"));
        // Only Google's load balancer and health checkers by default: no pod and no other VPC address.
        assertThat(at(policy, "spec", "ingress")).isEqualTo(List.of(Map.of(
                "from", List.of(Map.of("ipBlock", Map.of("cidr", "35.191.0.0/16")), Map.of("ipBlock", Map.of("cidr", "130.211.0.0/22"))),
                "ports", List.of(Map.of("protocol", "TCP", "port", 8000L)))));
        assertThat(args().build().callers()).isEmpty();
    }

    @Test
    void declaredCallersAreAdmittedToTheSidecarPortOnly() {
        var policy = inputs(explicit(args().callers(List.of(
                Caller.namespace("checkout"),
                Caller.namespaces(Map.of("team", "payments")),
                Caller.pods(Map.of("kubernetes.io/metadata.name", "shop"), Map.of("app.kubernetes.io/name", "cart")),
                Caller.cidr("10.128.0.0/20"))).build()), NETWORK_POLICY, NAME);
        assertThat(at(policy, "spec", "ingress", 0, "from")).isEqualTo(List.of(
                Map.of("ipBlock", Map.of("cidr", "35.191.0.0/16")),
                Map.of("ipBlock", Map.of("cidr", "130.211.0.0/22")),
                Map.of("namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "checkout"))),
                Map.of("namespaceSelector", Map.of("matchLabels", Map.of("team", "payments"))),
                Map.of("namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "shop")),
                        "podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "cart"))),
                Map.of("ipBlock", Map.of("cidr", "10.128.0.0/20"))));
        assertThat(at(policy, "spec", "ingress", 0, "ports")).isEqualTo(List.of(Map.of("protocol", "TCP", "port", 8000L)));
    }

    @Test
    void buildRefusesCallersThatWouldOpenTheSidecarToEveryone() {
        assertThat(problemsOf(args().callers(java.util.Arrays.asList(
                Caller.namespaces(Map.of()), Caller.namespace("Shop"), Caller.pods(Map.of("team", "x"), Map.of("app", "-bad-")),
                Caller.cidr("0.0.0.0/0"), Caller.cidr("10.0.0.1/8"), null)))).containsExactly(
                        "callers[0].namespaceLabels = {}: name the callers' namespaces, e.g. Caller.namespace(\"shop\"); an "
                                + "empty selector would admit every namespace",
                        "callers[1].namespaceLabels.kubernetes.io/metadata.name = \"Shop\": a namespace name: lowercase letters, "
                                + "digits and '-'",
                        "callers[2].podLabels.app = \"-bad-\": a label value: at most 63 letters, digits, '-', '_' or '.', "
                                + "starting and ending with a letter or digit",
                        "callers[3].cidr = \"0.0.0.0/0\": a /0 range admits every address, around the load balancer; list the "
                                + "callers' own ranges",
                        "callers[4].cidr = \"10.0.0.1/8\": host bits are set; write the range as 10.0.0.0/8",
                        "callers[5] = (not set): remove the null entry");
    }

    @Test
    void theSecretHoldsEveryCredentialAsAPulumiSecret() {
        var plan = Harness.preview(ctx -> {
            var sidecar = new MicrogatewaySidecar(NAME, args().key("k").secret("s").build(), null);
            ctx.export("secretName", sidecar.secretName());
            ctx.export("config", sidecar.config());
        });
        var secret = inputs(plan, SECRET, NAME + "-credentials");
        assertThat(at(secret, "metadata", "namespace")).isEqualTo("shop");
        assertThat(secret.get("stringData")).isEqualTo(Map.of("mgw-org", Harness.SECRET, "mgw-env", Harness.SECRET,
                "mgw-key", Harness.SECRET, "mgw-secret", Harness.SECRET, "mgw-config", Harness.SECRET));
        assertThat(plan.outputs()).containsEntry("secretName", NAME + "-credentials");
        assertThat((String) plan.outputs().get("config")).contains("acme").doesNotContain(MicrogatewayServiceTest.KEY);
    }

    // --- automatic injection -----------------------------------------------------------------------

    @Test
    void theTransformationAndExplicitInjectionGiveTheSamePod() {
        assertThat(pod(automatic(args().build()), "orders")).isEqualTo(pod(explicit(args().build()), "orders"));
    }

    @Test
    void theTransformationRetargetsOptedInServicesOnly() {
        var plan = automatic(args().build());
        assertThat(at(inputs(plan, SERVICE, "orders"), "spec", "ports", 0, "targetPort")).isEqualTo(8000L);
        assertThat(at(inputs(plan, SERVICE, "billing"), "spec", "ports", 0, "targetPort")).isEqualTo(8080L);
    }

    @Test
    void theTransformationLeavesDeploymentsThatDidNotOptInUnchanged() {
        var plan = automatic(args().build());
        var untouched = Harness.preview(ctx -> new Deployment("billing", app("billing", Map.of()), null));
        assertThat(inputs(plan, DEPLOYMENT, "billing")).isEqualTo(inputs(untouched, DEPLOYMENT, "billing"));
        assertThat(names(pod(plan, "billing").get("containers"))).containsExactly("billing", "metrics-agent");
    }

    @Test
    void theTransformationMatchesThePodTemplateLabelToo() {
        var plan = Harness.preview(ctx -> {
            var sidecar = new MicrogatewaySidecar(NAME, args().build(), null);
            var workloads = new ComponentResource("test:index:Workloads", "workloads", ComponentResourceOptions.builder()
                    .resourceTransformations(MicrogatewaySidecar.transformation(List.of(sidecar))).build());
            var base = app("orders", Map.of());
            var labelled = DeploymentArgs.builder(base).spec(base.spec().get().applyValue(spec -> DeploymentSpecArgs.builder(spec)
                    .template(PodTemplateSpecArgs.builder()
                            .metadata(ObjectMetaArgs.builder().labels(Map.of("app.kubernetes.io/name", "orders",
                                    MicrogatewaySidecar.OPT_IN_LABEL, NAME)).build())
                            .spec(spec.template().applyValue(t -> t.spec().get()).apply(o -> o))
                            .build())
                    .build())).build();
            new Deployment("orders", labelled, CustomResourceOptions.builder().parent(workloads).build());
        });
        assertThat(names(pod(plan, "orders").get("containers"))).contains(MicrogatewaySidecar.CONTAINER);
    }

    @Test
    void twoSidecarsWithOneNameAreRefused() {
        assertThat(Harness.errors(ctx -> {
            var a = new MicrogatewaySidecar(NAME, args().build(), null);
            var b = new MicrogatewaySidecar("other", args().build(), null);
            MicrogatewaySidecar.transformation(List.of(a, a, b));
        })).containsExactly("IllegalArgumentException: two sidecars named 'orders-mgw': give each service its own sidecar name");
    }

    @Test
    void theLocalProxyNameIsTheOneTheImagesEntrypointDerivesFromThePodName() throws Exception {
        // The image's entrypoint: SERVICE_NAME=$(... POD_NAME ... | cut -d '-' -f1 | tr '[a-z]' '[A-Z]'), PROXY_NAME=edgemicro_$SERVICE_NAME.
        for (String pod : List.of("orders-7d9c5b8f4-x2x9k", "orders", "order-api-5c6d9-abcde", "svc2-0", "a-b")) {
            var shell = new ProcessBuilder("bash", "-c", "echo \"$0\" | cut -d '-' -f1 | tr '[a-z]' '[A-Z]'", pod)
                    .redirectErrorStream(true).start();
            String entrypoint = "edgemicro_" + new String(shell.getInputStream().readAllBytes()).strip();
            assertThat(shell.waitFor()).isZero();
            assertThat(MicrogatewaySidecar.localProxyName(pod)).as(pod).isEqualTo(entrypoint);
        }
        // A pod is named <Deployment>-<hash>-<suffix>: the Deployment's name gives its pods' local proxy.
        assertThat(MicrogatewaySidecar.localProxyName("orders")).isEqualTo(MicrogatewaySidecar.localProxyName("orders-7d9c5b8f4-x2x9k"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MicrogatewaySidecar.localProxyName(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("named after it");
    }

    // --- validation --------------------------------------------------------------------------------

    @Test
    void buildReportsEveryMissingArgumentAtOnce() {
        assertThat(problemsOf(MicrogatewaySidecarArgs.builder())).containsExactly(
                "organization = (not set): " + ApigeeNamesTest.ORGANIZATION,
                "environment = (not set): " + ApigeeNamesTest.ENVIRONMENT,
                "config = (not set): pass MicrogatewayConfig.builder()...build() for the same org and env, or "
                        + "setup(...) with a MicrogatewaySetup's environment (then every default)",
                "key = (not set): give setup(...) with a MicrogatewaySetup's environment, or the key that "
                        + "`edgemicro configure` printed (an Output or a string)",
                "secret = (not set): give setup(...) with a MicrogatewaySetup's environment, or the secret that "
                        + "`edgemicro configure` printed (an Output or a string)",
                "appPort = 0: the app container's port, from 1 to 65535 and not 8000, which the sidecar itself listens on",
                "podSelector = {}: the service's pod labels; an empty selector would put every pod of the namespace behind this "
                        + "sidecar's policy");
    }

    @Test
    void buildRefusesTheSidecarPortAsAppPortLatestImagesAndARedirectWithoutItsImage() {
        assertThat(problemsOf(args().appPort(8000).image("gcr.io/apigee-microgateway/edgemicro:latest")
                .iptablesRedirect(true).requests(Map.of("cpu", "2")).limits(Map.of("cpu", "1")))).containsExactly(
                        "appPort = 8000: the app container's port, from 1 to 65535 and not 8000, which the sidecar itself "
                                + "listens on",
                        "image = \"gcr.io/apigee-microgateway/edgemicro:latest\": ':latest' is not pinned: a redeploy could run "
                                + "a different image; use a version tag or a digest",
                        "requests.cpu = \"2\": exceeds the limit 1; Kubernetes rejects a request above its limit: lower the "
                                + "request or raise limits.cpu",
                        "proxyInitImage = (not set): give a container image pinned to a version, e.g. "
                                + "us-docker.pkg.dev/google-samples/containers/gke/hello-app:2.0");
    }

    @Test
    void buildRefusesAConfigForAnotherEnvironmentAndBadSelectors() {
        assertThat(problemsOf(args().environment("prod").namespace("Shop").podSelector(Map.of("app", "-bad-")))).containsExactly(
                "config = \"acme-test-config.yaml\": the config is for another org or env; the sidecar for org 'acme' and env "
                        + "'prod' loads acme-prod-config.yaml: build the config for the same org and env",
                "namespace = \"Shop\": a Kubernetes namespace name: lowercase letters, digits and '-'",
                "podSelector.app = \"-bad-\": a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending "
                        + "with a letter or digit");
    }

    @Test
    void aNameTooLongForItsSecretIsRefused() {
        assertThat(Harness.errors(ctx -> new MicrogatewaySidecar("a".repeat(60), args().build(), null))).containsExactly(
                """
                MicrogatewaySidecar: 1 invalid argument
                  - name = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": too long: with the longest child \
                suffix it must stay within 63 characters; use at most 51 characters""");
    }

    // --- what Kubernetes would receive -------------------------------------------------------------

    @Test
    void everyManifestPassesTheKubernetesSchemas() throws Exception {
        var plan = automatic(args().build());
        Path dir = Files.createDirectories(out.resolve("manifests"));
        int count = Harness.writeManifests(plan, dir);
        // Secret, NetworkPolicy, two Deployments and two Services.
        assertThat(count).isEqualTo(6);
        var report = Node.check("validate-manifests.mjs", Map.of("sidecar", List.of(dir.toString()))).report("sidecar");
        assertThat(report.get("errors")).as(report.toPrettyString()).isEmpty();
        assertThat(report.get("checked").asInt()).isEqualTo(6);
    }
}
