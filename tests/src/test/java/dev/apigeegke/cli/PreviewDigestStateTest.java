package dev.apigeegke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.StackFile;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The state a digest step holds for a resource's options, and the bytes Go's encoder would write. */
class PreviewDigestStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STACK = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";
    private static final String GCP = "urn:pulumi:dev::proj::pulumi:providers:gcp::default_7_0_0";
    private static final String TYPE = "gcp:compute/securityPolicy:SecurityPolicy";

    private static Plan plan(String name, String description, Plan.Options options) {
        String urn = "urn:pulumi:dev::proj::" + TYPE + "::" + name;
        var stack = new Plan.Resource(STACK, "pulumi:pulumi:Stack", "proj-dev", null, false, Map.of(), null);
        var address = new Plan.Resource(urn, TYPE, name, STACK, true, Map.of("name", "the-policy", "description", description, "region", Plan.UNKNOWN), null,
                List.of(), Map.of(), options, "7.0.0");
        return new Plan("proj", "dev", List.of(address, stack), Map.of(), Map.of(),
                List.of(new Plan.Provider(GCP, "gcp", true, "7.0.0", Map.of("project", "p"), 1)));
    }

    @Test
    void aResourcesOptionsAreTheStateFieldsTheEngineKeepsAndItsAliasTheUrnItWasFoundAt() throws Exception {
        var before = PlanDiff.tree(plan("ip", "before", Plan.Options.NONE));
        var options = new Plan.Options(true, true, true, List.of("labels"), List.of("name"), List.of("address"),
                Map.of("create", "30m", "update", "1h30m", "delete", "1.5s"),
                List.of(Plan.Alias.of("urn:pulumi:dev::proj::" + TYPE + "::ip")));
        var now = plan("ip2", "after", options);
        var diff = PlanDiff.between("old", before, now);
        var digest = JSON.readTree(PreviewDigest.against(now, new StackFile(Map.of("gcp:project", "p", "proj:key", "k"),
                Set.of("proj:key")), List.of(), before, diff));

        assertThat(digest.path("config")).isEqualTo(JSON.readTree("{\"gcp:project\": \"p\", \"proj:key\": \"[secret]\"}"));
        JsonNode step = digest.path("steps").get(1);
        assertThat(step.path("op").asText()).isEqualTo("update");
        assertThat(step.path("diffReasons")).isEqualTo(JSON.readTree("[\"description\"]"));
        assertThat(step.has("replaceReasons")).isFalse();
        assertThat(step.path("detailedDiff")).isEqualTo(JSON.readTree("{\"description\": {\"kind\": \"update\", \"inputDiff\": true}}"));
        assertThat(step.path("oldState").path("inputs").path("description").asText()).isEqualTo("before");
        assertThat(step.path("oldState").path("urn").asText()).endsWith("::ip");
        var state = step.path("newState");
        assertThat(state).isEqualTo(JSON.readTree("""
                {"urn": "urn:pulumi:dev::proj::gcp:compute/securityPolicy:SecurityPolicy::ip2", "custom": true,
                 "type": "gcp:compute/securityPolicy:SecurityPolicy",
                 "inputs": {"description": "after", "name": "the-policy", "region": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"},
                 "parent": "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev", "protect": true,
                 "provider": "urn:pulumi:dev::proj::pulumi:providers:gcp::default_7_0_0::04da6b54-80e4-46f7-96ec-b56ff0331ba9",
                 "propertyDependencies": {"description": [], "name": [], "region": []},
                 "additionalSecretOutputs": ["address"],
                 "aliases": ["urn:pulumi:dev::proj::gcp:compute/securityPolicy:SecurityPolicy::ip"],
                 "customTimeouts": {"create": 1800, "update": 5400, "delete": 1.5},
                 "retainOnDelete": true, "ignoreChanges": ["labels"], "replaceOnChanges": ["name"]}"""));
        // In the Go struct's order, which encoding/json follows.
        var fields = new java.util.ArrayList<String>();
        state.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("urn", "custom", "type", "inputs", "parent", "protect", "provider",
                "propertyDependencies", "additionalSecretOutputs", "aliases", "customTimeouts", "retainOnDelete",
                "ignoreChanges", "replaceOnChanges");
        assertThat(digest.path("changeSummary")).isEqualTo(JSON.readTree("{\"same\": 1, \"update\": 1}"));
    }

    @Test
    void writesTheBytesGosMarshalIndentWrites() throws Exception {
        var value = JSON.readTree("{\"a\": \"<b>&\u2028\", \"c\": \"\\u0001\\t\", \"e\": {}, \"l\": [], \"n\": [1, {\"x\": true}]}");
        assertThat(GoJson.marshalIndent(value)).isEqualTo("""
                {
                    "a": "\\u003cb\\u003e\\u0026\\u2028",
                    "c": "\\u0001\\t",
                    "e": {},
                    "l": [],
                    "n": [
                        1,
                        {
                            "x": true
                        }
                    ]
                }
                """);
    }

    @Test
    void readsGoDurationsAsTimeParseDurationDoes() {
        assertThat(GoJson.seconds("30m")).isEqualByComparingTo("1800");
        assertThat(GoJson.seconds("1h30m")).isEqualByComparingTo("5400");
        assertThat(GoJson.seconds("1.5s")).isEqualByComparingTo("1.5");
        assertThat(GoJson.seconds("300ms")).isEqualByComparingTo("0.3");
        assertThat(GoJson.seconds("2h45m30.5s")).isEqualByComparingTo(new BigDecimal("9930.5"));
        assertThat(GoJson.seconds("0")).isEqualByComparingTo("0");
        assertThat(GoJson.seconds("30")).isNull();
        assertThat(GoJson.seconds("5 minutes")).isNull();
    }
}
