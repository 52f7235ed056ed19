package dev.apigeegke.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.apigeegke.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The project layout works with the Java language host: the standalone pattern 1 project is a Maven program the host
 * can start (the root project's jar is started by {@link LanguageHostIT}).
 */
class LanguageHostLayoutTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void standalonePattern1ProjectIsAMavenProgramTheHostCanStart() throws Exception {
        Path dir = Repo.root().resolve("examples/pattern1");
        Map<?, ?> project = YAML.readValue(dir.resolve("Pulumi.yaml").toFile(), Map.class);
        assertThat(project.get("runtime")).isEqualTo("java");
        String pom = Files.readString(dir.resolve("pom.xml"));
        // The host runs `mvn compile exec:java`, and `-DmainClass=com.pulumi.bootstrap.internal.Main -DmainArgs=packages`
        // for plugin discovery: the exec plugin must take both from properties.
        assertThat(pom).contains("<mainClass>${mainClass}</mainClass>")
                .contains("<commandlineArgs>${mainArgs}</commandlineArgs>")
                .contains("<mainClass>dev.apigeegke.examples.pattern1.Pattern1</mainClass>")
                .contains("<artifactId>apigee-gke-components</artifactId>");
        Map<?, ?> stack = YAML.readValue(dir.resolve("Pulumi.dev.yaml").toFile(), Map.class);
        assertThat(((Map<?, ?>) stack.get("config")).keySet().stream().map(String::valueOf).toList())
                .contains("gcp:project", "gcp:region", "apigee-gke:allowlist");
    }
}
