package dev.apigeegke.microgateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A service behind the gateway on 127.0.0.1, for the target URL of a proxy deployed to the Apigee emulator (or the
 * app of a sidecar): it answers every request with {@code {"backend", "path", "headers"}}, the request's path and
 * query as received and its headers by lower-case name, which the runners report as the backend fields of a result.
 */
final class EchoBackend implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;

    private EchoBackend(String name) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
                byte[] body = JSON.writeValueAsBytes(Map.of("backend", name, "path", exchange.getRequestURI().toString(),
                        "headers", headers));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    /** A backend named {@code name} (the name it answers with) on a free loopback port. */
    static EchoBackend start(String name) {
        try {
            return new EchoBackend(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the backend " + name, e);
        }
    }

    /** {@code http://127.0.0.1:{port}}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
