package dev.apigeegke.provider.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.apigeegke.provider.api.ApigeePlatform;
import java.util.List;
import java.util.Map;

/**
 * Edge operations the provider uses that Apigee's published OpenAPI files leave out.
 *
 * <p>Target servers: Apigee documents them on its Edge API reference pages (the TargetServers API) without a
 * machine-readable schema, so requests to them are held to what those pages state: the path, and the content types
 * {@code application/json} and {@code text/xml}; their bodies are not checked.
 *
 * <p>The Edge Microgateway services' key calls (on {@code edgemicroservices.apigee.net}, not the management API):
 * Apigee documents no API for them; {@code edgemicro configure} registers a key with
 * {@code POST /edgemicro/credential/organization/{org}/environment/{env}} and body {@code {key, secret}}, asks the
 * region with {@code GET /edgemicro/region/organization/{org}/environment/{env}}, answered {@code {region, host}},
 * and {@code revokekeys} revokes with {@code DELETE} on the credential path and body {@code {key}}. Requests are held
 * to those paths, JSON, and those bodies (no field missing, none unknown); the region answer to its two fields.
 *
 * <p>The coverage line counts all of these apart from the published operations.
 */
final class Unpublished {
    static final String SOURCE = "Apigee Edge API reference, TargetServers API (not in the published OpenAPI files)";
    static final String MICROGATEWAY_SOURCE = "Edge Microgateway services as edgemicro configure and revokekeys call them "
            + "(no published description)";
    /** What the coverage line calls them. */
    static final String WHAT = "operations outside the published description (target servers: path and Content-Type "
            + "checked; Edge Microgateway key and region calls: path, Content-Type and bodies checked)";
    private static final String COLLECTION = "/organizations/{org_name}/environments/{env_name}/targetservers";
    private static final String ONE = COLLECTION + "/{targetserver_name}";
    private static final String CREDENTIAL = "/edgemicro/credential/organization/{org_name}/environment/{env_name}";
    private static final String REGION = "/edgemicro/region/organization/{org_name}/environment/{env_name}";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The bodies, as an OpenAPI document's components: every field a required string, no other field. */
    private static final JsonNode SCHEMAS = JSON.valueToTree(Map.of("components", Map.of("schemas", Map.of(
            "Credential", strings("key", "secret"),
            "Revocation", strings("key"),
            "Region", strings("region", "host")))));

    private Unpublished() {
    }

    static List<Operation> edge() {
        SchemaCheck none = new SchemaCheck(SchemaCheck.Dialect.OPENAPI, MissingNode.getInstance());
        Map<String, JsonNode> bodies = Map.of("application/json", MissingNode.getInstance(), "text/xml", MissingNode.getInstance());
        Map<String, Map<String, JsonNode>> answers = Map.of(Operation.ANY_SUCCESS,
                Map.of("application/json", MissingNode.getInstance()));
        SchemaCheck microgateway = new SchemaCheck(SchemaCheck.Dialect.OPENAPI, SCHEMAS);
        Map<String, Map<String, JsonNode>> noContent = Map.of(Operation.ANY_SUCCESS, Map.of());
        return List.of(
                operation("createTargetServer", "POST", COLLECTION, bodies, answers, none, SOURCE),
                operation("getTargetServer", "GET", ONE, Map.of(), answers, none, SOURCE),
                operation("updateTargetServer", "PUT", ONE, bodies, answers, none, SOURCE),
                operation("deleteTargetServer", "DELETE", ONE, Map.of(), answers, none, SOURCE),
                operation("registerMicrogatewayCredential", "POST", CREDENTIAL, json("Credential"), noContent, microgateway,
                        MICROGATEWAY_SOURCE),
                operation("revokeMicrogatewayCredential", "DELETE", CREDENTIAL, json("Revocation"), noContent, microgateway,
                        MICROGATEWAY_SOURCE),
                operation("getMicrogatewayRegion", "GET", REGION, Map.of(), Map.of(Operation.ANY_SUCCESS, json("Region")),
                        microgateway, MICROGATEWAY_SOURCE));
    }

    /** An object schema whose fields are all required strings. */
    private static Map<String, Object> strings(String... fields) {
        var properties = new java.util.LinkedHashMap<String, Object>();
        for (String f : fields) {
            properties.put(f, Map.of("type", "string"));
        }
        return Map.of("type", "object", "required", List.of(fields), "properties", properties, "additionalProperties", false);
    }

    private static Map<String, JsonNode> json(String schema) {
        return Map.of("application/json", JSON.createObjectNode().put("$ref", "#/components/schemas/" + schema));
    }

    private static Operation operation(String id, String method, String path, Map<String, JsonNode> bodies,
                                       Map<String, Map<String, JsonNode>> answers, SchemaCheck schemas, String source) {
        // The management API's paths lie below /v1; the microgateway services' at the host's root.
        String base = path.startsWith("/edgemicro/") ? "/" : "/v1";
        return new Operation(ApigeePlatform.EDGE, id, source, method, PathTemplate.parse(base, path), Map.of(), Map.of(),
                bodies, answers, schemas, false);
    }
}
