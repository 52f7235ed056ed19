package dev.apigeegke.provider.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a JSON value against a schema of one description, in that description's dialect. Objects are closed:
 * a field the schema does not list is a violation unless the schema allows more (the management APIs read only
 * the fields they describe; Google's reject the others). What each dialect leaves loose is accepted, as said
 * where it happens.
 */
final class SchemaCheck {
    /** The schema language of a description. */
    enum Dialect {
        /** Google's discovery documents: {@code $ref} names a schema id, int64 values are JSON strings. */
        DISCOVERY,
        /** OpenAPI 3.0: {@code $ref} is a JSON pointer into the same file, {@code required} lists fields. */
        OPENAPI
    }

    /** Which way a value travels: what is checked differs (required and read-only fields, integer ranges). */
    enum Direction {
        REQUEST, RESPONSE
    }

    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final Dialect dialect;
    private final JsonNode document;

    SchemaCheck(Dialect dialect, JsonNode document) {
        this.dialect = dialect;
        this.document = document;
    }

    Dialect dialect() {
        return dialect;
    }

    /** The violations of {@code value} against {@code schema}, each naming its place as a JSON path from {@code $}. */
    List<String> check(JsonNode value, JsonNode schema, Direction direction) {
        List<String> violations = new ArrayList<>();
        check("$", value, schema, direction, violations);
        return violations;
    }

    /** The schema a {@code $ref} names, or the schema itself. */
    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int hops = 0; s.has("$ref"); hops++) {
            if (hops > 32) {
                throw new IllegalStateException("$ref loop at " + schema);
            }
            String ref = s.get("$ref").asText();
            JsonNode target = dialect == Dialect.DISCOVERY ? document.path("schemas").path(ref)
                    : ref.startsWith("#") ? document.at(ref.substring(1)) : MissingNode.getInstance();
            if (target.isMissingNode()) {
                throw new IllegalStateException("the description has no schema " + ref);
            }
            s = target;
        }
        return s;
    }

    /** The name a schema is known by ({@code $ref}), or its type, for messages. */
    static String name(JsonNode schema) {
        return schema.has("$ref") ? schema.get("$ref").asText().replaceFirst("^#/components/schemas/", "")
                : schema.path("type").asText("any value");
    }

    private void check(String at, JsonNode value, JsonNode schemaOrRef, Direction direction, List<String> out) {
        JsonNode schema = resolve(schemaOrRef);
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                out.add(at + ": is null, but " + name(schemaOrRef) + " is not nullable");
            }
            return;
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.has(combinator)) {
                alternatives(at, value, schema, combinator, direction, out);
                return;
            }
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> object(at, value, schema, direction, out);
            case "array" -> {
                if (!value.isArray()) {
                    out.add(at + ": must be an array, got " + brief(value));
                } else if (schema.has("items")) {
                    for (int i = 0; i < value.size(); i++) {
                        check(at + "[" + i + "]", value.get(i), schema.get("items"), direction, out);
                    }
                }
            }
            case "string" -> string(at, value, schema, out);
            case "integer" -> integer(at, value, schema, direction, out);
            case "number" -> {
                if (!value.isNumber()) {
                    out.add(at + ": must be a number, got " + brief(value));
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    out.add(at + ": must be true or false, got " + brief(value));
                }
            }
            // No type (Edge's Developer.status) or discovery's "any": the description says nothing to check.
            default -> {
                if (schema.has("properties")) {
                    object(at, value, schema, direction, out);
                }
            }
        }
    }

    private void alternatives(String at, JsonNode value, JsonNode schema, String combinator, Direction direction,
                              List<String> out) {
        int passed = 0;
        List<String> firstFailure = null;
        for (JsonNode alternative : schema.get(combinator)) {
            List<String> found = new ArrayList<>();
            check(at, value, alternative, direction, found);
            if (found.isEmpty()) {
                passed++;
            } else if (firstFailure == null) {
                firstFailure = found;
            }
        }
        int needed = combinator.equals("allOf") ? schema.get(combinator).size() : 1;
        boolean ok = combinator.equals("oneOf") ? passed == 1 : passed >= needed;
        if (!ok) {
            out.add(at + ": matches " + passed + " of the " + combinator + " schemas"
                    + (firstFailure == null ? "" : " (" + String.join("; ", firstFailure) + ")"));
        }
    }

    private void object(String at, JsonNode value, JsonNode schema, Direction direction, List<String> out) {
        if (!value.isObject()) {
            out.add(at + ": must be an object, got " + brief(value));
            return;
        }
        JsonNode properties = schema.path("properties");
        JsonNode more = schema.path("additionalProperties");
        // A bare OpenAPI "type: object" describes nothing, and JSON Schema leaves it open; a discovery schema
        // without properties is an empty message (google.protobuf.Empty), so nothing may be in it.
        boolean open = more.isBoolean() ? more.asBoolean()
                : !more.isObject() && dialect == Dialect.OPENAPI && properties.isMissingNode();
        value.properties().forEach(field -> {
            String where = at + "." + field.getKey();
            JsonNode property = properties.path(field.getKey());
            if (!property.isMissingNode()) {
                if (direction == Direction.REQUEST && readOnly(property)) {
                    out.add(where + ": is read-only (" + describe(property) + "): the server sets it, a request must not");
                }
                check(where, field.getValue(), property, direction, out);
            } else if (more.isObject()) {
                check(where, field.getValue(), more, direction, out);
            } else if (!open) {
                out.add(where + ": is not a field of " + (schema.has("id") ? schema.get("id").asText() : "the schema")
                        + " (its fields: " + String.join(", ", names(properties)) + ")");
            }
        });
        for (String required : required(schema, direction)) {
            if (!value.has(required)) {
                out.add(at + "." + required + ": is required (" + requiredBecause(schema, required) + ") but missing");
            }
        }
    }

    /**
     * The required fields. OpenAPI lists them; a discovery document marks a field "Required." in its description
     * (the API's field_behavior), which binds what a client sends, so only requests are held to it there.
     */
    private List<String> required(JsonNode schema, Direction direction) {
        List<String> required = new ArrayList<>();
        if (dialect == Dialect.OPENAPI) {
            schema.path("required").forEach(r -> required.add(r.asText()));
        } else if (direction == Direction.REQUEST) {
            schema.path("properties").properties().forEach(p -> {
                if (p.getValue().path("description").asText("").startsWith("Required.")) {
                    required.add(p.getKey());
                }
            });
        }
        return required;
    }

    private String requiredBecause(JsonNode schema, String field) {
        return dialect == Dialect.OPENAPI ? "listed in \"required\""
                : "its description says \"" + clip(schema.path("properties").path(field).path("description").asText()) + "\"";
    }

    private static boolean readOnly(JsonNode property) {
        return property.path("readOnly").asBoolean(false);
    }

    private static String describe(JsonNode property) {
        String text = property.path("description").asText("");
        return text.startsWith("Output only.") || text.startsWith("Response only.") ? "\"" + clip(text) + "\""
                : "\"readOnly\": true";
    }

    private static void string(String at, JsonNode value, JsonNode schema, List<String> out) {
        if (!value.isTextual()) {
            String why = schema.path("format").asText("").endsWith("int64")
                    ? " (the discovery document gives " + schema.get("format").asText()
                    + " values the JSON type string, as Google's JSON mapping writes them)"
                    : "";
            out.add(at + ": must be a string" + why + ", got " + brief(value));
            return;
        }
        String text = value.asText();
        enumeration(at, text, schema, out);
        switch (schema.path("format").asText("")) {
            case "int64" -> whole(at, text, INT64_MIN, INT64_MAX, "int64", out);
            case "uint64" -> whole(at, text, BigInteger.ZERO, UINT64_MAX, "uint64", out);
            case "byte" -> {
                try {
                    Base64.getDecoder().decode(text.replace('-', '+').replace('_', '/'));
                } catch (IllegalArgumentException e) {
                    out.add(at + ": must be base64 (format byte), got " + brief(value));
                }
            }
            default -> {
                // date-time, google-fieldmask and the rest: the description does not say how strictly, so no check.
            }
        }
    }

    private static void whole(String at, String text, BigInteger min, BigInteger max, String format, List<String> out) {
        try {
            BigInteger n = new BigInteger(text);
            if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
                out.add(at + ": \"" + text + "\" is outside the range of " + format);
            }
        } catch (NumberFormatException e) {
            out.add(at + ": must be a whole number written as a string (format " + format + "), got \"" + text + "\"");
        }
    }

    /**
     * Integers. Ranges are held only in requests: the Edge description marks millisecond timestamps
     * {@code int32} while its own examples (issuedAt 1523971974806) show values past 2^31, so for answers
     * only the JSON type is what it says.
     */
    private static void integer(String at, JsonNode value, JsonNode schema, Direction direction, List<String> out) {
        if (!value.isIntegralNumber()) {
            out.add(at + ": must be a whole number, got " + brief(value));
            return;
        }
        if (direction == Direction.REQUEST && schema.path("format").asText("").equals("int32") && !value.canConvertToInt()) {
            out.add(at + ": " + value + " is outside the range of int32");
        }
        enumeration(at, value.asText(), schema, out);
    }

    private static void enumeration(String at, String text, JsonNode schema, List<String> out) {
        if (schema.has("enum")) {
            Set<String> allowed = new HashSet<>();
            schema.get("enum").forEach(e -> allowed.add(e.asText()));
            if (!allowed.contains(text)) {
                out.add(at + ": \"" + text + "\" is not one of its enum values " + names(schema.get("enum")));
            }
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        } else {
            node.forEach(n -> names.add(n.asText()));
        }
        return names;
    }

    static String brief(JsonNode value) {
        String text = value.toString();
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    private static String clip(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 100 ? line : line.substring(0, 100) + "…";
    }
}
