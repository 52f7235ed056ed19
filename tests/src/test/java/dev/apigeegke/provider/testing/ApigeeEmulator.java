package dev.apigeegke.provider.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.apigeegke.provider.api.ApigeeConfig;
import dev.apigeegke.provider.api.Credentials;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.api.Timing;
import dev.apigeegke.provider.testing.Api.ApiError;
import dev.apigeegke.provider.testing.Api.Reply;
import dev.apigeegke.provider.testing.Api.Req;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An in-memory Apigee management API (Edge or X platform) on {@code 127.0.0.1}, for tests:
 * <pre>{@code
 * try (var apigee = ApigeeEmulator.start(ApigeePlatform.X, "acme")) {
 *     var client = new ApigeeClient(apigee.config(new Credentials.Bearer(ApigeeEmulator.TOKEN)), new FakeTime());
 *     apigee.failNext(2, 503, null);
 *     ...
 *     assertThat(apigee.requests()).hasSize(3);
 * }
 * }</pre>
 * It accepts {@link #TOKEN} as a bearer token until told otherwise, knows the environments {@code test} and
 * {@code prod}, and answers with each platform's error shape. Deployments are ready at once unless
 * {@link #deployAfterPolls} or {@link #failDeployments} say otherwise, and undeployments finish at once unless
 * {@link #undeployTakes} says otherwise.
 *
 * <p>On Edge it also serves what a running Edge Microgateway calls, from the same state: Apigee's hosted microgateway
 * service at {@link #microgatewayServicesUrl()} (the bootstrap and the analytics upload, for the gateway keys given to
 * {@link #registerGatewayCredential}) and, at {@link #runtimeUrl(String)}, each environment's runtime host with the
 * edgemicro-auth proxy's endpoints (products, public key, API key verification, tokens, quotas), and the services' key
 * calls: registration and revocation with the admin's credentials, and the region asked with a registered key and
 * secret ({@link #microgatewayCredentials}).
 */
public final class ApigeeEmulator implements AutoCloseable {
    /** The bearer token accepted by default. */
    public static final String TOKEN = "emulator-token";

    private final ApigeePlatform platform;
    private final String org;
    private final HttpServer server;
    private final Set<String> environments = new LinkedHashSet<>(List.of("test", "prod"));
    private final ProxyRoutes proxies;
    private final EntityRoutes entities;
    private final KeyValueMapRoutes keyValueMaps;
    private final GatewayCredentials gatewayCredentials = new GatewayCredentials();
    private final MicrogatewayServiceRoutes microgatewayServices;
    private final EdgemicroAuthRoutes edgemicroAuth;
    private String runtimeBase = "runtime";
    private final MicrogatewayKeyRoutes microgatewayKeys;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private String acceptedBearer = TOKEN;
    private String acceptedBasic;

    /**
     * {@code processed}: the request takes effect before the fault replaces its answer; {@code method} and
     * {@code pathSuffix} (null: any) choose the request it hits.
     */
    private record Fault(int status, Duration retryAfter, boolean processed, String method, String pathSuffix) {
        boolean hits(String requestMethod, String path) {
            return (method == null || method.equals(requestMethod)) && (pathSuffix == null || path.endsWith(pathSuffix));
        }
    }

    /** A place in the fault queue whose request is answered as usual. */
    private static final Fault NONE = new Fault(0, null, false, null, null);

    private ApigeeEmulator(ApigeePlatform platform, String org) throws IOException {
        this.platform = platform;
        this.org = org;
        this.proxies = new ProxyRoutes(platform, org, environments);
        this.entities = new EntityRoutes(platform, org, proxies);
        this.keyValueMaps = new KeyValueMapRoutes(platform, proxies);
        this.microgatewayServices = new MicrogatewayServiceRoutes(org, proxies, gatewayCredentials);
        this.edgemicroAuth = new EdgemicroAuthRoutes(org, proxies, entities, keyValueMaps, gatewayCredentials,
                env -> runtimeUrl(env).toString());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.microgatewayKeys = new MicrogatewayKeyRoutes(org, environments, () -> microgatewayServicesUrl().getAuthority(),
                gatewayCredentials);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts an emulator of {@code platform} serving organization {@code org} on a free loopback port. Only a test
     * class extended with {@code ConformanceExtension} may start one: every exchange is checked against the
     * platform's published API description.
     */
    public static ApigeeEmulator start(ApigeePlatform platform, String org) {
        if (!ExchangeLog.watched()) {
            throw new IllegalStateException("the Apigee emulator was started outside a conformance check: annotate the "
                    + "test class with @ExtendWith(dev.apigeegke.provider.conformance.ConformanceExtension.class) so "
                    + "every request it receives is checked against the published API description");
        }
        try {
            return new ApigeeEmulator(platform, org);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Apigee emulator", e);
        }
    }

    /** The management API base, {@code http://127.0.0.1:{port}/v1}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /**
     * Edge: the base URL of Apigee's hosted Edge Microgateway service as the emulator plays it,
     * {@code http://127.0.0.1:{port}}, standing for {@code https://edgemicroservices.apigee.net} (and its regional
     * hosts): the gateway's bootstrap and analytics URLs start with it.
     */
    public URI microgatewayServicesUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Edge: the runtime base URL of environment {@code env}, {@code http://127.0.0.1:{port}/runtime/{org}-{env}},
     * standing for {@code https://{org}-{env}.apigee.net}: edgemicro-auth answers under it at {@code /edgemicro-auth}
     * once a proxy of that name is deployed in {@code env}.
     */
    public URI runtimeUrl(String env) {
        return URI.create(microgatewayServicesUrl() + "/" + runtimeBase + "/" + org + "-" + env);
    }

    /**
     * Serves the runtime hosts under {@code /{segment}} instead of {@code /runtime}: one path segment of letters,
     * digits, {@code .}, {@code _}, {@code ~} and {@code -}, other than the management API's {@code v1} and the
     * hosted service's {@code edgemicro}.
     */
    public synchronized ApigeeEmulator runtimeBase(String segment) {
        if (segment == null || !segment.matches("[A-Za-z0-9._~-]+") || segment.equals("v1") || segment.equals("edgemicro")) {
            throw new IllegalArgumentException("the runtime base must be one path segment of A-Z a-z 0-9 . _ ~ - other "
                    + "than v1 and edgemicro, got " + segment);
        }
        this.runtimeBase = segment;
        return this;
    }

    /**
     * Registers a gateway key and secret for {@code org} and {@code env} with the hosted microgateway service, as
     * {@code edgemicro configure} does: the bootstrap, the analytics upload and edgemicro-auth accept them from now on.
     */
    public synchronized ApigeeEmulator registerGatewayCredential(String org, String env, String key, String secret) {
        if (!org.equals(this.org)) {
            throw new IllegalArgumentException("this emulator serves organization " + this.org + ", not " + org);
        }
        gatewayCredentials.register(env, key, secret);
        return this;
    }

    /** The analytics records gateways uploaded for {@code env}, oldest first. */
    public synchronized List<JsonNode> analyticsRecords(String env) {
        return microgatewayServices.analyticsRecords(env);
    }

    /** A client config for this emulator with the documented defaults: 5 min deploy timeout, 5 attempts, 1 s backoff. */
    public ApigeeConfig config(Credentials credentials) {
        return ApigeeConfig.of(platform, baseUrl(), org, credentials).withMicrogatewayServicesUrl(microgatewayServicesUrl());
    }

    /** Accepts only this bearer token (and the basic credentials, if set on Edge). */
    public synchronized ApigeeEmulator acceptBearer(String token) {
        this.acceptedBearer = token;
        return this;
    }

    /** Edge only: accepts this user and password with basic auth (in addition to the bearer token, if any). */
    public synchronized ApigeeEmulator acceptBasic(String user, String password) {
        if (platform == ApigeePlatform.X) {
            throw new IllegalStateException("Apigee X accepts only Google OAuth bearer tokens, not basic auth");
        }
        this.acceptedBasic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Replaces the environments that exist (default {@code test}, {@code prod}); others answer 404. */
    public synchronized ApigeeEmulator environments(String... names) {
        environments.clear();
        environments.addAll(Arrays.asList(names));
        return this;
    }

    /** New deployments report PROGRESSING (X) or not yet deployed (Edge) for {@code polls} status reads. */
    public synchronized ApigeeEmulator deployAfterPolls(int polls) {
        proxies.deployments.deployPolls = polls;
        return this;
    }

    /** New deployments end in ERROR (X) / error (Edge) with this message; null restores success. */
    public synchronized ApigeeEmulator failDeployments(String error) {
        proxies.deployments.deployError = error;
        return this;
    }

    /** The next {@code count} requests answer {@code status} (with Retry-After in whole seconds, if given). */
    public synchronized ApigeeEmulator failNext(int count, int status, Duration retryAfter) {
        return fault(count, new Fault(status, retryAfter, false, null, null));
    }

    private ApigeeEmulator fault(int count, Fault fault) {
        for (int i = 0; i < count; i++) {
            faults.add(fault);
        }
        return this;
    }

    /**
     * The next request with {@code method} whose path ends with {@code pathSuffix} is carried out, and then answers
     * {@code status} instead (with Retry-After, if given): a create that happened although the client was told it
     * failed, as a gateway timeout can leave it.
     */
    public synchronized ApigeeEmulator failAfterProcessing(String method, String pathSuffix, int status, Duration retryAfter) {
        return fault(1, new Fault(status, retryAfter, true, method, pathSuffix));
    }

    /** The next request with {@code method} whose path ends with {@code pathSuffix} answers {@code status}, untouched. */
    public synchronized ApigeeEmulator fail(String method, String pathSuffix, int status, Duration retryAfter) {
        return fault(1, new Fault(status, retryAfter, false, method, pathSuffix));
    }

    /**
     * Undeployments finish {@code time} after their answer, on the {@link #clock}: until then the proxy still counts
     * as deployed where it was, and deleting it is refused as Apigee refuses it.
     */
    public synchronized ApigeeEmulator undeployTakes(Duration time) {
        proxies.deployments.undeployTime = time;
        return this;
    }

    /** The clock of undeployments in progress (default: the system clock); tests pass the client's FakeTime. */
    public synchronized ApigeeEmulator clock(Timing clock) {
        proxies.deployments.clock = clock;
        return this;
    }

    /**
     * X: an environment group serving these environments under its hostnames. A base path deployed in one of them
     * and then in another is deployed there too, with the conflict listed in the later deployment's
     * {@code routeConflicts}.
     */
    public synchronized ApigeeEmulator environmentGroup(String name, String... environments) {
        proxies.deployments.groups.put(name, new LinkedHashSet<>(Arrays.asList(environments)));
        return this;
    }

    /** The request after the next {@code answered} ones (which are answered as usual) answers {@code status}. */
    public synchronized ApigeeEmulator failAfter(int answered, int status) {
        for (int i = 0; i < answered; i++) {
            faults.add(NONE);
        }
        faults.add(new Fault(status, null, false, null, null));
        return this;
    }

    /** Every request so far, in arrival order, secrets masked. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests with this method whose path ends with {@code pathSuffix}. */
    public synchronized List<RecordedRequest> requests(String method, String pathSuffix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix)).toList();
    }

    /** Forgets the recorded requests. */
    public synchronized void clearRequests() {
        requests.clear();
    }

    /** The revision of {@code proxy} deployed in {@code env}, as the emulator sees it. */
    public synchronized Optional<Integer> deployedRevision(String env, String proxy) {
        return proxies.deployed(env, proxy);
    }

    /** The service account (an email) the deployment of {@code proxy} in {@code env} runs as, if any. */
    public synchronized Optional<String> deployedServiceAccount(String env, String proxy) {
        return proxies.deployments.serviceAccount(env, proxy);
    }

    /** The revisions of {@code proxy}, oldest first; empty when it does not exist. */
    public synchronized List<Integer> revisions(String proxy) {
        return proxies.revisionsOf(proxy);
    }

    /** The entries of key value map {@code name} of {@code env} in clear, as proxies read them; empty when it does not exist. */
    public synchronized Optional<Map<String, String>> keyValueMap(String env, String name) {
        return Optional.ofNullable(keyValueMaps.entries(env, name));
    }

    /** Sets an entry of an existing key value map, as a change made outside the stack would. */
    public synchronized ApigeeEmulator changeEntry(String env, String name, String key, String value) {
        keyValueMaps.put(env, name, key, value);
        return this;
    }

    /**
     * The Edge Microgateway keys registered with the services and not revoked, in registration order; a gateway-facing
     * route accepts a call whose {@link MicrogatewayKey#accepts Basic key:secret} is one of them.
     */
    public synchronized List<MicrogatewayKey> microgatewayCredentials() {
        return gatewayCredentials.all();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Reply reply;
            Map<String, String> extraHeaders = new LinkedHashMap<>();
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""), maskedHeaders(exchange), body);
            synchronized (this) {
                requests.add(request);
                reply = answer(exchange, body, extraHeaders);
            }
            extraHeaders.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] out;
            String contentType = null;
            if (reply.body() instanceof byte[] bytes) {
                contentType = "application/octet-stream";
                out = bytes;
            } else if (reply.body() instanceof JsonNode node) {
                contentType = "application/json";
                out = Api.JSON.writeValueAsBytes(node);
            } else if (reply.body() instanceof String text) {
                contentType = "text/plain; charset=utf-8";
                out = text.getBytes(StandardCharsets.UTF_8);
            } else {
                out = new byte[0];
            }
            if (contentType != null) {
                exchange.getResponseHeaders().add("Content-Type", contentType);
            }
            // Logged before the answer leaves, so the client cannot return (and its test end) before the log holds it.
            ExchangeLog.record(new RecordedExchange(platform, request, reply.status(), contentType, out));
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        }
    }

    private Reply answer(HttpExchange exchange, byte[] body, Map<String, String> extraHeaders) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
        try {
            Fault fault = faults.stream().filter(f -> f.hits(method, path)).findFirst().orElse(null);
            faults.remove(fault);
            if (fault != null && fault != NONE && !fault.processed()) {
                throw injected(fault, extraHeaders);
            }
            Reply gateway = platform == ApigeePlatform.EDGE ? gatewayRoute(exchange, path, body) : null;
            if (gateway != null) {
                if (fault != null && fault != NONE) {
                    throw injected(fault, extraHeaders);
                }
                return gateway;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (path.startsWith(MicrogatewayKeyRoutes.PREFIX)) {
                // The region call authenticates with a gateway's key and secret, not the admin's credentials.
                Reply reply = microgatewayKeys.route(method, segments(path.substring(MicrogatewayKeyRoutes.PREFIX.length())),
                        authorization, body, () -> authenticate(authorization, extraHeaders));
                if (fault != null && fault != NONE) {
                    throw injected(fault, extraHeaders);
                }
                return reply;
            }
            authenticate(authorization, extraHeaders);
            String prefix = "/v1/organizations/";
            if (!path.startsWith(prefix)) {
                throw Api.notFound("messaging.NotFound", "Not found: " + path);
            }
            List<String> segments = segments(path.substring(prefix.length()));
            String organization = segments.isEmpty() ? "" : segments.remove(0);
            if (!organization.equals(org)) {
                throw Api.notFound("organizations.OrganizationDoesNotExist", "Organization " + organization
                        + " does not exist");
            }
            Req req = new Req(method, segments, query(query), exchange.getRequestHeaders().getFirst("Content-Type"), body);
            Reply reply = proxies.route(req);
            if (reply == null) {
                reply = entities.route(req);
            }
            if (reply == null) {
                reply = keyValueMaps.route(req);
            }
            if (reply == null) {
                throw Api.notFound("messaging.NotFound", "No resource at " + method + " " + path);
            }
            if (fault != null && fault != NONE) {
                throw injected(fault, extraHeaders);
            }
            return reply;
        } catch (ApiError e) {
            return new Reply(e.status, Api.errorBody(platform, e));
        } catch (RuntimeException e) {
            return new Reply(500, Api.errorBody(platform, 500, "emulator.InternalError", String.valueOf(e)));
        }
    }

    /** Apigee decodes a raw + in a path as a space, as form data is decoded: only %2B is a plus. */
    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /**
     * What a gateway calls, which takes the gateway's key and secret instead of the management API's credentials:
     * the hosted service under {@code /edgemicro/}, the runtime hosts under {@code /runtime/}; null for other paths.
     */
    private Reply gatewayRoute(HttpExchange exchange, String path, byte[] body) {
        List<String> segments = segments(path);
        if (segments.isEmpty() || !segments.get(0).equals("edgemicro") && !segments.get(0).equals(runtimeBase)) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        GatewayCall call = new GatewayCall(exchange.getRequestMethod(), segments, headers, body);
        return segments.get(0).equals("edgemicro") ? microgatewayServices.route(call)
                : edgemicroAuth.route(call, segments.subList(1, segments.size()));
    }

    private static ApiError injected(Fault fault, Map<String, String> extraHeaders) {
        if (fault.retryAfter() != null) {
            extraHeaders.put("Retry-After", String.valueOf((fault.retryAfter().toMillis() + 999) / 1000));
        }
        return new ApiError(fault.status(), "emulator.InjectedFault", "injected fault: HTTP " + fault.status());
    }

    private void authenticate(String authorization, Map<String, String> extraHeaders) {
        String value = authorization == null ? "" : authorization.trim();
        boolean ok = acceptedBearer != null && value.equals("Bearer " + acceptedBearer)
                || acceptedBasic != null && platform == ApigeePlatform.EDGE && value.equals("Basic " + acceptedBasic);
        if (!ok) {
            extraHeaders.put("WWW-Authenticate", platform == ApigeePlatform.EDGE ? "Basic realm=\"Apigee\"" : "Bearer");
            throw new ApiError(401, "keymanagement.service.invalid_credentials", platform == ApigeePlatform.EDGE
                    ? "Invalid credentials"
                    : "Request had invalid authentication credentials. Expected OAuth 2 access token.");
        }
    }

    private static Map<String, List<String>> maskedHeaders(HttpExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                return;
            }
            // x-dna-api-key carries a gateway key (quotas) or an app's key (API key verification).
            headers.put(lower, lower.endsWith("authorization")
                    ? values.stream().map(v -> v.trim().split("\\s+", 2)[0] + " ***").toList()
                    : lower.equals("x-dna-api-key") ? List.of("***") : List.copyOf(values));
        });
        return headers;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }
}
