package dev.apigeegke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline preview refuses what the Pulumi CLI refuses before the program runs, by the root project's config
 * declaration, in the CLI's words and with exit code 1.
 */
class PreviewStackConfigTest {
    @TempDir
    Path tmp;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    /** The sample stack of {@code pattern} with each line matching {@code drop} removed and {@code extra} appended. */
    private Path stack(String pattern, String drop, String extra) throws Exception {
        var lines = Files.readAllLines(Repo.root().resolve("Pulumi." + pattern + ".yaml")).stream()
                .filter(l -> drop == null || !l.matches(drop)).toList();
        Path file = tmp.resolve("Pulumi." + pattern + ".yaml");
        Files.writeString(file, String.join("\n", lines) + "\n" + extra);
        return file;
    }

    private static CommandRun preview(String pattern, Path config) {
        return run("preview", pattern, "--project-dir", Repo.root().toString(), "--config", config.toString());
    }

    @Test
    void aStackWithoutARequiredKeyIsRefusedAsTheCliRefusesIt() throws Exception {
        var file = stack("pattern2", "  apigee-gke:apigeeEnvironments:|    - test", "");
        var run = preview("pattern2", file);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly(
                "apigee-gke: " + file + " does not match the config Pulumi.yaml declares; the Pulumi CLI refuses it:",
                "  error: validating stack config: Stack 'pattern2' is missing configuration value "
                        + "'apigee-gke:apigeeEnvironments'");
    }

    @Test
    void aValueOfAnotherTypeIsRefusedNamingTheKeyAndItsType() throws Exception {
        var quota = preview("pattern1", stack("pattern1", "  apigee-gke:quotaCount: 1000", "  apigee-gke:quotaCount: lots\n"));
        assertThat(quota.code()).isEqualTo(1);
        assertThat(quota.err().lines()).last()
                .isEqualTo("  error: validating stack config: Stack 'pattern1' with configuration key "
                        + "'apigee-gke:quotaCount' must be of type 'integer'");

        var internal = preview("pattern3", stack("pattern3", null, "  apigee-gke:internal: maybe\n"));
        assertThat(internal.err().lines()).last()
                .isEqualTo("  error: validating stack config: Stack 'pattern3' with configuration key "
                        + "'apigee-gke:internal' must be of type 'boolean'");

        var domains = preview("pattern1", stack("pattern1", null, "  apigee-gke:domains: api.example.com\n"));
        assertThat(domains.err().lines()).last()
                .isEqualTo("  error: validating stack config: Stack 'pattern1' with configuration key "
                        + "'apigee-gke:domains' must be of type 'array<string>'");
    }

    @Test
    void theDeclaredDefaultsReachTheProgramAndChangeNothing() throws Exception {
        // The keys with a default left out: the CLI hands the program the defaults, and the plan is the sample stack's.
        var sample = run("preview", "pattern1", "--project-dir", Repo.root().toString(), "--out", tmp.resolve("sample").toString());
        var bare = run("preview", "pattern1", "--project-dir", Repo.root().toString(), "--out", tmp.resolve("bare").toString(),
                "--config", stack("pattern1", "  apigee-gke:(spikeArrest|deletionProtection|prefix|quotaCount|quotaTimeUnit): .*", "")
                        .toString());
        assertThat(sample.code()).as(sample.err()).isZero();
        assertThat(bare.code()).as(bare.err()).isZero();
        assertThat(Files.readString(tmp.resolve("bare/plan.json"))).isEqualTo(Files.readString(tmp.resolve("sample/plan.json")));
    }

    @Test
    void aStandaloneProgramsProjectDeclaresNothingSoOnlyTheProgramChecks() throws Exception {
        // examples/pattern1 is the project apigee-gke-pattern1: Pulumi refuses typed declarations of apigee-gke: keys there.
        var run = run("preview", "pattern1", "--project-dir", Repo.root().resolve("examples/pattern1").toString(), "--stack", "dev");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readString(Repo.root().resolve("examples/pattern1/Pulumi.yaml"))).doesNotContain("config:");
    }
}
