package dev.apigeegke.provider.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.apigeegke.provider.api.ApigeePlatform;
import java.util.List;
import java.util.Map;

/**
 * Edge operations the provider uses that Apigee's published OpenAPI files leave out: target servers. Apigee
 * documents them on its Edge API reference pages (the TargetServers API) without a machine-readable schema, so
 * requests to them are held to what those pages state: the path, and the content types {@code application/json}
 * and {@code text/xml}. Their bodies are not checked, and the coverage line counts them apart.
 */
final class Unpublished {
    static final String SOURCE = "Apigee Edge API reference, TargetServers API (not in the published OpenAPI files)";
    /** What the coverage line calls them. */
    static final String WHAT = "target server operations outside the published description (path and Content-Type checked)";
    private static final String COLLECTION = "/organizations/{org_name}/environments/{env_name}/targetservers";
    private static final String ONE = COLLECTION + "/{targetserver_name}";

    private Unpublished() {
    }

    static List<Operation> edge() {
        SchemaCheck none = new SchemaCheck(SchemaCheck.Dialect.OPENAPI, MissingNode.getInstance());
        Map<String, JsonNode> bodies = Map.of("application/json", MissingNode.getInstance(), "text/xml", MissingNode.getInstance());
        Map<String, Map<String, JsonNode>> answers = Map.of(Operation.ANY_SUCCESS,
                Map.of("application/json", MissingNode.getInstance()));
        return List.of(
                operation("createTargetServer", "POST", COLLECTION, bodies, answers, none),
                operation("getTargetServer", "GET", ONE, Map.of(), answers, none),
                operation("updateTargetServer", "PUT", ONE, bodies, answers, none),
                operation("deleteTargetServer", "DELETE", ONE, Map.of(), answers, none));
    }

    private static Operation operation(String id, String method, String path, Map<String, JsonNode> bodies,
                                       Map<String, Map<String, JsonNode>> answers, SchemaCheck none) {
        return new Operation(ApigeePlatform.EDGE, id, SOURCE, method, PathTemplate.parse("/v1", path), Map.of(), Map.of(),
                bodies, answers, none, false);
    }
}
