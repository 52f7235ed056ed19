package dev.apigeegke.apigee;

import static dev.apigeegke.testing.Harness.at;
import static dev.apigeegke.testing.Rejections.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.FormerAddresses;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.internal.validation.ApigeeNamesTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MicrogatewayProxiesTest {
    private static final String PROXY = "apigee:index:ApiProxy";
    private static final String PRODUCT = "apigee:index:ApiProduct";
    private static final ApiConsumer CONSUMER = ApiConsumer.sample("dev@example.com", "shop-sample-app");

    private static MicrogatewayProxiesArgs.Builder args() {
        return MicrogatewayProxiesArgs.builder()
                .organization("acme")
                .environment("test")
                .routes(List.of(MicrogatewayRoute.toService("orders", "shop"), MicrogatewayRoute.toService("catalog", "shop")))
                .productName("shop-product")
                .consumer(CONSUMER);
    }

    private static Plan preview(MicrogatewayProxiesArgs args) {
        return Harness.preview(ctx -> ctx.export("consumerKey", new MicrogatewayProxies("shop", args).consumerKey()));
    }

    @Test
    void declaresAnEdgemicroProxyPerRouteAndOneForTheHealthCheck() {
        var plan = preview(args().build());
        assertThat(MicrogatewayProxies.TYPE).isEqualTo("apigee-gke:index:MicrogatewayProxies");
        var component = plan.get(MicrogatewayProxies.TYPE, "shop");
        assertThat(plan.ofType(ApigeeProxy.TYPE)).extracting(Plan.Resource::name)
                .containsExactlyInAnyOrder("shop-orders", "shop-catalog", "shop-health")
                .allSatisfy(name -> assertThat(plan.get(ApigeeProxy.TYPE, name).parent()).isEqualTo(component.urn()));
        assertThat(plan.ofType(PROXY)).extracting(p -> p.inputs().get("name"))
                .containsExactlyInAnyOrder("edgemicro_orders", "edgemicro_catalog", "edgemicro_healthcheck");
        assertThat(plan.ofType(PROXY)).allSatisfy(p -> assertThat(p.inputs()).containsEntry("environments", List.of("test")));
        // Edge Microgateway cannot resolve target servers: each bundle carries its target's URL.
        assertThat(plan.ofType("apigee:index:TargetServer")).isEmpty();
        assertThat(bundleFile(plan.get(PROXY, "shop-orders"), "apiproxy/targets/default.xml"))
                .contains("<URL>http://orders.shop.svc.cluster.local</URL>");
        assertThat(bundleFile(plan.get(PROXY, "shop-orders"), "apiproxy/proxies/default.xml"))
                .contains("<BasePath>/orders</BasePath>");
        assertThat(bundleFile(plan.get(PROXY, "shop-health"), "apiproxy/proxies/default.xml"))
                .contains("<BasePath>/healthcheck</BasePath>");
        assertThat(bundleFile(plan.get(PROXY, "shop-health"), "apiproxy/targets/default.xml"))
                .contains("<URL>http://127.0.0.1:8000</URL>");
    }

    @Test
    void oneProductListsEveryRoutesProxyAndEdgemicroAuthAndTheConsumerSubscribesToIt() {
        var plan = preview(args().build());
        assertThat(plan.ofType(PRODUCT)).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("shop-orders-product");
            assertThat(p.inputs()).containsEntry("name", "shop-product")
                    .containsEntry("proxies", List.of("edgemicro_orders", "edgemicro_catalog", "edgemicro-auth"));
        });
        assertThat(at(plan.get("apigee:index:DeveloperApp", "shop-orders-app").inputs(), "apiProducts"))
                .isEqualTo(List.of("shop-product"));
        assertThat(plan.get("apigee:index:Developer", "shop-orders-developer").inputs())
                .containsEntry("firstName", "Sample").containsEntry("lastName", "Consumer");
        var deployed = Harness.deploy(ctx -> ctx.export("consumerKey", new MicrogatewayProxies("shop", args().build()).consumerKey()));
        assertThat(deployed.outputs()).containsEntry("consumerKey", Harness.SECRET);
        assertThat(preview(args().consumer(null).build()).ofType("apigee:index:DeveloperApp")).isEmpty();
    }

    @Test
    void onlyTheFirstRoutesProxyWaitsForTheOthersItsProductLists() {
        var plan = preview(args().routes(List.of(MicrogatewayRoute.toService("orders", "shop"),
                MicrogatewayRoute.toService("catalog", "shop"), MicrogatewayRoute.toService("cart", "shop"))).build());
        String catalog = plan.get(PROXY, "shop-catalog").urn();
        String cart = plan.get(PROXY, "shop-cart").urn();
        assertThat(plan.get(ApigeeProxy.TYPE, "shop-orders").dependencies()).contains(catalog, cart);
        assertThat(plan.get(ApigeeProxy.TYPE, "shop-catalog").dependencies()).doesNotContain(cart);
        assertThat(plan.get(ApigeeProxy.TYPE, "shop-cart").dependencies()).doesNotContain(catalog);
        // The product waits for its own proxy.
        assertThat(plan.get(PRODUCT, "shop-orders-product").dependencies()).contains(plan.get(PROXY, "shop-orders").urn());
    }

    @Test
    void reportsEveryInvalidArgumentAtOnceAndTheSharedOnesOnce() {
        var everything = MicrogatewayProxiesArgs.builder()
                .organization("Acme")
                .environment("Test")
                .routes(java.util.Arrays.asList(MicrogatewayRoute.toService("orders", "shop"), null,
                        MicrogatewayRoute.toService("orders", "other"), MicrogatewayRoute.toService("healthcheck", "shop"),
                        MicrogatewayRoute.toService("Cart", "shop"), new MicrogatewayRoute("cart", "cart", "http://cart")))
                .consumer(new ApiConsumer("not-an-email", "Dev", "One", "app"));
        assertThatThrownBy(everything::build).hasMessageStartingWith("MicrogatewayProxiesArgs: 9 invalid arguments\n  - ");
        assertThat(problems(everything::build)).containsExactly(
                "organization = \"Acme\": " + ApigeeNamesTest.ORGANIZATION,
                "environment = \"Test\": " + ApigeeNamesTest.ENVIRONMENT,
                "productName = (not set): a product name: letters, digits, '.', '_' and '-', starting with a letter or digit, "
                        + "at most 255 characters",
                "consumer.email = \"not-an-email\": a developer email such as team@example.com",
                "routes[1] = (not set): a route, e.g. MicrogatewayRoute.toService(\"orders\", \"default\")",
                "routes[2].name = \"orders\": route names must be distinct",
                "routes[3].name = \"healthcheck\": edgemicro_healthcheck is the health check's proxy: name the route otherwise",
                "routes[4].name = \"Cart\": use lowercase letters, digits and '-', starting with a letter and not ending with "
                        + "'-' (GCP and Kubernetes naming rules)",
                "routes[5].proxy.basePath = \"cart\": a path starting with '/', e.g. /orders or /v1/orders: segments of letters, "
                        + "digits, '.', '_', '~' and '-', no trailing '/'");
        assertThat(problems(() -> args().routes(List.of()).build())).containsExactly("routes = []: give at least one route: the "
                + "gateway serves only the paths of its proxies");
    }

    @Test
    void childNamesAreCheckedBeforeTheComponentIsRegistered() {
        var args = args().routes(List.of(MicrogatewayRoute.toService("a".repeat(50), "shop"))).build();
        assertThat(Harness.errors(ctx -> new MicrogatewayProxies("shop", args))).containsExactly(
                """
                MicrogatewayProxies: 1 invalid argument
                  - name = "shop-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": too long: with the longest child suffix it \
                must stay within 63 characters; use at most 53 characters""");
        var result = Harness.preview(Map.of(), Set.of(), ctx -> new MicrogatewayProxies("shop", args));
        assertThat(result.plan().resources()).extracting(Plan.Resource::type).containsOnly("pulumi:pulumi:Stack");
    }

    @Test
    void proxiesDeclaredAtTheTopOfAStackBeforeThisComponentAreAdoptedNotReplaced() {
        var adopted = FormerAddresses.adopted(Map.of(), Set.of(), ctx -> new MicrogatewayProxies("shop", args().build()),
                Set.of(MicrogatewayProxies.TYPE, ApigeeProduct.TYPE));
        // The stack, three ApigeeProxy components with their ApiProxy, and the product, developer and app.
        assertThat(adopted.keySet()).hasSize(1 + 3 + 3 + 3)
                .allSatisfy(urn -> assertThat(adopted.get(urn)).as(urn)
                        .hasValue(FormerAddresses.withoutLayers(urn, Set.of(MicrogatewayProxies.TYPE, ApigeeProduct.TYPE))));
    }

    /** A file of the bundle {@code proxy} imports. */
    private static String bundleFile(Plan.Resource proxy, String path) {
        byte[] zip = java.util.Base64.getDecoder().decode((String) proxy.inputs().get("bundle"));
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(path)) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("no " + path + " in the bundle of " + proxy.name());
    }
}
