package dev.apigeegke.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import dev.apigeegke.examples.pattern1.Pattern1;
import dev.apigeegke.examples.pattern2.Pattern2;
import dev.apigeegke.examples.pattern3.Pattern3;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.testing.Repo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A stack with N independent mistakes, some found by the stack reader and some only by a component's arguments, is
 * reported in one run: N problems, each named by the stack key the user set, with its value, before any resource.
 */
class EveryProblemAtOnceTest {
    private static final Pattern LINE = Pattern.compile("  - (\\S+) = (.+?): (.+)");

    /** Mistakes every pattern reads the same way: stack key, the value written, the value the report shows. */
    private static final Map<String, String[]> COMMON = mistakes(
            "apigee-gke:prefix", "UPPER", "\"UPPER\"",
            "apigee-gke:allowlist", "[\"203.0.113.0/24\", \"300.1.1.1/24\"]", "\"300.1.1.1/24\"",
            "apigee-gke:domains", "[\"a..b\"]", "\"a..b\"",
            "apigee-gke:wafRuleSets", "[\"sqli-v34-stable\"]", "\"sqli-v34-stable\"",
            "apigee-gke:consumerEmail", "not-an-email", "\"not-an-email\"",
            "apigee-gke:nodesPerZone", "-1", "-1",
            "apigee-gke:deletionProtection", "yes", "\"yes\"",
            "apigee:organization", "My_Org!", "\"My_Org!\"");

    private static Map<String, String[]> mistakes(String... triples) {
        var map = new LinkedHashMap<String, String[]>();
        for (int i = 0; i < triples.length; i += 3) {
            map.put(triples[i], new String[] {triples[i + 1], triples[i + 2]});
        }
        return map;
    }

    private static OfflineEngine.Result run(String pattern, Map<String, String[]> mistakes) throws Exception {
        var stack = StackFile.read(Repo.root().resolve("Pulumi." + pattern + ".yaml"), "apigee-gke");
        var config = new TreeMap<>(stack.config());
        mistakes.forEach((key, value) -> config.put(key, value[0]));
        // A sample stack of a pattern (Pulumi.pattern1-multi.yaml is pattern 1's) names the pattern it runs.
        Consumer<Context> program = switch (stack.config().get("apigee-gke:pattern")) {
            case "pattern1" -> Pattern1::stack;
            case "pattern2" -> Pattern2::stack;
            default -> Pattern3::stack;
        };
        return OfflineEngine.run("apigee-gke", pattern, config, stack.secretKeys(), program);
    }

    /** The report's problems as key (with any element index) to shown value, after its one header line. */
    private static Map<String, String> reported(OfflineEngine.Result result, int expected) {
        assertThat(result.errors()).hasSize(1);
        var lines = result.errors().get(0).lines().toList();
        assertThat(lines.get(0)).isEqualTo("stack configuration: " + expected + (expected == 1 ? " invalid argument" : " invalid arguments"));
        var problems = new LinkedHashMap<String, String>();
        for (String line : lines.subList(1, lines.size())) {
            var m = LINE.matcher(line);
            assertThat(m.matches()).as("a problem line naming key, value and fix: %s", line).isTrue();
            assertThat(problems.put(m.group(1), m.group(2))).as("reported twice: %s", m.group(1)).isNull();
        }
        return problems;
    }

    private static void assertEveryMistakeReported(String pattern, Map<String, String[]> mistakes, Map<String, String> indexed)
            throws Exception {
        var result = run(pattern, mistakes);
        var expected = new LinkedHashMap<String, String>();
        mistakes.forEach((key, value) -> expected.put(indexed.getOrDefault(key, key), value[1]));
        assertThat(reported(result, mistakes.size())).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(result.plan().resources()).extracting(Plan.Resource::type).containsOnly("pulumi:pulumi:Stack");
    }

    @Test
    void pattern1ReportsEveryMistakeByItsStackKey() throws Exception {
        var all = new LinkedHashMap<>(COMMON);
        all.putAll(mistakes(
                "apigee-gke:apigeeEnvironments", "[\"te st\"]", "\"te st\"",
                "apigee-gke:spikeArrest", "30pz", "\"30pz\"",
                "apigee-gke:quotaCount", "0", "0",
                "apigee-gke:quotaTimeUnit", "week", "\"week\"",
                "apigee-gke:rateBanCount", "-1", "-1"));
        assertEveryMistakeReported("pattern1", all, Map.of(
                "apigee-gke:allowlist", "apigee-gke:allowlist[1]",
                "apigee-gke:domains", "apigee-gke:domains[0]",
                "apigee-gke:wafRuleSets", "apigee-gke:wafRuleSets[0]",
                "apigee-gke:apigeeEnvironments", "apigee-gke:apigeeEnvironments[0]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pattern2", "pattern3"})
    void gatewayPatternsReportEveryMistakeByItsStackKey(String pattern) throws Exception {
        var all = new LinkedHashMap<>(COMMON);
        all.putAll(mistakes(
                "gcp:region", "europe-west1x", "\"europe-west1x\"",
                "apigee-gke:spikeArrest", "0ps", "\"0ps\""));
        assertEveryMistakeReported(pattern, all, Map.of(
                "apigee-gke:allowlist", "apigee-gke:allowlist[1]",
                "apigee-gke:domains", "apigee-gke:domains[0]",
                "apigee-gke:wafRuleSets", "apigee-gke:wafRuleSets[0]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pattern1", "pattern2", "pattern3"})
    void aNameMadeFromThePrefixIsReportedAsThePrefixOnce(String pattern) throws Exception {
        // 41 characters: too long for GKE's cluster name, and for every name made from it.
        String prefix = "p".repeat(41);
        var result = run(pattern, mistakes("apigee-gke:prefix", prefix, "\"" + prefix + "\""));
        assertThat(reported(result, 1)).containsOnlyKeys("apigee-gke:prefix");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pattern1", "pattern1-multi", "pattern2", "pattern3"})
    void aZoneGivenAsTheRegionIsReportedAsTheRegion(String pattern) throws Exception {
        var result = run(pattern, mistakes("gcp:region", "europe-west1-b", "\"europe-west1-b\""));
        assertThat(result.errors().get(0).lines().skip(1).toList()).containsExactly(
                "  - gcp:region = \"europe-west1-b\": the GCP region: a region such as europe-west1 (this is a zone of europe-west1)");
    }

    @Test
    void aMissingKeyIsReportedOnceWithTheCommandThatSetsIt() throws Exception {
        var stack = StackFile.read(Repo.root().resolve("Pulumi.pattern1.yaml"), "apigee-gke");
        var config = new TreeMap<>(stack.config());
        config.remove("gcp:project");
        config.put("apigee-gke:allowlist", "[\"10.0.0.1/8\"]");
        var result = OfflineEngine.run("apigee-gke", "pattern1", config, stack.secretKeys(), Pattern1::stack);
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().get(0).lines().skip(1).toList()).containsExactly(
                "  - gcp:project = (not set): set the GCP project id (pulumi config set gcp:project ...)",
                "  - apigee-gke:allowlist[0] = \"10.0.0.1/8\": host bits are set; write the range as 10.0.0.0/8");
        assertThat(result.plan().resources()).extracting(Plan.Resource::type).containsOnly("pulumi:pulumi:Stack");
    }
}
