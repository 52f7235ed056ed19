package dev.apigeegke.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.cli.MainAccess;
import dev.apigeegke.testing.Markdown;
import dev.apigeegke.testing.Repo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The architecture diagrams in docs/offline-preview.md are what `--diagram` draws from each program today: they cannot go stale. */
class DiagramsDocTest {
    static final String DOC = "docs/offline-preview.md";

    @ParameterizedTest
    @ValueSource(strings = {"pattern1", "pattern2", "pattern3", "pattern1 --stack pattern1-multi"})
    void theDocShowsTheDiagramThePreviewDraws(String pattern) throws Exception {
        var out = new ByteArrayOutputStream();
        var args = new ArrayList<>(List.of("preview"));
        args.addAll(List.of(pattern.split(" ")));
        args.addAll(List.of("--project-dir", Repo.root().toString(), "--diagram"));
        int code = MainAccess.run(args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(code).isZero();
        String drawn = out.toString(StandardCharsets.UTF_8).strip();

        var block = Pattern.compile("preview " + Pattern.quote(pattern) + " --diagram`\\)\\s+```mermaid\\n(.*?)```", Pattern.DOTALL)
                .matcher(Markdown.read(DOC));
        assertThat(block.find()).as(DOC + " has the " + pattern + " diagram").isTrue();
        assertThat(block.group(1).strip()).as("regenerate it with ./apigee-gke preview " + pattern + " --diagram").isEqualTo(drawn);
    }
}
