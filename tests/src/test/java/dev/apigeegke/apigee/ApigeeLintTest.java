package dev.apigeegke.apigee;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.cli.MainAccess;
import dev.apigeegke.testing.Node;
import dev.apigeegke.testing.Repo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every proxy bundle the examples produce passes {@code apigeelint} (Apigee's own bundle linter, pinned in
 * tests/node) with no errors and no warnings, as written by the offline preview's {@code --out}; a broken copy, linted
 * in the same start, does not.
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

    private static List<String> messages(JsonNode report, int severity) {
        var found = new ArrayList<String>();
        for (JsonNode file : report.path("files")) {
            for (JsonNode m : file.get("messages")) {
                if (m.get("severity").asInt() == severity) {
                    found.add(file.get("filePath").asText().replaceAll(".*/apiproxy/", "") + ": " + m.get("ruleId").asText()
                            + " " + m.get("message").asText());
                }
            }
        }
        return found;
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
