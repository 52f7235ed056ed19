package dev.apigeegke.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.testing.Markdown;
import dev.apigeegke.testing.Node;
import dev.apigeegke.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tests/node/check-mermaid.mjs checks diagrams with Mermaid's own parser (npm {@code mermaid}, offline):
 * a valid flowchart passes, a broken one fails with the parser's message, and the diagrams of every Markdown file in the repository parse.
 */
class MermaidCheckerTest {
    @TempDir
    static Path dir;

    private static Path bad;

    /** Every Markdown file of the repository that holds a mermaid block. */
    private static List<String> markdown;

    /** The parser's report on a valid flowchart, on it with a broken one, and on every Markdown file with diagrams: one Node start. */
    private static Node.Batch mermaid;

    @BeforeAll
    static void parseTheDiagrams() throws Exception {
        markdown = Markdown.filesWithMermaid();
        assertThat(markdown).contains("README.md", "docs/offline-preview.md");
        Path good = Files.writeString(dir.resolve("good.mmd"), """
                flowchart LR
                  subgraph P1["Pattern 1"]
                    c1[Client] --> a1[Apigee proxy<br/>quota] --> i1{Ingress} -->|HTTP| s1((Services))
                  end
                """);
        bad = Files.writeString(dir.resolve("bad.mmd"), """
                flowchart TD
                  A[x --> B
                """);
        mermaid = Node.check("check-mermaid.mjs", Map.of(
                "good", List.of(good.toString()),
                "goodAndBad", List.of(good.toString(), bad.toString()),
                "markdown", markdown.stream().map(f -> Repo.root().resolve(f).toString()).toList()));
    }

    @Test
    void validFlowchartPassesAndUnclosedBracketFails() {
        JsonNode ok = mermaid.report("good");
        assertThat(ok.get("ok").asBoolean()).as(ok + mermaid.stderr()).isTrue();
        assertThat(ok.get("checked").asInt()).isEqualTo(1);
        assertThat(ok.get("errors")).isEmpty();

        JsonNode broken = mermaid.report("goodAndBad");
        assertThat(mermaid.exitCode()).isEqualTo(1);
        assertThat(broken.get("ok").asBoolean()).isFalse();
        assertThat(broken.get("checked").asInt()).isEqualTo(2);
        JsonNode errors = broken.get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("file").asText()).isEqualTo(bad.toString());
        assertThat(errors.get(0).get("message").asText()).contains("Parse error");
    }

    @Test
    void theDiagramsOfEveryMarkdownFileParse() {
        JsonNode report = mermaid.report("markdown");
        assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("checked").asInt()).isGreaterThanOrEqualTo(markdown.size());
    }
}
