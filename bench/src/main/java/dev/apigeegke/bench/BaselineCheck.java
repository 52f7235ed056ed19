package dev.apigeegke.bench;

import java.nio.file.Path;

/**
 * Shows whether a baseline program declares the same resources as its pattern's components program:
 * {@code BaselineCheck <pattern> <services> [project dir]}. Exits 1 and lists the differences when not.
 */
public final class BaselineCheck {
    private BaselineCheck() {
    }

    public static void main(String[] args) throws Exception {
        dev.apigeegke.internal.sdk.SdkTaskRunnerWorkaround.apply();
        var workload = new Workload(args[0], Integer.parseInt(args[1]));
        Path dir = Path.of(args.length > 2 ? args[2] : ".");
        var pair = Pair.record(workload, dir);
        var differences = Equivalence.differences(pair.components(), pair.baseline());
        if (differences.isEmpty()) {
            System.out.println(workload + ": the baseline declares the same "
                    + Equivalence.customCount(pair.baseline().plan()) + " resources");
            return;
        }
        differences.forEach(System.out::println);
        System.out.println(workload + ": " + differences.size() + " differences");
        System.exit(1);
    }
}
