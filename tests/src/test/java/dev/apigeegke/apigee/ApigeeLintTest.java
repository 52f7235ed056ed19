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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every proxy bundle the examples produce passes {@code apigeelint} (Apigee's own bundle linter, pinned in
 * tests/node) with no errors and no warnings, as written by the offline preview's {@code --out}.
 */
class ApigeeLintTest {
    private static final String LINT = "node_modules/apigeelint/cli.js";

    @TempDir
    static Path out;

    @BeforeAll
    static void renderPattern1() {
        int code = MainAccess.run(new String[] {"preview", "pattern1", "--project-dir", Repo.root().toString(), "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream()), System.err);
        assertThat(code).isZero();
    }

    private static List<String> messages(JsonNode report, int severity) {
        var found = new ArrayList<String>();
        for (JsonNode file : report) {
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
    void pattern1BundlePassesApigeelintWithoutErrorsOrWarnings() throws Exception {
        Path apiproxy = out.resolve("apigee/apigee-p1-api/apiproxy");
        assertThat(apiproxy.resolve("proxies/default.xml")).isRegularFile();
        assertThat(out.resolve("apigee/apigee-p1-api.zip")).isRegularFile();
        var report = Node.run(LINT, List.of("-s", apiproxy.toString(), "-f", "json.js", "--profile", "apigee"));
        assertThat(report.json().size()).as("files linted").isGreaterThanOrEqualTo(9);
        assertThat(messages(report.json(), 2)).as("errors").isEmpty();
        assertThat(messages(report.json(), 1)).as("warnings").isEmpty();
    }

    @Test
    void pattern2MicrogatewayBundlesPassApigeelint() throws Exception {
        Path p2 = out.resolve("p2");
        int code = MainAccess.run(new String[] {"preview", "pattern2", "--project-dir", Repo.root().toString(), "--out", p2.toString()},
                new PrintStream(new ByteArrayOutputStream()), System.err);
        assertThat(code).isZero();
        for (String proxy : List.of("edgemicro_orders", "edgemicro_catalog", "edgemicro_healthcheck")) {
            var report = Node.run(LINT, List.of("-s", p2.resolve("apigee/" + proxy + "/apiproxy").toString(), "-f", "json.js",
                    "--profile", "apigee"));
            assertThat(messages(report.json(), 2)).as(proxy + " errors").isEmpty();
            assertThat(messages(report.json(), 1)).as(proxy + " warnings").isEmpty();
        }
    }

    @Test
    void apigeelintReportsAnErrorInABrokenCopy() throws Exception {
        // A green run above means something only if the linter rejects what is wrong.
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
        var report = Node.run(LINT, List.of("-s", broken.toString(), "-f", "json.js", "--profile", "apigee"));
        assertThat(messages(report.json(), 2)).isNotEmpty();
    }
}
