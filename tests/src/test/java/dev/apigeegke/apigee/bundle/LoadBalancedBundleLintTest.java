package dev.apigeegke.apigee.bundle;

import static dev.apigeegke.apigee.bundle.LoadBalancedBundleTest.balanced;
import static dev.apigeegke.apigee.bundle.LoadBalancedBundleTest.servers;
import static dev.apigeegke.testing.LintedBundles.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.apigee.bundle.LoadBalancing.Algorithm;
import dev.apigeegke.testing.LintedBundles;
import dev.apigeegke.testing.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load-balanced bundles pass {@code apigeelint} (pinned in tests/node, as {@link dev.apigeegke.apigee.ApigeeLintTest}
 * runs it) with no errors and no warnings: 2 and 5 servers, each algorithm, with and without a fallback, with and
 * without TLS. Copies with what its load-balancer rules look for taken out, linted in the same start, are reported.
 */
class LoadBalancedBundleLintTest {
    @TempDir
    static Path out;

    /** The bundles linted clean, by name. */
    private static final Map<String, ProxyBundle> BUNDLES = new LinkedHashMap<>();
    private static Node.Batch lint;

    @BeforeAll
    static void renderAndLint() throws Exception {
        for (int count : List.of(2, 5)) {
            for (Algorithm algorithm : Algorithm.values()) {
                for (boolean fallback : List.of(false, true)) {
                    for (boolean tls : List.of(false, true)) {
                        String name = count + "-" + algorithm + (fallback ? "-fallback" : "") + (tls ? "-tls" : "");
                        BUNDLES.put(name, Bundles.render(balanced(servers(count, algorithm, fallback), algorithm,
                                HealthMonitor.http("/health", tls))));
                    }
                }
            }
        }
        var inputs = new LinkedHashMap<String, List<String>>();
        for (var bundle : BUNDLES.entrySet()) {
            inputs.put(bundle.getKey(), List.of(write(bundle.getValue(), bundle.getKey(), Map.of()).toString()));
        }
        var plain = BUNDLES.get("2-ROUND_ROBIN");
        String target = plain.text(Bundles.TARGET);
        inputs.put("without-monitor", List.of(write(plain, "without-monitor",
                Map.of(Bundles.TARGET, target.replaceAll("(?s)<HealthMonitor>.*</HealthMonitor>\\s*", ""))).toString()));
        inputs.put("without-max-failures", List.of(write(plain, "without-max-failures",
                Map.of(Bundles.TARGET, target.replaceAll("<MaxFailures>[^<]*</MaxFailures>\\s*", ""))).toString()));
        lint = Node.check("lint-bundles.mjs", inputs);
    }

    /** The bundle's files under {@code out/name}, with {@code replaced} files' text; returns its {@code apiproxy/} folder. */
    private static Path write(ProxyBundle bundle, String name, Map<String, String> replaced) throws IOException {
        Path apiproxy = LintedBundles.write(bundle.files(), out.resolve(name));
        for (var file : replaced.entrySet()) {
            Files.writeString(out.resolve(name).resolve(file.getKey()), file.getValue());
        }
        return apiproxy;
    }

    @Test
    void everyLoadBalancedBundlePassesApigeelintWithoutErrorsOrWarnings() {
        assertThat(BUNDLES).hasSize(24);
        for (String name : BUNDLES.keySet()) {
            var report = lint.report(name);
            assertThat(report.path("files").size()).as(name + " files linted").isPositive();
            assertThat(messages(report, 2)).as(name + " errors").isEmpty();
            assertThat(messages(report, 1)).as(name + " warnings").isEmpty();
        }
    }

    @Test
    void apigeelintWarnsWhenTheMonitorOrMaxFailuresIsTakenOut() {
        // A clean run above means something only if the linter reads the load balancer it was given.
        assertThat(messages(lint.report("without-monitor"), 1)).anyMatch(m -> m.startsWith("targets/default.xml: TD016 "));
        assertThat(messages(lint.report("without-max-failures"), 1)).anyMatch(m -> m.startsWith("targets/default.xml: TD015 "));
    }
}
