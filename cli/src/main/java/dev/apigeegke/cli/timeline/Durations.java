package dev.apigeegke.cli.timeline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The typical durations of each resource type's Pulumi step, read from {@code timeline-durations.json}, with the
 * source of each figure and the date it was read.
 *
 * @param note  what the figures are (shown under every timeline)
 * @param types the entry of each type token
 */
public record Durations(String note, Map<String, Entry> types) {
    public Durations {
        types = Collections.unmodifiableMap(new TreeMap<>(types));
    }

    /**
     * The figures of one type, in seconds.
     *
     * @param create       a create step, from the request until the provider returns
     * @param update       an update step
     * @param settle       time after the step until the resource serves (0: serves when the step ends)
     * @param settles      what the settle time waits for
     * @param settleAfter  a type whose steps must have ended before the settle time starts (a certificate needs the
     *                     load balancer's IP), or null
     * @param firstRequest whether the first request through the pattern needs it (serving, after its settle time)
     * @param estimate     whether the figure is an estimate rather than a published number
     * @param source       where the figure comes from (URL or reference)
     * @param retrieved    the date the source was read
     */
    public record Entry(double create, double update, double settle, String settles, String settleAfter,
                        boolean firstRequest, boolean estimate, String source, String retrieved) {
    }

    /** A type the table has no entry for: no figure is ever made up. */
    public static final class Missing extends RuntimeException {
        Missing(String type) {
            super("no typical duration for " + type + " in timeline-durations.json: add an entry with its source");
        }
    }

    /** The table the command line ships with. */
    public static Durations load() {
        try (InputStream in = Durations.class.getResourceAsStream("/timeline-durations.json")) {
            return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(Objects.requireNonNull(in, "timeline-durations.json missing"), Durations.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entry of {@code type}. */
    public Entry of(String type) {
        var entry = types.get(type);
        if (entry == null) {
            throw new Missing(type);
        }
        return entry;
    }
}
