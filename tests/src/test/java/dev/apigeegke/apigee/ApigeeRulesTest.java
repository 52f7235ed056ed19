package dev.apigeegke.apigee;

import static dev.apigeegke.testing.Rejections.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.apigee.bundle.ProxyModel;
import dev.apigeegke.apigee.bundle.Quota;
import dev.apigeegke.apigee.bundle.SpikeArrest;
import dev.apigeegke.apigee.bundle.VerifyApiKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What Apigee Edge and X refuse, refused by the argument builders first: repeated environments and proxies, quota
 * time units a product or a Quota policy does not take, malformed environment group hosts and uppercase developer
 * emails on X; names at their longest are accepted.
 */
class ApigeeRulesTest {
    private static ApigeeProxyArgs.Builder proxy() {
        var key = VerifyApiKey.header("x-api-key");
        return ApigeeProxyArgs.builder()
                .organization("acme")
                .environments(List.of("test"))
                .proxyName("shop")
                .basePath("/shop")
                .preFlow(List.of(SpikeArrest.rate("20ps"), key, Quota.fromProduct(key, 100)))
                .target("https://api.internal.example.com");
    }

    private static ApigeeProductArgs.Builder product() {
        return ApigeeProductArgs.builder().name("shop").environments(List.of("test")).proxies(List.of("shop-api"));
    }

    @Test
    void refusesARepeatedEnvironmentOrProxy() {
        assertThat(problems(() -> proxy().environments(List.of("test", "prod", "test")).productProxies(List.of("a", "b", "a"))
                .build())).containsExactly(
                        "environments[2] = \"test\": listed twice; remove the duplicate",
                        "productProxies[2] = \"a\": listed twice; remove the duplicate");
        assertThat(problems(() -> product().environments(List.of("prod", "prod")).proxies(List.of("shop-api", "shop-api")).build()))
                .containsExactly(
                        "environments[1] = \"prod\": listed twice; remove the duplicate",
                        "proxies[1] = \"shop-api\": listed twice; remove the duplicate");
    }

    @Test
    void refusesAWeekOnAProductQuotaOnBothFlavors() {
        String week = "quota.timeUnit = \"week\": an API product's quotaTimeUnit is minute, hour, day or month on Apigee Edge and X "
                + "(a week is a Quota policy's unit): write an interval of 7 day";
        assertThat(problems(() -> product().quota(new ProductQuota(1000, 1, "week")).build())).containsExactly(week);
        assertThat(problems(() -> proxy().flavor(ProxyModel.Flavor.X).hostname("api.example.com")
                .quota(new ProductQuota(1000, 1, "week")).build())).containsExactly(week);
        assertThat(product().quota(new ProductQuota(1000, 7, "day")).build().quota()).contains(new ProductQuota(1000, 7, "day"));
    }

    @Test
    void refusesAQuotaCountAboveTheLargestRendered() {
        assertThat(problems(() -> product().quota(new ProductQuota(1_000_000_000, 1, "month")).build())).containsExactly(
                "quota.count = 1000000000: at most 999999999 requests per interval");
        assertThat(product().quota(new ProductQuota(999_999_999, 1, "month")).build().quota()).isPresent();
    }

    @Test
    void refusesAQuotaPolicyPerSecondWhichApigeeRefusesWhenSaving() {
        var key = VerifyApiKey.header("x-api-key");
        assertThat(problems(() -> proxy().preFlow(List.of(key, Quota.explicit(10, 1, "second"))).build())).containsExactly(
                "proxy.preFlow[1].timeUnit = \"second\": Apigee refuses a Quota policy's TimeUnit second when the revision is "
                        + "saved: use a SpikeArrest for a rate per second, or one of minute, hour, day, week, month");
        assertThat(proxy().preFlow(List.of(key, Quota.explicit(10, 1, "week"))).build().proxy()).isNotNull();
    }

    @Test
    void refusesAMalformedEnvironmentGroupHostOnX() {
        var x = proxy().flavor(ProxyModel.Flavor.X);
        assertThat(problems(() -> x.hostname("API.example.com").build())).containsExactly(
                "hostname = \"API.example.com\": write it in lowercase: api.example.com");
        assertThat(problems(() -> x.hostname("api.example.com.").build())).containsExactly(
                "hostname = \"api.example.com.\": remove the trailing dot: write api.example.com");
        assertThat(problems(() -> x.hostname("https://api.example.com").build())).containsExactly(
                "hostname = \"https://api.example.com\": remove the scheme: give a host name such as api.example.com");
        assertThat(problems(() -> x.hostname("*.example.com").build())).containsExactly(
                "hostname = \"*.example.com\": a wildcard is not a host name (a Google-managed certificate takes none): list "
                        + "each host, e.g. api.example.com");
        assertThat(x.hostname("api-1.internal.example.io").build().hostname()).isEqualTo("api-1.internal.example.io");
    }

    @Test
    void refusesAnUppercaseDeveloperEmailOnXOnly() {
        var consumer = ApiConsumer.sample("Team@Example.com", "shop-app");
        assertThat(problems(() -> proxy().flavor(ProxyModel.Flavor.X).hostname("api.example.com").consumer(consumer).build()))
                .containsExactly("consumer.email = \"Team@Example.com\": Apigee X keeps developer emails in lowercase only: use "
                        + "\"team@example.com\"");
        assertThat(proxy().consumer(consumer).build().product().orElseThrow().consumer()).contains(consumer);
    }

    @Test
    void acceptsNamesAtTheirLongest() {
        String name255 = "p".repeat(255);
        var built = product().name(name255).proxies(List.of("x".repeat(255))).consumer(ApiConsumer.sample("a@b.co", "a".repeat(255)))
                .build();
        assertThat(built.name()).hasSize(255);
        assertThat(problems(() -> product().name(name255 + "p").build())).containsExactly("name = \"" + name255 + "p\": a product "
                + "name: letters, digits, '.', '_' and '-', starting with a letter or digit, at most 255 characters");
        assertThat(proxy().flavor(ProxyModel.Flavor.X).hostname("api.example.com").natAddresses(1, "i" + "-".repeat(30) + "1")
                .build().instance()).contains("i" + "-".repeat(30) + "1");
        assertThat(problems(() -> proxy().flavor(ProxyModel.Flavor.X).hostname("api.example.com").natAddresses(1, "i".repeat(33))
                .build())).containsExactly("instance = \"" + "i".repeat(33) + "\": the Apigee X instance to reserve the addresses "
                        + "on: its id, lowercase letters, digits and '-', starting with a letter, at most 32 characters");
    }
}
