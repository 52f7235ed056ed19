package dev.apigeegke.componentprovider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.apigeegke.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Pulumi YAML examples against the component schema, as Pulumi YAML's type checker reads them (its runtime is the
 * CLI's, which these machines do not have): every component input declared and of its type, every required one given,
 * every {@code ${resource.output}} an output the resource has, every {@code ${resource}} a resource of the program.
 */
class YamlExamplesTest {
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([^}]+)}");

    static Stream<Path> examples() throws Exception {
        try (var files = Files.walk(Repo.root().resolve("examples/yaml"))) {
            return files.filter(p -> p.getFileName().toString().equals("Pulumi.yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    @SuppressWarnings("unchecked")
    void componentInputsAndReferencesAreTheSchemas(Path example) throws Exception {
        var program = new ObjectMapper(new YAMLFactory()).readValue(example.toFile(), Map.class);
        assertThat(program.get("runtime")).isEqualTo("yaml");
        var resources = (Map<String, Map<String, Object>>) program.get("resources");
        assertThat(resources).isNotEmpty();
        var problems = new ArrayList<String>();
        var conformance = new SchemaConformance(v -> v instanceof String s && INTERPOLATION.matcher(s).matches());
        var schema = ComponentSchema.get();
        int components = 0;
        for (var entry : resources.entrySet()) {
            String type = (String) entry.getValue().get("type");
            var properties = (Map<String, Object>) entry.getValue().getOrDefault("properties", Map.of());
            if (type.startsWith("apigee-gke:")) {
                components++;
                conformance.component(entry.getKey(), type, properties);
            }
            references(entry.getValue(), problems, resources, schema);
        }
        references(program.getOrDefault("outputs", Map.of()), problems, resources, schema);
        problems.addAll(conformance.problems());
        assertThat(problems).as(example.toString()).isEmpty();
        assertThat(components).isGreaterThan(0);
    }

    /** Every {@code ${name}} and {@code ${name.output}} inside {@code node} names a resource and one of its outputs. */
    @SuppressWarnings("unchecked")
    private static void references(Object node, List<String> problems, Map<String, Map<String, Object>> resources,
                                   ComponentSchema schema) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> references(v, problems, resources, schema));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> references(v, problems, resources, schema));
        } else if (node instanceof String s) {
            var m = INTERPOLATION.matcher(s);
            while (m.find()) {
                String[] parts = m.group(1).split("\\.", 2);
                var target = resources.get(parts[0]);
                if (target == null) {
                    problems.add("${" + m.group(1) + "}: no resource " + parts[0]);
                    continue;
                }
                String type = (String) target.get("type");
                if (parts.length == 2 && type.startsWith("apigee-gke:")) {
                    var outputs = new TreeSet<String>();
                    schema.resource(type).path("properties").fieldNames().forEachRemaining(outputs::add);
                    if (!outputs.contains(parts[1])) {
                        problems.add("${" + m.group(1) + "}: " + type + " has no output " + parts[1] + "; its outputs are " + outputs);
                    }
                }
            }
        }
    }
}
