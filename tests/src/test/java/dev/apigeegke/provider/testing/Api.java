package dev.apigeegke.provider.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigeegke.provider.api.ApigeePlatform;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** What the emulator's route handlers share: the request, the answer, and the platform's error shape. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();

    private Api() {
    }

    /** A request below {@code /v1/organizations/{org}}, path segments decoded. */
    record Req(String method, List<String> segments, Map<String, String> query, String contentType, byte[] body) {
        String seg(int i) {
            return segments.get(i);
        }

        boolean is(String method, String... pattern) {
            if (!this.method.equals(method) || segments.size() != pattern.length) {
                return false;
            }
            for (int i = 0; i < pattern.length; i++) {
                if (!pattern[i].equals("*") && !pattern[i].equals(segments.get(i))) {
                    return false;
                }
            }
            return true;
        }

        /** The JSON body as an object; 400 when it is not one. */
        ObjectNode json() {
            try {
                JsonNode node = JSON.readTree(body);
                if (node instanceof ObjectNode object) {
                    return object;
                }
            } catch (IOException e) {
                // answered below
            }
            throw new ApiError(400, "messaging.adaptors.http.flow.RequestBodyMalformed", "the request body is not a JSON object");
        }
    }

    /** An answer: JSON, or raw bytes (bundles). */
    record Reply(int status, Object body) {
        static Reply ok(Object body) {
            return new Reply(200, body);
        }

        static Reply created(Object body) {
            return new Reply(201, body);
        }
    }

    /** A failure; rendered in the platform's error shape by {@link #errorBody}. */
    static final class ApiError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String edgeCode;
        /** X only: the google.rpc status name when it is not the usual one for the HTTP status. */
        String xStatus;
        /** X only: google.rpc.Status details, e.g. a PreconditionFailure with its violations. */
        transient ArrayNode xDetails;

        ApiError(int status, String edgeCode, String message) {
            super(message);
            this.status = status;
            this.edgeCode = edgeCode;
        }

        /** The same failure, answered on X with this status name and these details (and a RequestInfo). */
        ApiError onX(String status, ObjectNode... details) {
            this.xStatus = status;
            this.xDetails = JSON.createArrayNode();
            for (ObjectNode d : details) {
                xDetails.add(d);
            }
            // Google APIs add one to every error; clients must read past details they do not know.
            xDetails.addObject().put("@type", "type.googleapis.com/google.rpc.RequestInfo")
                    .put("requestId", String.valueOf(Math.abs((long) getMessage().hashCode())));
            return this;
        }
    }

    /** A google.rpc.PreconditionFailure detail with one violation. */
    static ObjectNode preconditionFailure(String type, String subject, String description) {
        ObjectNode detail = JSON.createObjectNode().put("@type", "type.googleapis.com/google.rpc.PreconditionFailure");
        detail.putArray("violations").addObject().put("type", type).put("subject", subject).put("description", description);
        return detail;
    }

    static ApiError notFound(String edgeCode, String message) {
        return new ApiError(404, edgeCode, message);
    }

    static ApiError conflict(String edgeCode, String message) {
        return new ApiError(409, edgeCode, message);
    }

    static ApiError badRequest(String edgeCode, String message) {
        return new ApiError(400, edgeCode, message);
    }

    /** Edge: {"code","message","contexts"}; X (Google APIs): {"error":{"code","message","status"[,"details"]}}. */
    static ObjectNode errorBody(ApigeePlatform platform, int status, String edgeCode, String message) {
        return errorBody(platform, new ApiError(status, edgeCode, message));
    }

    static ObjectNode errorBody(ApigeePlatform platform, ApiError e) {
        ObjectNode body = JSON.createObjectNode();
        if (platform == ApigeePlatform.EDGE) {
            body.put("code", e.edgeCode).put("message", e.getMessage()).putArray("contexts");
        } else {
            ObjectNode error = body.putObject("error").put("code", e.status).put("message", e.getMessage())
                    .put("status", e.xStatus != null ? e.xStatus : googleStatus(e.status));
            if (e.xDetails != null) {
                error.set("details", e.xDetails);
            }
        }
        return body;
    }

    private static String googleStatus(int status) {
        return switch (status) {
            case 400 -> "FAILED_PRECONDITION";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 409 -> "ALREADY_EXISTS";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT";
        };
    }

    /**
     * A time in milliseconds since the epoch as each platform writes it: X's description makes it an int64, a JSON
     * string in Google's JSON mapping; Edge's an integer.
     */
    static void putMillis(ApigeePlatform platform, ObjectNode node, String field, long millis) {
        if (platform == ApigeePlatform.X) {
            node.put(field, String.valueOf(millis));
        } else {
            node.put(field, millis);
        }
    }

    static ArrayNode names(Iterable<String> names) {
        ArrayNode array = JSON.createArrayNode();
        names.forEach(array::add);
        return array;
    }

    /** A required string field of a body; 400 when missing. */
    static String required(ObjectNode body, String field, String what) {
        String value = body.path(field).asText("");
        if (value.isBlank()) {
            throw badRequest("messaging.config.beans.InvalidName", what + " " + field + " is required");
        }
        return value;
    }
}
