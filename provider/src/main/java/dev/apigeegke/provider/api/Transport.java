package dev.apigeegke.provider.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Sends one management API call: authorization on every attempt, retries of transient failures with backoff. */
final class Transport {
    private static final System.Logger LOG = System.getLogger(ApigeeClient.class.getName());
    private static final Set<Integer> TRANSIENT = Set.of(429, 500, 502, 503, 504);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    /** Upper bound for one wait, so a wild Retry-After cannot stall an update for hours. */
    private static final Duration MAX_WAIT = Duration.ofMinutes(5);

    /** An answer from Apigee. */
    record Response(int status, String body, HttpHeaders headers) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final ApigeeConfig config;
    private final HttpClient http;
    private final String orgBase;
    private final Failures failures;
    private final Timing timing;

    Transport(ApigeeConfig config, Failures failures, Timing timing) {
        this.config = config;
        this.failures = failures;
        this.timing = timing;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = config.baseUrl().toString();
        this.orgBase = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/organizations/" + ApigeeClient.segment(config.organization());
    }

    /** Whether a failed attempt may be made again: {@code answer} is a transient status, or null when none arrived. */
    interface RetryRule {
        /** Every transient failure is retried: reads, updates, deletes and deployments end in the same state when repeated. */
        RetryRule ALWAYS = (answer, error) -> true;

        /**
         * A POST that creates, which Apigee cannot tell from a new one when repeated: it is made again only where Apigee
         * cannot have carried it out: 429 (refused before any work), 503 with {@code Retry-After} (Apigee asks to come
         * back), and a connection that was never made. Not after 500, 502, 504, a 503 without Retry-After or a timeout.
         */
        RetryRule CREATE = (answer, error) -> answer == null
                ? error instanceof ConnectException || error instanceof HttpConnectTimeoutException
                : answer.status() == 429 || answer.status() == 503 && answer.headers().firstValue("Retry-After").isPresent();

        boolean retry(Response answer, IOException error);
    }

    /**
     * Sends {@code method path} and returns the last answer, which may be an error status: transient statuses are
     * retried up to maxAttempts, other statuses are returned at once. Throws only when no answer arrived.
     */
    Response send(String method, String path, BodyPublisher body, String contentType) {
        return send(method, path, body, contentType, RetryRule.ALWAYS);
    }

    /** As {@link #send(String, String, BodyPublisher, String)}, retrying a transient failure only when {@code rule} allows. */
    Response send(String method, String path, BodyPublisher body, String contentType, RetryRule rule) {
        return send(method, URI.create(orgBase + path), failures.display(path), failures.url(path), body, contentType,
                null, rule);
    }

    /**
     * Sends {@code method uri} as {@link #send(String, String, BodyPublisher, String, RetryRule)} does, to a URL outside
     * the management API: {@code shown} is what log lines call it, {@code shownUrl} what an error without an answer
     * names, and {@code authorization} (null: the configured credentials') the Authorization header of every attempt.
     */
    Response send(String method, URI uri, String shown, String shownUrl, BodyPublisher body, String contentType,
                  String authorization, RetryRule rule) {
        int attempts = config.maxAttempts();
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/json")
                    .header("Authorization", authorization != null ? authorization : config.credentials().authorization())
                    .method(method, body);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            Duration wait;
            try {
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                Response response = new Response(answer.statusCode(), answer.body(), answer.headers());
                if (!TRANSIENT.contains(response.status()) || attempt >= attempts || !rule.retry(response, null)) {
                    return response;
                }
                wait = retryAfter(response.headers(), timing.now()).orElse(backoff(attempt));
                LOG.log(System.Logger.Level.DEBUG, "{0} {1}: HTTP {2}, retry {3}/{4} in {5} ms", method,
                        shown, response.status(), attempt, attempts - 1, wait.toMillis());
            } catch (IOException e) {
                if (attempt >= attempts || !rule.retry(null, e)) {
                    throw failures.noAnswer(method, shownUrl, e instanceof HttpTimeoutException, e, attempt);
                }
                wait = backoff(attempt);
                LOG.log(System.Logger.Level.DEBUG, "{0} {1}: {2}, retry {3}/{4} in {5} ms", method,
                        shown, e.getClass().getSimpleName(), attempt, attempts - 1, wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApigeeException(0, method + " " + shown + " was interrupted");
            }
            pause(wait);
        }
    }

    /** initialBackoff doubled for each retry after the first. */
    private Duration backoff(int attempt) {
        Duration wait = config.initialBackoff();
        for (int i = 1; i < attempt && wait.compareTo(MAX_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return min(wait, MAX_WAIT);
    }

    /** Retry-After in delay-seconds or HTTP-date form (counted from {@code now}); absent or unreadable means "use the backoff". */
    static java.util.Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
        var value = headers.firstValue("Retry-After").map(String::trim);
        if (value.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(min(Duration.ofSeconds(Math.max(0, Long.parseLong(value.get()))), MAX_WAIT));
        } catch (NumberFormatException notSeconds) {
            try {
                var at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration until = Duration.between(now, at);
                return java.util.Optional.of(until.isNegative() ? Duration.ZERO : min(until, MAX_WAIT));
            } catch (DateTimeParseException notADate) {
                return java.util.Optional.empty();
            }
        }
    }

    /** Waits for {@code wait}; an interrupted wait fails the call. */
    void pause(Duration wait) {
        try {
            timing.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApigeeException(0, "interrupted while waiting for Apigee");
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
