package dev.apigeegke.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.pulumi.Config;
import com.pulumi.deployment.internal.DeploymentImpl;
import dev.apigeegke.core.Problem;
import dev.apigeegke.core.Problems;
import dev.apigeegke.testing.Rejections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StackConfigTest {
    private final Problems problems = new Problems("stack configuration");

    private StackConfig config(Map<String, String> values) {
        var all = ImmutableMap.<String, String>builder();
        values.forEach((k, v) -> all.put("apigee-gke:" + k, v));
        // A key of another namespace must not leak into this one.
        all.put("gcp:project", "my-project");
        return new StackConfig(new Config(new DeploymentImpl.Config(all.build(), ImmutableSet.of()), "apigee-gke"), problems);
    }

    @Test
    void readsAListWrittenAsAYamlListInTheStackFile() {
        var c = config(Map.of("allowlist", "[\"1.2.3.0/24\",\"2001:db8::/32\"]"));
        assertThat(c.list("allowlist")).containsExactly("1.2.3.0/24", "2001:db8::/32");
        assertThat(problems.list()).isEmpty();
    }

    @Test
    void aMissingListIsEmpty() {
        var c = config(Map.of());
        assertThat(c.list("allowlist")).isEmpty();
        assertThat(c.list("project")).as("gcp:project is another namespace").isEmpty();
        assertThat(problems.list()).isEmpty();
    }

    @Test
    void aBlankValueIsAProblemNotTheDefault() {
        // Written in the stack file (not a declared default), a blank would otherwise stand for the default unseen.
        var c = config(Map.of("domains", "  ", "prefix", "", "proxyOnlySubnet", " "));
        assertThat(c.list("domains")).isEmpty();
        assertThat(c.string("prefix")).isEmpty();
        assertThat(c.map("proxyOnlySubnet", "        name: x")).isEmpty();
        assertThat(Rejections.lines(problems.list())).containsExactly(
                "apigee-gke:domains = \"  \": empty: remove the key for its default, or give a list, e.g. [203.0.113.0/24]",
                "apigee-gke:prefix = \"\": empty: remove the key for its default, or give a value",
                "apigee-gke:proxyOnlySubnet = \" \": empty: remove the key for its default, or give an object");
    }

    @Test
    void aWholeNumberIsWrittenInAsciiDigitsAndFitsAnInt() {
        // Integer.parseInt alone would read other scripts' digits ("３" as 3) and throw past the int range.
        var c = config(Map.of("a", "３", "b", "٣", "c", "99999999999999999999", "d", "2147483648", "e", " 12 ", "f", "-3"));
        assertThat(c.integer("a")).isEmpty();
        assertThat(c.integer("b")).isEmpty();
        assertThat(c.integer("c")).isEmpty();
        assertThat(c.integer("d")).isEmpty();
        assertThat(c.integer("e")).contains(12);
        assertThat(c.integer("f")).contains(-3);
        assertThat(Rejections.lines(problems.list())).containsExactly(
                "apigee-gke:a = \"３\": a whole number",
                "apigee-gke:b = \"٣\": a whole number",
                "apigee-gke:c = \"99999999999999999999\": a whole number from -2147483648 to 2147483647",
                "apigee-gke:d = \"2147483648\": a whole number from -2147483648 to 2147483647");
    }

    @Test
    void aValueThatIsNotAListIsAProblemNamingTheKeyAndShowingTheYamlToWrite() {
        var c = config(Map.of("allowlist", "1.2.3.0/24", "domains", "{\"a\":1}"));
        assertThat(c.list("allowlist")).isEmpty();
        assertThat(c.list("domains")).isEmpty();
        assertThat(Rejections.lines(problems.list())).containsExactly(
                """
                apigee-gke:allowlist = "1.2.3.0/24": a list of strings, e.g. in Pulumi.<stack>.yaml:
                      apigee-gke:allowlist:
                        - 203.0.113.0/24""",
                """
                apigee-gke:domains = "{"a":1}": a list of strings, e.g. in Pulumi.<stack>.yaml:
                      apigee-gke:domains:
                        - 203.0.113.0/24""");
    }

    @Test
    void readsWholeNumbersAndReportsAnythingElse() {
        var c = config(Map.of("nodesPerZone", " 2 ", "maxPods", "two", "ratio", "1.5"));
        assertThat(c.integer("nodesPerZone")).contains(2);
        assertThat(c.integer("absent")).isEmpty();
        assertThat(c.integer("maxPods")).isEmpty();
        assertThat(c.integer("ratio")).isEmpty();
        assertThat(problems.list()).containsExactly(
                new Problem("apigee-gke:maxPods", "\"two\"", "a whole number"),
                new Problem("apigee-gke:ratio", "\"1.5\"", "a whole number"));
    }

    @Test
    void readsTrueOrFalseAndOtherwiseKeepsTheDefaultAndReportsIt() {
        var c = config(Map.of("deletionProtection", "false", "spot", "true", "debug", "yes"));
        assertThat(c.bool("deletionProtection", true)).isFalse();
        assertThat(c.bool("spot", false)).isTrue();
        assertThat(c.bool("absent", true)).isTrue();
        assertThat(c.bool("debug", false)).isFalse();
        assertThat(problems.list()).containsExactly(new Problem("apigee-gke:debug", "\"yes\"", "true or false"));
    }

    @Test
    void requireReportsAMissingKeyWithTheCommandThatSetsIt() {
        var c = config(Map.of("location", "europe-west1", "blank", " "));
        assertThat(c.require("location", "set the location")).isEqualTo("europe-west1");
        assertThat(c.require("prefix", "set a name prefix")).isNull();
        assertThat(c.require("blank", "set it")).isNull();
        assertThat(Rejections.lines(problems.list())).containsExactly(
                "apigee-gke:prefix = (not set): set a name prefix (pulumi config set apigee-gke:prefix ...)",
                "apigee-gke:blank = (not set): set it (pulumi config set apigee-gke:blank ...)");
    }

    @Test
    void blankStringsCountAsUnsetAndFallBackToTheDefault() {
        var c = config(Map.of("location", "europe-west1-b", "prefix", ""));
        assertThat(c.string("location")).contains("europe-west1-b");
        assertThat(c.string("prefix")).isEqualTo(Optional.empty());
        assertThat(c.string("prefix", "apigee-p1")).isEqualTo("apigee-p1");
        assertThat(c.string("absent", "dflt")).isEqualTo("dflt");
    }

    @Test
    void collectsEveryProblemSoTheStackFileIsFixedInOneGo() {
        var c = config(Map.of("allowlist", "oops", "nodesPerZone", "x", "deletionProtection", "maybe"));
        c.require("region", "set the region");
        c.list("allowlist");
        c.integer("nodesPerZone");
        c.bool("deletionProtection", true);
        assertThatThrownBy(problems::throwIfAny).hasMessageStartingWith("stack configuration: 4 invalid arguments\n  - ");
        assertThat(Rejections.lines(problems.list())).containsExactly(
                "apigee-gke:region = (not set): set the region (pulumi config set apigee-gke:region ...)",
                """
                apigee-gke:allowlist = "oops": a list of strings, e.g. in Pulumi.<stack>.yaml:
                      apigee-gke:allowlist:
                        - 203.0.113.0/24""",
                "apigee-gke:nodesPerZone = \"x\": a whole number",
                "apigee-gke:deletionProtection = \"maybe\": true or false");
    }

    @Test
    void aKeyAtItsDeclaredDefaultReadsAsUnsetSoTheReaderFallsBack() {
        // The Pulumi CLI hands the program a declared default as if the stack had set it.
        var values = Map.of("rateBanCount", "0", "allowlist", "[ ]", "prefix", "", "proxyOnlySubnet", "{}", "quotaCount", "5");
        var all = ImmutableMap.<String, String>builder();
        values.forEach((k, v) -> all.put("apigee-gke:" + k, v));
        var c = new StackConfig(new Config(new DeploymentImpl.Config(all.build(), ImmutableSet.of()), "apigee-gke"), problems,
                Map.of("rateBanCount", "0", "allowlist", "[]", "prefix", "", "proxyOnlySubnet", "{}", "quotaCount", "1000"));
        assertThat(c.integer("rateBanCount")).isEmpty();
        assertThat(c.isSet("rateBanCount")).isFalse();
        assertThat(c.isSet("allowlist")).as("the same list, spaced otherwise").isFalse();
        assertThat(c.string("prefix", "apigee-p1")).isEqualTo("apigee-p1");
        assertThat(c.map("proxyOnlySubnet", "")).isEmpty();
        assertThat(c.integer("quotaCount")).contains(5);
        assertThat(c.keysRead()).containsExactlyInAnyOrder("rateBanCount", "allowlist", "prefix", "proxyOnlySubnet", "quotaCount");
        assertThat(c.hasValue("quotaCount")).isTrue();
        assertThat(problems.list()).isEmpty();
    }
}
