package dev.apigeegke.componentprovider;

import static dev.apigeegke.componentprovider.Sent.object;
import static dev.apigeegke.componentprovider.Sent.secret;
import static dev.apigeegke.componentprovider.Sent.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.resources.ComponentResourceOptions;
import dev.apigeegke.apigee.ApiConsumer;
import dev.apigeegke.apigee.ApigeeProduct;
import dev.apigeegke.apigee.MicrogatewayProxies;
import dev.apigeegke.cli.Patterns;
import dev.apigeegke.examples.common.Samples;
import dev.apigeegke.microgateway.MicrogatewayService;
import dev.apigeegke.microgateway.MicrogatewaySetup;
import dev.apigeegke.microgateway.MicrogatewaySidecar;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.testing.Harness.FakeCloud;
import dev.apigeegke.testing.Repo;
import dev.apigeegke.workload.Microservice;
import dev.apigeegke.workload.MicroserviceArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Patterns 2 and 3 built by a program in another language: the Edge Microgateway components and the products,
 * declared through the provider from the inputs such a program sends (a setup's outputs as it sends them in an update:
 * the key and secret maps secret), declare exactly what the Java patterns declare: the same children with the same
 * inputs, and the same outputs. Both run as an update against the same fake cloud, so every value is known and
 * compared (a secret shows as {@code [secret]} on both sides).
 */
class MicrogatewayPatternInputsTest {
    private static final String ORG = "my-apigee-org";
    private static final String ENV = "test";

    /** What the setup of the stack outputs once deployed, as a program passes it to a gateway's {@code setup}. */
    private static Map<String, Object> setupOutputs() {
        return object("organization", ORG, "environment", ENV,
                "keys", secret(Map.of(ENV, FakeCloud.GATEWAY_KEY)),
                "secrets", secret(Map.of(ENV, FakeCloud.GATEWAY_SECRET)),
                "publicKeys", Map.of(ENV, FakeCloud.CERTIFICATE),
                "servicesUrls", Map.of(ENV, "https://" + FakeCloud.SERVICES_HOST));
    }

    /** The gateway config both patterns give a keyed gateway: the sample stack's spike arrest, 30 per second. */
    private static Map<String, Object> config(Object... more) {
        var config = object("organization", ORG, "environment", ENV,
                "spikeArrest", object("timeUnit", "second", "allow", 30, "bufferSize", 30));
        config.putAll(object(more));
        return config;
    }

    private static Map<String, Object> consumer(String prefix) {
        var sample = Samples.consumer(ApiConsumer.SAMPLE_EMAIL, prefix);
        return object("email", sample.email(), "firstName", sample.firstName(), "lastName", sample.lastName(),
                "appName", sample.appName());
    }

    private static Plan deployed(String pattern, Consumer<Context> program) throws Exception {
        var stack = StackFile.read(Repo.root().resolve("Pulumi." + pattern + ".yaml"), Harness.PROJECT);
        var result = OfflineEngine.run(Harness.PROJECT, pattern, stack.config(), stack.secretKeys(), program, false, new FakeCloud());
        assertThat(result.errors()).as("program errors").isEmpty();
        return result.plan();
    }

    @Test
    void pattern2sComponentsDeclareWhatTheJavaPatternDoes() throws Exception {
        var java = deployed("pattern2", Patterns.program("pattern2"));
        var sent = deployed("pattern2", ctx -> {
            Sent.declare(MicrogatewaySetup.TYPE, "apigee-p2-setup", object("organization", ORG, "environments", List.of(ENV)), null);
            var backends = new ArrayList<Object>();
            var routes = new ArrayList<Object>();
            for (String service : List.of("orders", "catalog")) {
                backends.add(object("namespace", Samples.NAMESPACE, "podSelector", Microservice.selectorFor(service), "port", Samples.PORT));
                routes.add(object("name", service, "basePath", "/" + service,
                        "target", "http://" + service + "." + Samples.NAMESPACE + ".svc.cluster.local"));
            }
            Sent.declare(MicrogatewayService.TYPE, "apigee-p2-gateway",
                    object("config", config(), "setup", setupOutputs(), "protectedBackends", backends), null);
            Sent.declare(MicrogatewayProxies.TYPE, "apigee-p2", object("organization", ORG, "environment", ENV, "routes", routes,
                    "productName", "apigee-p2-product", "consumer", consumer("apigee-p2")), null);
        });

        for (var component : List.of(List.of(MicrogatewaySetup.TYPE, "apigee-p2-setup"),
                List.of(MicrogatewayService.TYPE, "apigee-p2-gateway"), List.of(MicrogatewayProxies.TYPE, "apigee-p2"))) {
            var expected = tree(java, component.get(0), component.get(1));
            assertThat(tree(sent, component.get(0), component.get(1))).as(component.toString()).isEqualTo(expected);
        }
        // The children compared include the gateway's credentials, whose key and secret came in as secrets.
        var credentials = sent.get("kubernetes:core/v1:Secret", "apigee-p2-gateway-credentials").inputs();
        assertThat(Harness.at(credentials, "stringData", "mgw-key")).isEqualTo(Harness.SECRET);
        assertThat(Harness.at(credentials, "stringData", "mgw-secret")).isEqualTo(Harness.SECRET);
        assertThat(sent.resources().toString()).doesNotContain(FakeCloud.GATEWAY_KEY).doesNotContain(FakeCloud.GATEWAY_SECRET);
    }

    @Test
    void inAPreviewTheSetupsOutputsAreUnknownAndTheGatewayIsTheJavaPatterns() throws Exception {
        var stack = StackFile.read(Repo.root().resolve("Pulumi.pattern2.yaml"), Harness.PROJECT);
        var java = OfflineEngine.run(Harness.PROJECT, "pattern2", stack.config(), stack.secretKeys(), Patterns.program("pattern2"));
        // Before the setup's first update its outputs are unknown: the engine sends them as such, the key and secret secret.
        var unknown = object("organization", ORG, "environment", ENV,
                "keys", PropertyValue.ofSecret(PropertyValue.COMPUTED), "secrets", PropertyValue.ofSecret(PropertyValue.COMPUTED),
                "publicKeys", PropertyValue.COMPUTED, "servicesUrls", PropertyValue.COMPUTED);
        var backends = List.of("orders", "catalog").stream().<Object>map(service -> object("namespace", Samples.NAMESPACE,
                "podSelector", Microservice.selectorFor(service), "port", Samples.PORT)).toList();
        var sent = OfflineEngine.run(Harness.PROJECT, "pattern2", stack.config(), stack.secretKeys(), ctx -> Sent.declare(
                MicrogatewayService.TYPE, "apigee-p2-gateway", object("config", config(), "setup", unknown, "protectedBackends", backends), null));
        assertThat(java.errors()).isEmpty();
        assertThat(sent.errors()).isEmpty();
        var gateway = tree(sent.plan(), MicrogatewayService.TYPE, "apigee-p2-gateway");
        assertThat(gateway).isEqualTo(tree(java.plan(), MicrogatewayService.TYPE, "apigee-p2-gateway"));
        // The config waits for the regional host, as in Java: unknown in the gateway's Secret, the key there secret.
        var credentials = gateway.get("kubernetes:core/v1:Secret apigee-p2-gateway-credentials");
        assertThat(Harness.at(credentials, "stringData", "mgw-config")).isEqualTo(Harness.UNKNOWN);
    }

    @Test
    void theConsumersAppSubscribesToOtherProductsWhoseNamesComeFromOtherComponents() {
        // Another product's productName output: unknown in a preview, and the engine names the component it comes from.
        String other = "urn:pulumi:" + Harness.STACK + "::" + Harness.PROJECT + "::kubernetes:core/v1:Namespace::other-product";
        var inputs = product("orders", "consumer", consumer("apigee-p3"), "consumerName", "apigee-p3",
                "otherProducts", List.of(PropertyValue.COMPUTED));
        var plan = Harness.preview(ctx -> {
            new Namespace("other-product");
            var component = Components.byToken(ApigeeProduct.TYPE).orElseThrow();
            var args = Construction.bind(Sent.request(ApigeeProduct.TYPE, "apigee-p3-orders", inputs, Map.of("otherProducts", java.util.Set.of(other))),
                    component, ComponentSchema.get(), "ApigeeProduct");
            component.factory().create("apigee-p3-orders", args, null);
        });
        var app = plan.get("apigee:index:DeveloperApp", "apigee-p3-app");
        assertThat(app.inputs().get("apiProducts")).isEqualTo(Harness.UNKNOWN);
        assertThat(app.propertyDependencies().get("apiProducts")).contains(plan.get("kubernetes:core/v1:Namespace", "other-product").urn());
    }

    /** Pattern 3's sidecar of a service: its policy, the shared setup's outputs, and the Deployment given as its workload. */
    private static Map<String, Object> sidecar(String service, boolean keyed, Map<String, Object> deployment) {
        return object("config", keyed ? config() : config("plugins", List.of("healthcheck", "spikearrest")),
                "setup", setupOutputs(), "namespace", Samples.NAMESPACE, "appPort", Samples.PORT,
                "podSelector", Microservice.selectorFor(service), "deployment", deployment);
    }

    /** A product of pattern 3: its service's local proxy and paths, and edgemicro-auth's two. */
    private static Map<String, Object> product(String service, Object... more) {
        var product = object("name", "apigee-p3-" + service, "displayName", service + " (pattern 3)",
                "environments", List.of(ENV), "proxies", List.of(MicrogatewaySidecar.localProxyName(service)),
                "apiResources", List.of("/" + service, "/" + service + "/**", "/verifyApiKey", "/token"), "microgateway", true);
        product.putAll(object(more));
        return product;
    }

    /**
     * The Deployment pattern 3 gives a service before injection: the Microservice's, as a program in another language
     * writes it out (it cannot inject into a component another Construct declares), with the opt-in label it keeps.
     */
    private static Map<String, Object> workload(String service, String image) throws Exception {
        var plan = Harness.preview(ctx -> new Microservice(service, MicroserviceArgs.builder().namespace(Samples.NAMESPACE)
                .image(image).port(Samples.PORT).preStopSeconds(50) // the sidecar's drainSeconds() at its defaults
                .labels(Map.of(MicrogatewaySidecar.OPT_IN_LABEL, "apigee-p3-" + service + "-mgw")).build()));
        var inputs = plan.get("kubernetes:apps/v1:Deployment", service).inputs();
        var deployment = new LinkedHashMap<String, Object>();
        deployment.put("metadata", Sent.fromPlan(inputs.get("metadata"), null));
        deployment.put("spec", Sent.fromPlan(inputs.get("spec"), null));
        return deployment;
    }

    @Test
    void pattern3sComponentsDeclareWhatTheJavaPatternDoes() throws Exception {
        var java = deployed("pattern3", Patterns.program("pattern3"));
        var orders = workload("orders", Samples.HELLO_APP_1);
        var catalog = workload("catalog", Samples.HELLO_APP_2);
        var sent = deployed("pattern3", ctx -> {
            Sent.declare(MicrogatewaySetup.TYPE, "apigee-p3-setup", object("organization", ORG, "environments", List.of(ENV)), null);
            Sent.declare(MicrogatewaySidecar.TYPE, "apigee-p3-orders-mgw", sidecar("orders", true, orders), null);
            Sent.declare(MicrogatewaySidecar.TYPE, "apigee-p3-catalog-mgw", sidecar("catalog", false, catalog), null);
            Sent.declare(ApigeeProduct.TYPE, "apigee-p3-catalog", product("catalog"), null);
            Sent.declare(ApigeeProduct.TYPE, "apigee-p3-orders", product("orders",
                    "quota", object("count", 1000, "interval", 1, "timeUnit", "hour"),
                    "consumer", consumer("apigee-p3"), "consumerName", "apigee-p3"), null);
        });

        var deployment = "kubernetes:apps/v1:Deployment";
        for (var component : List.of(List.of(MicrogatewaySetup.TYPE, "apigee-p3-setup"),
                List.of(ApigeeProduct.TYPE, "apigee-p3-orders"), List.of(ApigeeProduct.TYPE, "apigee-p3-catalog"))) {
            assertThat(tree(sent, component.get(0), component.get(1))).as(component.toString())
                    .isEqualTo(tree(java, component.get(0), component.get(1)));
        }
        for (String service : List.of("orders", "catalog")) {
            String name = "apigee-p3-" + service + "-mgw";
            var children = tree(sent, MicrogatewaySidecar.TYPE, name);
            // The Deployment the sidecar declares is the one the Java pattern's transformation made of the Microservice's.
            assertThat(children.remove(deployment + " " + name + "-deployment")).as(service)
                    .isEqualTo(java.get(deployment, service).inputs());
            assertThat(children).as(service).isEqualTo(tree(java, MicrogatewaySidecar.TYPE, name));
        }
    }

    @Test
    void theSidecarsDeploymentWaitsForWhatTheComponentDependsOn() throws Exception {
        var orders = workload("orders", Samples.HELLO_APP_1);
        var plan = Harness.preview(ctx -> {
            var nodes = new Namespace("nodes");
            Sent.declare(MicrogatewaySidecar.TYPE, "orders-mgw", sidecar("orders", true, orders),
                    ComponentResourceOptions.builder().dependsOn(nodes).build());
        });
        String nodes = plan.get("kubernetes:core/v1:Namespace", "nodes").urn();
        assertThat(plan.get("kubernetes:apps/v1:Deployment", "orders-mgw-deployment").dependsOn()).containsExactly(nodes);
        // As in the Java pattern, only the workload waits for the nodes: the Secret and the policy need none.
        assertThat(plan.get("kubernetes:core/v1:Secret", "orders-mgw-credentials").dependsOn()).isEmpty();
    }
}
