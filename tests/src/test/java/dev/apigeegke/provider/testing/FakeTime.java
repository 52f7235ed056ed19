package dev.apigeegke.provider.testing;

import dev.apigeegke.provider.api.Timing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that moves only when the client waits: every wait is recorded and advances the clock at once, so tests
 * assert the exact backoff, {@code Retry-After} and deployment-poll waits without taking that long.
 */
public final class FakeTime implements Timing {
    /** Where the clock starts. */
    public static final Instant START = Instant.parse("2024-03-01T12:00:00Z");

    private Instant now = START;
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration wait) {
        sleeps.add(wait);
        now = now.plus(wait);
    }

    /** Every wait so far, in order. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** The time the waits so far add up to. */
    public synchronized Duration elapsed() {
        return Duration.between(START, now);
    }
}
