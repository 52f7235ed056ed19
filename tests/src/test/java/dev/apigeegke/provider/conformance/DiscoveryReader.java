package dev.apigeegke.provider.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.apigeegke.provider.api.ApigeePlatform;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operations of a Google discovery document: every method of every resource, nested ones included. */
final class DiscoveryReader {
    /** The body type that stands for raw content of any media type (bundle uploads and downloads). */
    private static final String HTTP_BODY = "GoogleApiHttpBody";

    private DiscoveryReader() {
    }

    static List<Operation> read(String source, JsonNode doc) {
        SchemaCheck schemas = new SchemaCheck(SchemaCheck.Dialect.DISCOVERY, doc);
        String base = URI.create(doc.path("rootUrl").asText() + doc.path("servicePath").asText()).getPath();
        Map<String, Param> global = params(doc.path("parameters"), source + " \"parameters\"");
        List<Operation> out = new ArrayList<>();
        methods(doc.path("resources"), method -> {
            Map<String, Param> query = new LinkedHashMap<>(global);
            query.putAll(params(method.path("parameters"), source + " " + method.path("id").asText()));
            out.add(new Operation(ApigeePlatform.X, method.path("id").asText(), source, method.path("httpMethod").asText(),
                    PathTemplate.parse(base, method.path("flatPath").asText(method.path("path").asText())),
                    Map.copyOf(query), Map.of(), requests(method), Map.of(Operation.ANY_SUCCESS, content(method.path("response"))),
                    schemas, true));
        });
        return out;
    }

    private static void methods(JsonNode resources, java.util.function.Consumer<JsonNode> sink) {
        resources.elements().forEachRemaining(resource -> {
            resource.path("methods").elements().forEachRemaining(sink);
            methods(resource.path("resources"), sink);
        });
    }

    /** The query parameters; path parameters are the template's variables. */
    private static Map<String, Param> params(JsonNode parameters, String source) {
        Map<String, Param> out = new LinkedHashMap<>();
        parameters.properties().forEach(p -> {
            JsonNode param = p.getValue();
            if (param.path("location").asText().equals("query")) {
                List<String> values = new ArrayList<>();
                param.path("enum").forEach(v -> values.add(v.asText()));
                out.put(p.getKey(), new Param(p.getKey(), param.path("type").asText("string"),
                        param.path("required").asBoolean(false), List.copyOf(values), source));
            }
        });
        return out;
    }

    /**
     * The JSON request a method takes, or raw content of any type for an HttpBody. {@code mediaUpload} methods also
     * take the media types they accept.
     */
    private static Map<String, JsonNode> requests(JsonNode method) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (method.has("request")) {
            out.putAll(content(method.get("request")));
        }
        method.path("mediaUpload").path("accept").forEach(type -> out.put(type.asText(), MissingNode.getInstance()));
        return Map.copyOf(out);
    }

    private static Map<String, JsonNode> content(JsonNode ref) {
        if (ref.isMissingNode()) {
            return Map.of();
        }
        if (ref.path("$ref").asText().equals(HTTP_BODY)) {
            return Map.of(Operation.ANY_MEDIA, MissingNode.getInstance());
        }
        return Map.of("application/json", JsonNodeFactory.instance.objectNode().put("$ref", ref.path("$ref").asText()));
    }
}
