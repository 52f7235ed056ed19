package dev.apigeegke.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.apigeegke.testing.Repo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The root project's {@code binary} jar, as {@code mvn package} built it, answers the plugin discovery the Java language
 * host runs ({@code java -cp JAR com.pulumi.bootstrap.internal.Main packages}) with the provider plugins the engine
 * must install.
 */
class LanguageHostIT {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void rootProjectRunsTheShadedJarAndItAnnouncesTheProviderPlugins() throws Exception {
        Map<?, ?> project = YAML.readValue(Repo.root().resolve("Pulumi.yaml").toFile(), Map.class);
        assertThat(project.get("name")).isEqualTo("apigee-gke");
        Map<?, ?> runtime = (Map<?, ?>) project.get("runtime");
        assertThat(runtime.get("name")).isEqualTo("java");
        String binary = (String) ((Map<?, ?>) runtime.get("options")).get("binary");
        Path jar = Repo.root().resolve(binary);
        assertThat(jar).as("built by `mvn package` before the tests").isRegularFile();

        var process = new ProcessBuilder("java", "-cp", jar.toString(), "com.pulumi.bootstrap.internal.Main", "packages")
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        List<Object> packages = new ObjectMapper().readValue(out.strip(),
                new com.fasterxml.jackson.core.type.TypeReference<List<Object>>() { });
        assertThat(packages).contains(
                Map.of("resource", true, "name", "gcp", "version", "7.0.0"),
                Map.of("resource", true, "name", "kubernetes", "version", "4.0.0"));
    }
}
