package dev.apigeegke.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.testing.Harness;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Java example in the repository's Markdown compiles against the library, runs on the offline engine, and
 * registers exactly the resource tree written after it: the documentation cannot drift from the code.
 */
class DocExamplesTest {
    @TempDir
    static Path dir;

    static List<DocExamples.Example> examples() {
        return DocExamples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleCompilesRunsAndRegistersTheTreeWrittenAfterIt(DocExamples.Example example) {
        assertThat(example.expected())
                .as(example + ": write the ```text block of what it registers right after the ```java block (line "
                        + example.code().line() + ")")
                .isNotNull();
        var compiled = DocExamples.compileAll(dir).get(example);
        assertThat(compiled.errors()).as(example + " (line " + example.code().line() + ") does not compile").isNull();

        OfflineEngine.Result result = Harness.preview(Map.of(), Set.of(), compiled.program());
        assertThat(result.errors()).as(example + " fails when it runs").isEmpty();
        assertThat(ResourceTree.render(result.plan()))
                .as(example + ": the ```text block after it is not what it registers; this is")
                .isEqualTo(example.expected().strip());
    }

    @Test
    void theComponentReadmesHoldExamples() {
        var files = examples().stream().map(e -> e.code().file()).distinct().toList();
        assertThat(files).contains(
                "components/README.md",
                "components/src/main/java/dev/apigeegke/cluster/README.md",
                "components/src/main/java/dev/apigeegke/ingress/README.md",
                "components/src/main/java/dev/apigeegke/workload/README.md",
                "components/src/main/java/dev/apigeegke/apigee/README.md",
                "components/src/main/java/dev/apigeegke/microgateway/README.md",
                "components/src/main/java/dev/apigeegke/crds/gke/README.md",
                "components/src/main/java/dev/apigeegke/apigee/resources/README.md");
    }
}
