package dev.apigeegke.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.cli.Patterns;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.testing.Repo;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sample consumer every pattern subscribes to its product: {@code apigee-gke:consumerEmail}. */
class SampleConsumerTest {
    private static OfflineEngine.Result run(String pattern, Map<String, String> overrides) throws Exception {
        var stack = StackFile.read(Repo.root().resolve("Pulumi." + pattern + ".yaml"), "apigee-gke");
        var config = new TreeMap<>(stack.config());
        config.putAll(overrides);
        return OfflineEngine.run("apigee-gke", pattern, config, stack.secretKeys(), Patterns.program(pattern));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pattern1", "pattern2", "pattern3"})
    void theSampleDeveloperIsSampleConsumerAtTheDefaultEmailOrTheOneSet(String pattern) throws Exception {
        var defaults = run(pattern, Map.of());
        assertThat(defaults.errors()).isEmpty();
        assertThat(defaults.plan().ofType("apigee:index:Developer")).singleElement().satisfies(d -> assertThat(d.inputs())
                .containsEntry("email", "sample-consumer@example.com").containsEntry("userName", "sample-consumer")
                .containsEntry("firstName", "Sample").containsEntry("lastName", "Consumer"));
        String prefix = "apigee-p" + pattern.charAt(pattern.length() - 1);
        assertThat(defaults.plan().ofType("apigee:index:DeveloperApp")).singleElement()
                .satisfies(a -> assertThat(a.inputs()).containsEntry("name", prefix + "-sample-app"));

        var set = run(pattern, Map.of("apigee-gke:consumerEmail", "partners@example.org"));
        assertThat(set.plan().ofType("apigee:index:Developer")).singleElement().satisfies(d -> assertThat(d.inputs())
                .containsEntry("email", "partners@example.org").containsEntry("userName", "partners"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pattern1", "pattern2", "pattern3"})
    void anInvalidEmailIsReportedByItsStackKeyBeforeAnyResource(String pattern) throws Exception {
        var result = run(pattern, Map.of("apigee-gke:consumerEmail", "partners"));
        assertThat(result.errors()).containsExactly(
                """
                stack configuration: 1 invalid argument
                  - apigee-gke:consumerEmail = "partners": a developer email such as team@example.com""");
        assertThat(result.plan().resources()).extracting(Plan.Resource::type).containsOnly("pulumi:pulumi:Stack");
    }
}
