package dev.apigeegke.componentprovider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.ResourceType;
import dev.apigeegke.apigee.bundle.ProxyModel;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written package schema against Pulumi's package metaschema, against itself (every reference resolves, the
 * required inputs and outputs exist) and against the Java components it describes: every input is a builder method
 * (plain exactly where the builder takes a plain value), a nested type's fields are its builder's or record's, every
 * output is an exported output and every default the value the component uses.
 */
class ComponentSchemaTest {
    private static final ComponentSchema SCHEMA = ComponentSchema.get();
    private static final JsonNode ROOT = SCHEMA.root();
    private static final Pattern EXTERNAL = Pattern.compile("/(\\w+)/v([0-9.]+)/schema\\.json#/(types|resources)/(.+)");

    @Test
    void isAValidPulumiPackageSchema() throws Exception {
        var metaschema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(ComponentSchemaTest.class.getResourceAsStream("/pulumi/package-metaschema.json"));
        var errors = metaschema.validate(new ObjectMapper().readTree(SCHEMA.text()));
        assertThat(errors).isEmpty();
    }

    @Test
    void servesExactlyTheComponentsTheSchemaDescribes() {
        assertThat(new TreeSet<>(SCHEMA.components())).isEqualTo(new TreeSet<>(Components.tokens()));
        for (String token : SCHEMA.components()) {
            var component = Components.byToken(token).orElseThrow();
            assertThat(ROOT.path("resources").path(token).path("isComponent").asBoolean()).as(token).isTrue();
            // The token is the component's own TYPE, which never changes.
            assertThat(staticString(component.javaType(), "TYPE")).isEqualTo(token);
        }
    }

    @Test
    void everyReferenceResolves() {
        var refs = new ArrayList<String>();
        collectRefs(ROOT, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            if (ref.startsWith("#/types/")) {
                assertThat(ROOT.path("types").has(ref.substring("#/types/".length()))).as(ref).isTrue();
            } else if (ref.startsWith("#/resources/")) {
                assertThat(ROOT.path("resources").has(ref.substring("#/resources/".length()))).as(ref).isTrue();
            } else if (ref.startsWith("pulumi.json#/")) {
                assertThat(ref).isIn("pulumi.json#/Any", "pulumi.json#/Archive", "pulumi.json#/Asset", "pulumi.json#/Json");
            } else {
                externalResolves(ref);
            }
        }
    }

    /**
     * Another package's type or resource: the package at the version this project's Java SDK pins, and a class of its
     * SDK annotated with the token (the packages' schema files are not available offline; their SDKs are generated
     * from them).
     */
    private static void externalResolves(String ref) {
        var m = EXTERNAL.matcher(ref);
        assertThat(m.matches()).as("external reference %s", ref).isTrue();
        String pkg = m.group(1);
        String version = m.group(2);
        String token = URLDecoder.decode(m.group(4), StandardCharsets.UTF_8);
        assertThat(version).as(ref).isEqualTo(pinnedVersion(pkg));
        String[] parts = token.split(":");
        String module = parts[1].replace('/', '.').replaceAll("\\.k8s\\.io", "").replace(".", ".");
        String base = "com.pulumi." + pkg + "." + module.replaceAll("\\.[a-z0-9]+\\.k8s$", "");
        var candidates = m.group(3).equals("resources")
                ? List.of(base + "." + parts[2])
                : List.of(base + ".inputs." + parts[2] + "Args", base + ".outputs." + parts[2]);
        boolean found = false;
        for (String name : candidates) {
            try {
                var c = Class.forName(name);
                var annotation = c.getAnnotation(ResourceType.class);
                found = annotation == null || annotation.type().equals(token);
                if (found) {
                    break;
                }
            } catch (ClassNotFoundException e) {
                // the next candidate
            }
        }
        assertThat(found).as("%s names a type of the pinned %s SDK (%s)", ref, pkg, candidates).isTrue();
    }

    private static String pinnedVersion(String pkg) {
        try (var in = ComponentSchemaTest.class.getResourceAsStream("/com/pulumi/" + pkg + "/plugin.json")) {
            return new ObjectMapper().readTree(in).path("version").asText();
        } catch (Exception e) {
            throw new AssertionError("no pinned SDK for package " + pkg, e);
        }
    }

    @Test
    void requiredInputsAndOutputsExist() {
        ROOT.path("resources").fields().forEachRemaining(e -> {
            var inputs = fieldNames(e.getValue().path("inputProperties"));
            assertThat(inputs).as(e.getKey()).containsAll(strings(e.getValue().path("requiredInputs")));
            var outputs = fieldNames(e.getValue().path("properties"));
            assertThat(outputs).as(e.getKey()).containsAll(strings(e.getValue().path("required")));
        });
        ROOT.path("types").fields().forEachRemaining(e -> assertThat(fieldNames(e.getValue().path("properties")))
                .as(e.getKey()).containsAll(strings(e.getValue().path("required"))));
    }

    @Test
    void everyInputIsABuilderMethodPlainExactlyWhereTheBuilderTakesAPlainValue() {
        for (String token : SCHEMA.components()) {
            var component = Components.byToken(token).orElseThrow();
            var builder = component.builder().get().getClass();
            var problems = new ArrayList<String>();
            SCHEMA.resource(token).path("inputProperties").fields().forEachRemaining(e -> {
                String name = e.getKey();
                if (component.custom().containsKey(name)) {
                    return; // set by a method of several parameters, checked by the binding tests
                }
                var methods = setters(builder, name);
                if (methods.isEmpty()) {
                    problems.add(token + "." + name + ": " + builder.getName() + " has no method " + name);
                    return;
                }
                boolean plain = e.getValue().path("plain").asBoolean(false);
                boolean hasPlain = methods.stream().anyMatch(m -> raw(m.getGenericParameterTypes()[0]) != Output.class);
                boolean hasOutput = methods.stream().anyMatch(m -> raw(m.getGenericParameterTypes()[0]) == Output.class);
                if (plain && !hasPlain) {
                    problems.add(token + "." + name + " is plain, but the builder takes only an Output");
                }
                if (!plain && !hasOutput) {
                    problems.add(token + "." + name + " is not plain, but the builder takes only a plain value: "
                            + "an unknown value would be refused");
                }
                var javaType = methods.stream().filter(m -> raw(m.getGenericParameterTypes()[0]) != Output.class).findFirst()
                        .orElse(methods.get(0)).getGenericParameterTypes()[0];
                checkType(token + "." + name, e.getValue(), javaType, problems, new HashSet<>());
            });
            assertThat(problems).as(token).isEmpty();
        }
    }

    /** The schema type {@code spec} describes the Java type {@code type}: a nested type's fields are its own. */
    private static void checkType(String path, JsonNode spec, Type type, List<String> problems, Set<String> seen) {
        Class<?> raw = raw(type);
        if (raw == Object.class) {
            return; // an adapter's setting (a policy kind): thePolicyKindsTakeTheSettingsTheirTypesList checks those
        }
        if (raw == Output.class) {
            checkType(path, spec, argument(type, 0), problems, seen);
            return;
        }
        String schemaType = spec.path("type").asText("");
        if (spec.has("$ref")) {
            String ref = spec.path("$ref").asText();
            String token = ref.substring("#/types/".length());
            var target = ROOT.path("types").path(token);
            if (target.has("enum")) {
                assertEnum(path, target, raw, problems);
                return;
            }
            if (!seen.add(token + raw.getName())) {
                return;
            }
            var fields = fieldsOf(raw);
            var props = fieldNames(target.path("properties"));
            if (!fields.keySet().equals(props)) {
                problems.add(path + " (" + token + "): schema fields " + props + ", Java " + raw.getSimpleName() + " takes "
                        + new TreeSet<>(fields.keySet()));
                return;
            }
            target.path("properties").fields().forEachRemaining(f -> {
                var javaType = fields.get(f.getKey());
                if (javaType != null) {
                    checkType(path + "." + f.getKey(), f.getValue(), javaType, problems, seen);
                }
            });
            return;
        }
        switch (schemaType) {
            case "string" -> expect(path, raw == String.class, "string", raw, problems);
            case "integer" -> expect(path, raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class,
                    "integer", raw, problems);
            case "number" -> expect(path, raw == double.class || raw == Double.class, "number", raw, problems);
            case "boolean" -> expect(path, raw == boolean.class || raw == Boolean.class, "boolean", raw, problems);
            case "array" -> {
                expect(path, List.class.isAssignableFrom(raw), "array", raw, problems);
                checkType(path + "[]", spec.path("items"), argument(type, 0), problems, seen);
            }
            case "object" -> {
                expect(path, Map.class.isAssignableFrom(raw), "map", raw, problems);
                checkType(path + "{}", spec.path("additionalProperties"), argument(type, 1), problems, seen);
            }
            default -> problems.add(path + ": no type");
        }
    }

    /** The fields a Java argument type takes from an object: an adapter's settings, a record's components, a builder's methods. */
    private static Map<String, Type> fieldsOf(Class<?> raw) {
        var fields = new java.util.TreeMap<String, Type>();
        if (raw == dev.apigeegke.apigee.bundle.Policy.class) {
            Policies.SETTINGS.keySet().forEach(k -> fields.put(k, Object.class));
            return fields;
        }
        if (raw == dev.apigeegke.ingress.ProxyOnlySubnet.class) {
            fields.put("cidr", String.class);
            fields.put("existing", String.class);
            return fields;
        }
        if (raw.isRecord()) {
            for (RecordComponent c : raw.getRecordComponents()) {
                fields.put(c.getName(), c.getGenericType());
            }
            return fields;
        }
        try {
            var builder = raw.getMethod("builder").getReturnType();
            for (Method m : builder.getMethods()) {
                if (m.getParameterCount() == 1 && !m.isVarArgs() && m.getReturnType() == builder) {
                    fields.putIfAbsent(m.getName(), m.getGenericParameterTypes()[0]);
                }
            }
        } catch (NoSuchMethodException e) {
            throw new AssertionError(raw + " is neither a record nor built by a builder");
        }
        return fields;
    }

    @Test
    void thePolicyKindsTakeTheSettingsTheirTypesList() {
        var policy = ROOT.path("types").path("apigee-gke:index:Policy").path("properties");
        assertThat(fieldNames(policy)).isEqualTo(new TreeSet<>(Policies.SETTINGS.keySet()));
        policy.fields().forEachRemaining(e -> {
            var token = e.getValue().path("$ref").asText().substring("#/types/".length());
            assertThat(fieldNames(ROOT.path("types").path(token).path("properties"))).as(token)
                    .isEqualTo(new TreeSet<>(Policies.SETTINGS.get(e.getKey())));
        });
    }

    private static void assertEnum(String path, JsonNode target, Class<?> raw, List<String> problems) {
        var values = new TreeSet<String>();
        target.path("enum").forEach(v -> values.add(v.path("value").asText()));
        var constants = new TreeSet<String>();
        Arrays.stream(raw.getEnumConstants()).forEach(c -> constants.add(((Enum<?>) c).name()));
        if (!values.equals(constants)) {
            problems.add(path + ": enum " + values + ", Java " + constants);
        }
    }

    @Test
    void theFlavorEnumIsTheJavaOne() {
        var values = new TreeSet<String>();
        ROOT.path("types").path("apigee-gke:index:ApigeeFlavor").path("enum").forEach(v -> values.add(v.path("value").asText()));
        var constants = new TreeSet<String>();
        Arrays.stream(ProxyModel.Flavor.values()).forEach(f -> constants.add(f.name()));
        assertThat(values).isEqualTo(constants);
    }

    @Test
    void everyOutputIsAnExportedOutputOfTheComponent() {
        for (String token : SCHEMA.components()) {
            var javaType = Components.byToken(token).orElseThrow().javaType();
            var exported = new TreeSet<String>();
            for (Class<?> c = javaType; c != com.pulumi.resources.ComponentResource.class; c = c.getSuperclass()) {
                for (var f : c.getDeclaredFields()) {
                    var export = f.getAnnotation(com.pulumi.core.annotations.Export.class);
                    if (export != null) {
                        exported.add(export.name().isEmpty() ? f.getName() : export.name());
                    }
                }
            }
            assertThat(fieldNames(SCHEMA.resource(token).path("properties"))).as(token).isEqualTo(exported);
        }
    }

    @Test
    void everyDefaultIsTheValueTheComponentUses() {
        var checked = 0;
        for (String token : ComponentSamples.tokens()) {
            var component = Components.byToken(token).orElseThrow();
            var binder = new InputBinder(token, Map.of(), Components.ADAPTERS);
            Object args = binder.build(component.builder().get(), ComponentSamples.required(token), List.of(),
                    component.custom(), "");
            assertThat(binder.problems()).as(token).isEmpty();
            var defaults = new ArrayList<String>();
            SCHEMA.resource(token).path("inputProperties").fields().forEachRemaining(e -> {
                if (e.getValue().has("default")) {
                    defaults.add(e.getKey());
                }
            });
            for (String input : defaults) {
                Object actual = read(args, input)
                        .orElseThrow(() -> new AssertionError(token + "." + input + " has a default but its arguments have no "
                                + input + "(), nor a part of them"));
                var expected = SCHEMA.resource(token).path("inputProperties").path(input).path("default");
                assertThat(normalise(actual)).as("%s.%s's default", token, input).isEqualTo(normalise(expected));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    /**
     * The value of argument {@code name}: its getter, or the getter of one of the parts the arguments group their values
     * in (e.g. ApigeeProxyArgs' proxy model and product).
     */
    private static java.util.Optional<Object> read(Object args, String name) {
        try {
            return java.util.Optional.ofNullable(args.getClass().getMethod(name).invoke(args));
        } catch (NoSuchMethodException e) {
            for (Method part : args.getClass().getMethods()) {
                if (part.getParameterCount() != 0 || part.getDeclaringClass() != args.getClass()
                        || java.lang.reflect.Modifier.isStatic(part.getModifiers())) {
                    continue;
                }
                try {
                    Object value = part.invoke(args);
                    value = value instanceof java.util.Optional<?> o ? o.orElse(null) : value;
                    if (value != null && value.getClass().getPackageName().startsWith("dev.apigeegke")) {
                        for (Method m : value.getClass().getMethods()) {
                            if (m.getName().equals(name) && m.getParameterCount() == 0) {
                                return java.util.Optional.ofNullable(m.invoke(value));
                            }
                        }
                    }
                } catch (ReflectiveOperationException ignored) {
                    // not a part
                }
            }
            return java.util.Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object normalise(Object value) {
        if (value instanceof java.util.Optional<?> o) {
            return normalise(o.orElse(null));
        }
        if (value instanceof JsonNode n) {
            return n.isNumber() ? (Object) n.asDouble() : n.isBoolean() ? (Object) n.asBoolean() : n.asText();
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
    }

    private static void expect(String path, boolean ok, String schemaType, Class<?> raw, List<String> problems) {
        if (!ok) {
            problems.add(path + ": schema " + schemaType + ", Java " + raw.getSimpleName());
        }
    }

    private static List<Method> setters(Class<?> builder, String name) {
        return Arrays.stream(builder.getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == 1 && !m.isVarArgs())
                .toList();
    }

    private static Class<?> raw(Type type) {
        return InputBinder.raw(type);
    }

    private static Type argument(Type type, int i) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[i] : Object.class;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        var names = new TreeSet<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> strings(JsonNode node) {
        var out = new TreeSet<String>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String staticString(Class<?> c, String field) {
        try {
            return (String) c.getField(field).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
