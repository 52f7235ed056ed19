package dev.apigeegke.apigee;

import static dev.apigeegke.testing.LintedBundles.messages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.cli.MainAccess;
import dev.apigeegke.microgateway.EdgemicroAuthBundle;
import dev.apigeegke.testing.LintedBundles;
import dev.apigeegke.testing.Node;
import dev.apigeegke.testing.Repo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every proxy bundle the examples produce passes {@code apigeelint} (Apigee's own bundle linter, pinned in
 * tests/node) with no errors and no warnings, as written by the offline preview's {@code --out}; a broken copy, linted
 * in the same start, does not. Apigee's own edgemicro-auth bundle, shipped unchanged, has findings of its own: they
 * are pinned, so that a finding the shipped files or their options add fails.
 */
class ApigeeLintTest {
    private static final List<String> MICROGATEWAY_PROXIES = List.of("edgemicro_orders", "edgemicro_catalog", "edgemicro_healthcheck");
    /** Pattern 3's local proxies, which its products list. */
    private static final List<String> LOCAL_PROXIES = List.of("edgemicro_ORDERS", "edgemicro_CATALOG");

    @TempDir
    static Path out;

    /** apigeelint's report on each bundle, one Node start for all. */
    private static Node.Batch lint;

    @BeforeAll
    static void renderAndLintTheBundles() throws Exception {
        preview("pattern1", out);
        preview("pattern2", out.resolve("p2"));
        preview("pattern3", out.resolve("p3"));
        var inputs = new LinkedHashMap<String, List<String>>();
        inputs.put("pattern1", List.of(out.resolve("apigee/apigee-p1-api/apiproxy").toString()));
        for (String proxy : MICROGATEWAY_PROXIES) {
            inputs.put(proxy, List.of(out.resolve("p2/apigee/" + proxy + "/apiproxy").toString()));
        }
        for (String proxy : LOCAL_PROXIES) {
            inputs.put(proxy, List.of(out.resolve("p3/apigee/" + proxy + "/apiproxy").toString()));
        }
        inputs.put("broken", List.of(brokenCopy().toString()));
        inputs.put("edgemicro-auth", List.of(write(EdgemicroAuthBundle.standard(), out.resolve("edgemicro-auth")).toString()));
        inputs.put("edgemicro-auth-options", List.of(write(EdgemicroAuthBundle.builder().noncps(true)
                .virtualHosts("default", "secure").build(), out.resolve("edgemicro-auth-options")).toString()));
        lint = Node.check("lint-bundles.mjs", inputs);
    }

    private static void preview(String pattern, Path dir) {
        int code = MainAccess.run(new String[] {"preview", pattern, "--project-dir", Repo.root().toString(), "--out", dir.toString()},
                new PrintStream(new ByteArrayOutputStream()), System.err);
        assertThat(code).as(pattern).isZero();
    }

    /** The pattern 1 bundle with a spike arrest rate that is no rate, and a step naming a policy that does not exist. */
    private static Path brokenCopy() throws Exception {
        Path broken = out.resolve("broken/apiproxy");
        try (var files = Files.walk(out.resolve("apigee/apigee-p1-api/apiproxy"))) {
            for (Path p : files.toList()) {
                Path target = broken.resolve(out.resolve("apigee/apigee-p1-api/apiproxy").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path spike = broken.resolve("policies/SA-spike-arrest.xml");
        Files.writeString(spike, Files.readString(spike).replaceAll("<Rate>[^<]*</Rate>", "<Rate>lots</Rate>"));
        Path proxy = broken.resolve("proxies/default.xml");
        Files.writeString(proxy, Files.readString(proxy).replace("<Name>VA-api-key</Name>", "<Name>VA-missing</Name>"));
        return broken;
    }

    /** The bundle's files under {@code dir}; returns its {@code apiproxy/} folder. */
    private static Path write(EdgemicroAuthBundle bundle, Path dir) throws IOException {
        return LintedBundles.write(bundle.proxyBundle().files(), dir);
    }

    /** Every finding as {@code <count> <severity> <file> <rule> <message>}, one line per distinct finding, sorted. */
    private static List<String> findings(JsonNode report) {
        var counts = new TreeMap<String, Integer>();
        for (JsonNode file : report.path("files")) {
            String path = file.get("filePath").asText().replaceAll(".*/apiproxy$", "apiproxy/").replaceAll(".*/apiproxy/", "apiproxy/");
            for (JsonNode m : file.get("messages")) {
                String severity = m.get("severity").asInt() == 2 ? "error" : "warning";
                counts.merge(severity + " " + path + " " + m.get("ruleId").asText() + " " + m.get("message").asText(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList();
    }

    @Test
    void pattern1BundlePassesApigeelintWithoutErrorsOrWarnings() {
        assertThat(out.resolve("apigee/apigee-p1-api/apiproxy/proxies/default.xml")).isRegularFile();
        assertThat(out.resolve("apigee/apigee-p1-api.zip")).isRegularFile();
        var report = lint.report("pattern1");
        assertThat(report.path("files").size()).as("files linted").isGreaterThanOrEqualTo(9);
        assertThat(messages(report, 2)).as("errors").isEmpty();
        assertThat(messages(report, 1)).as("warnings").isEmpty();
    }

    private static void assertLintedWithoutErrorsOrWarnings(List<String> proxies) {
        for (String proxy : proxies) {
            var report = lint.report(proxy);
            assertThat(report.path("files").size()).as(proxy + " files linted").isPositive();
            assertThat(messages(report, 2)).as(proxy + " errors").isEmpty();
            assertThat(messages(report, 1)).as(proxy + " warnings").isEmpty();
        }
    }

    @Test
    void edgemicroAuthBundleHasExactlyTheFindingsRecordedForItsNpmVersion() throws IOException {
        var bundle = EdgemicroAuthBundle.standard();
        String recorded = "edgemicro-auth-" + bundle.npmVersion() + ".apigeelint.txt";
        List<String> expected;
        try (var in = ApigeeLintTest.class.getResourceAsStream(recorded)) {
            assertThat(in).as("recorded findings " + recorded).isNotNull();
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
        var report = lint.report("edgemicro-auth");
        assertThat(report.path("files").size()).as("files linted").isGreaterThan(70);
        assertThat(findings(report)).as("apigeelint's findings on Apigee's files, against " + recorded).containsExactlyElementsOf(expected);
        assertThat(findings(lint.report("edgemicro-auth-options"))).as("findings with org.noncps and two virtual hosts")
                .containsExactlyElementsOf(expected);
    }

    @Test
    void pattern2MicrogatewayBundlesPassApigeelint() {
        assertLintedWithoutErrorsOrWarnings(MICROGATEWAY_PROXIES);
    }

    @Test
    void pattern3LocalProxyBundlesPassApigeelint() {
        assertLintedWithoutErrorsOrWarnings(LOCAL_PROXIES);
    }

    @Test
    void apigeelintReportsAnErrorInABrokenCopy() {
        // A green run above means something only if the linter rejects what is wrong.
        assertThat(messages(lint.report("broken"), 2)).isNotEmpty();
        assertThat(lint.ok("broken")).isFalse();
    }
}
