package dev.apigeegke.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pattern programs are coordinators over the components and the shared example modules: no pattern builds
 * on another, and values the components define are taken from them rather than written again.
 */
class PatternModulesTest {
    private static final Pattern DEPENDENCY = Pattern.compile("<artifactId>(apigee-gke-[a-z0-9-]+)</artifactId>");
    /** Values that exist as constants in the components or the shared modules. */
    private static final List<String> CONSTANTS = List.of(
            "\"edgemicro-auth\"", "\"/healthcheck\"", "8080", "\"30ps\"", "sample-consumer@example.com", "\"edgemicro_",
            "\"apigee-gke\"", "hello-app:");

    private static List<String> dependencies(String pattern) throws Exception {
        String pom = Files.readString(Repo.root().resolve("examples/" + pattern + "/pom.xml"));
        return DEPENDENCY.matcher(pom).results().map(m -> m.group(1)).filter(a -> !a.equals("apigee-gke-parent")
                && !a.equals("apigee-gke-" + pattern)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pattern1", "pattern2", "pattern3"})
    void noPatternDependsOnAnother(String pattern) throws Exception {
        assertThat(dependencies(pattern)).noneMatch(a -> a.startsWith("apigee-gke-pattern"))
                .contains("apigee-gke-components", pattern.equals("pattern1") ? "apigee-gke-examples-common" : "apigee-gke-gateway-settings");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pattern1", "pattern2", "pattern3"})
    void patternSourcesTakeSharedValuesFromTheirConstants(String pattern) throws Exception {
        try (Stream<Path> files = Files.walk(Repo.root().resolve("examples/" + pattern + "/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                // Javadoc may name a value; code takes it from its constant.
                String code = Files.readAllLines(file).stream().filter(l -> !l.trim().startsWith("*") && !l.trim().startsWith("/**"))
                        .reduce("", (a, b) -> a + b + "\n");
                assertThat(CONSTANTS).as(file.toString()).noneMatch(code::contains);
            }
        }
    }
}
