package dev.apigeegke.componentprovider;

import static dev.apigeegke.componentprovider.Sent.object;
import static dev.apigeegke.componentprovider.Sent.secret;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.provider.internal.properties.PropertyValue;
import dev.apigeegke.apigee.ApigeeProduct;
import dev.apigeegke.apigee.MicrogatewayProxies;
import dev.apigeegke.microgateway.MicrogatewayService;
import dev.apigeegke.microgateway.MicrogatewaySetup;
import dev.apigeegke.microgateway.MicrogatewaySidecar;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Wrong inputs from another language are reported before anything is registered, each by its path from the component's
 * input (a list's element by its index), with what to give instead: one report of every problem.
 */
class MicrogatewayInputProblemsTest {
    private static final Map<String, String> ORDERS = Map.of("app", "orders");

    private static Map<String, Object> setup(Object... changes) {
        var setup = object("organization", "acme", "environment", "test",
                "keys", secret(Map.of("test", "k")), "secrets", secret(Map.of("test", "s")),
                "publicKeys", Map.of("test", "pem"), "servicesUrls", Map.of("test", "https://edgemicroservices.apigee.net"));
        setup.putAll(object(changes));
        setup.values().removeIf(v -> v == null);
        return setup;
    }

    private static Map<String, Object> container(Object... fields) {
        return object(fields);
    }

    private static Map<String, Object> deployment(Map<String, Object> container, Object replicas) {
        return object("metadata", object("name", "orders"), "spec", object("replicas", replicas,
                "selector", object("matchLabels", ORDERS),
                "template", object("metadata", object("labels", ORDERS), "spec", object("containers", List.of(container)))));
    }

    @Test
    void theSidecarsWorkloadIsCheckedFieldByField() {
        assertThat(Sent.problems(MicrogatewaySidecar.TYPE, "orders-mgw", object("setup", setup(), "appPort", 8080, "podSelector", ORDERS,
                "deployment", deployment(container("image", "acme/orders:1.0", "ports", List.of(object("containerPort", true))), "two"),
                "service", object("spec", object("ports", List.of(object("port", 80, "targetPort", false))))))).containsExactly(
                "MicrogatewaySidecar orders-mgw: 3 problems with its inputs:",
                "  deployment.spec.replicas: is \"two\": give a whole number",
                "  deployment.spec.template.spec.containers[0].ports[0].containerPort: is true: give a whole number",
                "  service.spec.ports[0].targetPort: is false: give a whole number or a string");
    }

    @Test
    void aWorkloadTheSidecarCannotInjectIntoIsRefused() {
        var noSpec = Sent.problems(MicrogatewaySidecar.TYPE, "orders-mgw", object("setup", setup(), "appPort", 8080,
                "podSelector", ORDERS, "deployment", object("metadata", object("name", "orders"))));
        assertThat(noSpec).containsExactly(
                "MicrogatewaySidecar orders-mgw: MicrogatewaySidecar: MicrogatewaySidecarArgs: 1 invalid argument",
                "  - deployment.spec = (not set): the Deployment's spec, with the pod template the sidecar is injected into");
        var otherPods = Sent.problems(MicrogatewaySidecar.TYPE, "orders-mgw", object("setup", setup(), "appPort", 8080,
                "podSelector", Map.of("app", "catalog"), "deployment", deployment(container("name", "orders", "image", "acme/orders:1.0"), 2)));
        assertThat(otherPods).containsExactly(
                "MicrogatewaySidecar orders-mgw: MicrogatewaySidecar: MicrogatewaySidecarArgs: 1 invalid argument",
                "  - deployment.spec.template.metadata.labels = {app=orders}: include podSelector {app=catalog}: the sidecar's "
                        + "NetworkPolicy selects the pods by it, and pods without it keep the app port open");
        var misspelt = Sent.problems(MicrogatewaySidecar.TYPE, "orders-mgw", object("setup", setup(), "appPort", 8080,
                "podSelector", ORDERS, "deployment", deployment(container("name", "orders", "imag", "acme/orders:1.0"), 2)));
        assertThat(misspelt).containsExactly(
                "MicrogatewaySidecar orders-mgw: deployment.spec.template.spec.containers[0].imag: not an input of ContainerArgs");
        var noName = Sent.problems(MicrogatewaySidecar.TYPE, "orders-mgw", object("setup", setup(), "appPort", 8080,
                "podSelector", ORDERS, "deployment", deployment(container("image", "acme/orders:1.0"), 2)));
        // pulumi-kubernetes' builder checks its required properties itself: reported by their path too.
        assertThat(noName).containsExactly(
                "MicrogatewaySidecar orders-mgw: deployment.spec.template.spec.containers[0].name: is required");
    }

    @Test
    void theSetupOutputsMustServeTheGatewaysEnvironment() {
        assertThat(Sent.problems(MicrogatewayService.TYPE, "gateway", object("setup", setup("environment", "prod", "secrets", null,
                "extra", 1)))).containsExactly(
                "MicrogatewayService gateway: 5 problems with its inputs:",
                "  setup.extra: not a field; the fields are [organization, environment, keys, secrets, publicKeys, servicesUrls, runtimeBaseUrl]",
                "  setup.keys: has no entry for environment 'prod' (it has [test]): pass the outputs of the MicrogatewaySetup "
                        + "whose environments include it",
                "  setup.secrets: is required: pass the MicrogatewaySetup's secrets output",
                "  setup.publicKeys: has no entry for environment 'prod' (it has [test]): pass the outputs of the MicrogatewaySetup "
                        + "whose environments include it",
                "  setup.servicesUrls: has no entry for environment 'prod' (it has [test]): pass the outputs of the MicrogatewaySetup "
                        + "whose environments include it");
        assertThat(Sent.problems(MicrogatewayService.TYPE, "gateway", object("setup", setup("keys", PropertyValue.COMPUTED),
                "key", "own-key"))).containsExactly(
                "MicrogatewayService gateway: MicrogatewayService: MicrogatewayServiceArgs: 1 invalid argument",
                "  - key = \"(set)\": the setup gives the gateway its key and secret: remove key(...) and secret(...), or setup(...)");
    }

    @Test
    void callersAndConfigAreCheckedByTheirFields() {
        assertThat(Sent.problems(MicrogatewaySidecar.TYPE, "orders-mgw", object("setup", setup(), "appPort", secret(8080),
                "podSelector", ORDERS,
                "config", object("organization", "acme", "environment", "test", "privateCloud", object("managementUri", "http://ms:8080"),
                        "logLevel", "loud", "oauth", object("apiKeyHeader", "x-api-key")),
                "callers", List.of(object("namespace", "a", "cidr", "10.0.0.0/8"), object("namespace", "a", "podLabels", ORDERS),
                        object()))))
                .containsExactly("MicrogatewaySidecar orders-mgw: 10 problems with its inputs:",
                        "  config.oauth.allowNoAuthorization: is required",
                        "  config.oauth.allowInvalidAuthorization: is required",
                        "  config.oauth.keepAuthorizationHeader: is required",
                        "  config.oauth.allowApiKeyOnly: is required",
                        "  config.oauth.allowOAuthOnly: is required",
                        "  config.privateCloud.runtimeBaseUrl: is required",
                        "  appPort: is a secret, but MicrogatewaySidecar takes it as a plain value and could not keep it secret: "
                                + "pass it in clear (it is not a credential) or use an input that takes a secret",
                        "  callers[0]: sets [cidr, namespace]: set exactly one of namespace, namespaceLabels and cidr",
                        "  callers[1].podLabels: selects pods within namespaceLabels' namespaces: give namespaceLabels with it "
                                + "(a namespace's name is its label kubernetes.io/metadata.name)",
                        "  callers[2]: sets none: set exactly one of namespace, namespaceLabels and cidr");
    }

    @Test
    void productsAndProxiesNameTheirWrongInputs() {
        assertThat(Sent.problems(ApigeeProduct.TYPE, "p", object("name", "p", "environments", List.of("test"), "proxies", List.of("a"),
                "otherProducts", List.of("q"), "quota", object("count", 10, "interval", 1)))).containsExactly(
                "ApigeeProduct p: ApigeeProduct: ApigeeProductArgs: 2 invalid arguments",
                "  - quota.timeUnit = (not set): one of minute, hour, day, month",
                "  - otherProducts = 1: only a consumer's app subscribes to other products: give consumer(...) or remove otherProducts");
        assertThat(Sent.problems(MicrogatewayProxies.TYPE, "m", object("organization", "acme", "environment", PropertyValue.COMPUTED,
                "routes", List.of(object("name", "orders", "basePath", "/orders")), "productName", "p"))).containsExactly(
                "MicrogatewayProxies m: environment: is not known yet (it comes from another resource's output, unknown during a "
                        + "preview), but MicrogatewayProxies needs its value to decide which resources to declare: pass a value known "
                        + "before the deployment, e.g. from the stack's configuration");
        assertThat(Sent.problems(MicrogatewaySetup.TYPE, "s", object("organization", "acme", "environments", List.of("test"),
                "noncps", "yes"))).containsExactly("MicrogatewaySetup s: noncps: is \"yes\": give true or false");
    }
}
