package dev.apigeegke.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stack file the Pulumi CLI would refuse is refused offline too, with the file, the line and the fix. */
class StackFileTest {
    @TempDir
    Path tmp;

    private Path file(String text) throws IOException {
        return Files.writeString(tmp.resolve("Pulumi.dev.yaml"), text);
    }

    @Test
    void aKeyGivenTwiceIsRefusedNotTheLastOneTaken() throws IOException {
        var path = file("config:\n  gcp:project: [a]\n  gcp:project: my-gcp-project\n");
        assertThatThrownBy(() -> StackFile.read(path, "apigee-gke")).isInstanceOf(IOException.class)
                .hasMessage(path + ", line 3: a key is given twice (key 'gcp:project'): keep one");
    }

    @Test
    void aFileOrConfigSectionThatIsNotAMappingIsRefused() throws IOException {
        var list = file("- config\n- gcp:project\n");
        assertThatThrownBy(() -> StackFile.read(list, "apigee-gke")).isInstanceOf(IOException.class)
                .hasMessage(list + ": a stack file is a mapping with a config: section, e.g.\n  config:\n    gcp:project: my-gcp-project");
        var scalar = file("config: 5\n");
        assertThatThrownBy(() -> StackFile.read(scalar, "apigee-gke")).isInstanceOf(IOException.class)
                .hasMessage(scalar + ": config: must be a mapping of keys to values, e.g.\n  config:\n    gcp:project: my-gcp-project");
    }

    @Test
    void anEmptyFileIsAStackWithoutConfiguration() throws IOException {
        assertThat(StackFile.read(file(""), "apigee-gke").config()).isEmpty();
        assertThat(StackFile.read(file("config:\n"), "apigee-gke").config()).isEmpty();
    }
}
