package dev.apigeegke.apigee;

import dev.apigeegke.core.Problems;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A target's base URL split into what an Apigee target server holds.
 *
 * @param host the host name or IP address
 * @param port the port (80 or 443 when the URL has none)
 * @param ssl  whether the target is called over TLS
 */
record TargetUrl(String host, int port, boolean ssl) {
    /** Parses {@code url}; an invalid URL is reported as a problem with {@code argument} and thrown. */
    static TargetUrl parse(String url, String subject) {
        var problems = new Problems(subject);
        URI uri = null;
        try {
            uri = url == null ? null : new URI(url);
        } catch (URISyntaxException e) {
            // reported below
        }
        boolean ok = uri != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null && uri.getUserInfo() == null
                && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"));
        problems.check(ok, "target", url, "a base URL http(s)://host[:port] without path or query; put a path in targetPath");
        problems.throwIfAny();
        boolean ssl = uri.getScheme().equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : (ssl ? 443 : 80);
        return new TargetUrl(uri.getHost(), port, ssl);
    }
}
