package dev.apigeegke.provider.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.provider.api.ApigeePlatform;
import java.util.Map;

/**
 * One operation of a published description, in the shape the judge checks: where a part says nothing (no schema for
 * a media type) its {@link JsonNode} is missing.
 *
 * @param flavor    the platform it belongs to
 * @param id        the discovery method id ({@code apigee.organizations.apis.create}) or OpenAPI operationId
 * @param source    the file it comes from
 * @param method    the HTTP method
 * @param path      its path template
 * @param query     the query parameters it takes, by name (the discovery document's global ones included)
 * @param headers   the header parameters it names, by lower-case name
 * @param requests  the request bodies it takes, by media type ({@link #ANY_MEDIA}: any); empty when it takes none
 * @param answers   its success answers: by status ({@code 2XX}: any success), each by media type
 * @param schemas   the checker of its description's schemas
 * @param published whether a published description holds it (false: known only from Apigee's reference pages)
 */
record Operation(ApigeePlatform flavor, String id, String source, String method, PathTemplate path,
                 Map<String, Param> query, Map<String, Param> headers, Map<String, JsonNode> requests,
                 Map<String, Map<String, JsonNode>> answers, SchemaCheck schemas, boolean published) {
    /** The media type key that stands for any content (a google.api.HttpBody, or no schema given). */
    static final String ANY_MEDIA = "*/*";
    /** The status key that stands for any success. */
    static final String ANY_SUCCESS = "2XX";

    /** {@code POST v1/organizations/{organizationsId}/apis (apigee.organizations.apis.create)}. */
    String label() {
        return method + " " + path.text() + " (" + id + ")";
    }
}
