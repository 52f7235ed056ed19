package dev.apigeegke.cli;

import com.pulumi.Pulumi;
import dev.apigeegke.internal.sdk.SdkTaskRunnerWorkaround;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * The apigee-gke program. Started by the Pulumi engine (no arguments) it runs the pattern the stack's
 * configuration selects; {@code preview <pattern>} runs that pattern offline and prints its plan.
 */
public final class Main {
    static final String USAGE = """
            usage: apigee-gke preview <pattern> [--stack NAME] [--config FILE] [--out DIR] [--project-dir DIR]
                                        [--against OLD/plan.json [--format text|markdown]] [--diagram] [--json]
                   apigee-gke preview <pattern>|all --capacity [--compare]
                   apigee-gke preview <pattern>|all --timeline [--parallel N]

              Runs the pattern's Pulumi program offline, in preview mode, and prints the resources it declares.
              <pattern>       one of %s
              --stack NAME    the stack whose Pulumi.<NAME>.yaml holds the configuration (default: the pattern's name)
              --config FILE   read the configuration from FILE instead
              --out DIR       also write DIR/plan.json and DIR/manifests/*.yaml
              --project-dir   the folder holding Pulumi.yaml and the stack files (default: the current folder)
              --against FILE  print what changes from FILE (a plan.json written earlier with --out) instead of the tree:
                              resources to create (+), update (~), replace (+-) or delete (-), with the changed inputs
              --format FMT    with --against: text (default) or markdown (a pull-request comment with a diagram)
              --json          print only the preview as pulumi preview --json does (steps, config, change summary);
                              with --against, the steps that change the earlier plan
              --diagram       print the pattern's architecture as a Mermaid flowchart instead of the tree
              --capacity      print an ESTIMATE instead of the tree: CPU/memory requested by the services and the gateway,
                              the nodes that fit them, the request path's network hops and a monthly GCP list-price cost
              --compare       with --capacity: every pattern side by side (each with its Pulumi.<pattern>.yaml); same as
                              preview all --capacity
              --timeline      print an ESTIMATE instead of the tree: when pulumi up would start and end each resource,
                              the critical path, pulumi up's duration and when the first request can succeed
              --parallel N    with --timeline: N steps at once, as pulumi up -p N (default: PULUMI_PARALLEL, else 4 × CPUs)

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
            return PreviewCommand.run(options, out, err);
        } catch (IOException e) {
            err.println("apigee-gke: " + e.getMessage());
            return 1;
        }
    }

    private static String usage() {
        return USAGE.formatted(String.join(", ", Patterns.names()));
    }
}
