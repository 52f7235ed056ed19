package dev.apigeegke.provider.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code apigee} package schema ({@code schema.json} beside this class), read once: the text the provider serves
 * and the resources it describes.
 */
public final class ProviderSchema {
    private static final String RESOURCE = "schema.json";
    private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "array", "object");
    private static final ProviderSchema INSTANCE = read();

    private final String json;
    private final String name;
    private final String version;
    private final ResourceSchema provider;
    private final Map<String, ResourceSchema> resources;

    private ProviderSchema(String json, String name, String version, ResourceSchema provider,
                           Map<String, ResourceSchema> resources) {
        this.json = json;
        this.name = name;
        this.version = version;
        this.provider = provider;
        this.resources = resources;
    }

    /** The schema shipped in this jar. */
    public static ProviderSchema get() {
        return INSTANCE;
    }

    /** The schema's text, exactly as shipped (what GetSchema answers). */
    public String json() {
        return json;
    }

    /** The package name, {@code apigee}. */
    public String name() {
        return name;
    }

    /** The package version. */
    public String version() {
        return version;
    }

    /** The provider resource: its inputs are the {@code apigee:*} configuration keys. */
    public ResourceSchema provider() {
        return provider;
    }

    /** Every resource type, in schema order. */
    public List<ResourceSchema> resources() {
        return List.copyOf(resources.values());
    }

    /** The resource type {@code token}, if the schema has it. */
    public Optional<ResourceSchema> resource(String token) {
        return Optional.ofNullable(resources.get(token));
    }

    /** The resource type {@code token}; throws when the schema does not describe it. */
    public ResourceSchema require(String token) {
        return resource(token).orElseThrow(() -> new IllegalStateException("schema.json has no resource \"" + token
                + "\"; it describes " + String.join(", ", resources.keySet())));
    }

    private static ProviderSchema read() {
        try (var in = ProviderSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + ProviderSchema.class.getName());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema {@code json} describes; throws when it names a property it does not describe or a type not known here. */
    static ProviderSchema parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + " is not JSON: " + e.getMessage(), e);
        }
        var provider = new ResourceSchema("pulumi:providers:" + root.path("name").asText(),
                properties("provider", root.path("provider"), "inputProperties", "requiredInputs"), List.of());
        var resources = new LinkedHashMap<String, ResourceSchema>();
        root.path("resources").properties().forEach(e -> resources.put(e.getKey(), new ResourceSchema(e.getKey(),
                properties(e.getKey(), e.getValue(), "inputProperties", "requiredInputs"),
                properties(e.getKey(), e.getValue(), "properties", "required"))));
        return new ProviderSchema(json, root.path("name").asText(), root.path("version").asText(), provider, resources);
    }

    private static List<PropertySchema> properties(String token, JsonNode resource, String field, String requiredField) {
        var required = new HashSet<String>();
        resource.path(requiredField).forEach(n -> required.add(n.asText()));
        var out = new ArrayList<PropertySchema>();
        resource.path(field).properties().forEach(e -> {
            var p = e.getValue();
            var type = p.path("type").asText();
            var element = p.has("items") ? p.get("items") : p.get("additionalProperties");
            var elementType = element == null ? null : element.path("type").asText();
            if (!TYPES.contains(type) || elementType != null && !TYPES.contains(elementType)) {
                throw new IllegalStateException("schema.json: " + token + "." + field + "." + e.getKey()
                        + " has a type this reader does not know: " + p);
            }
            out.add(new PropertySchema(e.getKey(), type, elementType, required.remove(e.getKey()),
                    p.path("secret").asBoolean(false), p.path("replaceOnChanges").asBoolean(false),
                    p.has("default") ? plain(p.get("default")) : null, p.path("description").asText("")));
        });
        if (!required.isEmpty()) {
            throw new IllegalStateException("schema.json: " + token + "." + requiredField + " names " + required
                    + ", which " + field + " does not have");
        }
        return out;
    }

    private static Object plain(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.intValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        throw new IllegalStateException("schema.json: a default must be a boolean, number or string, got " + value);
    }
}
