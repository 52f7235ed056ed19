package dev.apigeegke.apigee;

import static dev.apigeegke.testing.Harness.at;
import static dev.apigeegke.testing.Rejections.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.apigee.bundle.ProxyModel;
import dev.apigeegke.apigee.bundle.Quota;
import dev.apigeegke.apigee.bundle.SpikeArrest;
import dev.apigeegke.apigee.bundle.VerifyApiKey;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.FormerAddresses;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.internal.validation.ApigeeNamesTest;
import java.util.Set;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApigeeProxyTest {
    private static final String PROXY = "apigee:index:ApiProxy";
    private static final String PRODUCT = "apigee:index:ApiProduct";
    private static final String TARGET = "apigee:index:TargetServer";
    private static final String APP = "apigee:index:DeveloperApp";

    /** The proxy "shop" of organization acme in test and prod, with a spike arrest, an API key and its product's quota. */
    static ApigeeProxyArgs.Builder withoutTarget() {
        var key = VerifyApiKey.header("x-api-key");
        return ApigeeProxyArgs.builder()
                .organization("acme")
                .environments(List.of("test", "prod"))
                .proxyName("shop")
                .basePath("/shop")
                .preFlow(List.of(SpikeArrest.rate("20ps"), key, Quota.fromProduct(key, 100)));
    }

    private static ApigeeProxyArgs.Builder args() {
        return withoutTarget().target("https://api.internal.example.com");
    }

    static Plan preview(ApigeeProxyArgs args) {
        return Harness.preview(ctx -> {
            var api = new ApigeeProxy("shop", args, null);
            ctx.export("proxyUrl", api.proxyUrl());
            ctx.export("consumerKey", api.consumerKey());
        });
    }

    @Test
    void deploysTheRenderedBundleToEveryEnvironment() {
        var plan = preview(args().build());
        var proxy = plan.get(PROXY, "shop").inputs();
        assertThat(proxy).containsEntry("name", "shop").containsEntry("environments", List.of("test", "prod"));
        byte[] zip = Base64.getDecoder().decode((String) proxy.get("bundle"));
        assertThat(proxy.get("bundleHash")).isEqualTo(sha256(zip));
        assertThat(plan.outputs()).containsEntry("proxyUrl", "https://acme-test.apigee.net/shop");
    }

    @Test
    void putsTheTargetsAddressInATargetServerPerEnvironment() {
        var plan = preview(args().build());
        assertThat(plan.ofType(TARGET)).extracting(Plan.Resource::name).containsExactlyInAnyOrder("shop-target-test", "shop-target-prod");
        var test = plan.get(TARGET, "shop-target-test").inputs();
        assertThat(test).containsEntry("environment", "test").containsEntry("name", "shop-target")
                .containsEntry("host", "api.internal.example.com").containsEntry("port", 443L).containsEntry("sslEnabled", true);
        var http = preview(args().target("http://34.1.2.3").build()).get(TARGET, "shop-target-test").inputs();
        assertThat(http).containsEntry("host", "34.1.2.3").containsEntry("port", 80L).containsEntry("sslEnabled", false);
    }

    @Test
    void theBundleDoesNotChangeWhenOnlyTheTargetAddressDoes() {
        var a = preview(args().build()).get(PROXY, "shop").inputs().get("bundleHash");
        var b = preview(args().target("http://34.1.2.3:8080").build()).get(PROXY, "shop").inputs().get("bundleHash");
        assertThat(a).isEqualTo(b);
        var c = preview(args().basePath("/store").build()).get(PROXY, "shop").inputs().get("bundleHash");
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void productPackagesTheProxyWithItsQuotaAndDefaults() {
        var product = preview(args().quota(new ProductQuota(500, 1, "minute")).build()).get(PRODUCT, "shop-product").inputs();
        assertThat(product).containsEntry("name", "shop-product")
                .containsEntry("proxies", List.of("shop"))
                .containsEntry("environments", List.of("test", "prod"))
                .containsEntry("approvalType", "auto")
                .containsEntry("attributes", Map.of("access", "public"))
                .containsEntry("apiResources", List.of("/", "/**"))
                .containsEntry("quota", "500").containsEntry("quotaInterval", "1").containsEntry("quotaTimeUnit", "minute");
        var noQuota = preview(args().build()).get(PRODUCT, "shop-product").inputs();
        assertThat(noQuota).doesNotContainKeys("quota", "quotaInterval", "quotaTimeUnit");
    }

    @Test
    void consumerKeyAndSecretAreSecretOutputs() {
        var plan = Harness.deploy(ctx -> {
            var api = new ApigeeProxy("shop", args().consumer(new ApiConsumer("dev@example.com", "Dev", "One", "shop-app")).build(), null);
            ctx.export("consumerKey", api.consumerKey());
            ctx.export("consumerSecret", api.app().orElseThrow().consumerSecret());
        });
        assertThat(plan.outputs()).containsEntry("consumerKey", Harness.SECRET).containsEntry("consumerSecret", Harness.SECRET);
        var app = plan.get(APP, "shop-app").inputs();
        assertThat(app).containsEntry("developerEmail", "dev@example.com").containsEntry("name", "shop-app")
                .containsEntry("apiProducts", List.of("shop-product"));
        assertThat(plan.get("apigee:index:Developer", "shop-developer").inputs()).containsEntry("userName", "dev");
    }

    @Test
    void microgatewayVariantUsesAnEdgemicroProxyAndListsEdgemicroAuth() {
        var plan = preview(args().proxyName("edgemicro_shop").microgateway(true).preFlow(List.of())
                .target("http://shop.default.svc.cluster.local:8080").build());
        assertThat(at(plan.get(PRODUCT, "shop-product").inputs(), "proxies")).isEqualTo(List.of("edgemicro_shop", "edgemicro-auth"));
        assertThat(plan.ofType(TARGET)).isEmpty();
        assertThat(problems(() -> args().proxyName("shop").microgateway(true).preFlow(List.of()).build())).containsExactly(
                "proxy.name = \"shop\": Edge Microgateway only loads proxies named edgemicro_*: name it edgemicro_<api>, e.g. "
                + "edgemicro_orders, with no '-' directly after the prefix");
        assertThat(problems(() -> args().proxyName("edgemicro_shop").microgateway(true).preFlow(List.of())
                .target(com.pulumi.core.Output.of("http://x.example.com")).build())).containsExactly(
                        "target = (not set): a microgateway proxy needs its target as a plain URL (Edge Microgateway cannot "
                                + "resolve target servers), e.g. http://orders.default.svc.cluster.local",
                        "proxy.targetUrl = (not set): the URL Edge Microgateway forwards to: http(s)://host[:port][/path], no "
                                + "query, fragment or credentials, e.g. http://orders.shop.svc.cluster.local:8080");
    }

    @Test
    void anEdgeHostMadeFromValidNamesThatIsNoHostNameAsksForTheVirtualHost() {
        // Each name is valid alone (63 characters), but "<org>-<env>" is one DNS label of 127.
        String org = "o".repeat(63);
        String env = "e".repeat(63);
        assertThat(problems(() -> args().organization(org).environments(List.of(env)).build())).containsExactly(
                "hostname = \"" + org + "-" + env + ".apigee.net\": the host Edge serves the proxy on, made from the organization "
                        + "and first environment, is not a host name ("
                        + dev.apigeegke.internal.validation.Hostnames.problem(org + "-" + env + ".apigee.net", "api.example.com")
                        + "): give the virtual host's name");
        assertThat(args().organization(org).environments(List.of(env)).hostname("api.example.com").build()).isNotNull();
    }

    @Test
    void apigeeXNeedsItsHostnameAndCanReserveNatAddresses() {
        assertThat(problems(() -> args().flavor(ProxyModel.Flavor.X).build())).containsExactly("hostname = (not set): Apigee X "
                + "serves proxies on an environment group's host name: give it, e.g. api.example.com");
        var plan = preview(args().flavor(ProxyModel.Flavor.X).hostname("api.example.com").natAddresses(2, "eu-instance").build());
        assertThat(plan.outputs()).containsEntry("proxyUrl", "https://api.example.com/shop");
        assertThat(plan.ofType("gcp:apigee/natAddress:NatAddress")).hasSize(2)
                .allSatisfy(n -> assertThat(n.inputs()).containsEntry("instanceId", "organizations/acme/instances/eu-instance"));
        assertThat(problems(() -> args().natAddresses(1, "eu-instance").build())).containsExactly("natAddresses = 1: NAT "
                + "addresses exist only on Apigee X; Apigee Edge's egress ranges come from Apigee support");
    }

    @Test
    void reportsEveryInvalidArgumentAtOnce() {
        assertThat(problems(() -> ApigeeProxyArgs.builder()
                .organization("Acme Corp")
                .environments(List.of("Test"))
                .proxyName("shop")
                .basePath("shop")
                .preFlow(List.of(SpikeArrest.rate("20 per second")))
                .target("ftp://files.example.com/path")
                .quota(new ProductQuota(0, 1, "fortnight"))
                .approvalType("sometimes")
                .access("secret")
                .consumer(new ApiConsumer("not-an-email", "", "X", "app"))
                .build())).containsExactly(
                        "organization = \"Acme Corp\": " + ApigeeNamesTest.ORGANIZATION,
                        "environments[0] = \"Test\": " + ApigeeNamesTest.ENVIRONMENT,
                        "target = \"ftp://files.example.com/path\": a base URL http(s)://host[:port] without path or query; put "
                                + "a path in targetPath",
                        "quota.count = 0: at least 1 request per interval",
                        "quota.timeUnit = \"fortnight\": one of minute, hour, day, month",
                        "approvalType = \"sometimes\": auto or manual",
                        "access = \"secret\": public, private or internal",
                        "consumer.email = \"not-an-email\": a developer email such as team@example.com",
                        "consumer.firstName = \"\": the developer's first name",
                        "proxy.basePath = \"shop\": a path starting with '/', e.g. /orders or /v1/orders: segments of letters, "
                                + "digits, '.', '_', '~' and '-', no trailing '/'",
                        "proxy.preFlow[0].rate = \"20 per second\": a rate as <n>ps (per second) or <n>pm (per minute), n a "
                                + "whole number from 1, e.g. 30ps or 600pm");
    }

    @Test
    void requiresATargetBeforeAnyResourceIsRegistered() {
        var validated = ApigeeProxyArgs.builder().organization("acme").environments(List.of("test"))
                .proxyName("shop").basePath("/shop").build();
        assertThat(Harness.errors(ctx -> new ApigeeProxy("shop", validated, null))).containsExactly(
                """
                ApigeeProxy: 1 invalid argument
                  - target = (not set): give the target's base URL: ApigeeProxyArgs.builder().target(...) or \
                args.withTarget(ingress.url())""");
        var plan = Harness.preview(ctx -> new ApigeeProxy("shop", validated.withTarget(com.pulumi.core.Output.of("https://a.example.com")), null));
        assertThat(plan.ofType(PROXY)).hasSize(1);
    }

    @Test
    void childrenAreParentedToTheComponentAndTheProductToItsOwn() {
        var plan = preview(args().consumer(new ApiConsumer("dev@example.com", "Dev", "One", "shop-app")).build());
        var component = plan.get(ApigeeProxy.TYPE, "shop");
        assertThat(ApigeeProxy.TYPE).isEqualTo("apigee-gke:index:ApigeeProxy");
        var product = plan.get(ApigeeProduct.TYPE, "shop");
        assertThat(product.parent()).isEqualTo(component.urn());
        assertThat(plan.resources()).filteredOn(r -> r.type().startsWith("apigee:index:")).hasSize(6)
                .allSatisfy(r -> assertThat(r.parent()).isEqualTo(
                        List.of("shop-product", "shop-developer", "shop-app").contains(r.name()) ? product.urn() : component.urn()));
    }

    @Test
    void theProductWaitsForTheProxyItLists() {
        var plan = preview(args().build());
        assertThat(plan.get(PRODUCT, "shop-product").dependencies()).contains(plan.get(PROXY, "shop").urn());
    }

    @Test
    void withoutAProductThereIsNoProductComponentAndNoKey() {
        var plan = preview(args().createProduct(false).build());
        assertThat(plan.ofType(ApigeeProduct.TYPE)).isEmpty();
        assertThat(plan.ofType(PRODUCT)).isEmpty();
        assertThat(plan.outputs()).containsEntry("consumerKey", Harness.SECRET);
        assertThat(args().createProduct(false).build().product()).isEmpty();
        assertThat(problems(() -> args().createProduct(false).consumer(new ApiConsumer("dev@example.com", "Dev", "One", "app")).build()))
                .containsExactly("consumer = \"app\": a consumer's app needs the product: remove createProduct(false)");
    }

    @Test
    void theProductKeepsTheAddressItHadWhenTheProxyDeclaredItDirectly() {
        var adopted = dev.apigeegke.testing.FormerAddresses.adopted(Map.of(), java.util.Set.of(), ctx -> new ApigeeProxy("shop",
                args().consumer(new ApiConsumer("dev@example.com", "Dev", "One", "shop-app")).build()), java.util.Set.of(ApigeeProduct.TYPE));
        assertThat(adopted.keySet()).filteredOn(urn -> urn.contains("apigee:index:")).hasSize(6)
                .allSatisfy(urn -> assertThat(adopted.get(urn)).as(urn).hasValue(FormerAddresses.withoutLayers(urn, Set.of(ApigeeProduct.TYPE))));
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
