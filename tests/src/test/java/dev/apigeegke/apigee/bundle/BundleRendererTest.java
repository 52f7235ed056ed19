package dev.apigeegke.apigee.bundle;

import static dev.apigeegke.apigee.bundle.Bundles.PROXY;
import static dev.apigeegke.apigee.bundle.Bundles.TARGET;
import static dev.apigeegke.apigee.bundle.Bundles.all;
import static dev.apigeegke.apigee.bundle.Bundles.at;
import static dev.apigeegke.apigee.bundle.Bundles.render;
import static dev.apigeegke.apigee.bundle.Bundles.x;
import static dev.apigeegke.apigee.bundle.Bundles.xml;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class BundleRendererTest {
    private static final VerifyApiKey KEY = VerifyApiKey.header("x-api-key");

    /** An X proxy with every policy: CORS, spike arrest, key, product quota, JSON protection, headers, two flows. */
    private static ProxyModel.Builder full() {
        return x().description("Orders API")
                .targetPath("/api")
                .preFlow(List.of(Cors.allow(List.of("https://app.example.com")), SpikeArrest.rate("30ps"), KEY,
                        Quota.fromProduct(KEY, 1000), JsonThreatProtection.defaults(),
                        AssignMessage.toTarget("AM-target-headers").removeHeader("x-api-key")))
                .flows(List.of(
                        new Flow("orders", "/orders/**", List.of("GET", "POST"), List.of()),
                        new Flow("admin", "/admin/*", List.of("DELETE"),
                                List.of(OAuthVerifyToken.create(), Quota.explicit(10, 1, "minute").withName("Q-admin")))));
    }

    private static Map<String, byte[]> unzip(byte[] zip, List<ZipEntry> entries) throws IOException {
        var files = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(entry);
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    @Test
    void layoutHasTheDescriptorBothEndpointsAndOneFilePerPolicy() {
        assertThat(render(full()).files()).containsOnlyKeys(
                "apiproxy/orders.xml", PROXY, TARGET,
                "apiproxy/policies/AM-target-headers.xml", "apiproxy/policies/CORS-allow.xml",
                "apiproxy/policies/JTP-json.xml", "apiproxy/policies/OA-verify-token.xml", "apiproxy/policies/Q-admin.xml",
                "apiproxy/policies/Q-quota.xml", "apiproxy/policies/RF-unknown-request.xml",
                "apiproxy/policies/SA-spike-arrest.xml", "apiproxy/policies/VA-api-key.xml");
    }

    @Test
    void descriptorNamesTheBasePathPoliciesAndEndpoints() {
        var descriptor = xml(render(full()), "apiproxy/orders.xml");
        assertThat(at(descriptor, "/APIProxy/@name")).isEqualTo("orders");
        assertThat(at(descriptor, "/APIProxy/Basepaths")).isEqualTo("/orders");
        assertThat(at(descriptor, "/APIProxy/Description")).isEqualTo("Orders API");
        assertThat(at(descriptor, "/APIProxy/DisplayName")).isEqualTo("orders");
        assertThat(all(descriptor, "/APIProxy/Policies/Policy")).containsExactly("AM-target-headers", "CORS-allow",
                "JTP-json", "OA-verify-token", "Q-admin", "Q-quota", "RF-unknown-request", "SA-spike-arrest", "VA-api-key");
        assertThat(all(descriptor, "/APIProxy/ProxyEndpoints/ProxyEndpoint")).containsExactly("default");
        assertThat(all(descriptor, "/APIProxy/TargetEndpoints/TargetEndpoint")).containsExactly("default");
    }

    @Test
    void proxyEndpointRunsThePreFlowInOrderThenRoutesToTheTarget() {
        var proxy = xml(render(full()), PROXY);
        assertThat(at(proxy, "/ProxyEndpoint/@name")).isEqualTo("default");
        assertThat(all(proxy, "/ProxyEndpoint/PreFlow/Request/Step/Name")).containsExactly("CORS-allow", "SA-spike-arrest",
                "VA-api-key", "Q-quota", "JTP-json", "AM-target-headers");
        assertThat(at(proxy, "count(/ProxyEndpoint/PreFlow/Response/*)")).isEqualTo("0");
        assertThat(at(proxy, "count(/ProxyEndpoint/PostFlow/*/*)")).isEqualTo("0");
        assertThat(at(proxy, "/ProxyEndpoint/HTTPProxyConnection/BasePath")).isEqualTo("/orders");
        assertThat(at(proxy, "/ProxyEndpoint/RouteRule[@name='default']/TargetEndpoint")).isEqualTo("default");
        assertThat(at(proxy, "count(/ProxyEndpoint/RouteRule/Condition)")).isEqualTo("0");
    }

    @Test
    void flowsMatchPathAndVerbsAndEveryOtherRequestIsAnswered404() {
        var bundle = render(full());
        var proxy = xml(bundle, PROXY);
        assertThat(all(proxy, "//Flows/Flow/@name")).containsExactly("orders", "admin", "unknown-request");
        assertThat(at(proxy, "//Flow[@name='orders']/Condition"))
                .isEqualTo("(proxy.pathsuffix JavaRegex \"/orders(/.*)?\") and (request.verb = \"GET\" or request.verb = \"POST\")");
        assertThat(all(proxy, "//Flow[@name='admin']/Request/Step/Name")).containsExactly("OA-verify-token", "Q-admin");
        assertThat(at(proxy, "count(//Flow[@name='unknown-request']/Condition)")).isEqualTo("0");
        assertThat(all(proxy, "//Flow[@name='unknown-request']/Request/Step/Name")).containsExactly("RF-unknown-request");
        var fault = xml(bundle, "apiproxy/policies/RF-unknown-request.xml");
        assertThat(at(fault, "/RaiseFault/FaultResponse/Set/StatusCode")).isEqualTo("404");
        assertThat(at(fault, "/RaiseFault/FaultResponse/Set/Payload/@contentType")).isEqualTo("application/json");
        // Braces would be read as variables; the policy marks variables with @...# instead.
        assertThat(at(fault, "/RaiseFault/FaultResponse/Set/Payload/@variablePrefix")).isEqualTo("@");
        assertThat(at(fault, "/RaiseFault/FaultResponse/Set/Payload")).startsWith("{\"error\":{\"code\":404");
    }

    @Test
    void aFlowWithoutVerbsMatchesEveryMethod() {
        assertThat(new Flow("any", "/health", List.of(), List.of()).condition())
                .isEqualTo("(proxy.pathsuffix MatchesPath \"/health\")");
    }

    @Test
    void withoutFlowsEveryRequestUnderTheBasePathReachesTheTarget() {
        var bundle = render(x().preFlow(List.of(KEY)));
        assertThat(at(xml(bundle, PROXY), "count(//Flows/Flow)")).isEqualTo("0");
        assertThat(bundle.files()).doesNotContainKey("apiproxy/policies/RF-unknown-request.xml");
    }

    @Test
    void targetEndpointNamesTheTargetServerSoTheBundleSurvivesAddressChanges() {
        var target = xml(render(full()), TARGET);
        assertThat(at(target, "/TargetEndpoint/@name")).isEqualTo("default");
        assertThat(all(target, "/TargetEndpoint/HTTPTargetConnection/LoadBalancer/Server/@name")).containsExactly("orders-target");
        assertThat(at(target, "/TargetEndpoint/HTTPTargetConnection/Path")).isEqualTo("/api");
        assertThat(at(target, "count(//URL)")).isEqualTo("0");
        assertThat(at(target, "count(//SSLInfo)")).isEqualTo("0");
    }

    @Test
    void aTargetPathOfSlashAddsNoPathSoTheRequestPathIsNotSentWithADoubleSlash() {
        var target = xml(render(x()), TARGET);
        assertThat(all(target, "/TargetEndpoint/HTTPTargetConnection/LoadBalancer/Server/@name")).containsExactly("orders-target");
        assertThat(at(target, "count(/TargetEndpoint/HTTPTargetConnection/Path)")).isEqualTo("0");
    }

    @Test
    void filesAreUtf8XmlWithADeclarationAndFourSpaceIndentation() {
        var bundle = render(full().description("Bestellungen für Kunden – «beta» & <more>"));
        for (var file : bundle.files().entrySet()) {
            String text = new String(file.getValue(), StandardCharsets.UTF_8);
            assertThat(text).as(file.getKey()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").endsWith(">\n");
            assertThat(text.lines().skip(1)).as(file.getKey())
                    .allSatisfy(line -> assertThat((line.length() - line.stripLeading().length()) % 4).isZero())
                    .noneMatch(line -> line.contains("\t"));
        }
        assertThat(bundle.text(PROXY)).contains("\n    <PreFlow name=\"PreFlow\">\n        <Request>\n            <Step>\n");
        String descriptor = bundle.text("apiproxy/orders.xml");
        assertThat(descriptor).contains("<Description>Bestellungen für Kunden – «beta» &amp; &lt;more></Description>");
        assertThat(bundle.files().get("apiproxy/orders.xml")).containsSequence("für".getBytes(StandardCharsets.UTF_8));
        assertThat(at(xml(bundle, "apiproxy/orders.xml"), "/APIProxy/Description"))
                .isEqualTo("Bestellungen für Kunden – «beta» & <more>");
    }

    @Test
    void renderingTheSameModelGivesIdenticalBytes() {
        var first = render(full());
        var second = render(full());
        assertThat(second.zip()).isEqualTo(first.zip());
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second).isEqualTo(first);
        var model = full().build();
        assertThat(BundleRenderer.render(model).zip()).isEqualTo(BundleRenderer.render(model).zip());
    }

    @Test
    void bundleBytesDoNotDependOnTheMachinesTimeZone() {
        var original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            String east = render(full()).sha256();
            TimeZone.setDefault(TimeZone.getTimeZone("America/Adak"));
            String west = render(full()).sha256();
            assertThat(west).isEqualTo(east);
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void aOneCharacterChangeGivesAnotherHash() {
        var base = render(full());
        var changed = render(full().preFlow(List.of(SpikeArrest.rate("31ps"))));
        var path = render(full().basePath("/orderz"));
        assertThat(base.sha256()).matches("[0-9a-f]{64}");
        assertThat(changed.sha256()).isNotEqualTo(base.sha256());
        assertThat(path.sha256()).isNotEqualTo(base.sha256()).isNotEqualTo(changed.sha256());
        assertThat(path).isNotEqualTo(base);
    }

    @Test
    void sha256IsTheHexDigestOfTheZip() throws Exception {
        var bundle = render(full());
        assertThat(bundle.sha256())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bundle.zip())));
    }

    @Test
    void unzippingGivesExactlyTheFilesInPathOrder() throws IOException {
        var bundle = render(full());
        var entries = new ArrayList<ZipEntry>();
        var unzipped = unzip(bundle.zip(), entries);
        assertThat(unzipped.keySet()).containsExactlyElementsOf(bundle.files().keySet());
        bundle.files().forEach((path, content) -> assertThat(unzipped.get(path)).as(path).isEqualTo(content));
    }

    @Test
    void zipEntriesAreStoredWithOneFixedTimeAndNoExtraFields() throws IOException {
        var entries = new ArrayList<ZipEntry>();
        unzip(render(full()).zip(), entries);
        assertThat(entries).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(entry.getTimeLocal()).isEqualTo(LocalDateTime.of(1980, 2, 1, 0, 0));
            assertThat(entry.getExtra()).isNull();
            assertThat(entry.isDirectory()).isFalse();
        });
    }

    @Test
    void aBundleCannotBeChangedThroughWhatItReturns() {
        var bundle = render(full());
        var hash = bundle.sha256();
        bundle.zip()[0] ^= 1;
        bundle.files().get(PROXY)[0] ^= 1;
        assertThat(HexFormat.of().formatHex(sha256(bundle.zip()))).isEqualTo(hash);
        assertThat(bundle.text(PROXY)).startsWith("<?xml");
        assertThat(bundle.toString()).contains("orders").contains(hash).doesNotContain("[B@");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
