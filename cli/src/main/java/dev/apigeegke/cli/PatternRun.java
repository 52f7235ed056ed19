package dev.apigeegke.cli;

import dev.apigeegke.internal.config.ProjectConfig;
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
 * A pattern run offline: exit code 0 with its stack file and result, or the code of the failure already reported.
 *
 * @param code      0, 1 when the program failed, 2 when it could not start
 * @param stackFile the configuration it ran with (null on failure)
 * @param result    what it declared (null on failure)
 */
record PatternRun(int code, StackFile stackFile, OfflineEngine.Result result) {
    static PatternRun failed(int code) {
        return new PatternRun(code, null, null);
    }

    /**
     * The plans of {@code patterns}, each run as {@link #of} runs it, in order; or, in {@code code}, the code of the
     * first that failed (already reported on {@code err}), with the plans before it.
     */
    record Plans(int code, List<Plan> plans) {
    }

    static Plans each(PreviewOptions options, List<String> patterns, PrintStream err) throws IOException {
        var plans = new ArrayList<Plan>();
        for (String name : patterns) {
            var run = of(options, name, err);
            if (run.code() != 0) {
                return new Plans(run.code(), plans);
            }
            plans.add(run.result().plan());
        }
        return new Plans(0, plans);
    }

    /**
     * Runs {@code pattern} with the stack file the options select ({@code Pulumi.<pattern>.yaml} by default); reports
     * on {@code err} why it cannot (no project, no stack file, another pattern selected, the program failed).
     */
    static PatternRun of(PreviewOptions options, String pattern, PrintStream err) throws IOException {
        Path projectDir = options.projectDir;
        if (!Files.isRegularFile(projectDir.resolve("Pulumi.yaml"))) {
            err.println("apigee-gke: no Pulumi.yaml in " + projectDir.toAbsolutePath().normalize()
                    + "; run from the repository root or pass --project-dir");
            return failed(2);
        }
        String project = StackFile.projectName(projectDir);
        String stack = options.stack != null ? options.stack : pattern;
        Path configFile = options.config != null ? options.config : projectDir.resolve("Pulumi." + stack + ".yaml");
        if (!Files.isRegularFile(configFile)) {
            err.println("apigee-gke: no stack configuration at " + configFile
                    + "; create it (see README) or pass --stack/--config");
            return failed(2);
        }
        StackFile stackFile;
        try {
            stackFile = StackFile.read(configFile, project).withProjectConfig(projectDir, stack);
        } catch (ProjectConfig.Refused e) {
            // What `pulumi preview` prints before it starts the program, in its words.
            err.println("apigee-gke: " + configFile + " does not match the config Pulumi.yaml declares; the Pulumi CLI refuses it:");
            err.println("  error: " + e.getMessage());
            return failed(1);
        }
        String selected = stackFile.config().get("apigee-gke:" + Patterns.KEY);
        if (selected != null && !selected.equals(pattern)) {
            err.println("apigee-gke: " + configFile + " selects apigee-gke:pattern = \"" + selected
                    + "\", not " + pattern + "; preview " + selected + " or pass another --stack");
            return failed(2);
        }
        var result = OfflineEngine.run(project, stack, stackFile.config(), stackFile.secretKeys(),
                Patterns.program(pattern));
        if (!result.ok()) {
            err.println("apigee-gke: the " + pattern + " program failed with " + configFile + ":");
            result.errors().forEach(e -> err.println(e.indent(2).stripTrailing()));
            return failed(1);
        }
        return new PatternRun(0, stackFile, result);
    }
}
