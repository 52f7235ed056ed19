package dev.apigeegke.apigee.bundle;

import static dev.apigeegke.apigee.bundle.Bundles.PROXY;
import static dev.apigeegke.apigee.bundle.Bundles.TARGET;
import static dev.apigeegke.apigee.bundle.Bundles.all;
import static dev.apigeegke.apigee.bundle.Bundles.at;
import static dev.apigeegke.apigee.bundle.Bundles.edge;
import static dev.apigeegke.apigee.bundle.Bundles.only;
import static dev.apigeegke.apigee.bundle.Bundles.problems;
import static dev.apigeegke.apigee.bundle.Bundles.render;
import static dev.apigeegke.apigee.bundle.Bundles.x;
import static dev.apigeegke.apigee.bundle.Bundles.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigeegke.core.InvalidArgumentsException;
import dev.apigeegke.core.Problem;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyModelTest {
    private static final VerifyApiKey KEY = VerifyApiKey.header("x-api-key");

    private static Flow flow(String name, String path, Policy... policies) {
        return new Flow(name, path, List.of("GET"), List.of(policies));
    }

    @Test
    void appliesTheDocumentedDefaults() {
        var model = ProxyModel.builder().name("orders").basePath("/orders").targetServer("orders-target").build();
        assertThat(model.flavor()).isEqualTo(ProxyModel.Flavor.EDGE);
        assertThat(model.virtualHosts()).containsExactly("secure");
        assertThat(model.targetPath()).isEqualTo("/");
        assertThat(model.description()).isEmpty();
        assertThat(model.preFlow()).isEmpty();
        assertThat(model.flows()).isEmpty();
        assertThat(model.microgateway()).isFalse();
        assertThat(model.targetUrl()).isEmpty();
        assertThat(model.rejectsUnknownRequests()).isFalse();
        var bundle = BundleRenderer.render(model);
        assertThat(all(xml(bundle, PROXY), "//HTTPProxyConnection/VirtualHost")).containsExactly("secure");
        assertThat(at(xml(bundle, TARGET), "//HTTPTargetConnection/Path")).isEqualTo("/");
        assertThat(bundle.files().keySet()).noneMatch(path -> path.startsWith("apiproxy/policies/"));
        var policy = JsonThreatProtection.defaults();
        assertThat(List.of(policy.containerDepth(), policy.arrayElementCount(), policy.objectEntryCount(),
                policy.objectEntryNameLength(), policy.stringValueLength())).containsExactly(10, 500, 100, 100, 10_000);
        var cors = Cors.allow(List.of("*"));
        assertThat(cors.methods()).isEqualTo(Cors.DEFAULT_METHODS);
        assertThat(cors.headers()).contains("x-api-key", "authorization");
        assertThat(cors.maxAgeSeconds()).isEqualTo(1800);
        assertThat(Quota.fromProduct(KEY, 7).timeUnit()).isEqualTo("hour");
    }

    @Test
    void namesAndBasePathsFollowApigeeRules() {
        for (String name : Arrays.asList(null, "", "orders api", "orders.api", "orders/api", "o".repeat(256))) {
            assertThat(only(problems(() -> edge().name(name).build()), "name").fix()).as(name)
                    .contains("letters, digits, '-' and '_', at most 255 characters");
        }
        for (String basePath : Arrays.asList(null, "orders", "/orders/", "/a//b", "/a b", "/a?b", "/{id}")) {
            assertThat(only(problems(() -> edge().basePath(basePath).build()), "basePath").fix()).as(basePath)
                    .contains("a path starting with '/'");
        }
        for (String basePath : List.of("/", "/orders", "/v1/orders.json", "/a_b/c-d/~e")) {
            assertThat(edge().basePath(basePath).build().basePath()).isEqualTo(basePath);
        }
        assertThat(only(problems(() -> edge().description("bell\u0007").build()), "description").fix())
                .contains("control characters");
        assertThat(only(problems(() -> edge().flavor(null).build()), "flavor").fix()).contains("EDGE").contains("X");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> ProxyModel.builder().name("bad name").basePath("orders").virtualHosts(List.of())
                .targetPath("api").preFlow(List.of(SpikeArrest.rate("lots"), Quota.explicit(0, 1, "hour")))
                .flows(List.of(flow("a b", "x")))
                .build())
                .isInstanceOfSatisfying(InvalidArgumentsException.class, e -> assertThat(e.problems())
                        .extracting(Problem::argument)
                        .containsExactly("name", "basePath", "virtualHosts", "targetServer", "targetPath",
                                "preFlow[0].rate", "preFlow[1].count", "flows[0].name", "flows[0].pathPattern"))
                .hasMessageStartingWith("ProxyModel \"bad name\": 9 invalid arguments")
                .hasMessageContaining("preFlow[0].rate = \"lots\": a rate as <n>ps");
    }

    @Test
    void edgeProxiesListenOnAtLeastOneVirtualHost() {
        assertThat(only(problems(() -> edge().virtualHosts(List.of()).build()), "virtualHosts").fix())
                .contains("at least one virtual host");
        var problems = problems(() -> edge().virtualHosts(Arrays.asList("secure", "secure", "my host", null)).build());
        assertThat(only(problems, "virtualHosts[1]").fix()).contains("listed twice");
        assertThat(only(problems, "virtualHosts[2]").fix()).contains("a virtual host name");
        assertThat(only(problems, "virtualHosts[3]").value()).isEqualTo("(not set)");
        assertThat(edge().virtualHosts(List.of("default", "secure")).build().virtualHosts()).containsExactly("default", "secure");
    }

    @Test
    void apigeeXProxiesHaveNoVirtualHosts() {
        assertThat(x().build().virtualHosts()).isEmpty();
        assertThat(x().virtualHosts(List.of()).build().virtualHosts()).isEmpty();
        var problem = only(problems(() -> x().virtualHosts(List.of("secure")).build()), "virtualHosts");
        assertThat(problem.value()).isEqualTo("[secure]");
        assertThat(problem.fix()).contains("Apigee X has no virtual hosts").contains("environment groups");
    }

    @Test
    void proxiesReachTheirTargetThroughATargetServer() {
        assertThat(only(problems(() -> edge().targetServer(null).build()), "targetServer").fix()).contains("required");
        assertThat(only(problems(() -> edge().targetServer("orders target").build()), "targetServer")).isNotNull();
        assertThat(only(problems(() -> edge().targetUrl("http://10.0.0.1").build()), "targetUrl").fix())
                .contains("targetUrl is for microgateway proxies")
                .contains("does not change when the target's address does");
        for (String path : Arrays.asList(null, "api", "/api?x=1", "/a b", "/{v}")) {
            assertThat(only(problems(() -> edge().targetPath(path).build()), "targetPath")).as(path).isNotNull();
        }
        assertThat(edge().targetPath("/api/v1").build().targetPath()).isEqualTo("/api/v1");
    }

    @Test
    void twoDifferentPoliciesCannotShareAName() {
        var problem = only(problems(() -> edge().preFlow(List.of(SpikeArrest.rate("1ps"), SpikeArrest.rate("2ps"))).build()),
                "preFlow[1].name");
        assertThat(problem.value()).isEqualTo("\"SA-spike-arrest\"");
        assertThat(problem.fix()).contains("preFlow[0]").contains("withName");
        var acrossFlows = problems(() -> edge().flows(List.of(flow("a", "/a", Quota.explicit(1, 1, "hour")),
                flow("b", "/b", Quota.explicit(2, 1, "hour")))).build());
        assertThat(only(acrossFlows, "flows[1].policies[0].name").fix()).contains("flows[0].policies[0]");
        assertThat(edge().preFlow(List.of(SpikeArrest.rate("1ps"), SpikeArrest.rate("2ps").withName("SA-burst"))).build()
                .policies()).extracting(Policy::name).containsExactly("SA-spike-arrest", "SA-burst");
    }

    @Test
    void aPolicyMayServeSeveralFlowsButRunsOncePerRequest() {
        var strip = AssignMessage.toTarget("AM-strip").removeHeader("cookie");
        var shared = edge().flows(List.of(flow("a", "/a", strip), flow("b", "/b", strip))).build();
        assertThat(shared.policies()).containsExactly(strip);
        assertThat(BundleRenderer.render(shared).files()).containsKey("apiproxy/policies/AM-strip.xml");

        assertThat(only(problems(() -> edge().preFlow(List.of(strip, strip)).build()), "preFlow[1]").fix())
                .contains("already runs in the pre-flow");
        assertThat(only(problems(() -> edge().preFlow(List.of(strip)).flows(List.of(flow("a", "/a", strip))).build()),
                "flows[0].policies[0]").fix()).contains("already runs in the pre-flow (preFlow[0])");
        assertThat(only(problems(() -> edge().flows(List.of(flow("a", "/a", strip, strip))).build()),
                "flows[0].policies[1]").fix()).contains("already runs earlier in this flow");
    }

    @Test
    void productQuotaNeedsItsKeyVerifiedFirst() {
        var quota = Quota.fromProduct(KEY, 100);
        var problem = only(problems(() -> edge().preFlow(List.of(quota, KEY)).build()), "preFlow[0]");
        assertThat(problem.fix()).contains("VerifyApiKey \"VA-api-key\"").contains("before this quota");
        assertThat(only(problems(() -> edge().preFlow(List.of(quota)).flows(List.of(flow("a", "/a", KEY))).build()),
                "preFlow[0]")).isNotNull();
        assertThat(only(problems(() -> edge().preFlow(List.of(KEY.withName("VK-other"), quota)).build()),
                "preFlow[1]")).isNotNull();
        assertThat(edge().preFlow(List.of(KEY)).flows(List.of(flow("a", "/a", quota))).build().policies())
                .containsExactly(KEY, quota);
        assertThat(edge().flows(List.of(flow("a", "/a", KEY, quota))).build().flows()).hasSize(1);
    }

    @Test
    void corsIsAnApigeeXPolicyAnsweredFirstInThePreFlow() {
        var cors = Cors.allow(List.of("https://app.example.com"));
        assertThat(only(problems(() -> edge().preFlow(List.of(cors)).build()), "preFlow[0]").fix())
                .contains("Apigee Edge has no CORS policy");
        assertThat(only(problems(() -> x().flows(List.of(flow("a", "/a", cors))).build()), "flows[0].policies[0]").fix())
                .contains("attach Cors in the pre-flow");
        assertThat(only(problems(() -> x().preFlow(List.of(KEY, cors)).build()), "preFlow[1]").fix())
                .contains("before VerifyApiKey and OAuthVerifyToken").contains("401");
        assertThat(only(problems(() -> x().preFlow(List.of(cors, cors.withName("CORS-other"))).build()), "preFlow[1]").fix())
                .contains("already has Cors \"CORS-allow\"");
        assertThat(x().preFlow(List.of(cors, KEY, OAuthVerifyToken.create())).build().preFlow()).hasSize(3);
    }

    @Test
    void flowsHaveUniqueNamesAndConditions() {
        var problems = problems(() -> edge().flows(List.of(flow("a", "/a"), flow("a", "/b"), flow("c", "/a"))).build());
        assertThat(only(problems, "flows[1].name").fix()).contains("flows[0] has this name too");
        assertThat(only(problems, "flows[2].pathPattern").fix()).contains("flows[0] matches the same path and verbs");
        var sameVerbsOtherOrder = problems(() -> edge().flows(List.of(
                new Flow("a", "/a", List.of("GET", "POST"), List.of()),
                new Flow("b", "/a", List.of("POST", "GET"), List.of()))).build());
        assertThat(only(sameVerbsOtherOrder, "flows[1].pathPattern")).isNotNull();
        assertThat(edge().flows(List.of(new Flow("a", "/a", List.of("GET"), List.of()),
                new Flow("b", "/a", List.of("POST"), List.of()))).build().flows()).hasSize(2);
    }

    @Test
    void theNamesOfThe404FlowAndPolicyAreReserved() {
        assertThat(only(problems(() -> edge().flows(List.of(flow(ProxyModel.UNKNOWN_REQUEST_FLOW, "/a"))).build()),
                "flows[0].name").fix()).contains("reserved");
        assertThat(only(problems(() -> edge().preFlow(List.of(SpikeArrest.rate("1ps").withName("RF-unknown-request"))).build()),
                "preFlow[0].name").fix()).contains("reserved");
    }

    @Test
    void invalidPoliciesAreReportedWhereTheyAreAttached() {
        var problems = problems(() -> x().preFlow(Arrays.asList(SpikeArrest.rate("1ps"), null, SpikeArrest.rate("9").withName("SA-b")))
                .flows(Arrays.asList(flow("a", "/a", Cors.allow(List.of("https://a.example.com/"))), null)).build());
        assertThat(problems).extracting(Problem::argument).contains("preFlow[1]", "preFlow[2].rate",
                "flows[0].policies[0].origins[0]", "flows[1]");
        assertThat(only(problems, "preFlow[1]").fix()).isEqualTo("remove the null entry");
    }

    @Test
    void theModelCannotBeChangedThroughTheListsItWasBuiltFrom() {
        var preFlow = new java.util.ArrayList<Policy>(List.of(SpikeArrest.rate("1ps")));
        var builder = edge().preFlow(preFlow);
        preFlow.add(SpikeArrest.rate("2ps"));
        var model = builder.build();
        assertThat(model.preFlow()).hasSize(1);
        assertThatThrownBy(() -> model.preFlow().add(KEY)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void xBundlesRenderWithoutVirtualHostsAndEdgeBundlesWithThem() {
        var onEdge = render(edge().virtualHosts(List.of("default", "secure")));
        assertThat(all(xml(onEdge, PROXY), "//HTTPProxyConnection/VirtualHost")).containsExactly("default", "secure");
        var onX = render(x());
        assertThat(at(xml(onX, PROXY), "count(//VirtualHost)")).isEqualTo("0");
        assertThat(at(xml(onX, PROXY), "//HTTPProxyConnection/BasePath")).isEqualTo("/orders");
    }
}
