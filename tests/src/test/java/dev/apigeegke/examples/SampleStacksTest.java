package dev.apigeegke.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed sample stacks need nothing a user lacks: no encrypted value, which only its author's key decrypts. */
class SampleStacksTest {
    @Test
    void noSampleStackHoldsAnEncryptedValue() throws Exception {
        List<Path> stacks;
        try (Stream<Path> files = Files.walk(Repo.root(), 3)) {
            stacks = files.filter(p -> p.getFileName().toString().matches("Pulumi\\..+\\.yaml"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .toList();
        }
        assertThat(stacks).extracting(p -> Repo.root().relativize(p).toString()).contains(
                "Pulumi.pattern1.yaml", "Pulumi.pattern1-multi.yaml", "Pulumi.pattern2.yaml", "Pulumi.pattern3.yaml",
                "examples/pattern1/Pulumi.dev.yaml", "examples/pattern2/Pulumi.dev.yaml", "examples/pattern3/Pulumi.dev.yaml");
        for (Path stack : stacks) {
            assertThat(Files.readAllLines(stack)).as(stack + " (set secrets with `pulumi config set --secret`, not in the sample)")
                    .noneMatch(line -> line.matches("\\s*[^#]*\\bsecure:.*"));
        }
    }
}
