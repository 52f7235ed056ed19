package dev.apigeegke.apigee;

import static dev.apigeegke.testing.Rejections.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.FormerAddresses;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.internal.validation.ApigeeNamesTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApigeeProductTest {
    private static final String PRODUCT = "apigee:index:ApiProduct";
    private static final String DEVELOPER = "apigee:index:Developer";
    private static final String APP = "apigee:index:DeveloperApp";
    private static final ApiConsumer CONSUMER = new ApiConsumer("dev@example.com", "Dev", "One", "shop-app");

    private static ApigeeProductArgs.Builder args() {
        return ApigeeProductArgs.builder().name("shop").environments(List.of("test", "prod")).proxies(List.of("shop-api"));
    }

    @Test
    void declaresTheProductWithItsDocumentedDefaults() {
        var plan = Harness.preview(ctx -> new ApigeeProduct("shop", args().build()));
        assertThat(ApigeeProduct.TYPE).isEqualTo("apigee-gke:index:ApigeeProduct");
        assertThat(plan.ofType(ApigeeProduct.TYPE)).extracting(Plan.Resource::name).containsExactly("shop");
        assertThat(plan.get(PRODUCT, "shop-product").inputs())
                .containsEntry("name", "shop")
                .containsEntry("displayName", "shop")
                .containsEntry("approvalType", "auto")
                .containsEntry("attributes", Map.of("access", "public"))
                .containsEntry("apiResources", List.of("/", "/**"))
                .containsEntry("environments", List.of("test", "prod"))
                .containsEntry("proxies", List.of("shop-api"))
                .doesNotContainKeys("description", "quota", "quotaInterval", "quotaTimeUnit");
        // No consumer unless one is given.
        assertThat(plan.ofType(DEVELOPER)).isEmpty();
        assertThat(plan.ofType(APP)).isEmpty();
    }

    @Test
    void setsWhatIsGivenInsteadOfTheDefaults() {
        var plan = Harness.preview(ctx -> new ApigeeProduct("shop", args().displayName("Shop").description("the shop")
                .approvalType("manual").access("private").apiResources(List.of("/orders/**"))
                .quota(new ProductQuota(50, 2, "minute")).build()));
        assertThat(plan.get(PRODUCT, "shop-product").inputs())
                .containsEntry("displayName", "Shop").containsEntry("description", "the shop")
                .containsEntry("approvalType", "manual").containsEntry("attributes", Map.of("access", "private"))
                .containsEntry("apiResources", List.of("/orders/**"))
                .containsEntry("quota", "50").containsEntry("quotaInterval", "2").containsEntry("quotaTimeUnit", "minute");
    }

    @Test
    void aMicrogatewayProductAlsoListsEdgemicroAuthLast() {
        var plan = Harness.preview(ctx -> {
            new ApigeeProduct("mgw", args().microgateway(true).build());
            new ApigeeProduct("sidecar", args().proxies(List.of()).microgateway(true).build());
        });
        assertThat(plan.get(PRODUCT, "mgw-product").inputs()).containsEntry("proxies", List.of("shop-api", "edgemicro-auth"));
        assertThat(plan.get(PRODUCT, "sidecar-product").inputs()).containsEntry("proxies", List.of(ApigeeProduct.MICROGATEWAY_AUTH_PROXY));
    }

    @Test
    void theConsumersAppSubscribesToThisProductThenToTheOthersAndItsKeysAreSecrets() {
        var plan = Harness.deploy(ctx -> {
            var other = new ApigeeProduct("catalog", args().name("catalog").build());
            var shop = new ApigeeProduct("shop", args().consumer(CONSUMER).consumerName("samples").build()
                    .withOtherProducts(List.of(other.productName(), Output.of("legacy"))));
            ctx.export("consumerKey", shop.consumerKey());
            ctx.export("consumerSecret", shop.app().orElseThrow().consumerSecret());
        });
        assertThat(plan.get(DEVELOPER, "samples-developer").inputs()).containsEntry("email", "dev@example.com")
                .containsEntry("firstName", "Dev").containsEntry("lastName", "One").containsEntry("userName", "dev");
        assertThat(plan.get(APP, "samples-app").inputs()).containsEntry("name", "shop-app")
                .containsEntry("developerEmail", "dev@example.com")
                .containsEntry("apiProducts", List.of("shop", "catalog", "legacy"));
        assertThat(plan.outputs()).containsEntry("consumerKey", Harness.SECRET).containsEntry("consumerSecret", Harness.SECRET);
    }

    @Test
    void theConsumersResourcesAreNamedAfterTheComponentByDefault() {
        var plan = Harness.preview(ctx -> new ApigeeProduct("shop", args().consumer(CONSUMER).build()));
        assertThat(plan.resources()).filteredOn(r -> r.type().startsWith("apigee:index:")).extracting(Plan.Resource::name)
                .containsExactlyInAnyOrder("shop-product", "shop-developer", "shop-app");
        var component = plan.get(ApigeeProduct.TYPE, "shop");
        assertThat(plan.resources()).filteredOn(r -> r.type().startsWith("apigee:index:"))
                .allSatisfy(r -> assertThat(r.parent()).isEqualTo(component.urn()));
        assertThat(plan.get(APP, "shop-app").inputs()).containsEntry("apiProducts", List.of("shop"));
    }

    @Test
    void withoutAConsumerTheKeyIsAnEmptySecret() {
        var plan = Harness.preview(ctx -> ctx.export("consumerKey", new ApigeeProduct("shop", args().build()).consumerKey()));
        assertThat(plan.outputs()).containsEntry("consumerKey", Harness.SECRET);
    }

    @Test
    void theProductWaitsForWhatTheComponentWaitsForAndTheDeveloperDoesNot() {
        var plan = Harness.preview(ctx -> {
            var first = new ApigeeProduct("first", args().name("first").build());
            new ApigeeProduct("shop", args().consumer(CONSUMER).build(),
                    ComponentResourceOptions.builder().dependsOn(first.apiProduct()).build());
        });
        String first = plan.get(PRODUCT, "first-product").urn();
        assertThat(plan.get(PRODUCT, "shop-product").dependencies()).contains(first);
        assertThat(plan.get(DEVELOPER, "shop-developer").dependencies()).doesNotContain(first);
    }

    @Test
    void reportsEveryInvalidArgumentAtOnce() {
        var everything = ApigeeProductArgs.builder()
                .name("shop product")
                .displayName(" ")
                .environments(List.of("Test"))
                .approvalType("sometimes")
                .access("secret")
                .apiResources(List.of("orders"))
                .quota(new ProductQuota(0, 1, "fortnight"))
                .otherProducts(List.of(Output.of("other")));
        assertThatThrownBy(everything::build).hasMessageStartingWith("ApigeeProductArgs: 10 invalid arguments\n  - ");
        assertThat(problems(everything::build)).containsExactly(
                "name = \"shop product\": a product name: letters, digits, '.', '_' and '-', starting with a letter or digit, "
                        + "at most 255 characters",
                "quota.count = 0: at least 1 request per interval",
                "quota.timeUnit = \"fortnight\": one of minute, hour, day, month",
                "approvalType = \"sometimes\": auto or manual",
                "access = \"secret\": public, private or internal",
                "apiResources[0] = \"orders\": a path starting with '/', e.g. /orders/**",
                "environments[0] = \"Test\": " + ApigeeNamesTest.ENVIRONMENT,
                "proxies = []: list the proxies the product grants, or set microgateway(true) for an Edge Microgateway product",
                "displayName = \" \": a name to show developers, or leave it unset for the product's name",
                "otherProducts = 1: only a consumer's app subscribes to other products: give consumer(...) or remove "
                        + "otherProducts");
        assertThat(problems(() -> args().environments(List.of()).consumer(new ApiConsumer("not-an-email", "", "X", "app")).build()))
                .containsExactly(
                        "consumer.email = \"not-an-email\": a developer email such as team@example.com",
                        "consumer.firstName = \"\": the developer's first name",
                        "environments = []: name at least one environment to deploy to, e.g. test");
    }

    @Test
    void onlyAConsumerSubscribesToOtherProducts() {
        var noConsumer = args().build();
        assertThat(problems(() -> noConsumer.withOtherProducts(List.of(Output.of("catalog"))))).containsExactly(
                "otherProducts = 1: only a consumer's app subscribes to other products: give consumer(...) or remove "
                + "otherProducts");
        assertThat(noConsumer.withOtherProducts(List.of()).otherProducts()).isEmpty();
    }

    @Test
    void childrenKeepTheAddressTheyHadBesideTheComponent() {
        // Declared at the top of the stack before the component existed, as pattern 3 did.
        var top = FormerAddresses.adopted(Map.of(), Set.of(), ctx -> new ApigeeProduct("shop", args().consumer(CONSUMER).build()),
                Set.of(ApigeeProduct.TYPE));
        assertThat(top).hasSize(4).allSatisfy((urn, former) -> assertThat(former).as(urn)
                .hasValue(FormerAddresses.withoutLayers(urn, Set.of(ApigeeProduct.TYPE))));
        // Declared in another component, as ApigeeProxy did.
        var nested = FormerAddresses.adopted(Map.of(), Set.of(), ctx -> {
            var owner = new Owner("owner");
            new ApigeeProduct("shop", args().consumer(CONSUMER).build(), ComponentResourceOptions.builder().parent(owner).build());
        }, Set.of(ApigeeProduct.TYPE));
        assertThat(nested.keySet()).filteredOn(urn -> urn.contains("apigee:index:")).hasSize(3)
                .allSatisfy(urn -> assertThat(nested.get(urn)).as(urn).hasValue(FormerAddresses.withoutLayers(urn, Set.of(ApigeeProduct.TYPE))));
    }

    /** A component standing for one that declared the product's children itself. */
    private static final class Owner extends ComponentResource {
        Owner(String name) {
            super("test:index:Owner", name);
        }
    }
}
