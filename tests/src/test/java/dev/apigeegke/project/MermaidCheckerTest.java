package dev.apigeegke.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.testing.Markdown;
import dev.apigeegke.testing.Node;
import dev.apigeegke.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tests/node/check-mermaid.mjs checks diagrams with Mermaid's own parser (npm {@code mermaid}, offline):
 * a valid flowchart passes, a broken one fails with the parser's message, and the diagrams of every Markdown file in the repository parse.
 */
class MermaidCheckerTest {

    @Test
    void validFlowchartPassesAndUnclosedBracketFails(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.mmd"), """
                flowchart LR
                  subgraph P1["Pattern 1"]
                    c1[Client] --> a1[Apigee proxy<br/>quota] --> i1{Ingress} -->|HTTP| s1((Services))
                  end
                """);
        Path bad = Files.writeString(dir.resolve("bad.mmd"), """
                flowchart TD
                  A[x --> B
                """);

        Node.Report ok = Node.run("check-mermaid.mjs", List.of(good.toString()));
        assertThat(ok.exitCode()).as(ok.json() + ok.stderr()).isZero();
        assertThat(ok.json().get("ok").asBoolean()).isTrue();
        assertThat(ok.json().get("checked").asInt()).isEqualTo(1);
        assertThat(ok.json().get("errors")).isEmpty();

        Node.Report broken = Node.run("check-mermaid.mjs", List.of(good.toString(), bad.toString()));
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.json().get("ok").asBoolean()).isFalse();
        assertThat(broken.json().get("checked").asInt()).isEqualTo(2);
        JsonNode errors = broken.json().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("file").asText()).isEqualTo(bad.toString());
        assertThat(errors.get(0).get("message").asText()).contains("Parse error");
    }

    @Test
    void theDiagramsOfEveryMarkdownFileParse() throws Exception {
        var files = Markdown.filesWithMermaid();
        assertThat(files).contains("README.md", "docs/offline-preview.md");
        Node.Report report = Node.run("check-mermaid.mjs", files.stream().map(f -> Repo.root().resolve(f).toString()).toList());
        assertThat(report.exitCode()).as(report.json().toString()).isZero();
        assertThat(report.json().get("checked").asInt()).isGreaterThanOrEqualTo(files.size());
    }
}
