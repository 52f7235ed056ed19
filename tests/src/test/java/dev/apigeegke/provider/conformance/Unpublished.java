package dev.apigeegke.provider.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.apigeegke.provider.api.ApigeePlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Edge operations the emulator serves that Apigee's published OpenAPI files leave out, held to what their sources
 * state: the path, and the content types. Their bodies are not checked, and the coverage line counts each group apart.
 * <ul>
 *   <li>Target servers, which the provider uses: Apigee documents them on its Edge API reference pages (the
 *       TargetServers API) without a machine-readable schema; content types {@code application/json} and
 *       {@code text/xml}.</li>
 *   <li>What a running Edge Microgateway calls, which is no part of the management API: Apigee's hosted microgateway
 *       service (bootstrap, analytics upload) and the edgemicro-auth proxy on each environment's runtime host
 *       (products, public key, API key verification, tokens, quotas). No description of them is published; their
 *       paths and content types are those the gateway (npm microgateway-config 3.3.7, microgateway-plugins 3.3.5)
 *       calls and the proxy (npm microgateway-edgeauth 3.2.2) answers. The emulator serves a runtime host under
 *       {@code /{runtime_base}/{org}-{env}}, standing for {@code https://{org}-{env}.apigee.net}.</li>
 *   <li>The same service's key calls, which the provider's {@code MicrogatewayCredential} makes as
 *       {@code edgemicro configure} and {@code revokekeys} do: {@code POST /edgemicro/credential/organization/{org}/
 *       environment/{env}} with body {@code {key, secret}}, {@code DELETE} on that path with {@code {key}}, and
 *       {@code GET /edgemicro/region/organization/{org}/environment/{env}}, answered {@code {region, host}}. These are
 *       also held to those bodies (no field missing, none unknown).</li>
 * </ul>
 */
final class Unpublished {
    static final String SOURCE = "Apigee Edge API reference, TargetServers API (not in the published OpenAPI files)";
    static final String MICROGATEWAY_SOURCE = "Edge Microgateway's hosted service and edgemicro-auth proxy (no published "
            + "description; paths and content types of microgateway-config 3.3.7, microgateway-plugins 3.3.5, "
            + "microgateway-edgeauth 3.2.2, and edgemicro configure's key calls)";
    /** What the coverage line calls the target server operations. */
    static final String WHAT = "target server operations outside the published description (path and Content-Type checked)";
    /** What the coverage line calls the microgateway operations. */
    static final String MICROGATEWAY_WHAT = "Edge Microgateway service and edgemicro-auth operations, which no description "
            + "covers (path and Content-Type checked; the key calls' bodies too)";
    private static final String COLLECTION = "/organizations/{org_name}/environments/{env_name}/targetservers";
    private static final String ONE = COLLECTION + "/{targetserver_name}";
    private static final String SERVICE = "/edgemicro/%s/organization/{org}/environment/{env}";
    private static final String AUTH = "/{runtime_base}/{org}-{env}/edgemicro-auth";
    private static final SchemaCheck NONE = new SchemaCheck(SchemaCheck.Dialect.OPENAPI, MissingNode.getInstance());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The key calls' bodies, as an OpenAPI document's components: every field a required string, no other field. */
    private static final SchemaCheck KEY_CALLS = new SchemaCheck(SchemaCheck.Dialect.OPENAPI, JSON.valueToTree(Map.of(
            "components", Map.of("schemas", Map.of(
                    "Credential", strings("key", "secret"),
                    "Revocation", strings("key"),
                    "Region", strings("region", "host"))))));

    private Unpublished() {
    }

    static List<Operation> edge() {
        Map<String, JsonNode> bodies = Map.of("application/json", MissingNode.getInstance(), "text/xml", MissingNode.getInstance());
        Map<String, Map<String, JsonNode>> answers = answers("application/json");
        List<Operation> ops = new ArrayList<>(List.of(
                operation("createTargetServer", "POST", COLLECTION, bodies, answers),
                operation("getTargetServer", "GET", ONE, Map.of(), answers),
                operation("updateTargetServer", "PUT", ONE, bodies, answers),
                operation("deleteTargetServer", "DELETE", ONE, Map.of(), answers)));
        ops.addAll(microgateway());
        return List.copyOf(ops);
    }

    /** What the coverage line calls the group of {@code op}, an operation of {@link #edge()}. */
    static String what(Operation op) {
        return op.source().equals(MICROGATEWAY_SOURCE) ? MICROGATEWAY_WHAT : WHAT;
    }

    private static List<Operation> microgateway() {
        Map<String, JsonNode> json = Map.of("application/json", MissingNode.getInstance());
        // A client may send the token request's fields as JSON or as a form (Extract-OAuth-Params reads both).
        Map<String, JsonNode> jsonOrForm = Map.of("application/json", MissingNode.getInstance(),
                "application/x-www-form-urlencoded", MissingNode.getInstance());
        var jsonAnswer = answers("application/json");
        var textAnswer = answers("text/plain");
        return List.of(
                service("edgemicroBootstrap", "GET", String.format(SERVICE, "bootstrap"), Map.of(), jsonAnswer),
                service("edgemicroAnalytics", "POST", String.format(SERVICE, "axpublisher"), json, jsonAnswer),
                service("edgemicroAuthProducts", "GET", AUTH + "/products", Map.of(), jsonAnswer),
                service("edgemicroAuthPublicKey", "GET", AUTH + "/publicKey", Map.of(), textAnswer),
                service("edgemicroAuthVerifyApiKey", "POST", AUTH + "/verifyApiKey", json, jsonAnswer),
                service("edgemicroAuthToken", "POST", AUTH + "/token", jsonOrForm, jsonAnswer),
                service("edgemicroAuthVersion", "GET", AUTH + "/v2/version", Map.of(), textAnswer),
                service("edgemicroAuthQuotaApply", "POST", AUTH + "/v2/quotas/apply", json, jsonAnswer),
                keyCall("registerMicrogatewayCredential", "POST", "credential", ref("Credential"), Map.of()),
                keyCall("revokeMicrogatewayCredential", "DELETE", "credential", ref("Revocation"), Map.of()),
                keyCall("getMicrogatewayRegion", "GET", "region", Map.of(), ref("Region")));
    }

    /** An object schema whose fields are all required strings. */
    private static Map<String, Object> strings(String... fields) {
        var properties = new java.util.LinkedHashMap<String, Object>();
        for (String f : fields) {
            properties.put(f, Map.of("type", "string"));
        }
        return Map.of("type", "object", "required", List.of(fields), "properties", properties, "additionalProperties", false);
    }

    private static Map<String, JsonNode> ref(String schema) {
        return Map.of("application/json", JSON.createObjectNode().put("$ref", "#/components/schemas/" + schema));
    }

    /** A key call of the microgateway service, its bodies checked against {@link #KEY_CALLS}. */
    private static Operation keyCall(String id, String method, String service, Map<String, JsonNode> body,
                                     Map<String, JsonNode> answer) {
        return service(id, method, String.format(SERVICE, service), body, Map.of(Operation.ANY_SUCCESS, answer), KEY_CALLS);
    }

    private static Map<String, Map<String, JsonNode>> answers(String mediaType) {
        return Map.of(Operation.ANY_SUCCESS, Map.of(mediaType, MissingNode.getInstance()));
    }

    private static Operation operation(String id, String method, String path, Map<String, JsonNode> bodies,
                                       Map<String, Map<String, JsonNode>> answers) {
        return new Operation(ApigeePlatform.EDGE, id, SOURCE, method, PathTemplate.parse("/v1", path), Map.of(), Map.of(),
                bodies, answers, NONE, false);
    }

    /** A microgateway operation: its path is from the root of its host, with no {@code /v1}. */
    private static Operation service(String id, String method, String path, Map<String, JsonNode> bodies,
                                     Map<String, Map<String, JsonNode>> answers) {
        return service(id, method, path, bodies, answers, NONE);
    }

    /** A microgateway operation whose bodies {@code schemas} checks. */
    private static Operation service(String id, String method, String path, Map<String, JsonNode> bodies,
                                     Map<String, Map<String, JsonNode>> answers, SchemaCheck schemas) {
        return new Operation(ApigeePlatform.EDGE, id, MICROGATEWAY_SOURCE, method, PathTemplate.parse("/", path), Map.of(),
                Map.of(), bodies, answers, schemas, false);
    }
}
