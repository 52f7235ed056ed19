package dev.apigeegke.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plan readers name each resource type once, where it is declared: a component's {@code TYPE} constant, a
 * resource class's {@code @ResourceType} (through {@code TypeTokens.of}). A token spelled out again would keep
 * matching nothing, silently, once the declaration changes.
 */
class TypeTokenSourcesTest {
    private static final Pattern TOKEN = Pattern.compile("\"(apigee-gke:index:|apigee:index:|kubernetes:|gcp:|pulumi:)[^\"]*\"");
    /** The Apigee provider's replace rules: their own description of the Apigee resources owns those entries. */
    private static final String APIGEE_REPLACE_RULE = "RULES.put(\"apigee:index:";

    @ParameterizedTest
    @ValueSource(strings = {"cli/src/main/java", "preview-engine/src/main/java", "bench/src/main/java"})
    void noTypeTokenIsSpelledOutInTheCommandLineTheEngineOrTheBenchmark(String sources) throws IOException {
        var spelled = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(Repo.root().resolve(sources))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (TOKEN.matcher(line).find() && !line.strip().startsWith(APIGEE_REPLACE_RULE) && !line.strip().startsWith("*")) {
                        spelled.add(f.getFileName() + ":" + (i + 1) + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(spelled).as("use the component's TYPE or TypeTokens.of(ResourceClass.class)").isEmpty();
    }
}
