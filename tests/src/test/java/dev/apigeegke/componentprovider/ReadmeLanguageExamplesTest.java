package dev.apigeegke.componentprovider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.apigeegke.testing.Repo;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's examples of the components in Python, Go and C#, read against the schema as the SDKs `pulumi package
 * gen-sdk` generates from it name things (Python snake_case arguments and {@code <Type>Args} classes, Go and C#
 * PascalCase fields, {@code New<Component>} in Go): every component and type exists, every argument is one of its
 * inputs, every required input is given, every output read is one the component has. They are not compiled here (no
 * generated SDK or toolchain); the TypeScript example is the program the tests run.
 */
class ReadmeLanguageExamplesTest {
    private static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    private static Map<String, List<String>> blocks() throws Exception {
        var readme = Files.readString(Repo.root().resolve("README.md"));
        var section = readme.substring(readme.indexOf("## Using the components from TypeScript"));
        section = section.substring(0, section.indexOf("\n## ", 3));
        var blocks = new HashMap<String, List<String>>();
        Matcher m = FENCE.matcher(section);
        while (m.find()) {
            blocks.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
        }
        return blocks;
    }

    /** One use of a component or type in an example: its name in the schema and the argument names as written. */
    private record Use(String kind, String name, List<String> arguments) {
    }

    @Test
    void theReadmeHasOneExamplePerLanguage() throws Exception {
        assertThat(blocks()).containsKeys("typescript", "python", "go", "csharp", "yaml");
    }

    @Test
    void typescriptArgumentsAreTheSchemas() throws Exception {
        var code = blocks().get("typescript").get(0);
        var uses = new ArrayList<Use>();
        calls(code, Pattern.compile("new apigeegke\\.(\\w+)\\(\"[^\"]*\",\\s*\\{"), '{', '}', "(\\w+):", uses);
        assertThat(uses).extracting(Use::name).contains("GkeCluster", "ArmoredIngress");
        assertThat(check(uses, name -> name, List.of())).isEmpty();
        assertThat(outputs(code, Pattern.compile("const (\\w+) = new apigeegke\\.(\\w+)\\("), name -> name)).isEmpty();
    }

    @Test
    void pythonArgumentsAreTheSchemas() throws Exception {
        var code = blocks().get("python").get(0);
        var uses = new ArrayList<Use>();
        calls(code, Pattern.compile("apigee_gke\\.(\\w+)\\("), '(', ')', "(\\w+)\\s*=", uses);
        assertThat(check(uses, ReadmeLanguageExamplesTest::fromSnake, List.of("opts"))).isEmpty();
        assertThat(outputs(code, Pattern.compile("(\\w+) = apigee_gke\\.(\\w+)\\("), ReadmeLanguageExamplesTest::fromSnake))
                .isEmpty();
    }

    @Test
    void goFieldsAreTheSchemas() throws Exception {
        var code = blocks().get("go").get(0);
        var uses = new ArrayList<Use>();
        calls(code, Pattern.compile("&apigeegke\\.(\\w+)\\{"), '{', '}', "(\\w+):", uses);
        calls(code, Pattern.compile("\\[]apigeegke\\.(\\w+)\\{\\{"), '{', '}', "(\\w+):", uses);
        assertThat(uses).extracting(Use::name).contains("GkeClusterArgs", "IngressBackend");
        assertThat(check(uses, ReadmeLanguageExamplesTest::fromPascal, List.of())).isEmpty();
        assertThat(code).containsPattern("apigeegke\\.NewGkeCluster\\(ctx");
        assertThat(outputs(code, Pattern.compile("(\\w+), err :?= apigeegke\\.New(\\w+)\\("), ReadmeLanguageExamplesTest::fromPascal))
                .isEmpty();
    }

    @Test
    void csharpPropertiesAreTheSchemas() throws Exception {
        var code = blocks().get("csharp").get(0);
        var uses = new ArrayList<Use>();
        calls(code, Pattern.compile("new ApigeeGke\\.(\\w+)\\(\"[^\"]*\", new\\(\\)\\s*\\{"), '{', '}', "(\\w+)\\s*=[^=>]", uses);
        calls(code, Pattern.compile("new ApigeeGke\\.Inputs\\.(\\w+)\\s*\\{"), '{', '}', "(\\w+)\\s*=[^=>]", uses);
        assertThat(uses).extracting(Use::name).contains("GkeCluster", "IngressBackendArgs");
        assertThat(check(uses, ReadmeLanguageExamplesTest::fromPascal, List.of())).isEmpty();
        assertThat(outputs(code, Pattern.compile("var (\\w+) = new ApigeeGke\\.(\\w+)\\("), ReadmeLanguageExamplesTest::fromPascal))
                .isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theYamlExampleConformsToTheSchema() throws Exception {
        var program = new ObjectMapper(new YAMLFactory()).readValue(blocks().get("yaml").get(0), Map.class);
        var conformance = new SchemaConformance(v -> v instanceof String s && s.startsWith("${"));
        var resources = (Map<String, Map<String, Object>>) program.get("resources");
        resources.forEach((name, r) -> {
            if (((String) r.get("type")).startsWith("apigee-gke:")) {
                conformance.component(name, (String) r.get("type"), (Map<String, Object>) r.get("properties"));
            }
        });
        assertThat(conformance.problems()).isEmpty();
    }

    /**
     * Every match of {@code start} opens a use whose body runs to the matching {@code close}; the argument names are the
     * matches of {@code argument} at the body's top level (nested bodies are uses of their own).
     */
    private static void calls(String code, Pattern start, char open, char close, String argument, List<Use> uses) {
        Matcher m = start.matcher(code);
        var arg = Pattern.compile(argument);
        while (m.find()) {
            int depth = 1;
            int i = m.end();
            var top = new StringBuilder();
            boolean quoted = false;
            for (; i < code.length() && depth > 0; i++) {
                char c = code.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                }
                if (quoted || c == '"') {
                    top.append(' '); // a string literal holds no argument name
                    continue;
                }
                if (c == '(' || c == '{' || c == '[') {
                    depth++;
                } else if (c == ')' || c == '}' || c == ']') {
                    depth--;
                }
                top.append(depth == 1 || (depth == 2 && c == open) ? c : ' ');
            }
            var names = new ArrayList<String>();
            Matcher a = arg.matcher(top);
            while (a.find()) {
                names.add(a.group(1));
            }
            uses.add(new Use(start.pattern(), m.group(1), names));
        }
    }

    /** The problems of {@code uses}: a component or type the schema lacks, an argument it does not take, a required one missing. */
    private static List<String> check(List<Use> uses, java.util.function.UnaryOperator<String> toSchema, List<String> ignored) {
        var root = ComponentSchema.get().root();
        var problems = new ArrayList<String>();
        for (var use : uses) {
            String type = use.name().endsWith("Args") ? use.name().substring(0, use.name().length() - 4) : use.name();
            var spec = root.path("resources").path("apigee-gke:index:" + type);
            var inputs = spec.path("inputProperties");
            var required = spec.path("requiredInputs");
            if (spec.isMissingNode()) {
                spec = root.path("types").path("apigee-gke:index:" + type);
                inputs = spec.path("properties");
                required = spec.path("required");
            }
            if (spec.isMissingNode()) {
                problems.add(use.name() + ": no component or type " + type);
                continue;
            }
            var given = new TreeSet<String>();
            for (String argument : use.arguments()) {
                if (ignored.contains(argument)) {
                    continue;
                }
                String name = toSchema.apply(argument);
                given.add(name);
                if (!inputs.has(name)) {
                    problems.add(use.name() + "." + argument + ": " + type + " has no input " + name);
                }
            }
            required.forEach(r -> {
                if (!given.contains(r.asText())) {
                    problems.add(use.name() + ": the required input " + r.asText() + " is missing");
                }
            });
        }
        return problems;
    }

    /** The outputs read from variables holding components ({@code declaration}: variable, component) that they lack. */
    private static List<String> outputs(String code, Pattern declaration, java.util.function.UnaryOperator<String> toSchema) {
        var root = ComponentSchema.get().root();
        var problems = new ArrayList<String>();
        Matcher d = declaration.matcher(code);
        int found = 0;
        while (d.find()) {
            String variable = d.group(1);
            var outputs = root.path("resources").path("apigee-gke:index:" + d.group(2)).path("properties");
            Matcher read = Pattern.compile("\\b" + variable + "\\.(\\w+)").matcher(code);
            while (read.find()) {
                found++;
                if (!outputs.has(toSchema.apply(read.group(1)))) {
                    problems.add(variable + "." + read.group(1) + ": " + d.group(2) + " has no output " + toSchema.apply(read.group(1)));
                }
            }
        }
        if (found == 0) {
            problems.add("the example reads no component output");
        }
        return problems;
    }

    private static String fromSnake(String s) {
        var out = new StringBuilder();
        boolean upper = false;
        for (char c : s.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String fromPascal(String s) {
        return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
