package dev.apigeegke.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Collectors;

/**
 * Renders a {@link PlanDiff} as a pull-request comment: a summary table by operation, each operation's resources
 * in a collapsible {@code <details>} section, and the architecture as a Mermaid diagram with the changed
 * resources highlighted.
 */
final class MarkdownDiff {
    private MarkdownDiff() {
    }

    /** The comment for {@code diff}; {@code plan} is the current plan.json tree the diagram is drawn from. */
    static String render(PlanDiff diff, JsonNode plan) {
        var out = new StringBuilder();
        out.append("### apigee-gke preview: `").append(diff.stack()).append("` against `").append(diff.oldPlan())
                .append("`\n\n");
        out.append("| Operation | Resources |\n|---|---:|\n");
        diff.counts().forEach((op, n) -> out.append("| `").append(op.symbol).append("` ").append(op.verb)
                .append(" | ").append(n).append(" |\n"));
        out.append("| unchanged | ").append(diff.unchanged()).append(" |\n\n");
        if (!diff.changesResources() && diff.outputs().isEmpty()) {
            out.append("No changes.\n\n");
        }
        for (var op : PlanDiff.Op.values()) {
            var changes = diff.changes().stream().filter(c -> c.op() == op).toList();
            if (changes.isEmpty()) {
                continue;
            }
            String label = op == PlanDiff.Op.SAME ? "same, protection changed" : op.verb;
            out.append("<details><summary>").append(op.symbol.isEmpty() ? "" : "<code>" + op.symbol + "</code> ")
                    .append(label).append(": ").append(resources(changes.size())).append("</summary>\n\n");
            for (var c : changes) {
                item(out, c, TextDiff.details(c));
            }
            out.append("\n</details>\n\n");
        }
        if (!diff.recorded().isEmpty()) {
            out.append("<details><summary>").append(TextDiff.RECORDED).append(": ")
                    .append(resources(diff.recorded().size())).append("</summary>\n\n");
            for (var c : diff.recorded()) {
                item(out, c, c.properties().stream().map(TextDiff::line).toList());
            }
            out.append("\n</details>\n\n");
        }
        if (!diff.outputs().isEmpty()) {
            out.append("<details><summary>Stack outputs: ").append(diff.outputs().size())
                    .append(" changed</summary>\n\n");
            out.append(fenced("diff", diff.outputs().stream().map(TextDiff::line)
                    .collect(Collectors.joining("\n")), ""));
            out.append("\n</details>\n\n");
        }
        var changed = diff.changes().stream().filter(c -> c.op() != PlanDiff.Op.SAME).map(PlanDiff.Change::urn)
                .collect(Collectors.toSet());
        out.append("#### Architecture (changed resources highlighted)\n\n");
        out.append(fenced("mermaid", Diagram.of(plan, changed).stripTrailing(), ""));
        var notes = TextDiff.notes(diff);
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append("> ").append(n).append("\n>\n"));
            out.setLength(out.length() - 2);
        }
        return out.toString();
    }

    private static String resources(int n) {
        return n + (n == 1 ? " resource" : " resources");
    }

    /** One resource: its type, name, the op's marks ({@code [retain]}, 🔒) and its lines as a diff block. */
    private static void item(StringBuilder out, PlanDiff.Change c, java.util.List<String> lines) {
        String header = TextDiff.header(c);
        String marks = header.substring(header.lastIndexOf(')') + 1);
        String retain = header.contains("[retain])") ? " `[retain]`" : "";
        out.append("- `").append(c.type()).append("` **").append(c.name()).append("**").append(retain).append(marks)
                .append('\n');
        if (!lines.isEmpty()) {
            out.append(fenced("diff", String.join("\n", lines), "  "));
        }
    }

    /** A fenced block longer than any backtick run inside, so no value can close it early. */
    private static String fenced(String language, String body, String indent) {
        int longest = 0;
        int run = 0;
        for (char ch : body.toCharArray()) {
            run = ch == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        var out = new StringBuilder(indent).append(fence).append(language).append('\n');
        body.lines().forEach(l -> out.append(indent).append(l).append('\n'));
        return out.append(indent).append(fence).append('\n').toString();
    }
}
