package dev.apigeegke.apigee.bundle;

import static dev.apigeegke.apigee.bundle.Bundles.PROXY;
import static dev.apigeegke.apigee.bundle.Bundles.TARGET;
import static dev.apigeegke.apigee.bundle.Bundles.all;
import static dev.apigeegke.apigee.bundle.Bundles.at;
import static dev.apigeegke.apigee.bundle.Bundles.problems;
import static dev.apigeegke.apigee.bundle.Bundles.render;
import static dev.apigeegke.apigee.bundle.Bundles.xml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicrogatewayTest {
    private static final String URL = "http://orders.shop.svc.cluster.local:8080";

    private static ProxyModel.Builder micro() {
        return ProxyModel.builder().name("edgemicro_orders").basePath("/orders").microgateway(true).targetUrl(URL);
    }

    @Test
    void microgatewayProxiesAreNamedEdgemicroWithNoHyphenAfterThePrefix() {
        for (String name : List.of("orders", "edgemicro_", "edgemicro_-orders", "EdgeMicro_orders", "edgemicro-orders")) {
            assertThat(problems(() -> micro().name(name).build())).containsExactly("name = \"" + name + "\": "
                            + "Edge Microgateway only loads proxies named edgemicro_*: name it edgemicro_<api>, e.g. "
                                    + "edgemicro_orders, with no '-' directly after the prefix");
        }
        for (String name : List.of("edgemicro_orders", "edgemicro_orders-v2", "edgemicro__orders")) {
            assertThat(micro().name(name).build().name()).isEqualTo(name);
        }
    }

    @Test
    void onlyMicrogatewayProxiesMayUseTheEdgemicroPrefix() {
        assertThat(problems(() -> ProxyModel.builder().name("edgemicro_orders").basePath("/orders")
                .targetServer("orders-target").build())).containsExactly("name = \"edgemicro_orders\": Edge Microgateway loads "
                        + "every proxy named edgemicro_* and would serve this one without its policies: choose another name, or "
                        + "set microgateway(true) for a microgateway proxy");
    }

    @Test
    void microgatewayProxiesForwardToAUrlBecauseMicrogatewayCannotResolveTargetServers() {
        assertThat(problems(() -> micro().targetServer("orders-target").build())).containsExactly("targetServer = "
                + "\"orders-target\": Edge Microgateway reads the target URL from the bundle and drops proxies without one; it "
                + "cannot resolve target servers: give targetUrl(...) instead");
        assertThat(problems(() -> micro().targetUrl(null).build())).containsExactly("targetUrl = (not set): the URL Edge "
                + "Microgateway forwards to: http(s)://host[:port][/path], no query, fragment or credentials, e.g. "
                + "http://orders.shop.svc.cluster.local:8080");
        for (String url : Arrays.asList("ftp://orders", "orders:8080", "http://orders/?a=1", "http://user:pw@orders",
                "http://orders/#top", "http://")) {
            assertThat(problems(() -> micro().targetUrl(url).build())).containsExactly("targetUrl = \"" + url + "\": "
                            + "the URL Edge Microgateway forwards to: http(s)://host[:port][/path], no query, fragment or "
                                    + "credentials, e.g. http://orders.shop.svc.cluster.local:8080");
        }
        assertThat(problems(() -> micro().targetPath("/api").build())).containsExactly("targetPath = \"/api\": a microgateway "
                + "proxy has only a target URL: put the path in targetUrl");

        var bundle = render(micro().targetUrl("https://orders.example.com/api"));
        var target = xml(bundle, TARGET);
        assertThat(at(target, "//HTTPTargetConnection/URL")).isEqualTo("https://orders.example.com/api");
        assertThat(at(target, "count(//LoadBalancer)")).isEqualTo("0");
        assertThat(at(target, "count(//HTTPTargetConnection/Path)")).isEqualTo("0");
    }

    @Test
    void microgatewayProxiesCarryNoPoliciesOrFlows() {
        assertThat(problems(() -> micro().preFlow(List.of(SpikeArrest.rate("1ps")))
                .flows(List.of(new Flow("a", "/a", List.of(), List.of()))).build())).containsExactly(
                        "preFlow = \"1 policies\": Edge Microgateway never runs proxy policies: remove them and configure its "
                                + "plugins (oauth, quota, spikearrest) instead, or set microgateway(false)",
                        "flows = \"1 flows\": Edge Microgateway routes by base path only and ignores flows: remove them, or set "
                                + "microgateway(false)");
    }

    @Test
    void microgatewayWorksWithApigeeEdgeOnly() {
        assertThat(problems(() -> micro().flavor(ProxyModel.Flavor.X).build())).containsExactly("microgateway = true: Edge "
                + "Microgateway works with Apigee Edge only: use flavor EDGE, or set microgateway(false) on X");
    }

    @Test
    void aMicrogatewayBundleHoldsOnlyTheBasePathAndTargetUrl() {
        var bundle = render(micro());
        assertThat(bundle.name()).isEqualTo("edgemicro_orders");
        assertThat(bundle.files()).containsOnlyKeys("apiproxy/edgemicro_orders.xml", PROXY, TARGET);
        var proxy = xml(bundle, PROXY);
        assertThat(at(proxy, "//HTTPProxyConnection/BasePath")).isEqualTo("/orders");
        assertThat(all(proxy, "//HTTPProxyConnection/VirtualHost")).containsExactly("secure");
        assertThat(at(proxy, "count(//Step)")).isEqualTo("0");
        assertThat(at(proxy, "count(//Flows/Flow)")).isEqualTo("0");
        assertThat(at(xml(bundle, TARGET), "//URL")).isEqualTo(URL);
        assertThat(at(xml(bundle, "apiproxy/edgemicro_orders.xml"), "count(//Policies/Policy)")).isEqualTo("0");
    }
}
