package dev.apigeegke.cli.timeline;

import dev.apigeegke.preview.Plan;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Prints a {@link Schedule}: each step, the critical path, the estimated totals and the sources of the figures. */
public final class TimelinePrinter {
    private TimelinePrinter() {
    }

    /** Prints the timeline of one pattern. */
    public static void print(String pattern, Schedule schedule, Durations durations, PrintStream out) {
        out.println("Timeline of " + pattern + " (ESTIMATE from typical durations; " + schedule.parallel()
                + " parallel steps)");
        out.println();
        out.println("  start  end    resource");
        for (var s : schedule.steps()) {
            out.println("  " + clock(s.start()) + "  " + clock(s.end()) + "  " + label(s.resource())
                    + (s.serving() > s.end() ? "  (serving at " + clock(s.serving()) + ": "
                    + durations.of(s.resource().type()).settles() + ")" : ""));
        }
        out.println();
        out.println("Critical path (ESTIMATE), each step's duration:");
        printChain(schedule.criticalPath(), out);
        out.println();
        out.println("Estimated pulumi up:            " + clock(schedule.pulumiUp()) + "  (ESTIMATE)");
        out.println("Estimated first request served: " + clock(schedule.firstRequestAt()) + "  (ESTIMATE), the last of "
                + "the request path to serve:");
        printChain(schedule.firstRequest(), out);
        var last = schedule.firstRequest().isEmpty() ? null : schedule.firstRequest().get(schedule.firstRequest().size() - 1);
        if (last != null && last.serving() > last.end()) {
            var entry = durations.of(last.resource().type());
            double from = last.serving() - entry.settle();
            out.println("  " + pad(clock(entry.settle())) + "  then " + entry.settles() + "  (" + clock(from) + " → "
                    + clock(last.serving()) + (from > last.end() ? ", once every " + entry.settleAfter() + " has ended" : "")
                    + ")");
        }
        out.println();
        printSources(schedule, durations, out);
    }

    /** Prints one table comparing the patterns. */
    public static void compare(List<String> patterns, List<Schedule> schedules, Durations durations, PrintStream out) {
        out.println("Timelines (ESTIMATE from typical durations; " + schedules.get(0).parallel() + " parallel steps)");
        out.println();
        out.println(String.format(Locale.ROOT, "%-10s %9s %10s %14s  %s", "pattern", "resources", "pulumi up",
                "first request", "critical path"));
        for (int i = 0; i < patterns.size(); i++) {
            var s = schedules.get(i);
            out.println(String.format(Locale.ROOT, "%-10s %9d %10s %14s  %s", patterns.get(i), s.steps().size(),
                    clock(s.pulumiUp()), clock(s.firstRequestAt()),
                    String.join(" → ", s.criticalPath().stream().map(st -> st.resource().name()).toList())));
        }
        out.println();
        out.println(durations.note());
    }

    private static void printChain(List<Schedule.Step> chain, PrintStream out) {
        for (var s : chain) {
            out.println("  " + pad(clock(s.duration())) + "  " + label(s.resource()) + "  (" + clock(s.start()) + " → "
                    + clock(s.end()) + ")");
        }
    }

    private static void printSources(Schedule schedule, Durations durations, PrintStream out) {
        out.println("Sources of the durations (seconds: create / update / settle):");
        var types = new TreeSet<String>();
        schedule.steps().forEach(s -> types.add(s.resource().type()));
        for (String type : types) {
            var e = durations.of(type);
            out.println(String.format(Locale.ROOT, "  %s  %s / %s / %s%s, retrieved %s: %s", type, secs(e.create()),
                    secs(e.update()), secs(e.settle()), e.estimate() ? ", estimate" : "", e.retrieved(), e.source()));
        }
        out.println(durations.note());
    }

    /** {@code mm:ss}; minutes past 59 keep counting. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    private static String pad(String clock) {
        return String.format(Locale.ROOT, "%5s", clock);
    }

    private static String secs(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }

    private static String label(Plan.Resource r) {
        return r.type() + " " + r.name();
    }
}
