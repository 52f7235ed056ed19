package dev.apigeegke.provider.api;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock the client reads and the waits it makes (retry backoff, {@code Retry-After}, deployment polls): the
 * system's, or one that a test advances without sleeping.
 */
public interface Timing {
    /** The system clock and {@link Thread#sleep}. */
    Timing SYSTEM = new Timing() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration wait) throws InterruptedException {
            Thread.sleep(Math.max(0, wait.toMillis()));
        }
    };

    /** The current instant. */
    Instant now();

    /** Waits for {@code wait}; an interrupted wait throws. */
    void sleep(Duration wait) throws InterruptedException;
}
