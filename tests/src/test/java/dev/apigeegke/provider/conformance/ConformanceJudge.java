package dev.apigeegke.provider.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.testing.RecordedExchange;
import dev.apigeegke.provider.testing.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges a request and its answer against the description of their platform: the operation (method and path
 * template), the encoding of each path variable, the query parameters, the header parameters, the Content-Type and
 * body of the request, and the status, Content-Type and body of a successful answer.
 */
final class ConformanceJudge {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private final ApiDescriptions descriptions;

    ConformanceJudge(ApiDescriptions descriptions) {
        this.descriptions = descriptions;
    }

    /**
     * The operation a request calls and the values of its path variables.
     *
     * @param operation the operation
     * @param variables the raw (still encoded) value of each path variable
     */
    record Match(Operation operation, Map<String, String> variables) {
    }

    /** The operation of {@code ops} with {@code method} whose path template fits {@code path} most specifically, or null. */
    static Match match(List<Operation> ops, String method, String path) {
        List<String> raw = PathTemplate.split(path);
        Match best = null;
        for (Operation op : ops) {
            var variables = op.path().match(raw);
            if (variables.isPresent() && op.method().equals(method)
                    && (best == null || op.path().moreSpecificThan(best.operation().path()))) {
                best = new Match(op, variables.get());
            }
        }
        return best;
    }

    Verdict judge(RecordedExchange exchange) {
        RecordedRequest request = exchange.request();
        List<String> out = new ArrayList<>();
        List<Operation> ops = descriptions.operations(exchange.platform());
        Match match = match(ops, request.method(), request.path());
        if (match == null) {
            List<String> raw = PathTemplate.split(request.path());
            List<String> otherMethods = ops.stream().filter(op -> op.path().match(raw).isPresent())
                    .map(op -> op.method() + " (" + op.id() + ")").toList();
            out.add("matches no operation of the published Apigee " + exchange.platform() + " description"
                    + (otherMethods.isEmpty() ? "" : "; its path takes only " + String.join(", ", otherMethods)));
            return new Verdict(exchange, null, out, List.of());
        }
        Operation best = match.operation();
        Map<String, String> variables = match.variables();
        pathEncoding(best, variables, out);
        Map<String, String> query = query(best, request.query(), out);
        headers(best, request, out);
        requestBody(best, request, out);
        out.addAll(ProseRules.check(best, request, query));
        answer(best, exchange, out);
        List<String> violations = new ArrayList<>();
        List<String> tolerated = new ArrayList<>();
        for (String violation : out) {
            (Tolerances.of(best, violation) == null ? violations : tolerated).add(violation);
        }
        return new Verdict(exchange, best, List.copyOf(violations), List.copyOf(tolerated));
    }

    /**
     * Each variable must be sent as an RFC 6570 simple expansion of its value: every byte but the unreserved
     * characters percent-encoded, so a developer email {@code a+b@example.com} travels as
     * {@code a%2Bb%40example.com}. That is what OpenAPI path parameters (style simple) are, and what the discovery
     * document asks for its flatPath variables ({@code fullyEncodeReservedExpansion: true}).
     */
    private static void pathEncoding(Operation op, Map<String, String> variables, List<String> out) {
        String rule = op.flavor() == ApigeePlatform.X
                ? "the discovery document sets fullyEncodeReservedExpansion and expands {var} simply (RFC 6570)"
                : "OpenAPI path parameters are simple-style RFC 6570 expansions";
        variables.forEach((name, raw) -> {
            String value;
            try {
                value = percentDecode(raw);
            } catch (IllegalArgumentException e) {
                out.add("path {" + name + "}: \"" + raw + "\" is not valid percent-encoding: " + e.getMessage());
                return;
            }
            String expected = percentEncode(value);
            if (!expected.equals(raw)) {
                out.add("path {" + name + "}: \"" + value + "\" is sent as \"" + raw + "\" but must be \"" + expected
                        + "\": " + rule + ", which percent-encodes every character but A-Z a-z 0-9 - . _ ~");
            }
        });
    }

    private static Map<String, String> query(Operation op, String rawQuery, List<String> out) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            String name;
            String value;
            try {
                name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            } catch (IllegalArgumentException e) {
                out.add("query: \"" + pair + "\" is not valid percent-encoding");
                continue;
            }
            if (values.put(name, value) != null) {
                out.add("query " + name + ": sent twice");
            }
            Param param = op.query().get(name);
            if (param == null) {
                out.add("query " + name + ": is not a parameter of " + op.id() + " (its own: "
                        + String.join(", ", own(op)) + ")");
            } else if (param.problem(value) != null) {
                out.add("query " + name + ": " + param.problem(value));
            }
        }
        op.query().values().stream().filter(p -> p.required() && !values.containsKey(p.name()))
                .forEach(p -> out.add("query " + p.name() + ": is required (" + p.source() + ") but missing"));
        return values;
    }

    /** The query parameters of the operation itself, without the discovery document's global ones. */
    private static List<String> own(Operation op) {
        return op.query().values().stream().filter(p -> !p.source().endsWith("\"parameters\"")).map(Param::name)
                .sorted().toList();
    }

    private static void headers(Operation op, RecordedRequest request, List<String> out) {
        op.headers().values().stream().filter(p -> p.required() && request.header(p.name()).isEmpty())
                .forEach(p -> out.add("header " + p.name() + ": is required (" + p.source() + ") but missing"));
    }

    private static void requestBody(Operation op, RecordedRequest request, List<String> out) {
        String type = request.header("content-type").orElse("");
        if (request.body().length == 0) {
            return; // no description here marks a body required; an absent one is the empty message
        }
        if (op.requests().isEmpty()) {
            out.add("body: " + op.id() + " takes no body, got " + request.body().length + " bytes of \"" + type + "\"");
            return;
        }
        if (type.isEmpty()) {
            out.add("Content-Type: missing for a body; " + op.id() + " takes " + op.requests().keySet());
            return;
        }
        String media = media(type);
        JsonNode schema = lookup(op.requests(), media);
        if (schema == null) {
            out.add("Content-Type: \"" + type + "\" is not one " + op.id() + " takes " + op.requests().keySet());
            return;
        }
        // Multipart uploads are described as one binary string, which says nothing about their parts;
        // ProseRules checks the form field the text names.
        if (isJson(media) && !schema.isMissingNode()) {
            json("body", request.body(), op, schema, SchemaCheck.Direction.REQUEST, out);
        }
    }

    /**
     * A successful answer against the description. Failures are not: the Edge files list "400 Bad request"
     * without content and the discovery document describes no error answers.
     */
    private static void answer(Operation op, RecordedExchange exchange, List<String> out) {
        int status = exchange.status();
        if (status / 100 != 2) {
            return;
        }
        Map<String, JsonNode> content = op.answers().get(String.valueOf(status));
        if (content == null) {
            content = op.answers().get(Operation.ANY_SUCCESS);
        }
        if (content == null) {
            content = op.answers().get("default");
        }
        if (content == null) {
            out.add("answer: status " + status + " is not one the description lists for " + op.id() + " "
                    + op.answers().keySet());
            return;
        }
        if (exchange.body().length == 0) {
            JsonNode schema = content.values().stream().findFirst().orElse(null);
            if (schema != null && !schema.isMissingNode() && !isEmptyMessage(op, schema)) {
                out.add("answer: has no body, but the description gives " + SchemaCheck.name(schema) + " for status " + status);
            }
            return;
        }
        if (content.isEmpty()) {
            out.add("answer: has a body, but the description gives none for status " + status + " of " + op.id());
            return;
        }
        String type = exchange.contentType() == null ? "" : exchange.contentType();
        JsonNode schema = lookup(content, media(type));
        if (schema == null) {
            out.add("answer: Content-Type \"" + type + "\" is not one the description gives " + content.keySet());
        } else if (isJson(media(type)) && !schema.isMissingNode()) {
            json("answer", exchange.body(), op, schema, SchemaCheck.Direction.RESPONSE, out);
        }
    }

    private static boolean isEmptyMessage(Operation op, JsonNode schema) {
        JsonNode resolved = op.schemas().resolve(schema);
        return op.schemas().dialect() == SchemaCheck.Dialect.DISCOVERY && resolved.path("properties").isMissingNode();
    }

    private static void json(String what, byte[] body, Operation op, JsonNode schema, SchemaCheck.Direction direction,
                             List<String> out) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            out.add(what + ": is not JSON: " + e.getMessage());
            return;
        }
        op.schemas().check(node, schema, direction).forEach(v -> out.add(what + " " + v + " [" + SchemaCheck.name(schema) + "]"));
    }

    /** The schema for {@code media}: exact, by its top-level type ({@code image/*}), or for any content. */
    private static JsonNode lookup(Map<String, JsonNode> content, String media) {
        if (content.containsKey(media)) {
            return content.get(media);
        }
        String wildcard = media.split("/", 2)[0] + "/*";
        return content.containsKey(wildcard) ? content.get(wildcard) : content.get(Operation.ANY_MEDIA);
    }

    private static String media(String contentType) {
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String media) {
        return media.equals("application/json") || media.endsWith("+json");
    }

    /** Percent-encodes every UTF-8 byte outside the unreserved characters, in upper-case hex. */
    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && UNRESERVED.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** RFC 3986 decoding: {@code %XX} is a byte, {@code +} is a plus (paths are not forms). */
    static String percentDecode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("'%' at " + i + " is not followed by two hex digits");
                }
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
