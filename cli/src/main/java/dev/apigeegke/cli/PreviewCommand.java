package dev.apigeegke.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.cli.capacity.CapacityReport;
import dev.apigeegke.cli.capacity.CapacityTables;
import dev.apigeegke.cli.capacity.Fleet;
import dev.apigeegke.cli.capacity.Prices;
import dev.apigeegke.preview.Plan;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The preview command: runs the pattern offline with its stack's configuration and prints the result the options
 * ask for: the resource tree (and the files of {@code --out}), the changes against an earlier plan, the diagram or
 * the capacity estimate.
 */
final class PreviewCommand {
    private PreviewCommand() {
    }

    /** Runs the preview the options ask for and prints it; returns the exit code (0 done, 1 the program failed, 2 bad usage). */
    static int run(PreviewOptions options, PrintStream out, PrintStream err) throws IOException {
        if (options.timeline) {
            return Timeline.run(options, out, err);
        }
        if (options.compare) {
            var names = List.copyOf(Patterns.names());
            var runs = PatternRun.each(options, names, err);
            if (runs.code() != 0) {
                return runs.code();
            }
            var reports = new ArrayList<CapacityReport.Report>();
            for (int i = 0; i < names.size(); i++) {
                reports.add(CapacityReport.of(names.get(i), runs.plans().get(i)));
            }
            CapacityTables.compare(reports, Prices.load(), out);
            return 0;
        }
        var run = PatternRun.of(options, options.pattern, err);
        if (run.code() != 0) {
            return run.code();
        }
        var result = run.result();
        if (options.capacity) {
            var fleet = Fleet.of(options.pattern, result.plan());
            if (fleet.isPresent()) {
                CapacityTables.print(fleet.get(), Prices.load(), out);
            } else {
                CapacityTables.print(CapacityReport.of(options.pattern, result.plan()), Prices.load(), out);
            }
            return 0;
        }
        if (options.json) {
            return json(options, run, out, err);
        }
        if (options.against != null || options.diagram) {
            return compare(options, result.plan(), out, err);
        }
        TreePrinter.print(result.plan(), out);
        TreePrinter.printNotes(result.warnings(), run.stackFile().secretKeys(), out);
        if (options.out != null) {
            TreePrinter.printWritten(options.out, PlanWriter.write(result.plan(), options.out), out);
        }
        return 0;
    }

    /** Prints the preview as {@code pulumi preview --json} would, and nothing else; {@code --out} still writes its files. */
    private static int json(PreviewOptions options, PatternRun run, PrintStream out, PrintStream err) throws IOException {
        var result = run.result();
        String digest;
        if (options.against == null) {
            digest = PreviewDigest.fresh(result.plan(), run.stackFile(), result.warnings());
        } else {
            JsonNode before = earlierPlan(options, err);
            if (before == null) {
                return 2;
            }
            var diff = PlanDiff.between(options.against.toString(), before, result.plan());
            digest = PreviewDigest.against(result.plan(), run.stackFile(), result.warnings(), before, diff);
        }
        out.print(digest);
        writeBeside(options, result.plan(), err);
        return 0;
    }

    /** Prints the diff against the earlier plan or the diagram, and nothing else, so the output can be posted. */
    private static int compare(PreviewOptions options, Plan plan, PrintStream out, PrintStream err) throws IOException {
        var now = PlanDiff.tree(plan);
        if (options.against == null) {
            out.print(Diagram.of(now, Set.of()));
        } else {
            JsonNode before = earlierPlan(options, err);
            if (before == null) {
                return 2;
            }
            var diff = PlanDiff.between(options.against.toString(), before, plan);
            if (options.diagram) {
                var changed = diff.changes().stream().filter(c -> c.op() != PlanDiff.Op.SAME)
                        .map(PlanDiff.Change::urn).collect(Collectors.toSet());
                out.print(Diagram.of(now, changed));
            } else {
                out.print("markdown".equals(options.format) ? MarkdownDiff.render(diff, now) : TextDiff.render(diff));
            }
        }
        writeBeside(options, plan, err);
        return 0;
    }

    /** The plan {@code --against} names, or null once the reason it cannot be read is printed on {@code err}. */
    private static JsonNode earlierPlan(PreviewOptions options, PrintStream err) {
        try {
            return PlanDiff.read(options.against);
        } catch (PlanDiff.InvalidPlan e) {
            err.println("apigee-gke: " + e.getMessage());
            return null;
        }
    }

    /** Writes {@code --out}'s files, if asked, and says so on {@code err}: the output itself stays what was asked. */
    private static void writeBeside(PreviewOptions options, Plan plan, PrintStream err) throws IOException {
        if (options.out != null) {
            PlanWriter.write(plan, options.out);
            err.println("apigee-gke: wrote " + options.out.resolve("plan.json"));
        }
    }
}
