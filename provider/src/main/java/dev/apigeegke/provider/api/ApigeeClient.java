package dev.apigeegke.provider.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The management API calls the provider makes, for both platforms. Paths are relative to
 * {@code /organizations/{org}}, e.g. {@code /apiproducts/shop-product}. Transient failures (429, 5xx,
 * I/O errors) are retried with exponential backoff; other failures throw {@link ApigeeException}.
 */
public final class ApigeeClient {
    private static final String JSON = "application/json";
    private static final Duration MAX_POLL = Duration.ofSeconds(5);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final ApigeeConfig config;
    private final ObjectMapper json = new ObjectMapper();
    private final Failures failures;
    private final Transport transport;
    private final Timing timing;

    /** A client of the organization {@code config} names, on the system clock. */
    public ApigeeClient(ApigeeConfig config) {
        this(config, Timing.SYSTEM);
    }

    /** A client that reads the time from, and waits with, {@code timing}. */
    public ApigeeClient(ApigeeConfig config, Timing timing) {
        this.config = config;
        this.timing = timing;
        this.failures = new Failures(config, json);
        this.transport = new Transport(config, failures, timing);
    }

    /** The configuration this client was made with. */
    public ApigeeConfig config() {
        return config;
    }

    /**
     * One path segment (or query value), percent-encoded as the management API descriptions expand their path
     * variables (RFC 6570 simple expansion): every UTF-8 byte but the unreserved {@code A-Z a-z 0-9 - . _ ~} becomes
     * {@code %XX}, so {@code dev+ops@example.com} is sent as {@code dev%2Bops%40example.com} (a raw {@code +} may
     * be read as a space, a raw {@code @} is not what the descriptions expand).
     */
    public static String segment(String name) {
        var out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** GET; empty on 404. */
    public Optional<JsonNode> get(String path) {
        Transport.Response response = transport.send("GET", path, BodyPublishers.noBody(), null);
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(read("GET", path, response, null));
    }

    /** POST a JSON body; returns the response body. */
    public JsonNode post(String path, Object body) {
        return sendJson("POST", path, body);
    }

    /** PUT a JSON body; returns the response body. */
    public JsonNode put(String path, Object body) {
        return sendJson("PUT", path, body);
    }

    /** DELETE; a 404 means it is already gone and is not an error. */
    public void delete(String path) {
        Transport.Response response = transport.send("DELETE", path, BodyPublishers.noBody(), null);
        if (response.status() != 404) {
            read("DELETE", path, response, null);
        }
    }

    /** Imports a bundle as a new revision of proxy {@code name} (multipart, form field {@code file}); returns the revision. */
    public int importProxy(String name, byte[] zip) {
        if (zip == null || zip.length == 0) {
            // Apigee would answer "Bundle is invalid. Empty bundle." without naming the proxy.
            throw new IllegalArgumentException("the bundle of API proxy '" + name + "' is empty: build a zip holding "
                    + "apiproxy/proxies/*.xml (and targets/, policies/) before importing it");
        }
        // Edge validates the bundle before importing it only when asked to; X validates every upload.
        String path = "/apis?action=import&name=" + segment(name)
                + (config.platform() == ApigeePlatform.EDGE ? "&validate=true" : "");
        String boundary = "apigee-gke-" + UUID.randomUUID();
        JsonNode answer = read("POST", path, transport.send("POST", path, multipart(boundary, name + ".zip", zip),
                "multipart/form-data; boundary=" + boundary), null);
        String revision = answer.path("revision").asText("");
        try {
            return Integer.parseInt(revision);
        } catch (NumberFormatException e) {
            throw failures.unreadable("POST", path, 200, "the import answer has no revision number", answer.toString());
        }
    }

    /** Deploys {@code revision} to {@code env} with override, and waits until it is ready, failed, or the timeout passes. */
    public void deploy(String env, String proxy, int revision) {
        deploy(env, proxy, revision, null);
    }

    /**
     * Deploys as {@link #deploy(String, String, int)}; on Apigee X the proxy runs as {@code serviceAccount}
     * (for targets that authenticate with Google tokens) when one is given.
     */
    public void deploy(String env, String proxy, int revision, String serviceAccount) {
        String path = deploymentPath(env, proxy, revision);
        String post = path + "?override=true" + (serviceAccount == null || serviceAccount.isBlank() ? ""
                : "&serviceAccount=" + segment(serviceAccount));
        // Edge reads deployment options as form fields and rejects other content types.
        Transport.Response response = config.platform() == ApigeePlatform.EDGE
                ? transport.send("POST", post, BodyPublishers.ofString(""), "application/x-www-form-urlencoded")
                : transport.send("POST", post, BodyPublishers.noBody(), null);
        read("POST", post, response, null);
        awaitReady(env, proxy, revision, path);
    }

    /** Undeploys {@code revision} from {@code env}; not deployed is not an error. */
    public void undeploy(String env, String proxy, int revision) {
        String path = deploymentPath(env, proxy, revision);
        Transport.Response response = transport.send("DELETE", path, BodyPublishers.noBody(), null);
        if (!isNotDeployed(response)) {
            read("DELETE", path, response, null);
        }
    }

    /** The revision of {@code proxy} deployed in {@code env}, if any. */
    public Optional<Integer> deployedRevision(String env, String proxy) {
        String path = "/environments/" + segment(env) + "/apis/" + segment(proxy) + "/deployments";
        Transport.Response response = transport.send("GET", path, BodyPublishers.noBody(), null);
        if (isNotDeployed(response)) {
            return Optional.empty();
        }
        JsonNode answer = read("GET", path, response, null);
        // Edge: {"revision":[{"name":"3","state":"deployed"}]}; X: {"deployments":[{"revision":"3"}]}.
        // Several revisions can be deployed during a rollout: the newest is the one that will serve.
        List<Integer> revisions = new ArrayList<>();
        if (config.platform() == ApigeePlatform.EDGE) {
            for (JsonNode r : answer.path("revision")) {
                if (r.path("state").asText("deployed").equalsIgnoreCase("deployed")) {
                    parse(r.path("name").asText()).ifPresent(revisions::add);
                }
            }
        } else {
            for (JsonNode d : answer.path("deployments")) {
                parse(d.path("revision").asText()).ifPresent(revisions::add);
            }
        }
        return revisions.stream().max(Integer::compare);
    }

    private void awaitReady(String env, String proxy, int revision, String path) {
        Instant deadline = timing.now().plus(config.deployTimeout());
        Duration interval = config.initialBackoff().isZero() ? Duration.ofMillis(10) : config.initialBackoff();
        String last = "not reported yet";
        while (true) {
            Optional<JsonNode> status = get(path);
            if (status.isPresent()) {
                String state = status.get().path("state").asText("");
                boolean edge = config.platform() == ApigeePlatform.EDGE;
                if (edge ? state.equalsIgnoreCase("deployed") : state.equals("READY")) {
                    return;
                }
                if (edge ? state.equalsIgnoreCase("error") : state.equals("ERROR")) {
                    throw failures.deployFailed(env, proxy, revision, state, errors(status.get()));
                }
                last = state.isEmpty() ? "unknown" : state;
            }
            Duration left = Duration.between(timing.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw failures.deployTimedOut(env, proxy, revision, last, path);
            }
            transport.pause(interval.compareTo(left) < 0 ? interval : left);
            interval = interval.multipliedBy(2).compareTo(MAX_POLL) < 0 ? interval.multipliedBy(2) : MAX_POLL;
        }
    }

    /** X: errors[{code, message}]; Edge: errors, or server[{status: error, error}]. */
    private static List<String> errors(JsonNode status) {
        List<String> errors = new ArrayList<>();
        for (JsonNode e : status.path("errors")) {
            errors.add(e.isTextual() ? e.asText() : e.path("message").asText(e.toString()));
        }
        for (JsonNode server : status.path("server")) {
            if (server.hasNonNull("error")) {
                errors.add(server.path("error").asText());
            }
        }
        return errors.stream().distinct().toList();
    }

    private static String deploymentPath(String env, String proxy, int revision) {
        return "/environments/" + segment(env) + "/apis/" + segment(proxy) + "/revisions/" + revision + "/deployments";
    }

    /** 404, or a 400 saying "not deployed" (Edge: distribution.RevisionNotDeployed, ApplicationNotDeployed). */
    private static boolean isNotDeployed(Transport.Response response) {
        String body = response.body() == null ? "" : response.body().toLowerCase(java.util.Locale.ROOT);
        return response.status() == 404
                || response.status() == 400 && (body.contains("not deployed") || body.contains("notdeployed"));
    }

    private JsonNode sendJson(String method, String path, Object body) {
        JsonNode tree = body == null ? null : json.valueToTree(body);
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : json.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the body of " + method + " " + path + " as JSON", e);
        }
        return read(method, path, transport.send(method, path, BodyPublishers.ofByteArray(bytes), JSON), tree);
    }

    /** The JSON of a 2xx answer (an empty object for an empty body); any other status throws. */
    private JsonNode read(String method, String path, Transport.Response response, JsonNode requestBody) {
        if (!response.ok()) {
            throw failures.of(method, path, response, requestBody);
        }
        if (response.body() == null || response.body().isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw failures.unreadable(method, path, response.status(), "the answer is not JSON", response.body());
        }
    }

    private static BodyPublisher multipart(String boundary, String fileName, byte[] zip) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName.replace("\"", "") + "\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(zip);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return BodyPublishers.ofByteArray(out.toByteArray());
    }

    private static Optional<Integer> parse(String revision) {
        try {
            return Optional.of(Integer.parseInt(revision));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
