package dev.apigeegke.apigee.bundle;

import dev.apigeegke.core.Problems;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Lets browser pages from the given origins call the API ({@code <CORS>}, an Apigee X / hybrid policy):
 * it answers preflight requests itself and adds the {@code Access-Control-*} headers to responses.
 * Credentials (cookies) are never allowed. Attach it first in the proxy's pre-flow: preflight requests
 * carry no API key or token.
 */
public final class Cors extends PolicyBase implements Policy {
    /** The name unless {@link #withName} changes it. */
    public static final String DEFAULT_NAME = "CORS-allow";
    /** The methods allowed unless {@link #methods} changes them. */
    public static final List<String> DEFAULT_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** The request headers allowed unless {@link #headers} changes them; they include both credentials headers. */
    public static final List<String> DEFAULT_HEADERS =
            List.of("origin", "x-requested-with", "accept", "content-type", "authorization", "x-api-key");
    /** How long browsers may cache a preflight answer unless {@link #maxAgeSeconds} changes it: 30 minutes. */
    public static final int DEFAULT_MAX_AGE_SECONDS = 1800;
    private static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?");

    private final List<String> origins;
    private final List<String> methods;
    private final List<String> headers;
    private final int maxAgeSeconds;

    private Cors(String name, List<String> origins, List<String> methods, List<String> headers, int maxAgeSeconds) {
        super(name);
        this.origins = origins;
        this.methods = methods;
        this.headers = headers;
        this.maxAgeSeconds = maxAgeSeconds;
    }

    /**
     * Allows pages from {@code origins}, each {@code scheme://host[:port]} such as {@code https://app.example.com},
     * or {@code *} alone for any origin.
     */
    public static Cors allow(List<String> origins) {
        return new Cors(DEFAULT_NAME, Rules.copy(origins), DEFAULT_METHODS, DEFAULT_HEADERS, DEFAULT_MAX_AGE_SECONDS);
    }

    @Override
    public Cors withName(String name) {
        return new Cors(name, origins, methods, headers, maxAgeSeconds);
    }

    /** The methods cross-origin requests may use. Default: GET, POST, PUT, PATCH, DELETE. */
    public Cors methods(List<String> methods) {
        return new Cors(name(), origins, Rules.copy(methods), headers, maxAgeSeconds);
    }

    /** The request headers cross-origin requests may send. Default: see {@link #DEFAULT_HEADERS}. */
    public Cors headers(List<String> headers) {
        return new Cors(name(), origins, methods, Rules.copy(headers), maxAgeSeconds);
    }

    /** How long browsers may cache a preflight answer, 0 to 86400 seconds, or -1 for not at all. Default: 1800. */
    public Cors maxAgeSeconds(int maxAgeSeconds) {
        return new Cors(name(), origins, methods, headers, maxAgeSeconds);
    }

    /** The origins allowed to call the proxy from a browser. */
    public List<String> origins() {
        return origins;
    }

    /** The methods cross-origin requests may use. */
    public List<String> methods() {
        return methods;
    }

    /** The request headers cross-origin requests may send. */
    public List<String> headers() {
        return headers;
    }

    /** How long browsers may cache a preflight answer, in seconds; -1 for not at all. */
    public int maxAgeSeconds() {
        return maxAgeSeconds;
    }

    @Override
    public void validate(Problems problems, String argument) {
        Rules.checkPolicyName(problems, argument + ".name", name());
        problems.check(!origins.isEmpty(), argument + ".origins", origins,
                "allow at least one origin such as https://app.example.com");
        var seen = new HashSet<String>();
        for (int i = 0; i < origins.size(); i++) {
            String origin = origins.get(i);
            String at = argument + ".origins[" + i + "]";
            if ("*".equals(origin)) {
                problems.check(origins.size() == 1, at, origin,
                        "\"*\" already allows every origin: use it alone, or list the origins without it");
            } else if (origin == null || !ORIGIN.matcher(origin).matches()) {
                problems.add(at, origin, "an origin as browsers send it: scheme://host[:port] in lowercase, without path "
                        + "or trailing '/', e.g. https://app.example.com; or \"*\" alone for any origin");
            } else if (!seen.add(origin)) {
                problems.add(at, origin, "listed twice; name each origin once");
            }
        }
        problems.check(!methods.isEmpty(), argument + ".methods", methods, "allow at least one method, e.g. GET");
        Rules.checkMethods(problems, argument + ".methods", methods);
        var headerNames = new HashSet<String>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            Rules.checkHeaderName(problems, argument + ".headers[" + i + "]", header);
            if (header != null && !headerNames.add(Rules.lower(header))) {
                problems.add(argument + ".headers[" + i + "]", header, "listed twice (header names ignore case); name each header once");
            }
        }
        problems.check(maxAgeSeconds >= -1 && maxAgeSeconds <= 86400, argument + ".maxAgeSeconds", maxAgeSeconds,
                "0 to 86400 seconds, or -1 so browsers do not cache preflight answers");
    }

    @Override
    XmlElement toXml() {
        var cors = root("CORS")
                .leaf("AllowOrigins", String.join(", ", origins))
                .leaf("AllowMethods", String.join(", ", methods));
        if (!headers.isEmpty()) {
            cors.leaf("AllowHeaders", String.join(", ", headers));
        }
        return cors.leaf("MaxAge", maxAgeSeconds)
                .leaf("AllowCredentials", false)
                .leaf("GeneratePreflightResponse", true);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cors that && Objects.equals(name(), that.name()) && origins.equals(that.origins)
                && methods.equals(that.methods) && headers.equals(that.headers) && maxAgeSeconds == that.maxAgeSeconds;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name(), origins, methods, headers, maxAgeSeconds);
    }

    @Override
    public String toString() {
        return "Cors[name=" + name() + ", origins=" + origins + ", methods=" + methods + ", headers=" + headers
                + ", maxAgeSeconds=" + maxAgeSeconds + "]";
    }
}
