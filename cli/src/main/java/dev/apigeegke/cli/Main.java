package dev.apigeegke.cli;

import com.pulumi.Pulumi;
import dev.apigeegke.internal.sdk.SdkTaskRunnerWorkaround;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.StackFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The apigee-gke program. Started by the Pulumi engine (no arguments) it runs the pattern the stack's
 * configuration selects; {@code preview <pattern>} runs that pattern offline and prints its plan.
 */
public final class Main {
    static final String USAGE = """
            usage: apigee-gke preview <pattern> [--stack NAME] [--config FILE] [--out DIR] [--project-dir DIR]
                                        [--against OLD/plan.json [--format text|markdown]] [--diagram]
                   apigee-gke preview <pattern>|all --capacity [--compare]

              Runs the pattern's Pulumi program offline, in preview mode, and prints the resources it declares.
              <pattern>       one of %s
              --stack NAME    the stack whose Pulumi.<NAME>.yaml holds the configuration (default: the pattern's name)
              --config FILE   read the configuration from FILE instead
              --out DIR       also write DIR/plan.json and DIR/manifests/*.yaml
              --project-dir   the folder holding Pulumi.yaml and the stack files (default: the current folder)
              --against FILE  print what changes from FILE (a plan.json written earlier with --out) instead of the tree:
                              resources to create (+), update (~), replace (+-) or delete (-), with the changed inputs
              --format FMT    with --against: text (default) or markdown (a pull-request comment with a diagram)
              --diagram       print the pattern's architecture as a Mermaid flowchart instead of the tree
              --capacity      print an ESTIMATE instead of the tree: CPU/memory requested by the services and the gateway,
                              the nodes that fit them, the request path's network hops and a monthly GCP list-price cost
              --compare       with --capacity: every pattern side by side (each with its Pulumi.<pattern>.yaml); same as
                              preview all --capacity

            Run by the Pulumi engine (pulumi preview / up), with no arguments, it deploys the pattern selected by
            the stack's apigee-gke:pattern.""";

    private Main() {
    }

    public static void main(String[] args) {
        // Before anything touches CompletableFuture: java -jar gives no other place for JVM options.
        SdkTaskRunnerWorkaround.apply();
        if (args.length == 0 && System.getenv("PULUMI_MONITOR") != null) {
            Pulumi.run(Patterns::selected);
            return;
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit code (0 done, 1 the program failed, 2 bad usage). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).println(usage());
            return args.length == 0 ? 2 : 0;
        }
        if (!args[0].equals("preview")) {
            err.println("apigee-gke: unknown command '" + args[0] + "'\n\n" + usage());
            return 2;
        }
        var options = new PreviewOptions();
        var problems = options.parse(List.of(args).subList(1, args.length));
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("apigee-gke: " + p));
            err.println();
            err.println(usage());
            return 2;
        }
        try {
            return preview(options, out, err);
        } catch (IOException e) {
            err.println("apigee-gke: " + e.getMessage());
            return 1;
        }
    }

    /** A pattern run offline: exit code 0 with its stack file and result, or the code of the failure already reported. */
    private record Run(int code, StackFile stackFile, OfflineEngine.Result result) {
        static Run failed(int code) {
            return new Run(code, null, null);
        }
    }

    private static Run run(PreviewOptions options, String pattern, PrintStream err) throws IOException {
        Path projectDir = options.projectDir;
        if (!Files.isRegularFile(projectDir.resolve("Pulumi.yaml"))) {
            err.println("apigee-gke: no Pulumi.yaml in " + projectDir.toAbsolutePath().normalize()
                    + "; run from the repository root or pass --project-dir");
            return Run.failed(2);
        }
        String project = StackFile.projectName(projectDir);
        String stack = options.stack != null ? options.stack : pattern;
        Path configFile = options.config != null ? options.config : projectDir.resolve("Pulumi." + stack + ".yaml");
        if (!Files.isRegularFile(configFile)) {
            err.println("apigee-gke: no stack configuration at " + configFile
                    + "; create it (see README) or pass --stack/--config");
            return Run.failed(2);
        }
        var stackFile = StackFile.read(configFile, project);
        String selected = stackFile.config().get("apigee-gke:" + Patterns.KEY);
        if (selected != null && !selected.equals(pattern)) {
            err.println("apigee-gke: " + configFile + " selects apigee-gke:pattern = \"" + selected
                    + "\", not " + pattern + "; preview " + selected + " or pass another --stack");
            return Run.failed(2);
        }
        var result = OfflineEngine.run(project, stack, stackFile.config(), stackFile.secretKeys(),
                Patterns.program(pattern));
        if (!result.ok()) {
            err.println("apigee-gke: the " + pattern + " program failed with " + configFile + ":");
            result.errors().forEach(e -> err.println(e.indent(2).stripTrailing()));
            return Run.failed(1);
        }
        return new Run(0, stackFile, result);
    }

    private static int preview(PreviewOptions options, PrintStream out, PrintStream err) throws IOException {
        if (options.compare) {
            var reports = new ArrayList<CapacityReport.Report>();
            for (String name : Patterns.names()) {
                var run = run(options, name, err);
                if (run.code() != 0) {
                    return run.code();
                }
                reports.add(CapacityReport.of(name, run.result().plan()));
            }
            CapacityReport.compare(reports, CapacityReport.Prices.load(), out);
            return 0;
        }
        var run = run(options, options.pattern, err);
        if (run.code() != 0) {
            return run.code();
        }
        var stackFile = run.stackFile();
        var result = run.result();
        if (options.capacity) {
            CapacityReport.print(CapacityReport.of(options.pattern, result.plan()), CapacityReport.Prices.load(), out);
            return 0;
        }
        if (options.against != null || options.diagram) {
            return compare(options, result.plan(), out, err);
        }
        TreePrinter.print(result.plan(), out);
        if (!result.warnings().isEmpty()) {
            out.println();
            out.println("Diagnostics:");
            result.warnings().forEach(w -> out.println("    warning: " + w));
        }
        if (!stackFile.secretKeys().isEmpty()) {
            out.println();
            out.println("Encrypted values (" + String.join(", ", stackFile.secretKeys())
                    + ") were previewed with a placeholder: only the Pulumi CLI can decrypt them.");
        }
        if (options.out != null) {
            var written = PlanWriter.write(result.plan(), options.out);
            out.println();
            out.println("Wrote " + options.out.resolve("plan.json") + ", " + written.manifests().size()
                    + " manifests in " + options.out.resolve("manifests") + " and " + written.bundles().size()
                    + " proxy bundle(s) in " + options.out.resolve("apigee"));
        }
        return 0;
    }

    /** Prints the diff against the earlier plan or the diagram, and nothing else, so the output can be posted. */
    private static int compare(PreviewOptions options, Plan plan, PrintStream out, PrintStream err) throws IOException {
        var now = PlanDiff.tree(plan);
        if (options.against == null) {
            out.print(Diagram.of(now, java.util.Set.of()));
        } else {
            com.fasterxml.jackson.databind.JsonNode before;
            try {
                before = PlanDiff.read(options.against);
            } catch (PlanDiff.InvalidPlan e) {
                err.println("apigee-gke: " + e.getMessage());
                return 2;
            }
            var diff = PlanDiff.between(options.against.toString(), before, now);
            if (options.diagram) {
                var changed = diff.changes().stream().map(PlanDiff.Change::urn).collect(java.util.stream.Collectors.toSet());
                out.print(Diagram.of(now, changed));
            } else {
                out.print("markdown".equals(options.format) ? MarkdownDiff.render(diff, now) : TextDiff.render(diff));
            }
        }
        if (options.out != null) {
            PlanWriter.write(plan, options.out);
            err.println("apigee-gke: wrote " + options.out.resolve("plan.json"));
        }
        return 0;
    }

    private static String usage() {
        return USAGE.formatted(String.join(", ", Patterns.names()));
    }

    /** The preview command's options. */
    private static final class PreviewOptions {
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
            if (ALL.equals(pattern) || (compare && pattern == null)) {
                compare = true;
                pattern = ALL;
                if (!capacity) {
                    problems.add("preview all and --compare apply to --capacity: add --capacity");
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
    }
}
