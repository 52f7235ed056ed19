package dev.apigeegke.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * What the suite's time goes to: at the end of each surefire and failsafe run, one table on stdout (also kept in the
 * file the {@code suite.time.file} property names, one section a run): the wall time, the ten slowest classes and the
 * time by kind. The kind is sampled every 10 ms on the thread running the tests: a Node run ({@link Node} marks it), a
 * process a test waits on (marked with {@link #doing}, or a {@link Process} on the stack), an engine preview (the
 * offline engine or the SDK's test engine on the stack), or other. Registered through META-INF/services.
 */
public final class SuiteTime implements TestExecutionListener {
    /** What the test thread is doing. */
    public enum Kind {
        /** The npm checkers (schemas, linters, Mermaid). */
        CHECKERS("Node checker runs"),
        /** Real gateway and pod runs, the plugin and program jars. */
        PROCESSES("processes"),
        /** Programs on the offline engine or the SDK's test engine. */
        PREVIEWS("engine previews"),
        /** Everything else: assertions, rendering, the provider against its emulator... */
        OTHER("other");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Ends a {@link #doing} mark. */
    public interface Mark extends AutoCloseable {
        @Override
        void close();
    }

    private static final long PERIOD_MILLIS = 10;
    private static final int TOP = 10;
    private static final int PASSED = 0;
    private static final int FAILED = 1;
    private static final int SKIPPED = 2;
    private static volatile Kind marked;

    private final Map<Kind, Long> byKind = new EnumMap<>(Kind.class);
    private final Map<String, Long> classStarts = new HashMap<>();
    private final Map<String, Long> classNanos = new LinkedHashMap<>();
    private final int[] results = new int[3];
    private volatile boolean running;
    private Thread sampler;
    private long planStart;

    /** Marks what the test thread does until the mark is closed, for the time by kind. */
    public static Mark doing(Kind kind) {
        Kind previous = marked;
        marked = kind;
        return () -> marked = previous;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        planStart = System.nanoTime();
        Thread tests = Thread.currentThread();
        running = true;
        sampler = new Thread(() -> sample(tests), "suite-time");
        sampler.setDaemon(true);
        sampler.start();
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.getSource().orElse(null) instanceof ClassSource source) {
            synchronized (this) {
                classStarts.put(source.getClassName(), System.nanoTime());
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) {
            synchronized (this) {
                results[SKIPPED]++;
            }
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            synchronized (this) {
                results[switch (result.getStatus()) {
                    case SUCCESSFUL -> PASSED;
                    case FAILED -> FAILED;
                    case ABORTED -> SKIPPED;
                }]++;
            }
        }
        if (id.getSource().orElse(null) instanceof ClassSource source) {
            synchronized (this) {
                Long started = classStarts.remove(source.getClassName());
                if (started != null) {
                    classNanos.merge(source.getClassName(), System.nanoTime() - started, Long::sum);
                }
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        long wall = System.nanoTime() - planStart;
        running = false;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String run = System.getProperty("suite.run", "tests");
        String table;
        synchronized (this) {
            table = table(run, Instant.now().truncatedTo(ChronoUnit.SECONDS), wall, byKind, classNanos, results, Node.starts());
        }
        System.out.print(table);
        System.out.flush();
        String file = System.getProperty("suite.time.file");
        if (file != null) {
            try {
                Path path = Path.of(file);
                String before = Files.isRegularFile(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
                Files.writeString(path, merge(before, run, table), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }

    private void sample(Thread tests) {
        long last = System.nanoTime();
        while (running) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            Kind kind = kindOf(tests);
            synchronized (this) {
                byKind.merge(kind, now - last, Long::sum);
            }
            last = now;
        }
    }

    private static Kind kindOf(Thread tests) {
        Kind mark = marked;
        if (mark != null) {
            return mark;
        }
        for (StackTraceElement frame : tests.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("java.lang.ProcessImpl") || type.startsWith("java.lang.ProcessHandleImpl")) {
                return Kind.PROCESSES;
            }
            if (type.equals("dev.apigeegke.preview.OfflineEngine") || type.equals("com.pulumi.test.internal.PulumiTestInternal")) {
                return Kind.PREVIEWS;
            }
        }
        return Kind.OTHER;
    }

    /**
     * The table of one run. {@code sampled} holds nanoseconds by kind; what the samples miss of {@code wallNanos} counts as
     * other. {@code results} counts tests passed, failed and skipped (an assumption not met counts as skipped);
     * {@code nodeStarts} is checker starts, then gateway and pod runs.
     */
    static String table(String run, Instant at, long wallNanos, Map<Kind, Long> sampled, Map<String, Long> classNanos,
            int[] results, int[] nodeStarts) {
        var kinds = new EnumMap<Kind, Long>(Kind.class);
        long known = 0;
        for (Kind kind : List.of(Kind.CHECKERS, Kind.PROCESSES, Kind.PREVIEWS)) {
            long nanos = Math.min(sampled.getOrDefault(kind, 0L), wallNanos - known);
            kinds.put(kind, nanos);
            known += nanos;
        }
        kinds.put(Kind.OTHER, wallNanos - known);
        int tests = results[0] + results[1] + results[2];
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Suite time, %s (%s): %s wall, %d classes, %d tests (%d failed, %d skipped)\n",
                run, at, seconds(wallNanos), classNanos.size(), tests, results[FAILED], results[SKIPPED]));
        var parts = new ArrayList<String>();
        kinds.forEach((kind, nanos) -> parts.add(String.format(Locale.ROOT, "%s %s (%d%%)", kind.label, seconds(nanos),
                wallNanos == 0 ? 0 : Math.round(100.0 * nanos / wallNanos))));
        out.append("  by kind:  ").append(String.join(" | ", parts)).append("\n");
        out.append(String.format(Locale.ROOT, "  Node:     %d starts (%d checker runs, %d gateway and pod runs)\n",
                nodeStarts[0] + nodeStarts[1], nodeStarts[0], nodeStarts[1]));
        out.append("  slowest classes:").append("\n");
        classNanos.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .forEach(e -> out.append(String.format(Locale.ROOT, "    %8s  %s\n", seconds(e.getValue()),
                        e.getKey().replaceFirst("^dev\\.apigeegke\\.", ""))));
        return out.toString();
    }

    /** {@code file} with the section of {@code run} replaced by {@code table}; the other runs' sections stay, in order. */
    static String merge(String file, String run, String table) {
        var sections = new ArrayList<String>();
        var current = new StringBuilder();
        for (String line : file.split("(?<=\n)")) {
            if (line.startsWith("Suite time, ") && current.length() > 0) {
                sections.add(current.toString());
                current.setLength(0);
            }
            current.append(line);
        }
        if (current.length() > 0) {
            sections.add(current.toString());
        }
        var out = new StringBuilder();
        boolean placed = false;
        for (String section : sections) {
            if (section.startsWith("Suite time, " + run + " (")) {
                out.append(table);
                placed = true;
            } else if (section.startsWith("Suite time, ")) {
                out.append(section);
            }
        }
        if (!placed) {
            out.append(table);
        }
        return out.toString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
