package dev.apigeegke.examples.common;

import static dev.apigeegke.testing.Rejections.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.core.Problems;
import org.junit.jupiter.api.Test;

/** How a pattern's one report names the problems its components find. */
class ProgramCheckTest {
    private static Problems component(String... argumentValueFix) {
        var problems = new Problems("SomeArgs");
        for (int i = 0; i < argumentValueFix.length; i += 3) {
            problems.add(argumentValueFix[i], argumentValueFix[i + 1], argumentValueFix[i + 2]);
        }
        return problems;
    }

    @Test
    void namesEachProblemByTheStackKeyItsArgumentCameFrom() {
        var check = new ProgramCheck();
        var keys = ArgumentKeys.of("SomeArgs")
                .key("allowlist", "apigee-gke:allowlist")
                .key("rateBan.count", "apigee-gke:rateBanCount")
                .derived("proxy.name", "apigee-gke:prefix", "UPPER", "the proxy name");
        var built = check.args(keys, () -> {
            component("allowlist[2]", "10.1.2.3/8", "host bits are set",
                    "rateBan.count", "0", "from 1",
                    "proxy.name", "UPPER-api", "lowercase",
                    "timeoutSec", "0", "from 1").throwIfAny();
            return "unreachable";
        });
        assertThat(built).isEmpty();
        assertThat(problems(check::throwIfAny)).containsExactly(
                "apigee-gke:allowlist[2] = \"10.1.2.3/8\": host bits are set",
                "apigee-gke:rateBanCount = \"0\": from 1",
                "apigee-gke:prefix = \"UPPER\": the proxy name \"UPPER-api\" it gives: lowercase",
                // No key sets it: the program chose it, and the report says whose argument it is.
                "SomeArgs timeoutSec = \"0\": from 1");
    }

    @Test
    void aKeyIsReportedOnceWhateverNumberOfComponentsFindItWrong() {
        var stack = new Problems(StackReader.SUBJECT).add("gcp:project", null, "set the GCP project id");
        var check = new ProgramCheck(stack);
        var keys = ArgumentKeys.of("SomeArgs").key("project", "gcp:project").key("quota.count", "apigee-gke:quotaCount")
                .key("preFlow[2].count", "apigee-gke:quotaCount").key("domains", "apigee-gke:domains");
        check.check(keys, () -> component("project", "", "give the project id",
                "quota.count", "0", "at least 1",
                "preFlow[2].count", "0", "a fallback of at least 1",
                "domains[0]", "a..b", "a domain",
                "domains[3]", "-x", "a domain").throwIfAny());
        check.check(keys, () -> component("domains[0]", "a..b", "a domain, said again").throwIfAny());
        assertThat(problems(check::throwIfAny)).containsExactly(
                "gcp:project = (not set): set the GCP project id",
                "apigee-gke:quotaCount = \"0\": at least 1",
                "apigee-gke:domains[0] = \"a..b\": a domain",
                "apigee-gke:domains[3] = \"-x\": a domain");
    }

    @Test
    void aProblemWithOneEntryOfAListOfObjectsLeavesTheOtherEntriesReported() {
        // The reader found cluster 1's name wrong; cluster 2's machine type and cluster 1's location are other settings.
        var stack = new Problems(StackReader.SUBJECT).add("apigee-gke:clusters[1].name", "eu", "name each cluster once");
        var check = new ProgramCheck(stack);
        var keys = ArgumentKeys.of("GkeClusterArgs").key("machineType", "apigee-gke:clusters[2].machineType")
                .key("location", "apigee-gke:clusters[1].location").key("name", "apigee-gke:clusters[1].name");
        check.check(keys, () -> component("machineType", "e2-tiny", "a predefined type",
                "location", "mars", "a region or zone",
                "name", "eu", "the stand-in's problem").throwIfAny());
        assertThat(problems(check::throwIfAny)).containsExactly(
                "apigee-gke:clusters[1].name = \"eu\": name each cluster once",
                "apigee-gke:clusters[2].machineType = \"e2-tiny\": a predefined type",
                "apigee-gke:clusters[1].location = \"mars\": a region or zone");
    }

    @Test
    void argumentsThatAreValidRegisterAsBuilt() {
        var check = new ProgramCheck();
        assertThat(check.args(ArgumentKeys.of("SomeArgs"), () -> "built")).contains("built");
        check.throwIfAny();
    }
}
