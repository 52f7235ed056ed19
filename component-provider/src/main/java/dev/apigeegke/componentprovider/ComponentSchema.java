package dev.apigeegke.componentprovider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The package schema of {@code apigee-gke} ({@code schema.json}, hand-written): what {@code GetSchema} answers, what
 * SDK generators read, and the inputs each component takes.
 */
public final class ComponentSchema {
    /** Where the schema is, on the class path. */
    public static final String RESOURCE = "/dev/apigeegke/componentprovider/schema.json";

    private static final ComponentSchema INSTANCE = load();

    private final String text;
    private final JsonNode root;

    private ComponentSchema(String text, JsonNode root) {
        this.text = text;
        this.root = root;
    }

    /** The schema built into this jar. */
    public static ComponentSchema get() {
        return INSTANCE;
    }

    private static ComponentSchema load() {
        try (var in = Objects.requireNonNull(ComponentSchema.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ComponentSchema(text, new ObjectMapper().readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's text, exactly as checked in. */
    public String text() {
        return text;
    }

    /** The parsed schema. */
    public JsonNode root() {
        return root;
    }

    /** The package version, which the plugin reports and the Maven artifacts share. */
    public String version() {
        return root.path("version").asText();
    }

    /** The type tokens of the components. */
    public List<String> components() {
        var tokens = new ArrayList<String>();
        root.path("resources").fieldNames().forEachRemaining(tokens::add);
        return tokens;
    }

    /** The resource entry of {@code token}, or a missing node. */
    public JsonNode resource(String token) {
        return root.path("resources").path(token);
    }

    /** The object type {@code token} ({@code apigee-gke:index:X}), or a missing node. */
    public JsonNode type(String token) {
        return root.path("types").path(token);
    }
}
