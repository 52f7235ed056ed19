package dev.apigeegke.componentprovider;

import static dev.apigeegke.componentprovider.Sent.object;
import static dev.apigeegke.componentprovider.Sent.secret;
import static dev.apigeegke.componentprovider.Sent.tree;
import static dev.apigeegke.testing.Harness.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.provider.internal.properties.PropertyValue;
import dev.apigeegke.microgateway.Caller;
import dev.apigeegke.microgateway.MicrogatewayConfig;
import dev.apigeegke.microgateway.MicrogatewaySidecar;
import dev.apigeegke.microgateway.MicrogatewaySidecarArgs;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.testing.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sidecar for programs in other languages: given the workload's Deployment and Service as inputs, it declares them,
 * injected and retargeted exactly as {@link MicrogatewaySidecar#inject} and {@link MicrogatewaySidecar#retarget} do
 * for the same spec in Java; the manifests pass the Kubernetes schemas, and a wrong input is reported by its path.
 */
class SidecarWorkloadTest {
    private static final String NAME = "orders-mgw";
    private static final String KEY = "sidecarKeyInClear-0000000000000000000000000000000000000000000001";
    private static final String SECRET = "sidecarSecretInClear-000000000000000000000000000000000000000002";
    private static final String DB_PASSWORD = "dbPasswordInClear-0003";
    private static final Map<String, String> ORDERS = Map.of("app.kubernetes.io/name", "orders");

    @TempDir
    Path out;

    /** The app: two containers, an init container, a volume, a secret env value, pod security, a probe on a named port. */
    private static DeploymentArgs app() {
        return DeploymentArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("orders").namespace("shop").labels(ORDERS).build())
                .spec(DeploymentSpecArgs.builder()
                        .replicas(2)
                        .selector(LabelSelectorArgs.builder().matchLabels(ORDERS).build())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(ORDERS).annotations(Map.of("prometheus.io/scrape", "true")).build())
                                .spec(PodSpecArgs.builder()
                                        .securityContext(PodSecurityContextArgs.builder().runAsNonRoot(true).fsGroup(2000).build())
                                        .initContainers(ContainerArgs.builder().name("migrate").image("acme/migrate:1.0").build())
                                        .containers(
                                                ContainerArgs.builder().name("orders").image("acme/orders:1.0")
                                                        .ports(ContainerPortArgs.builder().name("http").containerPort(8080).build())
                                                        .readinessProbe(ProbeArgs.builder()
                                                                .httpGet(HTTPGetActionArgs.builder().path("/ready").port("http").build()).build())
                                                        .env(EnvVarArgs.builder().name("DB_PASSWORD").value(Output.ofSecret(DB_PASSWORD)).build())
                                                        .build(),
                                                ContainerArgs.builder().name("metrics-agent").image("acme/agent:2.1").build())
                                        .volumes(VolumeArgs.builder().name("tmp").emptyDir(EmptyDirVolumeSourceArgs.builder().build()).build())
                                        .build())
                                .build())
                        .build())
                .build();
    }

    /** Its Service: one port by number, one by the container port's name. */
    private static ServiceArgs service() {
        return ServiceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("orders").namespace("shop").build())
                .spec(ServiceSpecArgs.builder().type("ClusterIP").selector(ORDERS)
                        .ports(ServicePortArgs.builder().name("http").port(80).targetPort(8080).build(),
                                ServicePortArgs.builder().name("named").port(81).targetPort("http").build())
                        .build())
                .build();
    }

    private static MicrogatewaySidecarArgs.Builder javaArgs() {
        return MicrogatewaySidecarArgs.builder().organization("acme").environment("test")
                .config(MicrogatewayConfig.builder().organization("acme").environment("test").build())
                .key(KEY).secret(SECRET).namespace("shop").appPort(8080).podSelector(ORDERS);
    }

    /** The same sidecar's inputs as another language sends them, the key and secret as secrets. */
    private static Map<String, Object> inputs(Object... more) {
        var inputs = object("organization", "acme", "environment", "test",
                "config", object("organization", "acme", "environment", "test"),
                "key", secret(KEY), "secret", secret(SECRET), "namespace", "shop", "appPort", 8080, "podSelector", ORDERS);
        inputs.putAll(object(more));
        return inputs;
    }

    /** The Deployment and Service as a program writes them out: their metadata and spec, from what Kubernetes receives. */
    private static Map<String, Object> written(Plan plan, String type, String name) {
        var inputs = plan.get(type, name).inputs();
        var object = new LinkedHashMap<String, Object>();
        object.put("metadata", Sent.fromPlan(inputs.get("metadata"), DB_PASSWORD));
        object.put("spec", Sent.fromPlan(inputs.get("spec"), DB_PASSWORD));
        return object;
    }

    private static Plan plain() {
        return Harness.preview(ctx -> {
            new Deployment("orders", app());
            new Service("orders", service());
        });
    }

    private static Plan sent() {
        var plain = plain();
        return Harness.preview(ctx -> Sent.declare(MicrogatewaySidecar.TYPE, NAME, inputs(
                "deployment", written(plain, "kubernetes:apps/v1:Deployment", "orders"),
                "service", written(plain, "kubernetes:core/v1:Service", "orders")), null));
    }

    @Test
    void theWorkloadIsInjectedAndRetargetedAsInJava() {
        var java = Harness.preview(ctx -> {
            var sidecar = new MicrogatewaySidecar(NAME, javaArgs().build());
            new Deployment("orders", sidecar.inject(app()));
            new Service("orders", sidecar.retarget(service()));
        });
        var sent = sent();
        var children = tree(sent, MicrogatewaySidecar.TYPE, NAME);
        assertThat(children.remove("kubernetes:apps/v1:Deployment " + NAME + "-deployment"))
                .isEqualTo(java.get("kubernetes:apps/v1:Deployment", "orders").inputs());
        assertThat(children.remove("kubernetes:core/v1:Service " + NAME + "-service"))
                .isEqualTo(java.get("kubernetes:core/v1:Service", "orders").inputs());
        assertThat(children).isEqualTo(tree(java, MicrogatewaySidecar.TYPE, NAME));

        // What the user would check: the app's containers kept, the sidecar appended, its secrets kept secret.
        var pod = at(sent.get("kubernetes:apps/v1:Deployment", NAME + "-deployment").inputs(), "spec", "template", "spec");
        assertThat(((List<?>) at(pod, "containers")).stream().<Object>map(c -> ((Map<?, ?>) c).get("name")).toList())
                .containsExactly("orders", "metrics-agent", MicrogatewaySidecar.CONTAINER);
        assertThat(at(pod, "containers", 0, "env", 0, "value")).isEqualTo(Harness.SECRET);
        assertThat(at(pod, "containers", 0, "readinessProbe", "httpGet", "port")).isEqualTo("http");
        var ports = (List<?>) at(sent.get("kubernetes:core/v1:Service", NAME + "-service").inputs(), "spec", "ports");
        assertThat(ports.stream().<Object>map(p -> ((Map<?, ?>) p).get("targetPort")).toList())
                .containsExactly((long) MicrogatewaySidecar.PORT, (long) MicrogatewaySidecar.PORT);
        assertThat(sent.resources().toString()).doesNotContain(DB_PASSWORD).doesNotContain(KEY).doesNotContain(SECRET);
    }

    @Test
    void theDeclaredManifestsPassTheKubernetesSchemas() throws Exception {
        var plan = sent();
        Path dir = Files.createDirectories(out.resolve("manifests"));
        int count = dev.apigeegke.testing.Harness.writeManifests(plan, dir);
        // The sidecar's Secret and NetworkPolicy, and the workload's Deployment and Service.
        assertThat(count).isEqualTo(4);
        var report = Node.check("validate-manifests.mjs", Map.of("sidecar", List.of(dir.toString()))).report("sidecar");
        assertThat(report.get("errors")).as(report.toPrettyString()).isEmpty();
        assertThat(report.get("checked").asInt()).isEqualTo(4);
    }

    @Test
    void aValueNotKnownYetStaysUnknownInTheInjectedDeployment() {
        var plain = plain();
        var deployment = written(plain, "kubernetes:apps/v1:Deployment", "orders");
        @SuppressWarnings("unchecked")
        var spec = (Map<String, PropertyValue>) (Object) ((PropertyValue) deployment.get("spec")).getObjectValue();
        var image = new LinkedHashMap<>(spec);
        // containers[0].image from another resource's output, unknown in a preview.
        var template = spec.get("template").getObjectValue();
        var podSpec = new LinkedHashMap<>(template.get("spec").getObjectValue());
        var first = new LinkedHashMap<>(podSpec.get("containers").getArrayValue().get(0).getObjectValue());
        first.put("image", PropertyValue.COMPUTED);
        var containers = new java.util.ArrayList<>(podSpec.get("containers").getArrayValue());
        containers.set(0, PropertyValue.of(first));
        podSpec.put("containers", PropertyValue.of(containers));
        var newTemplate = new LinkedHashMap<>(template);
        newTemplate.put("spec", PropertyValue.of(podSpec));
        image.put("template", PropertyValue.of(newTemplate));
        deployment.put("spec", PropertyValue.of(image));

        var plan = Harness.preview(ctx -> Sent.declare(MicrogatewaySidecar.TYPE, NAME, inputs("deployment", deployment), null));
        var pod = at(plan.get("kubernetes:apps/v1:Deployment", NAME + "-deployment").inputs(), "spec", "template", "spec");
        assertThat(at(pod, "containers", 0, "image")).isEqualTo(Harness.UNKNOWN);
        assertThat(at(pod, "containers", 2, "name")).isEqualTo(MicrogatewaySidecar.CONTAINER);
    }

    @Test
    void theWorkloadWaitsForTheResourcesItsInputComesFrom() {
        var plain = plain();
        // The engine names the resources a top-level input comes from; the workload's values nested in it carry them.
        String source = "urn:pulumi:" + Harness.STACK + "::" + Harness.PROJECT + "::kubernetes:core/v1:Namespace::image-source";
        var plan = Harness.preview(ctx -> {
            new Namespace("image-source");
            var component = Components.byToken(MicrogatewaySidecar.TYPE).orElseThrow();
            var args = Construction.bind(Sent.request(MicrogatewaySidecar.TYPE, NAME,
                    inputs("deployment", written(plain, "kubernetes:apps/v1:Deployment", "orders")),
                    Map.of("deployment", Set.of(source))), component, ComponentSchema.get(), "MicrogatewaySidecar");
            component.factory().create(NAME, args, null);
        });
        assertThat(plan.get("kubernetes:core/v1:Namespace", "image-source").urn()).isEqualTo(source);
        assertThat(plan.get("kubernetes:apps/v1:Deployment", NAME + "-deployment").dependencies()).contains(source);
    }

    @Test
    void callersAreTheOnesJavaMakes() {
        var args = (MicrogatewaySidecarArgs) Sent.bind(MicrogatewaySidecar.TYPE, NAME, inputs("callers", List.of(
                object("namespace", "frontend"),
                object("namespaceLabels", Map.of("team", "web")),
                object("namespaceLabels", Map.of("team", "web"), "podLabels", Map.of("app", "shop")),
                object("cidr", "10.10.0.0/16"))));
        assertThat(args.callers()).containsExactly(Caller.namespace("frontend"), Caller.namespaces(Map.of("team", "web")),
                Caller.pods(Map.of("team", "web"), Map.of("app", "shop")), Caller.cidr("10.10.0.0/16"));
    }
}
