package dev.apigeegke.ingress;

import static dev.apigeegke.testing.Harness.at;
import static dev.apigeegke.testing.Rejections.problems;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.Harness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ArmoredIngressTest {
    private static final String POLICY = "gcp:compute/securityPolicy:SecurityPolicy";
    private static final String BACKEND_CONFIG = "kubernetes:cloud.google.com/v1:BackendConfig";
    private static final String SERVICE = "kubernetes:core/v1:Service";
    private static final String INGRESS = "kubernetes:networking.k8s.io/v1:Ingress";
    private static final String NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
    private static final String SUBNET = "gcp:compute/subnetwork:Subnetwork";
    private static final String FIREWALL = "gcp:compute/firewall:Firewall";
    private static final int DEFAULT_PRIORITY = 2147483647;

    /** The fix of every unknown rule set: the rule sets Cloud Armor publishes. */
    private static final String HOST_NAME_GIVEN = "a host name, not an address: a range is matched against a client's "
            + "address and never looks a name up; give the range of its addresses, e.g. 203.0.113.0/24";
    private static final String VALID_RULE_SETS = "(valid: the CRS 4.22, 3.3 and 3.0 sets (<family>-v422-stable, "
            + "<family>-v33-stable, <family>-stable and their -canary sets), cve-canary and json-sqli-canary, see "
            + "https://cloud.google.com/armor/docs/waf-rules)";

    private static IngressBackend backend(String name, String... paths) {
        return IngressBackend.builder().name(name).selector(Map.of("app", name)).targetPort(8080)
                .paths(paths).healthCheckPath("/healthz").build();
    }

    private static ArmoredIngressArgs.Builder args(List<String> allowlist) {
        return ArmoredIngressArgs.builder()
                .allowlist(allowlist)
                .backend(backend("orders", "/orders"))
                .backend(backend("catalog", "/catalog"));
    }

    private static Plan preview(ArmoredIngressArgs args) {
        return Harness.preview(ctx -> new ArmoredIngress("edge", args, null));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(Plan plan) {
        return (List<Map<String, Object>>) plan.get(POLICY, "edge-armor").inputs().get("rules");
    }

    /** Mixed IPv4 and IPv6 ranges. */
    private static List<String> ranges(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> i % 2 == 0 ? "203.0." + i + ".0/24" : "2001:db8:" + Integer.toHexString(i) + "::/48")
                .toList();
    }

    @Test
    void appliesTheDocumentedDefaults() {
        var plan = preview(ArmoredIngressArgs.builder().allowlist(List.of("203.0.113.0/24"))
                .backend(IngressBackend.builder().name("orders").selector(Map.of("app", "orders")).targetPort(8080).build())
                .build());
        var service = plan.get(SERVICE, "edge-orders").inputs();
        assertThat(at(service, "metadata", "namespace")).isEqualTo("default");
        assertThat(at(service, "spec", "ports", 0, "port")).isEqualTo(80L);
        assertThat(at(service, "spec", "type")).isEqualTo("ClusterIP");
        var spec = at(plan.get(BACKEND_CONFIG, "edge-orders").inputs(), "spec");
        assertThat(at(spec, "healthCheck", "requestPath")).isEqualTo("/");
        assertThat(at(spec, "timeoutSec")).isEqualTo(30L);
        assertThat(at(spec, "connectionDraining", "drainingTimeoutSec")).isEqualTo(30L);
        assertThat(at(spec, "logging", "sampleRate")).isEqualTo(1L);
        var ingress = plan.get(INGRESS, "edge").inputs();
        assertThat(at(ingress, "metadata", "namespace")).isEqualTo("default");
        // No paths: every request goes to the default backend, which is still armored.
        assertThat(((Map<?, ?>) at(ingress, "spec")).containsKey("rules")).isFalse();
        assertThat(at(ingress, "spec", "defaultBackend", "service", "name")).isEqualTo("orders");
        assertThat(plan.ofType("kubernetes:networking.gke.io/v1:ManagedCertificate")).isEmpty();
        assertThat(plan.ofType("kubernetes:networking.gke.io/v1beta1:FrontendConfig")).isEmpty();
        assertThat(rules(plan)).extracting(r -> r.get("action")).containsExactly("allow", "deny(403)");
        assertThat(RateBan.of(10, 60, 60).enforceOnKey()).isEqualTo("IP");
        var waf = rules(preview(ArmoredIngressArgs.builder().allowlist(List.of("203.0.113.0/24"))
                .backend(backend("orders", "/orders")).wafRuleSets(List.of("sqli-v33-stable")).build()));
        assertThat(at(waf.get(0), "match", "expr", "expression")).asString().contains("{'sensitivity': 1}");
    }

    @Test
    void deniesEverySourceNotInTheAllowlist() {
        var rules = rules(preview(args(List.of("203.0.113.0/24", "2001:db8::/32")).build()));
        assertThat(rules).hasSize(2);
        var allow = rules.get(0);
        assertThat(allow).containsEntry("action", "allow").containsEntry("priority", 2000L);
        assertThat(at(allow, "match", "config", "srcIpRanges")).isEqualTo(List.of("203.0.113.0/24", "2001:db8::/32"));
        assertThat(at(allow, "match", "versionedExpr")).isEqualTo("SRC_IPS_V1");
        var deny = rules.get(1);
        assertThat(deny).containsEntry("action", "deny(403)").containsEntry("priority", (long) DEFAULT_PRIORITY);
        assertThat(at(deny, "match", "config", "srcIpRanges")).isEqualTo(List.of("*"));
    }

    @Test
    void splitsTwentyFiveRangesIntoThreeAllowRulesAtConsecutivePriorities() {
        var allowlist = ranges(25);
        var rules = rules(preview(args(allowlist).build()));
        assertThat(rules).hasSize(4);
        assertThat(rules).extracting(r -> r.get("priority")).containsExactly(2000L, 2001L, 2002L, (long) DEFAULT_PRIORITY);
        assertThat(rules).extracting(r -> r.get("action")).containsExactly("allow", "allow", "allow", "deny(403)");
        var chunks = rules.subList(0, 3).stream().map(r -> (List<?>) at(r, "match", "config", "srcIpRanges")).toList();
        assertThat(chunks).extracting(List::size).containsExactly(10, 10, 5);
        var all = new ArrayList<Object>();
        chunks.forEach(all::addAll);
        assertThat(all).isEqualTo(allowlist);
        assertThat(all).anyMatch(r -> r.toString().contains(":")).anyMatch(r -> r.toString().contains("."));
    }

    @Test
    void exactlyTenRangesFitOneRule() {
        assertThat(rules(preview(args(ranges(10)).build()))).hasSize(2);
        assertThat(rules(preview(args(ranges(11)).build()))).hasSize(3);
    }

    @Test
    void attachesThePolicyToEveryBackendThroughItsBackendConfig() {
        var plan = preview(args(List.of("203.0.113.0/24")).build());
        assertThat(plan.ofType(BACKEND_CONFIG)).hasSize(2).allSatisfy(bc -> {
            assertThat(at(bc.inputs(), "apiVersion")).isEqualTo("cloud.google.com/v1");
            assertThat(at(bc.inputs(), "spec", "securityPolicy", "name")).isEqualTo("edge-armor");
            assertThat(at(bc.inputs(), "spec", "healthCheck", "requestPath")).isEqualTo("/healthz");
            assertThat(at(bc.inputs(), "spec", "healthCheck", "port")).isEqualTo(8080L);
            assertThat(at(bc.inputs(), "spec", "timeoutSec")).isEqualTo(30L);
            assertThat(at(bc.inputs(), "spec", "connectionDraining", "drainingTimeoutSec")).isEqualTo(30L);
            assertThat(at(bc.inputs(), "spec", "logging", "enable")).isEqualTo(true);
        });
        var orders = plan.get(SERVICE, "edge-orders").inputs();
        assertThat(at(orders, "metadata", "name")).isEqualTo("orders");
        assertThat(at(orders, "metadata", "annotations", "cloud.google.com/backend-config")).isEqualTo("{\"default\":\"edge-orders\"}");
        assertThat(at(orders, "metadata", "annotations", "cloud.google.com/neg")).isEqualTo("{\"ingress\":true}");
        assertThat(at(orders, "spec", "selector")).isEqualTo(Map.of("app", "orders"));
        assertThat(at(orders, "spec", "ports", 0, "targetPort")).isEqualTo(8080L);
    }

    @Test
    void routesPathsAndPointsTheDefaultBackendAtAnArmoredService() {
        var plan = preview(args(List.of("203.0.113.0/24")).build());
        var ingress = plan.get(INGRESS, "edge").inputs();
        assertThat(at(ingress, "metadata", "annotations", "kubernetes.io/ingress.class")).isEqualTo("gce");
        assertThat(at(ingress, "metadata", "annotations", "kubernetes.io/ingress.global-static-ip-name")).isEqualTo("edge-ip");
        assertThat(at(ingress, "spec", "defaultBackend", "service", "name")).isEqualTo("orders");
        assertThat(at(ingress, "spec", "rules", 0, "http", "paths", 1, "path")).isEqualTo("/catalog");
        assertThat(at(ingress, "spec", "rules", 0, "http", "paths", 1, "pathType")).isEqualTo("Prefix");
        assertThat(at(ingress, "spec", "rules", 0, "http", "paths", 1, "backend", "service", "name")).isEqualTo("catalog");
        var armoredServices = plan.ofType(SERVICE).stream().map(s -> at(s.inputs(), "metadata", "name")).toList();
        assertThat(armoredServices).contains(at(ingress, "spec", "defaultBackend", "service", "name"));
        assertThat(plan.get("gcp:compute/globalAddress:GlobalAddress", "edge-ip").inputs()).containsEntry("name", "edge-ip");
    }

    @Test
    void defaultBackendCanBeChosenButMustBeOneOfTheBackends() {
        var plan = preview(args(List.of("203.0.113.0/24")).defaultBackend("catalog").build());
        assertThat(at(plan.get(INGRESS, "edge").inputs(), "spec", "defaultBackend", "service", "name")).isEqualTo("catalog");
        assertThat(problems(() -> args(List.of("203.0.113.0/24")).defaultBackend("payments").build())).containsExactly(
                "defaultBackend = \"payments\": name one of the backends: [catalog, orders]");
    }

    @Test
    void evaluatesWafRulesBeforeTheAllowlist() {
        var rules = rules(preview(args(List.of("203.0.113.0/24"))
                .wafRuleSets(List.of("sqli-v33-stable", "xss-v33-stable")).wafSensitivity(2).build()));
        assertThat(rules).extracting(r -> r.get("priority")).containsExactly(1000L, 1001L, 2000L, (long) DEFAULT_PRIORITY);
        assertThat(at(rules.get(0), "match", "expr", "expression"))
                .isEqualTo("evaluatePreconfiguredWaf('sqli-v33-stable', {'sensitivity': 2})");
        assertThat(rules.get(0)).containsEntry("action", "deny(403)");
    }

    @Test
    void rateBanReplacesPlainAllowsOnAllowlistedTraffic() {
        var rules = rules(preview(args(ranges(12)).rateBan(RateBan.of(600, 60, 300)).build()));
        assertThat(rules.subList(0, 2)).allSatisfy(r -> {
            assertThat(r).containsEntry("action", "rate_based_ban");
            assertThat(at(r, "rateLimitOptions", "conformAction")).isEqualTo("allow");
            assertThat(at(r, "rateLimitOptions", "exceedAction")).isEqualTo("deny(429)");
            assertThat(at(r, "rateLimitOptions", "rateLimitThreshold", "count")).isEqualTo(600L);
            assertThat(at(r, "rateLimitOptions", "rateLimitThreshold", "intervalSec")).isEqualTo(60L);
            assertThat(at(r, "rateLimitOptions", "banDurationSec")).isEqualTo(300L);
            assertThat(at(r, "rateLimitOptions", "enforceOnKey")).isEqualTo("IP");
            assertThat(((Map<?, ?>) at(r, "rateLimitOptions")).containsKey("enforceOnKeyName")).isFalse();
            assertThat(((Map<?, ?>) at(r, "rateLimitOptions")).containsKey("banThreshold")).isFalse();
        });
        assertThat(rules.get(2)).containsEntry("action", "deny(403)");
    }

    /** The problems {@code args} is rejected with, every one reported at once. */
    private static List<String> rejected(ArmoredIngressArgs.Builder args) {
        return problems(args::build);
    }

    private static ArmoredIngressArgs.Builder withBan(RateBan ban) {
        return args(List.of("203.0.113.0/24")).rateBan(ban);
    }

    @Test
    void rateBanValuesCloudArmorRejectsAreReportedTogetherWithTheAllowedValues() {
        assertThat(rejected(withBan(new RateBan(10_001, 45, 30, "XFF")))).containsExactly(
                "rateBan.count = 10001: Cloud Armor counts 1 to 10000 requests per interval",
                "rateBan.intervalSec = 45: an interval Cloud Armor takes: one of 10, 30, 60, 120, 180, 240, 300, 600, 900, 1200, "
                        + "1800, 2700, 3600 seconds",
                "rateBan.banDurationSec = 30: a ban duration Cloud Armor takes: one of 60, 120, 180, 240, 300, 600, 900, 1200, "
                        + "1800, 2700, 3600 seconds",
                "rateBan.enforceOnKey = \"XFF\": one of ALL, IP, HTTP_HEADER, XFF_IP, HTTP_COOKIE, HTTP_PATH, SNI, REGION_CODE");
        assertThat(rejected(withBan(RateBan.of(0, 3601, 3601)))).containsExactly(
                "rateBan.count = 0: Cloud Armor counts 1 to 10000 requests per interval",
                "rateBan.intervalSec = 3601: an interval Cloud Armor takes: one of 10, 30, 60, 120, 180, 240, 300, 600, 900, "
                        + "1200, 1800, 2700, 3600 seconds",
                "rateBan.banDurationSec = 3601: a ban duration Cloud Armor takes: one of 60, 120, 180, 240, 300, 600, 900, 1200, "
                        + "1800, 2700, 3600 seconds");
        // Within Cloud Armor's values at both ends.
        for (var ban : List.of(RateBan.of(1, 10, 60), RateBan.of(10_000, 3600, 3600), RateBan.of(500, 2700, 2700))) {
            assertThat(rules(preview(withBan(ban).build())).get(0)).containsEntry("action", "rate_based_ban");
        }
    }

    @Test
    void headerAndCookieKeysNeedTheNameOfTheirHeaderOrCookie() {
        assertThat(rejected(withBan(new RateBan(600, 60, 300, "HTTP_HEADER")))).containsExactly("rateBan.enforceOnKeyName = (not "
                + "set): HTTP_HEADER counts by the value of a header: name it (letters, digits and !#$%&'*+-.^_`|~, no spaces)");
        assertThat(rejected(withBan(new RateBan(600, 60, 300, "HTTP_COOKIE")))).containsExactly("rateBan.enforceOnKeyName = (not "
                + "set): HTTP_COOKIE counts by the value of a cookie: name it (letters, digits and !#$%&'*+-.^_`|~, no spaces)");
    }

    @Test
    void keysTheApiHasButTheGcpProviderDoesNotTakeAreRejectedWithTheReason() {
        assertThat(rejected(withBan(new RateBan(600, 60, 300, "USER_IP")))).containsExactly("rateBan.enforceOnKey = \"USER_IP\": "
                + "the Cloud Armor API has this key, but the pinned gcp provider (7.0.0) does not accept it; use one of ALL, IP, "
                + "HTTP_HEADER, XFF_IP, HTTP_COOKIE, HTTP_PATH, SNI, REGION_CODE");
        assertThat(rejected(withBan(new RateBan(600, 60, 300, "TLS_JA3_FINGERPRINT")))).containsExactly(
                "rateBan.enforceOnKey = \"TLS_JA3_FINGERPRINT\": the Cloud Armor API has this key, but the pinned gcp provider "
                + "(7.0.0) does not accept it; use one of ALL, IP, HTTP_HEADER, XFF_IP, HTTP_COOKIE, HTTP_PATH, SNI, "
                + "REGION_CODE");
    }

    @Test
    void aHeaderKeyIsRenderedWithItsNameAndANameIsRejectedForOtherKeys() {
        var rules = rules(preview(withBan(RateBan.byHeader(600, 60, 300, "x-client-ip")).build()));
        assertThat(at(rules.get(0), "rateLimitOptions", "enforceOnKey")).isEqualTo("HTTP_HEADER");
        assertThat(at(rules.get(0), "rateLimitOptions", "enforceOnKeyName")).isEqualTo("x-client-ip");
        var cookie = rules(preview(withBan(RateBan.of(600, 60, 300).keyedOn("HTTP_COOKIE", "session")).build()));
        assertThat(at(cookie.get(0), "rateLimitOptions", "enforceOnKeyName")).isEqualTo("session");
        assertThat(rejected(withBan(RateBan.byHeader(600, 60, 300, "x-client-ip").keyedOn("IP", "x-client-ip"))))
                .containsExactly("rateBan.enforceOnKeyName = \"x-client-ip\": only HTTP_HEADER and HTTP_COOKIE take a key name; "
                        + "remove it, or use one of those keys");
        assertThat(rejected(withBan(RateBan.byHeader(600, 60, 300, "client ip")))).containsExactly("rateBan.enforceOnKeyName = "
                + "\"client ip\": HTTP_HEADER counts by the value of a header: name it (letters, digits and !#$%&'*+-.^_`|~, no "
                + "spaces)");
    }

    @Test
    void aBanThresholdIsCheckedLikeTheRateLimitAndRendered() {
        var rules = rules(preview(withBan(RateBan.of(600, 60, 300).withBanThreshold(1000, 120)).build()));
        assertThat(at(rules.get(0), "rateLimitOptions", "banThreshold", "count")).isEqualTo(1000L);
        assertThat(at(rules.get(0), "rateLimitOptions", "banThreshold", "intervalSec")).isEqualTo(120L);
        assertThat(rejected(withBan(RateBan.of(600, 60, 300).withBanThreshold(0, 90)))).containsExactly(
                "rateBan.banThreshold.count = 0: Cloud Armor counts 1 to 10000 requests per interval",
                "rateBan.banThreshold.intervalSec = 90: an interval Cloud Armor takes: one of 10, 30, 60, 120, 180, 240, 300, "
                        + "600, 900, 1200, 1800, 2700, 3600 seconds");
    }

    @Test
    void acceptsEveryKindOfRuleSetCloudArmorPublishes() {
        var sets = List.of("cve-canary", "json-sqli-canary", "sqli-v422-stable", "generic-v422-canary", "sqli-v33-stable",
                "nodejs-v33-canary", "java-v33-stable", "xss-stable", "sessionfixation-canary");
        var rules = rules(preview(args(List.of("203.0.113.0/24")).wafRuleSets(sets).build()));
        assertThat(rules.subList(0, sets.size())).extracting(r -> at(r, "match", "expr", "expression"))
                .containsExactlyElementsOf(sets.stream().map(s -> "evaluatePreconfiguredWaf('" + s + "', {'sensitivity': 1})").toList());
    }

    @Test
    void rejectsRuleSetNamesCloudArmorDoesNotPublishAndListsTheValidOnes() {
        assertThat(rejected(args(List.of("203.0.113.0/24"))
                .wafRuleSets(List.of("sqli-v99-stable", "nodejs-v422-stable", "java-stable", "xss-v33-beta", "SQLI-V33-STABLE"))))
                .containsExactly(
                        "wafRuleSets[0] = \"sqli-v99-stable\": did you mean sqli-v33-stable or sqli-v422-stable or sqli-stable? "
                                + VALID_RULE_SETS,
                        "wafRuleSets[1] = \"nodejs-v422-stable\": did you mean nodejs-v33-stable or nodejs-v33-canary? " + VALID_RULE_SETS,
                        "wafRuleSets[2] = \"java-stable\": did you mean java-v33-stable or java-v422-stable or java-v33-canary? "
                                + VALID_RULE_SETS,
                        "wafRuleSets[3] = \"xss-v33-beta\": did you mean xss-v33-stable or xss-v33-canary or xss-stable? "
                                + VALID_RULE_SETS,
                        "wafRuleSets[4] = \"SQLI-V33-STABLE\": did you mean sqli-v33-stable? " + VALID_RULE_SETS);
    }

    @Test
    void adaptiveProtectionVerboseLoggingAndDenyStatusAreOptIn() {
        var plain = preview(args(List.of("203.0.113.0/24")).build()).get(POLICY, "edge-armor").inputs();
        assertThat(plain).doesNotContainKeys("adaptiveProtectionConfig", "advancedOptionsConfig");
        var all = preview(args(List.of("203.0.113.0/24")).adaptiveProtection(true).verboseLogging(true).denyStatus(404).build());
        var policy = all.get(POLICY, "edge-armor").inputs();
        assertThat(at(policy, "adaptiveProtectionConfig", "layer7DdosDefenseConfig", "enable")).isEqualTo(true);
        assertThat(at(policy, "advancedOptionsConfig", "logLevel")).isEqualTo("VERBOSE");
        assertThat(rules(all)).last().satisfies(r -> assertThat(r).containsEntry("action", "deny(404)"));
    }

    @Test
    void domainsAddAManagedCertificateAndRedirectHttpToHttps() {
        var plan = preview(args(List.of("203.0.113.0/24")).domains(List.of("api.example.com")).sslPolicy("modern-tls").build());
        var cert = plan.get("kubernetes:networking.gke.io/v1:ManagedCertificate", "edge-cert").inputs();
        assertThat(at(cert, "spec", "domains")).isEqualTo(List.of("api.example.com"));
        var frontend = plan.get("kubernetes:networking.gke.io/v1beta1:FrontendConfig", "edge-frontend").inputs();
        assertThat(at(frontend, "spec", "redirectToHttps", "enabled")).isEqualTo(true);
        assertThat(at(frontend, "spec", "sslPolicy")).isEqualTo("modern-tls");
        var annotations = at(plan.get(INGRESS, "edge").inputs(), "metadata", "annotations");
        assertThat(at(annotations, "networking.gke.io/managed-certificates")).isEqualTo("edge-cert");
        assertThat(at(annotations, "networking.gke.io/v1beta1.FrontendConfig")).isEqualTo("edge-frontend");
    }

    private static ArmoredIngressArgs.Builder internal() {
        return ArmoredIngressArgs.builder().internal(true).region("europe-west1")
                .proxyOnlySubnet(ProxyOnlySubnet.create("10.129.0.0/23"))
                .backend(backend("orders", "/orders"));
    }

    @Test
    void internalVariantUsesARegionalAddressAndNoCloudArmor() {
        var plan = preview(internal().build());
        assertThat(plan.ofType(POLICY)).isEmpty();
        var address = plan.get("gcp:compute/address:Address", "edge-ip").inputs();
        assertThat(address).containsEntry("addressType", "INTERNAL").containsEntry("purpose", "SHARED_LOADBALANCER_VIP")
                .containsEntry("region", "europe-west1");
        var annotations = at(plan.get(INGRESS, "edge").inputs(), "metadata", "annotations");
        assertThat(at(annotations, "kubernetes.io/ingress.class")).isEqualTo("gce-internal");
        assertThat(at(annotations, "kubernetes.io/ingress.regional-static-ip-name")).isEqualTo("edge-ip");
        assertThat(at(plan.get(BACKEND_CONFIG, "edge-orders").inputs(), "spec")).isInstanceOfSatisfying(Map.class,
                spec -> assertThat(spec).doesNotContainKey("securityPolicy"));
    }

    @Test
    void everyBackendsPodsAdmitOnlyTheLoadBalancerOnTheirTargetPort() {
        var plan = preview(args(List.of("203.0.113.0/24")).namespace("shop")
                .backend(IngressBackend.builder().name("admin").selector(Map.of("app", "admin", "tier", "web")).targetPort(9090).build())
                .build());
        assertThat(plan.ofType(NETWORK_POLICY)).extracting(Plan.Resource::name)
                .containsExactlyInAnyOrder("edge-orders", "edge-catalog", "edge-admin");
        var admin = plan.get(NETWORK_POLICY, "edge-admin").inputs();
        assertThat(at(admin, "metadata", "name")).isEqualTo("edge-admin");
        assertThat(at(admin, "metadata", "namespace")).isEqualTo("shop");
        assertThat(at(admin, "metadata", "labels")).isEqualTo(Map.of("app.kubernetes.io/managed-by", "apigee-gke"));
        assertThat(at(admin, "spec", "podSelector")).isEqualTo(Map.of("matchLabels", Map.of("app", "admin", "tier", "web")));
        assertThat(at(admin, "spec", "policyTypes")).isEqualTo(List.of("Ingress"));
        assertThat(at(admin, "spec", "ingress")).isEqualTo(List.of(Map.of(
                "from", List.of(Map.of("ipBlock", Map.of("cidr", "35.191.0.0/16")), Map.of("ipBlock", Map.of("cidr", "130.211.0.0/22"))),
                "ports", List.of(Map.of("protocol", "TCP", "port", 9090L)))));
        assertThat(ArmoredIngress.LOAD_BALANCER_RANGES).containsExactly("35.191.0.0/16", "130.211.0.0/22");
        // An external Ingress creates no network resources of its own.
        assertThat(plan.ofType(SUBNET)).isEmpty();
        assertThat(plan.ofType(FIREWALL)).isEmpty();
    }

    @Test
    void networkPoliciesAreOnByDefaultAndCanBeLeftOut() {
        assertThat(args(List.of("203.0.113.0/24")).build().networkPolicies()).isTrue();
        var plan = preview(args(List.of("203.0.113.0/24")).networkPolicies(false).build());
        assertThat(plan.ofType(NETWORK_POLICY)).isEmpty();
        assertThat(plan.ofType(SERVICE)).hasSize(2);
    }

    @Test
    void anInternalIngressCreatesTheProxyOnlySubnetAndTheFirewallRuleFromIt() {
        var plan = preview(internal().project("my-project").network("shared-vpc")
                .backend(IngressBackend.builder().name("admin").selector(Map.of("app", "admin")).targetPort(9090).build())
                .backend(IngressBackend.builder().name("reports").selector(Map.of("app", "reports")).targetPort(8080).build())
                .build());
        var subnet = plan.get(SUBNET, "edge-proxy-only").inputs();
        assertThat(subnet).containsEntry("name", "edge-proxy-only").containsEntry("ipCidrRange", "10.129.0.0/23")
                .containsEntry("purpose", "REGIONAL_MANAGED_PROXY").containsEntry("role", "ACTIVE")
                .containsEntry("region", "europe-west1").containsEntry("network", "shared-vpc").containsEntry("project", "my-project");
        var firewall = plan.get(FIREWALL, "edge-from-proxy").inputs();
        assertThat(firewall).containsEntry("name", "edge-from-proxy").containsEntry("direction", "INGRESS")
                .containsEntry("network", "shared-vpc").containsEntry("project", "my-project")
                .containsEntry("sourceRanges", List.of("10.129.0.0/23"))
                .containsEntry("allows", List.of(Map.of("protocol", "tcp", "ports", List.of("8080", "9090"))));
        assertThat(firewall).doesNotContainKeys("targetTags", "sourceTags");
        // The NetworkPolicies admit the proxies as well as the health checkers.
        assertThat(plan.ofType(NETWORK_POLICY)).hasSize(3).allSatisfy(p -> assertThat(at(p.inputs(), "spec", "ingress", 0, "from"))
                .isEqualTo(List.of(Map.of("ipBlock", Map.of("cidr", "35.191.0.0/16")), Map.of("ipBlock", Map.of("cidr", "130.211.0.0/22")),
                        Map.of("ipBlock", Map.of("cidr", "10.129.0.0/23")))));
        assertThat(at(plan.get(NETWORK_POLICY, "edge-admin").inputs(), "spec", "ingress", 0, "ports", 0, "port")).isEqualTo(9090L);
    }

    @Test
    void anInternalIngressUsesTheDefaultNetworkUnlessTold() {
        var args = internal().build();
        assertThat(args.network()).contains("default");
        assertThat(preview(args).get(FIREWALL, "edge-from-proxy").inputs()).containsEntry("network", "default");
        assertThat(args(List.of("203.0.113.0/24")).build().network()).isEmpty();
    }

    @Test
    void anExistingProxyOnlySubnetIsAdmittedButNotCreated() {
        var plan = preview(internal()
                .proxyOnlySubnet(ProxyOnlySubnet.existing("projects/net-host/regions/europe-west1/subnetworks/proxy-only", "10.200.0.0/24"))
                .build());
        assertThat(plan.ofType(SUBNET)).isEmpty();
        assertThat(plan.get(FIREWALL, "edge-from-proxy").inputs()).containsEntry("sourceRanges", List.of("10.200.0.0/24"));
        assertThat(at(plan.get(NETWORK_POLICY, "edge-orders").inputs(), "spec", "ingress", 0, "from", 2, "ipBlock", "cidr"))
                .isEqualTo("10.200.0.0/24");
    }

    @Test
    void anInternalIngressNeedsAValidProxyOnlySubnetInItsRegion() {
        assertThat(problems(() -> ArmoredIngressArgs.builder().internal(true).region("europe-west1")
                .backend(backend("orders", "/orders")).build())).containsExactly("proxyOnlySubnet = (not set): an internal load "
                        + "balancer sends from the region's proxy-only subnet: give the existing one, "
                        + "ProxyOnlySubnet.existing(name, cidr), or one to create, ProxyOnlySubnet.create(\"10.129.0.0/23\")");
        assertThat(rejected(internal().proxyOnlySubnet(ProxyOnlySubnet.create("10.129.0.0/27")))).containsExactly(
                "proxyOnlySubnet.cidr = \"10.129.0.0/27\": a proxy-only subnet has at least 64 addresses: a prefix from /9 to "
                + "/26 (/23 gives the load balancers room to scale)");
        assertThat(rejected(internal().proxyOnlySubnet(ProxyOnlySubnet.create("203.0.113.0/24")))).containsExactly(
                "proxyOnlySubnet.cidr = \"203.0.113.0/24\": a proxy-only subnet is an IPv4 range inside 10.0.0.0/8, "
                + "172.16.0.0/12 or 192.168.0.0/16, e.g. 10.129.0.0/23");
        assertThat(rejected(internal().proxyOnlySubnet(ProxyOnlySubnet.create("fd00::/64")))).containsExactly(
                "proxyOnlySubnet.cidr = \"fd00::/64\": a proxy-only subnet is an IPv4 range inside 10.0.0.0/8, 172.16.0.0/12 or "
                        + "192.168.0.0/16, e.g. 10.129.0.0/23");
        assertThat(rejected(internal().proxyOnlySubnet(ProxyOnlySubnet.create("10.129.0.1/23")))).containsExactly(
                "proxyOnlySubnet.cidr = \"10.129.0.1/23\": host bits are set; write the range as 10.129.0.0/23");
        assertThat(rejected(internal().proxyOnlySubnet(ProxyOnlySubnet.create("10.0.0.0/8")))).containsExactly(
                "proxyOnlySubnet.cidr = \"10.0.0.0/8\": a proxy-only subnet has at least 64 addresses: a prefix from /9 to /26 "
                + "(/23 gives the load balancers room to scale)");
        assertThat(rejected(internal().proxyOnlySubnet(ProxyOnlySubnet.create("proxy")))).containsExactly(
                "proxyOnlySubnet.cidr = \"proxy\": " + HOST_NAME_GIVEN);
        for (var good : List.of("10.129.0.0/26", "172.16.0.0/12", "192.168.0.0/16", "10.0.0.0/9")) {
            assertThat(internal().proxyOnlySubnet(ProxyOnlySubnet.create(good)).build().proxyOnlySubnet()).map(ProxyOnlySubnet::cidr)
                    .contains(good);
        }
        assertThat(rejected(internal().proxyOnlySubnet(ProxyOnlySubnet.existing(
                "projects/p/regions/us-central1/subnetworks/proxy-only", "10.129.0.0/23")))).containsExactly(
                        "proxyOnlySubnet.name = \"projects/p/regions/us-central1/subnetworks/proxy-only\": the proxy-only subnet "
                        + "must be in the Ingress's region europe-west1; name that region's subnet");
        assertThat(rejected(internal().proxyOnlySubnet(ProxyOnlySubnet.existing("Proxy Only", "10.129.0.0/23")))).containsExactly(
                "proxyOnlySubnet.name = \"Proxy Only\": the existing subnet's name (lowercase letters, digits and '-') or its "
                + "self link projects/PROJECT/regions/REGION/subnetworks/NAME");
        assertThat(rejected(internal().network("my network"))).containsExactly("network = \"my network\": a VPC network name "
                + "such as default, or its self link projects/PROJECT/global/networks/NAME");
        assertThat(internal().network("projects/host/global/networks/shared").build().network()).contains("projects/host/global/networks/shared");
    }

    @Test
    void anExternalIngressTakesNoProxyOnlySubnetOrNetwork() {
        assertThat(rejected(args(List.of("203.0.113.0/24")).proxyOnlySubnet(ProxyOnlySubnet.create("10.129.0.0/23"))
                .network("default"))).containsExactly(
                        "proxyOnlySubnet = create(10.129.0.0/23): only an internal load balancer uses a proxy-only subnet; "
                                + "remove it or set internal(true)",
                        "network = \"default\": only an internal Ingress creates network resources (the proxy-only firewall "
                                + "rule); remove it or set internal(true)");
    }

    @Test
    void anInternalIngressNameLeavesRoomForItsNetworkChildren() {
        // <name>-proxy-only and <name>-from-proxy must stay within GCP's 63 characters.
        String name = "a".repeat(53);
        assertThat(Harness.errors(ctx -> new ArmoredIngress(name, internal().build(), null))).containsExactly(
                """
                ArmoredIngress: 1 invalid argument
                  - name = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": too long: with the longest child suffix it \
                must stay within 63 characters; use at most 52 characters""");
        assertThat(Harness.preview(ctx -> new ArmoredIngress(name.substring(1), internal().build(), null))
                .get(FIREWALL, name.substring(1) + "-from-proxy").inputs().get("name").toString()).hasSize(63);
        // An external Ingress keeps its longer limit.
        Harness.preview(ctx -> new ArmoredIngress(name + "a", args(List.of("203.0.113.0/24")).build(), null));
    }

    @Test
    void acceptsAnAllowlistFromOtherResourcesAndChecksItWhenKnown() {
        var plan = Harness.preview(ctx -> new ArmoredIngress("edge", ArmoredIngressArgs.builder()
                .allowlist(Output.of(ranges(11)))
                .backend(backend("orders", "/orders")).build(), null));
        assertThat(rules(plan)).hasSize(3);
        assertThat(Harness.errors(ctx -> new ArmoredIngress("edge", ArmoredIngressArgs.builder()
                .allowlist(Output.of(List.of("203.0.113.0/24", "not-a-cidr")))
                .backend(backend("orders", "/orders")).build(), null))).containsExactly(
                        """
                        ArmoredIngress "edge": 1 invalid argument
                          - allowlist[1] = "not-a-cidr": a host name, not an address: a range is matched against a client's \
                        address and never looks a name up; give the range of its addresses, e.g. 203.0.113.0/24""");
    }

    @Test
    void reportsEveryInvalidArgumentAtOnce() {
        assertThat(problems(() -> ArmoredIngressArgs.builder()
                .allowlist(List.of("203.0.113.0/33", "example.com", "203.0.113.0/24", "203.0.113.0/24"))
                .backend(IngressBackend.builder().name("Orders").targetPort(0).paths("orders").build())
                .backend(backend("catalog", "/catalog"))
                .domains(List.of("https://api.example.com"))
                .wafRuleSets(List.of("sqli"))
                .denyStatus(401)
                .build())).containsExactly(
                        "allowlist[0] = \"203.0.113.0/33\": the prefix length 33 is above 32, the length of an IPv4 address",
                        "allowlist[1] = \"example.com\": " + HOST_NAME_GIVEN,
                        "allowlist[3] = \"203.0.113.0/24\": listed twice; remove the duplicate",
                        "backends[0].name = \"Orders\": a Service name: lowercase letters, digits and '-', starting with a "
                                + "letter, at most 63 characters",
                        "backends[0].selector = {}: give the labels of the pods to route to, e.g. {app: orders}",
                        "backends[0].targetPort = 0: give the container port the pods listen on, from 1 to 65535",
                        "backends[0].paths[0] = \"orders\": a path prefix starting with '/', e.g. /orders",
                        "domains[0] = \"https://api.example.com\": remove the scheme: give a host name such as api.example.com",
                        "wafRuleSets[0] = \"sqli\": did you mean sqli-v422-stable or sqli-v33-stable or sqli-stable? " + VALID_RULE_SETS,
                        "denyStatus = 401: Cloud Armor denies with 403, 404 or 502");
    }

    @Test
    void rejectsAnEmptyAllowlist() {
        assertThat(rejected(args(List.of()))).containsExactly("allowlist = []: give the gateway's egress ranges (IPv4 and/or "
                + "IPv6 CIDRs); an empty allowlist would deny every request");
        assertThat(rejected(ArmoredIngressArgs.builder().backend(backend("orders", "/orders")))).containsExactly(
                "allowlist = (not set): give the gateway's egress ranges (IPv4 and/or IPv6 CIDRs); an empty allowlist would deny "
                + "every request");
    }

    @Test
    void rejectsConflictingArguments() {
        assertThat(rejected(internal().allowlist(List.of("203.0.113.0/24")).domains(List.of("api.example.com"))))
                .containsExactly(
                        "domains = [api.example.com]: Google-managed certificates are not available on internal load balancers; "
                                + "remove domains or set internal(false)",
                        "allowlist = [203.0.113.0/24]: Cloud Armor does not attach to internal load balancers; restrict access "
                                + "with VPC firewall rules and remove the allowlist");
        assertThat(rejected(ArmoredIngressArgs.builder().allowlist(List.of("203.0.113.0/24"))
                .backend(backend("orders", "/api")).backend(backend("catalog", "/api")))).containsExactly(
                        "backends[1].paths = \"/api\": this path is routed to two backends; route each path once");
    }

    @Test
    void childrenAreParentedAndNamedFromTheComponent() {
        var plan = Harness.preview(ctx -> new ArmoredIngress("edge", args(List.of("203.0.113.0/24")).build(),
                ComponentResourceOptions.builder().build()));
        var component = plan.get(ArmoredIngress.TYPE, "edge");
        assertThat(ArmoredIngress.TYPE).isEqualTo("apigee-gke:index:ArmoredIngress");
        assertThat(plan.resources()).filteredOn(r -> !r.type().startsWith("pulumi:") && !r.type().equals(ArmoredIngress.TYPE))
                .allSatisfy(r -> {
                    assertThat(r.parent()).isEqualTo(component.urn());
                    assertThat(r.name()).startsWith("edge");
                });
    }

    @Test
    void urlIsHttpOnTheAddressOrHttpsOnTheFirstDomain() {
        var http = Harness.deploy(ctx -> ctx.export("url", new ArmoredIngress("edge", args(List.of("203.0.113.0/24")).build(), null).url()));
        assertThat(http.outputs()).containsEntry("url", "http://" + Harness.FakeCloud.ADDRESS);
        var https = Harness.deploy(ctx -> ctx.export("url", new ArmoredIngress("edge", args(List.of("203.0.113.0/24"))
                .domains(List.of("api.example.com")).build(), null).url()));
        assertThat(https.outputs()).containsEntry("url", "https://api.example.com");
    }
}
