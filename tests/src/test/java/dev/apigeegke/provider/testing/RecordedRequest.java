package dev.apigeegke.provider.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the emulator received, in arrival order. Header names are lower case; the Authorization header
 * keeps only its scheme ({@code "Bearer ***"}, {@code "Basic ***"}) and {@code x-dna-api-key} (a gateway's or an
 * app's key) reads {@code ***}, so no credential header is ever recorded.
 *
 * @param method  the HTTP method
 * @param path    the raw path, e.g. {@code /v1/organizations/acme/apis}
 * @param query   the raw query, or {@code ""}
 * @param headers the headers, secrets masked
 * @param body    the body as sent
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
                              byte[] body) {
    /** The first value of a header (any case), if sent. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)))
                .filter(values -> !values.isEmpty()).map(values -> values.get(0));
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The multipart part named {@code field}, if this was a multipart/form-data request holding one. */
    public Optional<Multipart.Part> part(String field) {
        return header("content-type").flatMap(type -> Multipart.parse(type, body).stream()
                .filter(p -> field.equals(p.name())).findFirst());
    }

    /** {@code "GET /v1/organizations/acme/apis"} plus the query, for readable assertion failures. */
    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query);
    }
}
