package dev.apigeegke.apigee.bundle;

import static dev.apigeegke.apigee.bundle.Bundles.PROXY;
import static dev.apigeegke.apigee.bundle.Bundles.TARGET;
import static dev.apigeegke.apigee.bundle.Bundles.all;
import static dev.apigeegke.apigee.bundle.Bundles.at;
import static dev.apigeegke.apigee.bundle.Bundles.edge;
import static dev.apigeegke.apigee.bundle.Bundles.problems;
import static dev.apigeegke.apigee.bundle.Bundles.render;
import static dev.apigeegke.apigee.bundle.Bundles.x;
import static dev.apigeegke.apigee.bundle.Bundles.xml;
import static dev.apigeegke.testing.Rejections.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        // The path suffix goes to the target as it is: no Path element, whose "/" would double the slash.
        assertThat(at(xml(bundle, TARGET), "count(//HTTPTargetConnection/Path)")).isEqualTo("0");
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
        for (String name : Arrays.asList(null, "", "orders api", "orders/api", "orders$", "o".repeat(256))) {
            assertThat(problems(() -> edge().name(name).build())).containsExactly("name = " + shown(name) + ": "
                            + "a proxy name: letters, digits, '.', '_' and '-', at most 255 characters");
        }
        // The characters Apigee publishes for a proxy name, the dot included, up to 255 of them.
        for (String name : List.of("orders.api", "orders_v1-2", "_orders", "o".repeat(255))) {
            assertThat(edge().name(name).build().name()).isEqualTo(name);
        }
        for (String basePath : Arrays.asList(null, "orders", "/orders/", "/a//b", "/a b", "/a?b", "/{id}")) {
            assertThat(problems(() -> edge().basePath(basePath).build())).containsExactly("basePath = " + shown(basePath) + ": "
                    + "a path starting with '/', e.g. /orders or /v1/orders: segments of letters, digits, '.', '_', '~' and '-', "
                            + "no trailing '/'");
        }
        for (String basePath : List.of("/", "/orders", "/v1/orders.json", "/a_b/c-d/~e")) {
            assertThat(edge().basePath(basePath).build().basePath()).isEqualTo(basePath);
        }
        assertThat(problems(() -> edge().description("bell\u0007").build())).containsExactly("description = \"bell\u0007\": "
                + "remove control characters: XML 1.0 cannot carry them");
        assertThat(problems(() -> edge().flavor(null).build())).containsExactly("flavor = (not set): EDGE (Apigee Edge) or X "
                + "(Apigee X / hybrid)");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        var everything = ProxyModel.builder().name("bad name").basePath("orders").virtualHosts(List.of())
                .targetPath("api").preFlow(List.of(SpikeArrest.rate("lots"), Quota.explicit(0, 1, "hour")))
                .flows(List.of(flow("a b", "x")));
        assertThatThrownBy(everything::build).hasMessageStartingWith("ProxyModel \"bad name\": 9 invalid arguments\n  - ");
        assertThat(problems(everything::build)).containsExactly(
                "name = \"bad name\": a proxy name: letters, digits, '.', '_' and '-', at most 255 characters",
                "basePath = \"orders\": a path starting with '/', e.g. /orders or /v1/orders: segments of letters, digits, '.', "
                        + "'_', '~' and '-', no trailing '/'",
                "virtualHosts = []: an Edge proxy listens on at least one virtual host, e.g. secure (HTTPS) or default (HTTP)",
                "targetServer = (not set): the target server's name (required): letters, digits, '.', '_' and '-', at most 255 "
                        + "characters",
                "targetPath = \"api\": a path starting with '/', e.g. / or /api, without spaces, quotes, braces, query or "
                        + "fragment",
                "preFlow[0].rate = \"lots\": a rate as <n>ps (per second) or <n>pm (per minute), n a whole number from 1, e.g. "
                        + "30ps or 600pm",
                "preFlow[1].count = 0: a count of at least 1 request",
                "flows[0].name = \"a b\": a flow name: letters, digits, '-', '_' and '.', at most 255 characters",
                "flows[0].pathPattern = \"x\": a path pattern relative to the base path, starting with '/', e.g. /orders or "
                        + "/orders/** (* is one segment, ** any number; no spaces, quotes or braces)");
    }

    @Test
    void edgeProxiesListenOnAtLeastOneVirtualHost() {
        assertThat(problems(() -> edge().virtualHosts(List.of()).build())).containsExactly("virtualHosts = []: an Edge proxy "
                + "listens on at least one virtual host, e.g. secure (HTTPS) or default (HTTP)");
        assertThat(problems(() -> edge().virtualHosts(Arrays.asList("secure", "secure", "my host", null)).build())).containsExactly(
                "virtualHosts[1] = \"secure\": listed twice; name each virtual host once",
                "virtualHosts[2] = \"my host\": a virtual host name such as secure: letters, digits, '-' and '_'",
                "virtualHosts[3] = (not set): a virtual host name such as secure: letters, digits, '-' and '_'");
        assertThat(edge().virtualHosts(List.of("default", "secure")).build().virtualHosts()).containsExactly("default", "secure");
    }

    @Test
    void apigeeXProxiesHaveNoVirtualHosts() {
        assertThat(x().build().virtualHosts()).isEmpty();
        assertThat(x().virtualHosts(List.of()).build().virtualHosts()).isEmpty();
        assertThat(problems(() -> x().virtualHosts(List.of("secure")).build())).containsExactly("virtualHosts = [secure]: Apigee "
                + "X has no virtual hosts (environment groups route by host name): remove virtualHosts, or use flavor EDGE");
    }

    @Test
    void proxiesReachTheirTargetThroughATargetServer() {
        assertThat(problems(() -> edge().targetServer(null).build())).containsExactly("targetServer = (not set): the target "
                + "server's name (required): letters, digits, '.', '_' and '-', at most 255 characters");
        assertThat(problems(() -> edge().targetServer("orders target").build())).containsExactly("targetServer = \"orders "
                + "target\": the target server's name (required): letters, digits, '.', '_' and '-', at most 255 characters");
        assertThat(problems(() -> edge().targetUrl("http://10.0.0.1").build())).containsExactly("targetUrl = "
                + "\"http://10.0.0.1\": targetUrl is for microgateway proxies; this proxy reaches its target through "
                + "targetServer, so the bundle does not change when the target's address does: remove targetUrl");
        for (String path : Arrays.asList(null, "api", "/api?x=1", "/a b", "/{v}")) {
            assertThat(problems(() -> edge().targetPath(path).build())).containsExactly("targetPath = " + shown(path) + ": "
                            + "a path starting with '/', e.g. / or /api, without spaces, quotes, braces, query or fragment");
        }
        assertThat(edge().targetPath("/api/v1").build().targetPath()).isEqualTo("/api/v1");
    }

    @Test
    void twoDifferentPoliciesCannotShareAName() {
        assertThat(problems(() -> edge().preFlow(List.of(SpikeArrest.rate("1ps"), SpikeArrest.rate("2ps"))).build())).containsExactly(
                "preFlow[1].name = \"SA-spike-arrest\": the different policy at preFlow[0] has this name too, and a bundle holds "
                + "one policy per name: rename one with withName(...)");
        assertThat(problems(() -> edge().flows(List.of(flow("a", "/a", Quota.explicit(1, 1, "hour")),
                flow("b", "/b", Quota.explicit(2, 1, "hour")))).build())).containsExactly("flows[1].policies[0].name = "
                        + "\"Q-quota\": the different policy at flows[0].policies[0] has this name too, and a bundle holds one "
                        + "policy per name: rename one with withName(...)");
        assertThat(edge().preFlow(List.of(SpikeArrest.rate("1ps"), SpikeArrest.rate("2ps").withName("SA-burst"))).build()
                .policies()).extracting(Policy::name).containsExactly("SA-spike-arrest", "SA-burst");
    }

    @Test
    void aPolicyMayServeSeveralFlowsButRunsOncePerRequest() {
        var strip = AssignMessage.toTarget("AM-strip").removeHeader("cookie");
        var shared = edge().flows(List.of(flow("a", "/a", strip), flow("b", "/b", strip))).build();
        assertThat(shared.policies()).containsExactly(strip);
        assertThat(BundleRenderer.render(shared).files()).containsKey("apiproxy/policies/AM-strip.xml");

        assertThat(problems(() -> edge().preFlow(List.of(strip, strip)).build())).containsExactly("preFlow[1] = \"AM-strip\": "
                + "this policy already runs in the pre-flow (preFlow[0]) for every request: attach it once");
        assertThat(problems(() -> edge().preFlow(List.of(strip)).flows(List.of(flow("a", "/a", strip))).build())).containsExactly(
                "flows[0].policies[0] = \"AM-strip\": this policy already runs in the pre-flow (preFlow[0]) for every request: "
                + "attach it once");
        assertThat(problems(() -> edge().flows(List.of(flow("a", "/a", strip, strip))).build())).containsExactly(
                "flows[0].policies[1] = \"AM-strip\": this policy already runs earlier in this flow: attach it once");
    }

    @Test
    void productQuotaNeedsItsKeyVerifiedFirst() {
        var quota = Quota.fromProduct(KEY, 100);
        assertThat(problems(() -> edge().preFlow(List.of(quota, KEY)).build())).containsExactly("preFlow[0] = \"Q-quota\": "
                + "Quota.fromProduct reads the API product quota that VerifyApiKey \"VA-api-key\" sets: attach that VerifyApiKey "
                + "before this quota, in the pre-flow or earlier in the same flow");
        assertThat(problems(() -> edge().preFlow(List.of(quota)).flows(List.of(flow("a", "/a", KEY))).build())).containsExactly(
                "preFlow[0] = \"Q-quota\": Quota.fromProduct reads the API product quota that VerifyApiKey \"VA-api-key\" sets: "
                + "attach that VerifyApiKey before this quota, in the pre-flow or earlier in the same flow");
        assertThat(problems(() -> edge().preFlow(List.of(KEY.withName("VK-other"), quota)).build())).containsExactly(
                "preFlow[1] = \"Q-quota\": Quota.fromProduct reads the API product quota that VerifyApiKey \"VA-api-key\" sets: "
                + "attach that VerifyApiKey before this quota, in the pre-flow or earlier in the same flow");
        assertThat(edge().preFlow(List.of(KEY)).flows(List.of(flow("a", "/a", quota))).build().policies())
                .containsExactly(KEY, quota);
        assertThat(edge().flows(List.of(flow("a", "/a", KEY, quota))).build().flows()).hasSize(1);
    }

    @Test
    void corsIsAnApigeeXPolicyAnsweredFirstInThePreFlow() {
        var cors = Cors.allow(List.of("https://app.example.com"));
        assertThat(problems(() -> edge().preFlow(List.of(cors)).build())).containsExactly("preFlow[0] = \"CORS-allow\": Apigee "
                + "Edge has no CORS policy (it is an Apigee X / hybrid policy): use flavor X, or answer CORS requests in the "
                + "target");
        assertThat(problems(() -> x().flows(List.of(flow("a", "/a", cors))).build())).containsExactly(
                "flows[0].policies[0] = \"CORS-allow\": attach Cors in the pre-flow: browsers send preflight OPTIONS requests to "
                + "any path, and they must be answered before flows are chosen");
        assertThat(problems(() -> x().preFlow(List.of(KEY, cors)).build())).containsExactly("preFlow[1] = \"CORS-allow\": put "
                + "Cors before VerifyApiKey and OAuthVerifyToken in the pre-flow: browsers send preflight requests without "
                + "credentials, which would be rejected with 401");
        assertThat(problems(() -> x().preFlow(List.of(cors, cors.withName("CORS-other"))).build())).containsExactly(
                "preFlow[1] = \"CORS-other\": the proxy already has Cors \"CORS-allow\": a proxy answers CORS with one policy; "
                + "merge their origins");
        assertThat(x().preFlow(List.of(cors, KEY, OAuthVerifyToken.create())).build().preFlow()).hasSize(3);
    }

    @Test
    void flowsHaveUniqueNamesAndConditions() {
        assertThat(problems(() -> edge().flows(List.of(flow("a", "/a"), flow("a", "/b"), flow("c", "/a"))).build())).containsExactly(
                "flows[1].name = \"a\": flows[0] has this name too: give each flow its own name",
                "flows[2].pathPattern = \"/a\": flows[0] matches the same path and verbs, so this flow would never run: merge "
                        + "the two flows");
        assertThat(problems(() -> edge().flows(List.of(
                new Flow("a", "/a", List.of("GET", "POST"), List.of()),
                new Flow("b", "/a", List.of("POST", "GET"), List.of()))).build())).containsExactly("flows[1].pathPattern = "
                        + "\"/a\": flows[0] matches the same path and verbs, so this flow would never run: merge the two flows");
        assertThat(edge().flows(List.of(new Flow("a", "/a", List.of("GET"), List.of()),
                new Flow("b", "/a", List.of("POST"), List.of()))).build().flows()).hasSize(2);
    }

    @Test
    void theNamesOfThe404FlowAndPolicyAreReserved() {
        assertThat(problems(() -> edge().flows(List.of(flow(ProxyModel.UNKNOWN_REQUEST_FLOW, "/a"))).build())).containsExactly(
                "flows[0].name = \"unknown-request\": this name is reserved for the flow that answers 404 to requests no flow "
                + "matches: choose another name");
        assertThat(problems(() -> edge().preFlow(List.of(SpikeArrest.rate("1ps").withName("RF-unknown-request"))).build()))
                .containsExactly("preFlow[0].name = \"RF-unknown-request\": this name is reserved for the policy that answers "
                        + "404 to requests no flow matches: choose another name with withName(...)");
    }

    @Test
    void invalidPoliciesAreReportedWhereTheyAreAttached() {
        assertThat(problems(() -> x().preFlow(Arrays.asList(SpikeArrest.rate("1ps"), null, SpikeArrest.rate("9").withName("SA-b")))
                .flows(Arrays.asList(flow("a", "/a", Cors.allow(List.of("https://a.example.com/"))), null)).build())).containsExactly(
                        "preFlow[1] = (not set): remove the null entry",
                        "preFlow[2].rate = \"9\": a rate as <n>ps (per second) or <n>pm (per minute), n a whole number from 1, "
                                + "e.g. 30ps or 600pm",
                        "flows[0].policies[0].origins[0] = \"https://a.example.com/\": an origin as browsers send it: "
                                + "scheme://host[:port] in lowercase, without path or trailing '/', e.g. "
                                + "https://app.example.com; or \"*\" alone for any origin",
                        "flows[0].policies[0] = \"CORS-allow\": attach Cors in the pre-flow: browsers send preflight OPTIONS "
                                + "requests to any path, and they must be answered before flows are chosen",
                        "flows[1] = (not set): remove the null entry");
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
