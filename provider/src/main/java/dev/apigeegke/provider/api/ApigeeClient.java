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
import java.util.function.Predicate;

/**
 * The management API calls the provider makes, for both platforms. Paths are relative to
 * {@code /organizations/{org}}, e.g. {@code /apiproducts/shop-product}. Transient failures (429, 5xx,
 * I/O errors) are retried with exponential backoff, a create only where Apigee cannot have carried it out
 * ({@link #create}, {@link #importProxy}); other failures throw {@link ApigeeException}.
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

    /** The Edge Microgateway services of the configured organization, with this client's retries and credentials. */
    public MicrogatewayServices microgatewayServices() {
        return new MicrogatewayServices(config, transport, failures);
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

    /** POST a JSON body that creates nothing, so it may be repeated after any transient failure; returns the response body. */
    public JsonNode post(String path, Object body) {
        return sendJson("POST", path, body);
    }

    /**
     * Creates a resource: POSTs {@code body} to {@code collection} and returns Apigee's answer. A create that fails
     * after Apigee may have carried it out (500, 502, 504, a 503 without {@code Retry-After}, a timeout) is not sent
     * again, since that could create a second one or fail as a conflict: the exception says how to check. It is
     * repeated only after 429, a 503 with {@code Retry-After} or a connection that was never made. When a repeated
     * create answers 409, an earlier attempt may have created it after all: the resource at {@code resource} is read
     * and returned when {@code sameAsSent} accepts it; otherwise the 409 is reported as for any existing resource.
     */
    public JsonNode create(String collection, Object body, String resource, Predicate<JsonNode> sameAsSent) {
        JsonNode tree = json.valueToTree(body);
        String what = failures.subject(collection, tree);
        var attempts = new Object() {
            boolean repeated;
            boolean unanswered;
        };
        Transport.Response response;
        try {
            response = transport.send("POST", collection, BodyPublishers.ofByteArray(bytes("POST", collection, tree)),
                    JSON, (answer, error) -> {
                        boolean again = Transport.RetryRule.CREATE.retry(answer, error);
                        attempts.repeated |= again;
                        attempts.unanswered = answer == null && !again;
                        return again;
                    });
        } catch (ApigeeException noAnswer) {
            throw attempts.unanswered ? failures.createNoAnswer(noAnswer, what, resource) : noAnswer;
        }
        if (response.status() == 409 && attempts.repeated) {
            Optional<JsonNode> existing = get(resource);
            if (existing.isPresent() && sameAsSent.test(existing.get())) {
                return existing.get();
            }
        }
        if (response.status() >= 500 && !Transport.RetryRule.CREATE.retry(response, null)) {
            throw failures.createFailed("POST", collection, what, resource, response);
        }
        return read("POST", collection, response, tree);
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
        return importProxy(name, zip, -1);
    }

    /**
     * Imports as {@link #importProxy(String, byte[])}, knowing the proxy's newest revision before this import
     * ({@code latestBefore}: 0 when there is no such proxy, -1 when not known). Apigee cannot tell a repeated import
     * from a new one, so a failed import is not blindly sent again: it is retried only on 429, or on 503 with
     * Retry-After, and only after checking that no revision newer than {@code latestBefore} appeared. A revision that
     * did appear after a failure (a gateway timeout, say) is this import's, and is returned.
     */
    public int importProxy(String name, byte[] zip, int latestBefore) {
        if (zip == null || zip.length == 0) {
            // Apigee would answer "Bundle is invalid. Empty bundle." without naming the proxy.
            throw new IllegalArgumentException("the bundle of API proxy '" + name + "' is empty: build a zip holding "
                    + "apiproxy/proxies/*.xml (and targets/, policies/) before importing it");
        }
        // Edge validates the bundle before importing it only when asked to; X validates every upload.
        String path = "/apis?action=import&name=" + segment(name)
                + (config.platform() == ApigeePlatform.EDGE ? "&validate=true" : "");
        String boundary = "apigee-gke-" + UUID.randomUUID();
        Landed landed = new Landed(name, latestBefore);
        Transport.Response response;
        try {
            response = transport.send("POST", path, multipart(boundary, name + ".zip", zip),
                    "multipart/form-data; boundary=" + boundary, (answer, error) -> Transport.RetryRule.CREATE.retry(answer,
                            error) && (answer == null || answer.status() == 429 || landed.revision().isEmpty()));
        } catch (ApigeeException noAnswer) {
            return landed.revision().orElseThrow(() -> failures.importNoAnswer(name, noAnswer, landed.known()));
        }
        if (!response.ok() && response.status() >= 500) {
            var own = landed.revision();
            if (own.isPresent()) {
                return own.get();
            }
            if (response.status() != 503 || response.headers().firstValue("Retry-After").isEmpty()) {
                throw failures.importNotRepeated(name, path, response, landed.known());
            }
        }
        JsonNode answer = read("POST", path, response, null);
        String revision = answer.path("revision").asText("");
        try {
            return Integer.parseInt(revision);
        } catch (NumberFormatException e) {
            throw failures.unreadable("POST", path, 200, "the import answer has no revision number", answer.toString());
        }
    }

    /** The revision an import that failed on the way back created, found by what appeared after the one before. */
    private final class Landed {
        private final String proxy;
        private final int before;
        private Integer found;

        Landed(String proxy, int before) {
            this.proxy = proxy;
            this.before = before;
        }

        boolean known() {
            return before >= 0;
        }

        Optional<Integer> revision() {
            if (found == null && known()) {
                List<Integer> newer = new ArrayList<>();
                get("/apis/" + segment(proxy)).ifPresent(p -> p.path("revision").forEach(r -> parse(r.asText())
                        .filter(n -> n > before).ifPresent(newer::add)));
                if (newer.size() > 1) {
                    throw failures.importAmbiguous(proxy, before, newer);
                }
                found = newer.isEmpty() ? null : newer.get(0);
            }
            return Optional.ofNullable(found);
        }
    }

    /** The newest revision of a proxy as {@code GET /apis/{name}} answers it (Edge: revision[]; X also latestRevisionId). */
    public static int latestRevision(JsonNode proxy) {
        int max = 0;
        for (JsonNode r : proxy.path("revision")) {
            max = Math.max(max, parse(r.asText()).orElse(0));
        }
        return Math.max(max, parse(proxy.path("latestRevisionId").asText("")).orElse(0));
    }

    /** Deploys {@code revision} to {@code env} with override, and waits until it is ready, failed, or the timeout passes. */
    public void deploy(String env, String proxy, int revision) {
        deploy(env, proxy, revision, null);
    }

    /**
     * Deploys as {@link #deploy(String, String, int)}; on Apigee X the proxy runs as {@code serviceAccount}
     * (for targets that authenticate with Google tokens) when one is given. Returns the route conflicts X reports
     * for the ready deployment, one line each: base paths that another deployment in the environment group serves,
     * so that calls to them do not reach this one. Usually none.
     */
    public List<String> deploy(String env, String proxy, int revision, String serviceAccount) {
        String path = deploymentPath(env, proxy, revision);
        String post = path + "?override=true" + (serviceAccount == null || serviceAccount.isBlank() ? ""
                : "&serviceAccount=" + segment(serviceAccount));
        // Edge reads deployment options as form fields and rejects other content types.
        boolean edge = config.platform() == ApigeePlatform.EDGE;
        Transport.Response response = edge
                ? transport.send("POST", post, BodyPublishers.ofString(""), "application/x-www-form-urlencoded")
                : transport.send("POST", post, BodyPublishers.noBody(), null);
        // Edge refuses a revision that is deployed already, as a retried deploy finds it: the status read tells.
        if (!(edge && response.status() == 400 && lower(response.body()).contains("already deployed"))) {
            read("POST", post, response, null);
        }
        JsonNode status = awaitReady(env, proxy, revision, path);
        List<String> conflicts = new ArrayList<>();
        for (JsonNode c : status.path("routeConflicts")) {
            JsonNode other = c.path("conflictingDeployment");
            conflicts.add("base path " + other.path("basepath").asText("?") + " in environment group '"
                    + c.path("environmentGroup").asText("?") + "' goes to API proxy '"
                    + other.path("apiProxy").asText("?") + "' revision " + other.path("revision").asText("?")
                    + " in environment '" + other.path("environment").asText("?") + "'");
        }
        return conflicts;
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
        return deployment(env, proxy).map(Deployment::revision);
    }

    /**
     * A deployment as the provider keeps it: the revision, and on X the service account it runs as (an email, or
     * null for none).
     */
    public record Deployment(int revision, String serviceAccount) {
    }

    /** The deployment of {@code proxy} in {@code env}, if any. */
    public Optional<Deployment> deployment(String env, String proxy) {
        String path = "/environments/" + segment(env) + "/apis/" + segment(proxy) + "/deployments";
        Transport.Response response = transport.send("GET", path, BodyPublishers.noBody(), null);
        if (isNotDeployed(response)) {
            return Optional.empty();
        }
        JsonNode answer = read("GET", path, response, null);
        // Edge: {"revision":[{"name":"3","state":"deployed"}]}; X: {"deployments":[{"revision":"3"}]}.
        // Several revisions can be deployed during a rollout: the newest is the one that will serve.
        List<Deployment> found = new ArrayList<>();
        if (config.platform() == ApigeePlatform.EDGE) {
            for (JsonNode r : answer.path("revision")) {
                if (r.path("state").asText("deployed").equalsIgnoreCase("deployed")) {
                    parse(r.path("name").asText()).ifPresent(n -> found.add(new Deployment(n, null)));
                }
            }
        } else {
            for (JsonNode d : answer.path("deployments")) {
                // X names the account as a resource, projects/-/serviceAccounts/{email}.
                String account = d.path("serviceAccount").asText("").replaceFirst("^projects/[^/]+/serviceAccounts/", "");
                parse(d.path("revision").asText()).ifPresent(n -> found.add(new Deployment(n, account.isEmpty() ? null : account)));
            }
        }
        return found.stream().max(java.util.Comparator.comparingInt(Deployment::revision));
    }

    /**
     * Deletes API proxy {@code name}; already gone is not an error. Apigee refuses to delete a proxy while an
     * undeployment has not finished on its runtime ("Undeploy the ApiProxy and try again"), which it may not have
     * when the undeploy call has answered: that refusal is retried, backing off, until the deploy timeout.
     */
    public void deleteProxy(String name) {
        String path = "/apis/" + segment(name);
        Poll poll = new Poll();
        while (true) {
            Transport.Response response = transport.send("DELETE", path, BodyPublishers.noBody(), null);
            if (response.ok() || response.status() == 404) {
                return;
            }
            String body = lower(response.body());
            boolean undeploying = response.status() == 400 && body.contains("undeploy") && body.contains("try again");
            if (!undeploying) {
                throw failures.of("DELETE", path, response, null);
            }
            if (!poll.waitMore()) {
                throw failures.undeployUnfinished(name, failures.of("DELETE", path, response, null));
            }
        }
    }

    /** Waits between the reads of something Apigee finishes later, from the initial backoff up to every 5 s, until the deploy timeout. */
    private final class Poll {
        private final Instant deadline = timing.now().plus(config.deployTimeout());
        private Duration interval = config.initialBackoff().isZero() ? Duration.ofMillis(10) : config.initialBackoff();

        /** Waits for the next read; false, without waiting, once the deadline has passed. */
        boolean waitMore() {
            Duration left = Duration.between(timing.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                return false;
            }
            transport.pause(interval.compareTo(left) < 0 ? interval : left);
            interval = interval.multipliedBy(2).compareTo(MAX_POLL) < 0 ? interval.multipliedBy(2) : MAX_POLL;
            return true;
        }
    }

    /** The status read that found the deployment ready. */
    private JsonNode awaitReady(String env, String proxy, int revision, String path) {
        Poll poll = new Poll();
        String last = "not reported yet";
        while (true) {
            Optional<JsonNode> status = get(path);
            if (status.isPresent()) {
                String state = status.get().path("state").asText("");
                boolean edge = config.platform() == ApigeePlatform.EDGE;
                if (edge ? state.equalsIgnoreCase("deployed") : state.equals("READY")) {
                    return status.get();
                }
                if (edge ? state.equalsIgnoreCase("error") : state.equals("ERROR")) {
                    throw failures.deployFailed(env, proxy, revision, state, errors(status.get()));
                }
                last = state.isEmpty() ? "unknown" : state;
            }
            if (!poll.waitMore()) {
                throw failures.deployTimedOut(env, proxy, revision, last, path);
            }
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

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(java.util.Locale.ROOT);
    }

    /** 404, or a 400 saying "not deployed" (Edge: distribution.RevisionNotDeployed, ApplicationNotDeployed). */
    private static boolean isNotDeployed(Transport.Response response) {
        String body = lower(response.body());
        return response.status() == 404
                || response.status() == 400 && (body.contains("not deployed") || body.contains("notdeployed"));
    }

    private JsonNode sendJson(String method, String path, Object body) {
        JsonNode tree = body == null ? null : json.valueToTree(body);
        return read(method, path, transport.send(method, path, BodyPublishers.ofByteArray(bytes(method, path, tree)), JSON),
                tree);
    }

    private byte[] bytes(String method, String path, JsonNode tree) {
        try {
            return tree == null ? new byte[0] : json.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the body of " + method + " " + path + " as JSON", e);
        }
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
