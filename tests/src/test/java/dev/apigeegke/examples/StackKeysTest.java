package dev.apigeegke.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.cli.Patterns;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.testing.Repo;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A key the programs would ignore is reported with the other problems of the stack: a key no pattern declares
 * (most often misspelt: the nearest declared key is suggested) and a declared key the selected pattern does not read.
 */
class StackKeysTest {
    /** Runs {@code pattern} on its sample stack with {@code changes} (a null value removes the key). */
    private static OfflineEngine.Result run(String pattern, Map<String, String> changes) throws Exception {
        var stack = StackFile.read(Repo.root().resolve("Pulumi." + pattern + ".yaml"), "apigee-gke");
        var config = new TreeMap<>(stack.config());
        changes.forEach((k, v) -> {
            if (v == null) {
                config.remove(k);
            } else {
                config.put(k, v);
            }
        });
        return OfflineEngine.run("apigee-gke", pattern, config, stack.secretKeys(), Patterns.program(pattern));
    }

    private static Map<String, String> renamed(String pattern, String from, String to) throws Exception {
        var stack = StackFile.read(Repo.root().resolve("Pulumi." + pattern + ".yaml"), "apigee-gke");
        var changes = new TreeMap<String, String>();
        changes.put(from, null);
        changes.put(to, stack.config().get(from));
        return changes;
    }

    @Test
    void aMisspeltKeyIsReportedWithTheKeyItMostLikelyMeans() throws Exception {
        var result = run("pattern1", renamed("pattern1", "apigee-gke:allowlist", "apigee-gke:allowList"));
        assertThat(result.errors()).containsExactly("""
                stack configuration: 2 invalid arguments
                  - apigee-gke:allowlist = (not set): list the Apigee gateway's egress ranges (IPv4/IPv6 CIDRs) the Ingress admits
                  - apigee-gke:allowList = "["203.0.113.0/24","198.51.100.16/28","2001:db8:1200::/48"]": no pattern reads this key: \
                did you mean apigee-gke:allowlist? rename it""");
    }

    @Test
    void aKeyAFewEditsFromADeclaredOneGetsThatOneSuggested() throws Exception {
        var result = run("pattern2", Map.of("apigee-gke:spikeArest", "10ps", "apigee-gke:wafRuleSet", "[\"sqli-v33-stable\"]"));
        assertThat(result.errors()).containsExactly("""
                stack configuration: 2 invalid arguments
                  - apigee-gke:spikeArest = "10ps": no pattern reads this key: did you mean apigee-gke:spikeArrest? rename it
                  - apigee-gke:wafRuleSet = "["sqli-v33-stable"]": no pattern reads this key: did you mean apigee-gke:wafRuleSets? \
                rename it""");
    }

    @Test
    void aKeyFarFromEveryDeclaredOneIsToBeRemoved() throws Exception {
        var result = run("pattern3", Map.of("apigee-gke:colour", "blue"));
        assertThat(result.errors()).containsExactly("""
                stack configuration: 1 invalid argument
                  - apigee-gke:colour = "blue": no pattern reads this key: remove it (the keys are listed in Pulumi.yaml and \
                docs/deploying.md)""");
    }

    @Test
    void aDeclaredKeyTheSelectedPatternDoesNotReadIsToBeRemoved() throws Exception {
        var pattern1 = run("pattern1", Map.of("apigee-gke:internal", "true"));
        assertThat(pattern1.errors()).containsExactly("""
                stack configuration: 1 invalid argument
                  - apigee-gke:internal = "true": is not read by pattern1: remove it""");

        var pattern2 = run("pattern2", Map.of("apigee-gke:rateBanCount", "600", "apigee-gke:machineType", "e2-standard-4"));
        assertThat(pattern2.errors()).containsExactly("""
                stack configuration: 2 invalid arguments
                  - apigee-gke:machineType = "e2-standard-4": is not read by pattern2 or pattern3: remove it
                  - apigee-gke:rateBanCount = "600": is not read by pattern2 or pattern3: remove it""");
    }

    @Test
    void aSecretValueIsNotShownInTheReport() throws Exception {
        var stack = StackFile.read(Repo.root().resolve("Pulumi.pattern2.yaml"), "apigee-gke");
        var config = new TreeMap<>(stack.config());
        config.put("apigee-gke:microgatewaySecrets", "s3cr3t-value");
        var result = OfflineEngine.run("apigee-gke", "pattern2", config, Set.of("apigee-gke:microgatewaySecrets"),
                Patterns.program("pattern2"));
        assertThat(result.errors()).singleElement().asString()
                .contains("  - apigee-gke:microgatewaySecrets = \"(a secret)\": no pattern reads this key: did you mean "
                        + "apigee-gke:microgatewaySecret? rename it")
                .doesNotContain("s3cr3t-value");
    }

    @Test
    void theSelectorKeyAndKeysAtTheirDeclaredDefaultAreNotReported() throws Exception {
        // What the Pulumi CLI hands the program for keys the stack leaves out: their declared defaults.
        var result = run("pattern1", Map.of("apigee-gke:internal", "false", "apigee-gke:proxyOnlySubnet", "{}",
                "apigee-gke:microgatewayKey", "", "apigee-gke:pattern", "pattern1"));
        assertThat(result.errors()).isEmpty();
    }
}
