package dev.apigeegke.provider.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigeegke.provider.testing.Api.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A call to what Apigee runs for Edge Microgateway (its hosted services and the edgemicro-auth proxy), made by the
 * gateway or by a client of edgemicro-auth, and the answers those give: JSON in their own shapes, not the management
 * API's.
 *
 * @param method   the HTTP method
 * @param segments the path segments, decoded
 * @param headers  the first value of each header, by lower-case name
 * @param body     the body, gunzipped when sent with {@code Content-Encoding: gzip} (the analytics upload can be)
 */
record GatewayCall(String method, List<String> segments, Map<String, String> headers, byte[] body) {
    GatewayCall {
        if ("gzip".equalsIgnoreCase(headers.getOrDefault("content-encoding", ""))) {
            try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("the gzip body does not inflate", e);
            }
        }
    }

    /** The segment at {@code i}. */
    String seg(int i) {
        return segments.get(i);
    }

    /** The {@code Authorization} header, or null. */
    String authorization() {
        return headers.get("authorization");
    }

    /** The body as JSON; missing when it is not JSON. */
    JsonNode json() {
        try {
            JsonNode node = Api.JSON.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** The fields of an {@code application/x-www-form-urlencoded} body. */
    Map<String, String> form() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return fields;
    }

    /** {@code {"error", "error_description"}}, the shape of edgemicro-auth's own RaiseFault policies. */
    static Reply error(int status, String error, String description) {
        return new Reply(status, Api.JSON.createObjectNode().put("error", error).put("error_description", description));
    }

    /** {@code {"fault": {"faultstring", "detail": {"errorcode"}}}}, the shape of a fault raised by an Apigee policy. */
    static Reply fault(int status, String faultString, String errorCode) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.putObject("fault").put("faultstring", faultString).putObject("detail").put("errorcode", errorCode);
        return new Reply(status, body);
    }
}
