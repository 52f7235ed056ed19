package dev.apigeegke.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The preview command's options, parsed from its arguments; every problem with them is collected. */
final class PreviewOptions {
    static final String ALL = "all";

    String pattern;
    String stack;
    Path config;
    Path out;
    Path projectDir = Path.of(".");
    Path against;
    String format;
    boolean diagram;
    boolean capacity;
    boolean compare;
    boolean timeline;
    /** With --timeline: the steps run at once ({@code pulumi up -p N}); null for Pulumi's default. */
    Integer parallel;
    boolean json;

    List<String> parse(List<String> args) {
        var problems = new ArrayList<String>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--diagram")) {
                diagram = true;
            } else if (a.equals("--capacity")) {
                capacity = true;
            } else if (a.equals("--compare")) {
                compare = true;
            } else if (a.equals("--timeline")) {
                timeline = true;
            } else if (a.equals("--json")) {
                json = true;
            } else if (a.startsWith("--")) {
                if (i + 1 >= args.size()) {
                    problems.add(a + " needs a value");
                    break;
                }
                String v = args.get(++i);
                switch (a) {
                    case "--stack" -> stack = v;
                    case "--config" -> config = Path.of(v);
                    case "--out" -> out = Path.of(v);
                    case "--project-dir" -> projectDir = Path.of(v);
                    case "--against" -> against = Path.of(v);
                    case "--format" -> format = v;
                    case "--parallel" -> parallel = parallelOf(v, problems);
                    default -> problems.add("unknown option " + a);
                }
            } else if (pattern == null) {
                pattern = a;
            } else {
                problems.add("unexpected argument '" + a + "'");
            }
        }
        if (format != null && !format.equals("text") && !format.equals("markdown")) {
            problems.add("unknown --format '" + format + "': use text or markdown");
        } else if (format != null && against == null) {
            problems.add("--format applies to --against: pass the plan.json to compare with");
        }
        checkTimeline(problems);
        if (ALL.equals(pattern) || (compare && pattern == null)) {
            compare = true;
            pattern = ALL;
            if (!capacity && !timeline) {
                problems.add("preview all and --compare apply to --capacity or --timeline: add --capacity or --timeline");
            }
            if (stack != null || config != null) {
                problems.add("--stack/--config select one pattern's configuration; --compare reads Pulumi.<pattern>.yaml for each");
            }
        } else if (compare) {
            problems.add("--compare shows every pattern: drop '" + pattern + "' or use preview all --capacity");
        }
        if (capacity && (against != null || diagram)) {
            problems.add("--capacity replaces the tree like --against and --diagram do: pass only one of them");
        }
        if (json && (diagram || capacity || format != null)) {
            problems.add("--json prints only the preview as pulumi preview --json does: drop "
                    + (diagram ? "--diagram" : capacity ? "--capacity" : "--format"));
        }
        if (ALL.equals(pattern)) {
            return problems;
        }
        if (pattern == null) {
            problems.add("name the pattern to preview: one of " + Patterns.names());
        } else if (Patterns.program(pattern) == null) {
            problems.add("unknown pattern '" + pattern + "': use one of " + Patterns.names());
        }
        return problems;
    }

    private void checkTimeline(List<String> problems) {
        if (parallel != null && !timeline) {
            problems.add("--parallel applies to --timeline: add --timeline");
        }
        if (timeline && (capacity || against != null || diagram || json)) {
            problems.add("--timeline replaces the tree like --capacity, --against, --diagram and --json do: pass only one of them");
        }
    }

    private static Integer parallelOf(String value, List<String> problems) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("--parallel '" + value + "': give a whole number of at least 1 (as pulumi up -p N)");
        return null;
    }
}
