package dev.apigeegke.cli.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.TestInfo;

/**
 * What one property ran: its examples, counted by label (the kind of case, the pattern), printed when the property
 * ends (on {@link #close()}). Once an example failed, the runs that follow are QuickTheories shrinking it and are not counted.
 */
final class Counts implements AutoCloseable {
    /** Code that runs one example. */
    @FunctionalInterface
    interface Example {
        void run() throws Exception;
    }

    private final String property;
    private final Map<String, Map<String, Integer>> byLabel = new LinkedHashMap<>();
    private int examples;
    private boolean failed;

    /** The counts of the property {@code test} runs. */
    Counts(TestInfo test) {
        this.property = test.getTestClass().map(Class::getSimpleName).orElse("") + "." + test.getTestMethod().map(m -> m.getName()).orElse("");
    }

    /** Counts one example with {@code labels} (label, value, label, value...) and runs it. */
    void run(Example example, Object... labels) {
        if (!failed) {
            examples++;
            for (int i = 0; i < labels.length; i += 2) {
                byLabel.computeIfAbsent(String.valueOf(labels[i]), l -> new TreeMap<>()).merge(String.valueOf(labels[i + 1]), 1, Integer::sum);
            }
        }
        try {
            example.run();
        } catch (RuntimeException | Error e) {
            failed = true;
            throw e;
        } catch (Exception e) {
            failed = true;
            throw new IllegalStateException(e);
        }
    }

    /** Prints the counts on stdout: the examples, then each label's values with their counts and shares. */
    @Override
    public void close() {
        var sb = new StringBuilder().append("[stack properties] ").append(property).append(": ").append(examples).append(" examples")
                .append(failed ? " (the last one failed)" : "").append('\n');
        byLabel.forEach((label, counts) -> {
            sb.append("    ").append(label).append(":\n");
            counts.forEach((value, n) -> sb.append(String.format("        %-40s %4d (%d%%)%n", Stacks.visible(value), n, n * 100 / examples)));
        });
        System.out.print(sb);
    }
}
