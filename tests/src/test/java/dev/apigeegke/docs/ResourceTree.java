package dev.apigeegke.docs;

import dev.apigeegke.preview.Plan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan as the documentation shows "what it registers": the resources under the stack as a tree of type and name
 * (children sorted by type, then name), then the stack outputs, if any.
 */
final class ResourceTree {
    private static final String STACK = "pulumi:pulumi:Stack";
    private static final Comparator<Plan.Resource> ORDER =
            Comparator.comparing(Plan.Resource::type).thenComparing(Plan.Resource::name);

    private ResourceTree() {
    }

    /** The tree's text: one line per resource, {@code <branches><type>  <name>} with the names in one column. */
    static String render(Plan plan) {
        var children = new HashMap<String, List<Plan.Resource>>();
        var top = new ArrayList<Plan.Resource>();
        var stacks = plan.resources().stream().filter(r -> r.type().equals(STACK)).map(Plan.Resource::urn).toList();
        for (var r : plan.resources()) {
            if (r.type().equals(STACK)) {
                continue;
            }
            if (r.parent() == null || stacks.contains(r.parent())) {
                top.add(r);
            } else {
                children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
            }
        }
        top.sort(ORDER);
        var rows = new ArrayList<String[]>();
        for (var r : top) {
            rows.add(new String[] {r.type(), r.name()});
            walk(r, "", children, rows);
        }
        int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0) + 2;
        var text = new StringBuilder();
        for (var row : rows) {
            text.append(row[0]).append(" ".repeat(width - row[0].length())).append(row[1]).append('\n');
        }
        if (!plan.outputs().isEmpty()) {
            text.append("\nOutputs:\n");
            plan.outputs().forEach((k, v) -> text.append("    ").append(k).append(": ").append(v).append('\n'));
        }
        return text.toString().strip();
    }

    private static void walk(Plan.Resource parent, String indent, Map<String, List<Plan.Resource>> children, List<String[]> rows) {
        var kids = new ArrayList<>(children.getOrDefault(parent.urn(), List.of()));
        kids.sort(ORDER);
        for (int i = 0; i < kids.size(); i++) {
            boolean last = i == kids.size() - 1;
            var kid = kids.get(i);
            rows.add(new String[] {indent + (last ? "└─ " : "├─ ") + kid.type(), kid.name()});
            walk(kid, indent + (last ? "   " : "│  "), children, rows);
        }
    }
}
