package dev.apigeegke.provider.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.apigeegke.provider.api.ApigeePlatform;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The operations of one OpenAPI 3.0 file; {@code $ref}s to its components are followed. */
final class OpenApiReader {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiReader() {
    }

    static List<Operation> read(ApigeePlatform flavor, String source, JsonNode doc) {
        SchemaCheck schemas = new SchemaCheck(SchemaCheck.Dialect.OPENAPI, doc);
        String base = URI.create(doc.path("servers").path(0).path("url").asText("/")).getPath();
        List<Operation> out = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> {
            JsonNode item = path.getValue();
            PathTemplate template = PathTemplate.parse(base, path.getKey());
            item.properties().forEach(entry -> {
                if (!METHODS.contains(entry.getKey())) {
                    return;
                }
                JsonNode op = entry.getValue();
                String id = op.path("operationId").asText(entry.getKey() + " " + path.getKey());
                Map<String, Param> query = new LinkedHashMap<>();
                Map<String, Param> headers = new LinkedHashMap<>();
                List<JsonNode> parameters = new ArrayList<>();
                item.path("parameters").forEach(parameters::add);
                op.path("parameters").forEach(parameters::add);
                for (JsonNode ref : parameters) {
                    JsonNode p = resolve(doc, ref);
                    Param param = param(p, source + " " + id);
                    switch (p.path("in").asText()) {
                        case "query" -> query.put(param.name(), param);
                        case "header" -> headers.put(param.name().toLowerCase(Locale.ROOT), param);
                        default -> {
                            // path parameters are the template's variables; cookies are not used by these APIs
                        }
                    }
                }
                Map<String, Map<String, JsonNode>> answers = new LinkedHashMap<>();
                op.path("responses").properties().forEach(r -> answers.put(r.getKey(),
                        content(resolve(doc, r.getValue()).path("content"))));
                out.add(new Operation(flavor, id, source, entry.getKey().toUpperCase(Locale.ROOT), template,
                        Map.copyOf(query), Map.copyOf(headers), content(resolve(doc, op.path("requestBody")).path("content")),
                        Map.copyOf(answers), schemas, true));
            });
        });
        return out;
    }

    private static Param param(JsonNode p, String source) {
        JsonNode schema = p.path("schema");
        List<String> values = new ArrayList<>();
        schema.path("enum").forEach(v -> values.add(v.asText()));
        return new Param(p.path("name").asText(), schema.path("type").asText("string"), p.path("required").asBoolean(false),
                List.copyOf(values), source);
    }

    /** Media type to schema; a media type given without a schema says nothing about the content. */
    private static Map<String, JsonNode> content(JsonNode content) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        content.properties().forEach(c -> out.put(c.getKey().toLowerCase(Locale.ROOT),
                c.getValue().has("schema") ? c.getValue().get("schema") : MissingNode.getInstance()));
        return Map.copyOf(out);
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (ref.isEmpty()) {
            return node;
        }
        if (!ref.startsWith("#/")) {
            throw new IllegalStateException("references into other files are not supported: " + ref);
        }
        JsonNode target = doc.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalStateException("the description has no " + ref);
        }
        return target;
    }
}
