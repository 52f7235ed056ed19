package dev.apigeegke.provider.grpc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every line the provider logs (at every level, the retries' debug lines included) while it is open, with its
 * parameters and exception, for tests that check no secret reaches a log.
 */
final class ProviderLogRecorder implements AutoCloseable {
    private final Logger providerLog = Logger.getLogger("dev.apigeegke");
    private final List<String> lines = new ArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (lines) {
                lines.add(record.getMessage() + " " + Arrays.toString(record.getParameters()) + " " + record.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Starts recording. */
    ProviderLogRecorder() {
        providerLog.setLevel(Level.ALL);
        recorder.setLevel(Level.ALL);
        providerLog.addHandler(recorder);
    }

    /** The lines logged so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The lines logged so far, one text. */
    String text() {
        return String.join("\n", lines());
    }

    /** Stops recording and restores the logger's level. */
    @Override
    public void close() {
        providerLog.removeHandler(recorder);
        providerLog.setLevel(null);
    }
}
