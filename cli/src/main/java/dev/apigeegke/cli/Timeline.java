package dev.apigeegke.cli;

import dev.apigeegke.cli.timeline.Durations;
import dev.apigeegke.cli.timeline.Schedule;
import dev.apigeegke.cli.timeline.TimelinePrinter;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** {@code preview <pattern>|all --timeline}: the estimated schedule of {@code pulumi up} for the patterns' stacks. */
final class Timeline {
    private Timeline() {
    }

    static int run(PreviewOptions options, PrintStream out, PrintStream err) throws IOException {
        var durations = Durations.load();
        int parallel = options.parallel != null ? options.parallel : Schedule.defaultParallel(System.getenv());
        List<String> patterns = options.compare ? List.copyOf(Patterns.names()) : List.of(options.pattern);
        var runs = PatternRun.each(options, patterns, err);
        if (runs.code() != 0) {
            return runs.code();
        }
        var schedules = new ArrayList<Schedule>();
        runs.plans().forEach(plan -> schedules.add(Schedule.of(plan, durations, parallel)));
        if (options.compare) {
            TimelinePrinter.compare(patterns, schedules, durations, out);
        } else {
            TimelinePrinter.print(options.pattern, schedules.get(0), durations, out);
        }
        return 0;
    }
}
