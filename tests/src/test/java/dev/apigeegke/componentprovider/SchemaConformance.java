package dev.apigeegke.componentprovider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Whether the inputs a program written in another language gives a component are ones the schema declares, of the
 * types it declares: what a generated SDK's types, or Pulumi YAML's type checker, would refuse. A value the program
 * computes from another resource ({@code isReference}) may stand for any type.
 */
final class SchemaConformance {
    private final JsonNode root = ComponentSchema.get().root();
    private final Predicate<Object> isReference;
    private final List<String> problems = new ArrayList<>();

    SchemaConformance(Predicate<Object> isReference) {
        this.isReference = isReference;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Checks the inputs {@code properties} a program gives component {@code token}, reporting under {@code where}. */
    void component(String where, String token, Map<String, ?> properties) {
        var resource = root.path("resources").path(token);
        if (resource.isMissingNode()) {
            problems.add(where + ": no component " + token);
            return;
        }
        object(where, resource.path("inputProperties"), resource.path("requiredInputs"), properties);
    }

    private void object(String where, JsonNode spec, JsonNode required, Map<String, ?> value) {
        required.forEach(r -> {
            if (!value.containsKey(r.asText())) {
                problems.add(where + ": " + r.asText() + " is required");
            }
        });
        value.forEach((key, v) -> {
            var property = spec.path(key);
            if (property.isMissingNode()) {
                var known = new TreeSet<String>();
                spec.fieldNames().forEachRemaining(known::add);
                problems.add(where + "." + key + ": not an input; the inputs are " + known);
            } else {
                value(where + "." + key, property, v);
            }
        });
    }

    /** {@code value} against the type {@code spec} declares. */
    void value(String where, JsonNode spec, Object value) {
        if (value == null || isReference.test(value)) {
            return;
        }
        if (spec.has("$ref")) {
            String ref = spec.path("$ref").asText();
            if (!ref.startsWith("#/types/")) {
                return; // another package's type: its own SDK checks it
            }
            var type = root.path("types").path(ref.substring("#/types/".length()));
            if (type.has("enum")) {
                var values = new TreeSet<String>();
                type.path("enum").forEach(e -> values.add(e.path("value").asText()));
                if (!values.contains(String.valueOf(value))) {
                    problems.add(where + ": " + value + " is not one of " + values);
                }
                return;
            }
            if (!(value instanceof Map<?, ?> map)) {
                problems.add(where + ": give an object of " + ref);
                return;
            }
            @SuppressWarnings("unchecked")
            var fields = (Map<String, ?>) map;
            object(where, type.path("properties"), type.path("required"), fields);
            return;
        }
        switch (spec.path("type").asText()) {
            case "string" -> expect(where, value instanceof String, "a string", value);
            case "integer" -> expect(where, value instanceof Integer || value instanceof Long, "a whole number", value);
            case "number" -> expect(where, value instanceof Number, "a number", value);
            case "boolean" -> expect(where, value instanceof Boolean, "true or false", value);
            case "array" -> {
                if (expect(where, value instanceof List<?>, "a list", value)) {
                    var items = (List<?>) value;
                    for (int i = 0; i < items.size(); i++) {
                        value(where + "[" + i + "]", spec.path("items"), items.get(i));
                    }
                }
            }
            case "object" -> {
                if (expect(where, value instanceof Map<?, ?>, "a map", value)) {
                    ((Map<?, ?>) value).forEach((k, v) -> value(where + "." + k, spec.path("additionalProperties"), v));
                }
            }
            default -> { }
        }
    }

    private boolean expect(String where, boolean ok, String what, Object value) {
        if (!ok) {
            problems.add(where + ": " + value + " is not " + what);
        }
        return ok;
    }
}
