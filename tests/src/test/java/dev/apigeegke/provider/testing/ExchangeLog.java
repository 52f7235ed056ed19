package dev.apigeegke.provider.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Every exchange of every emulator, kept until a conformance check takes them. Emulators refuse to start unless a
 * check is watching, so no request of the provider tests goes unchecked.
 */
public final class ExchangeLog {
    private static final List<RecordedExchange> EXCHANGES = new ArrayList<>();
    private static boolean watched;

    private ExchangeLog() {
    }

    /** Whether a conformance check will take the exchanges recorded from now on. */
    public static synchronized boolean watched() {
        return watched;
    }

    /** Marks the log as watched (a test class with the check starts) or not (it ended). */
    public static synchronized void watch(boolean on) {
        watched = on;
    }

    static synchronized void record(RecordedExchange exchange) {
        EXCHANGES.add(exchange);
    }

    /** The exchanges recorded since the last call, in arrival order; the log is left empty. */
    public static synchronized List<RecordedExchange> drain() {
        List<RecordedExchange> taken = List.copyOf(EXCHANGES);
        EXCHANGES.clear();
        return taken;
    }
}
