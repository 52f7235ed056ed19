package dev.apigeegke.apigee.bundle;

import static dev.apigeegke.apigee.bundle.Bundles.PROXY;
import static dev.apigeegke.apigee.bundle.Bundles.TARGET;
import static dev.apigeegke.apigee.bundle.Bundles.all;
import static dev.apigeegke.apigee.bundle.Bundles.at;
import static dev.apigeegke.apigee.bundle.Bundles.only;
import static dev.apigeegke.apigee.bundle.Bundles.problems;
import static dev.apigeegke.apigee.bundle.Bundles.render;
import static dev.apigeegke.apigee.bundle.Bundles.xml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.core.Problem;
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
            var problem = only(problems(() -> micro().name(name).build()), "name");
            assertThat(problem.value()).isEqualTo("\"" + name + "\"");
            assertThat(problem.fix())
                    .contains("Edge Microgateway only loads proxies named edgemicro_*")
                    .contains("edgemicro_orders")
                    .contains("no '-' directly after the prefix");
        }
        for (String name : List.of("edgemicro_orders", "edgemicro_orders-v2", "edgemicro__orders")) {
            assertThat(micro().name(name).build().name()).isEqualTo(name);
        }
    }

    @Test
    void onlyMicrogatewayProxiesMayUseTheEdgemicroPrefix() {
        var problem = only(problems(() -> ProxyModel.builder().name("edgemicro_orders").basePath("/orders")
                .targetServer("orders-target").build()), "name");
        assertThat(problem.fix()).contains("would serve this one without its policies").contains("microgateway(true)");
    }

    @Test
    void microgatewayProxiesForwardToAUrlBecauseMicrogatewayCannotResolveTargetServers() {
        var withServer = problems(() -> micro().targetServer("orders-target").build());
        assertThat(only(withServer, "targetServer").fix()).contains("cannot resolve target servers").contains("targetUrl");
        assertThat(only(problems(() -> micro().targetUrl(null).build()), "targetUrl").fix())
                .contains("http(s)://host[:port][/path]");
        for (String url : Arrays.asList("ftp://orders", "orders:8080", "http://orders/?a=1", "http://user:pw@orders",
                "http://orders/#top", "http://")) {
            assertThat(only(problems(() -> micro().targetUrl(url).build()), "targetUrl")).as(url).isNotNull();
        }
        assertThat(only(problems(() -> micro().targetPath("/api").build()), "targetPath").fix())
                .contains("put the path in targetUrl");

        var bundle = render(micro().targetUrl("https://orders.example.com/api"));
        var target = xml(bundle, TARGET);
        assertThat(at(target, "//HTTPTargetConnection/URL")).isEqualTo("https://orders.example.com/api");
        assertThat(at(target, "count(//LoadBalancer)")).isEqualTo("0");
        assertThat(at(target, "count(//HTTPTargetConnection/Path)")).isEqualTo("0");
    }

    @Test
    void microgatewayProxiesCarryNoPoliciesOrFlows() {
        var problems = problems(() -> micro().preFlow(List.of(SpikeArrest.rate("1ps")))
                .flows(List.of(new Flow("a", "/a", List.of(), List.of()))).build());
        assertThat(problems).extracting(Problem::argument).containsExactly("preFlow", "flows");
        assertThat(only(problems, "preFlow").fix()).contains("Edge Microgateway never runs proxy policies")
                .contains("plugins");
        assertThat(only(problems, "flows").fix()).contains("ignores flows");
    }

    @Test
    void microgatewayWorksWithApigeeEdgeOnly() {
        assertThat(only(problems(() -> micro().flavor(ProxyModel.Flavor.X).build()), "microgateway").fix())
                .contains("Apigee Edge only");
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
