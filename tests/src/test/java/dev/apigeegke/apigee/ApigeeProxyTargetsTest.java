package dev.apigeegke.apigee;

import static dev.apigeegke.apigee.ApigeeProxyTest.preview;
import static dev.apigeegke.apigee.ApigeeProxyTest.withoutTarget;
import static dev.apigeegke.testing.Rejections.problems;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import dev.apigeegke.apigee.bundle.HealthMonitor;
import dev.apigeegke.apigee.bundle.LoadBalancing;
import dev.apigeegke.apigee.bundle.LoadBalancing.Algorithm;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.BundleFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** An {@link ApigeeProxy} balancing over several targets (one per cluster, say): its target servers and its bundle. */
class ApigeeProxyTargetsTest {
    private static final String PROXY = "apigee:index:ApiProxy";
    private static final String TARGET = "apigee:index:TargetServer";
    private static final LoadBalancing WEIGHTED = LoadBalancing.of(Algorithm.WEIGHTED, 3, HealthMonitor.http("/shop/health", true));
    /** eu takes twice asia's share, us is drained. */
    private static final List<ProxyTarget> TARGETS = List.of(new ProxyTarget("eu", 2, false), new ProxyTarget("us", 0, false),
            new ProxyTarget("asia", 1, false));
    private static final Map<String, String> URLS = urls("https://eu.shop.example.com", "http://34.1.2.3:8080", "https://10.0.0.5:8443");

    private static Map<String, String> urls(String eu, String us, String asia) {
        var urls = new LinkedHashMap<String, String>();
        urls.put("eu", eu);
        urls.put("us", us);
        urls.put("asia", asia);
        return urls;
    }

    private static ApigeeProxyArgs args(List<ProxyTarget> targets, Map<String, String> urls) {
        var byName = new LinkedHashMap<String, Output<String>>();
        urls.forEach((name, url) -> byName.put(name, Output.of(url)));
        return withoutTarget().targets(targets).loadBalancing(WEIGHTED).build().withTargets(byName);
    }

    private static Plan plan(List<ProxyTarget> targets, Map<String, String> urls) {
        return preview(args(targets, urls));
    }

    /** The bundle's target endpoint, as the ApiProxy resource uploads it. */
    private static Document targetEndpoint(Plan plan) throws Exception {
        var target = BundleFiles.of((String) plan.get(PROXY, "shop").inputs().get("bundle")).get("apiproxy/targets/default.xml");
        assertThat(target).as("the bundle's target endpoint").isNotNull();
        return BundleFiles.xml(target);
    }

    private static List<String> all(Document document, String xpath) {
        return BundleFiles.texts(document, xpath);
    }

    @Test
    void declaresATargetServerPerTargetAndEnvironmentHoldingThatTargetsAddress() {
        var plan = plan(TARGETS, URLS);
        assertThat(plan.ofType(TARGET)).extracting(Plan.Resource::name).containsExactlyInAnyOrder(
                "shop-target-eu-test", "shop-target-eu-prod", "shop-target-us-test", "shop-target-us-prod",
                "shop-target-asia-test", "shop-target-asia-prod");
        for (String env : List.of("test", "prod")) {
            assertThat(plan.get(TARGET, "shop-target-eu-" + env).inputs()).containsEntry("environment", env)
                    .containsEntry("name", "shop-eu").containsEntry("host", "eu.shop.example.com").containsEntry("port", 443L)
                    .containsEntry("sslEnabled", true).containsEntry("enabled", true);
            assertThat(plan.get(TARGET, "shop-target-us-" + env).inputs()).containsEntry("environment", env)
                    .containsEntry("name", "shop-us").containsEntry("host", "34.1.2.3").containsEntry("port", 8080L)
                    .containsEntry("sslEnabled", false).containsEntry("enabled", false);
            assertThat(plan.get(TARGET, "shop-target-asia-" + env).inputs()).containsEntry("environment", env)
                    .containsEntry("name", "shop-asia").containsEntry("host", "10.0.0.5").containsEntry("port", 8443L)
                    .containsEntry("sslEnabled", true).containsEntry("enabled", true);
        }
    }

    @Test
    void theBundleBalancesOverTheTargetServersInTheTargetsOrder() throws Exception {
        var plan = plan(TARGETS, URLS);
        var target = targetEndpoint(plan);
        String balancer = "/TargetEndpoint/HTTPTargetConnection/LoadBalancer";
        assertThat(all(target, balancer + "/Server/@name")).containsExactly("shop-eu", "shop-us", "shop-asia");
        // The drained target stays listed; its disabled target servers keep requests from it.
        assertThat(all(target, balancer + "/Server/Weight")).containsExactly("2", "1", "1");
        assertThat(all(target, balancer + "/Algorithm")).containsExactly("Weighted");
        assertThat(all(target, balancer + "/MaxFailures")).containsExactly("3");
        assertThat(all(target, "/TargetEndpoint/HTTPTargetConnection/HealthMonitor/HTTPMonitor/Request/Path")).containsExactly("/shop/health");
        var serverNames = plan.ofType(TARGET).stream().map(r -> (String) r.inputs().get("name")).distinct().sorted().toList();
        assertThat(serverNames).containsExactly("shop-asia", "shop-eu", "shop-us");
        var reordered = List.of(TARGETS.get(2), TARGETS.get(0), TARGETS.get(1));
        assertThat(all(targetEndpoint(plan(reordered, URLS)), balancer + "/Server/@name")).containsExactly("shop-asia", "shop-eu", "shop-us");
    }

    @Test
    void theBundleDoesNotChangeWhenOnlyATargetsAddressDoes() {
        Object hash = plan(TARGETS, URLS).get(PROXY, "shop").inputs().get("bundleHash");
        var moved = plan(TARGETS, urls("https://eu.shop.example.com", "http://34.9.9.9:8080", "https://10.0.0.6:8443"));
        assertThat(moved.get(PROXY, "shop").inputs().get("bundleHash")).isEqualTo(hash);
        assertThat(moved.get(TARGET, "shop-target-us-test").inputs()).containsEntry("host", "34.9.9.9");
        var reweighted = List.of(new ProxyTarget("eu", 3, false), TARGETS.get(1), TARGETS.get(2));
        assertThat(plan(reweighted, URLS).get(PROXY, "shop").inputs().get("bundleHash")).isNotEqualTo(hash);
    }

    @Test
    void theProxyWaitsForEveryTargetServer() {
        var plan = plan(TARGETS, URLS);
        var servers = plan.ofType(TARGET).stream().map(Plan.Resource::urn).toList();
        assertThat(servers).hasSize(6);
        assertThat(plan.get(PROXY, "shop").dependsOn()).containsAll(servers);
    }

    @Test
    void reportsEveryProblemOfTheTargetsAtOnce() {
        var targets = List.of(ProxyTarget.named("eu"), ProxyTarget.named("eu"), new ProxyTarget("us", -1, false),
                new ProxyTarget("asia", 2, false));
        assertThat(problems(() -> withoutTarget().target("https://shop.example.com").targets(targets)
                .loadBalancing(LoadBalancing.of(Algorithm.ROUND_ROBIN, 3, HealthMonitor.http("/health", false))).build()))
                .containsExactly(
                        "target = \"https://shop.example.com\": a proxy balancing over targets(...) takes their URLs through "
                                + "withTargets: remove target(...)",
                        "targets[1].name = \"eu\": listed twice: name each target once",
                        "targets[2].weight = -1: 0 (drained: no requests, the target kept) or more (its share of the requests)",
                        "targets[3].weight = 2: weights apply with the WEIGHTED algorithm only: use it, or give each target 1 "
                                + "(0 drains it)");
    }

    @Test
    void aProxyWithEveryTargetDrainedHasNowhereToSendRequests() {
        var drained = List.of(new ProxyTarget("eu", 0, false), new ProxyTarget("us", 0, false), new ProxyTarget("asia", 1, true));
        assertThat(problems(() -> withoutTarget().targets(drained).loadBalancing(WEIGHTED).build())).containsExactly(
                "targets = [eu=0, us=0, asia=1]: give at least one target that is not the fallback a weight above 0: with every "
                        + "one drained, no request has anywhere to go");
    }

    @Test
    void twoTargetsNeedTheirLoadBalancing() {
        assertThat(problems(() -> withoutTarget().targets(List.of(ProxyTarget.named("eu"), ProxyTarget.named("us"))).build()))
                .containsExactly("loadBalancing = (not set): how the proxy balances over its 2 targets, e.g. "
                        + "LoadBalancing.of(ROUND_ROBIN, 3, HealthMonitor.http(\"/orders\", false))");
    }

    @Test
    void withTargetsTakesAUrlForEachTargetAndNoOther() {
        var validated = withoutTarget().targets(TARGETS).loadBalancing(WEIGHTED).build();
        var missing = Map.of("eu", Output.of("https://eu.example.com"), "us", Output.of("https://us.example.com"));
        assertThat(problems(() -> validated.withTargets(missing))).singleElement().asString()
                .startsWith("urls = [").endsWith("]: a URL for each target and no other: [eu, us, asia]");
        var extra = new LinkedHashMap<String, Output<String>>(missing);
        extra.put("asia", Output.of("https://asia.example.com"));
        extra.put("au", Output.of("https://au.example.com"));
        assertThat(problems(() -> validated.withTargets(extra))).singleElement().asString()
                .contains("au").endsWith(": a URL for each target and no other: [eu, us, asia]");
    }
}
