package dev.apigeegke.cli;

import dev.apigeegke.preview.Plan;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Prints a plan the way {@code pulumi preview} shows a first deployment: the resource tree, counts, outputs; then the
 * program's warnings, the encrypted values and what {@code --out} wrote.
 */
final class TreePrinter {
    private TreePrinter() {
    }

    static void print(Plan plan, PrintStream out) {
        var children = new HashMap<String, List<Plan.Resource>>();
        var roots = new ArrayList<Plan.Resource>();
        for (var r : plan.resources()) {
            if (r.parent() == null) {
                roots.add(r);
            } else {
                children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
            }
        }
        int typeWidth = plan.resources().stream().mapToInt(r -> r.type().length()).max().orElse(10) + 6;
        out.println("Previewing update (" + plan.stack() + ") offline:");
        out.println();
        out.printf("     %-" + typeWidth + "s %s%n", "Type", "Name");
        for (var root : roots) {
            print(root, "", true, true, children, typeWidth, out);
        }
        out.println();
        if (!plan.outputs().isEmpty()) {
            out.println("Outputs:");
            int keyWidth = plan.outputs().keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
            plan.outputs().forEach((k, v) -> out.printf("    %-" + keyWidth + "s %s%n", k + ":",
                    Plan.UNKNOWN.equals(v) ? "output<string> (known after apply)" : v));
            out.println();
        }
        out.println("Resources:");
        out.println("    + " + plan.resources().size() + " to create");
        out.println();
        out.println("By type:");
        var byType = new TreeMap<String, Integer>();
        plan.resources().forEach(r -> byType.merge(r.type(), 1, Integer::sum));
        byType.forEach((type, n) -> out.printf("    %4d  %s%n", n, type));
    }

    /** Prints what the program logged as warnings, and which values were encrypted in the stack file. */
    static void printNotes(List<String> warnings, Set<String> secretKeys, PrintStream out) {
        if (!warnings.isEmpty()) {
            out.println();
            out.println("Diagnostics:");
            warnings.forEach(w -> out.println("    warning: " + w));
        }
        if (!secretKeys.isEmpty()) {
            out.println();
            out.println("Encrypted values (" + String.join(", ", secretKeys)
                    + ") were previewed with a placeholder: only the Pulumi CLI can decrypt them.");
        }
    }

    /** Prints what {@code --out dir} wrote. */
    static void printWritten(Path dir, PlanWriter.Written written, PrintStream out) {
        out.println();
        out.println("Wrote " + dir.resolve("plan.json") + ", " + written.manifests().size()
                + " manifests in " + dir.resolve("manifests") + " and " + written.bundles().size()
                + " proxy bundle(s) in " + dir.resolve("apigee"));
    }

    private static void print(Plan.Resource r, String indent, boolean last, boolean root,
                              Map<String, List<Plan.Resource>> children, int typeWidth, PrintStream out) {
        String branch = root ? "" : (last ? "└─ " : "├─ ");
        String type = indent + branch + r.type();
        out.printf(" +   %-" + typeWidth + "s %s%n", type, r.name());
        var kids = new ArrayList<>(children.getOrDefault(r.urn(), List.of()));
        kids.sort(Comparator.comparing(Plan.Resource::type).thenComparing(Plan.Resource::name));
        String next = root ? "" : indent + (last ? "   " : "│  ");
        for (int i = 0; i < kids.size(); i++) {
            print(kids.get(i), next, i == kids.size() - 1, false, children, typeWidth, out);
        }
    }
}
