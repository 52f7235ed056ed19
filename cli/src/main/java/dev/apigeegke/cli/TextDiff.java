package dev.apigeegke.cli;

import java.util.List;

/** Renders a {@link PlanDiff} for the terminal, in the shape of {@code pulumi preview --diff}. */
final class TextDiff {
    private TextDiff() {
    }

    static String render(PlanDiff diff) {
        var out = new StringBuilder();
        out.append("Previewing update (").append(diff.stack()).append(") offline, against ").append(diff.oldPlan())
                .append(":\n\n");
        for (var change : diff.changes()) {
            out.append(String.format("  %-2s %s %s (%s)%n", change.op().symbol, change.type(), change.name(),
                    change.op().verb));
            for (var p : change.properties()) {
                out.append("        ").append(line(p)).append('\n');
            }
        }
        if (!diff.outputs().isEmpty()) {
            out.append(diff.changes().isEmpty() ? "" : "\n").append("Outputs:\n");
            diff.outputs().forEach(p -> out.append("    ").append(line(p)).append('\n'));
        }
        if (!diff.isEmpty()) {
            out.append('\n');
        }
        out.append("Resources:\n");
        if (diff.changes().isEmpty()) {
            out.append("    no changes (").append(diff.unchanged()).append(" unchanged)\n");
        } else {
            diff.counts().forEach((op, n) -> {
                if (n > 0) {
                    out.append(String.format("    %-2s %d to %s%n", op.symbol, n, op.verb));
                }
            });
            out.append("    ").append(diff.unchanged()).append(" unchanged\n");
        }
        notes(diff).forEach(n -> out.append('\n').append(n).append('\n'));
        return out.toString();
    }

    /** One property change: {@code ~ path: old → new}, marked when it forces a replacement. */
    static String line(PlanDiff.PropertyChange p) {
        String value = switch (p.kind()) {
            case ADD -> PlanDiff.show(p.after());
            case DELETE -> PlanDiff.show(p.before());
            case UPDATE -> PlanDiff.show(p.before()) + " → " + PlanDiff.show(p.after());
        };
        return p.kind().symbol + " " + p.path() + ": " + value
                + (p.replaces() == null ? "" : "  [forces replacement: " + p.replaces() + "]");
    }

    /** What the diff cannot tell: secrets and values known only after apply are not compared. */
    static List<String> notes(PlanDiff diff) {
        var notes = new java.util.ArrayList<String>();
        if (!diff.secretsNotCompared().isEmpty()) {
            notes.add("Secret values are not compared (both plans hold [secret], never the value): "
                    + String.join("; ", diff.secretsNotCompared()) + ".");
        }
        if (!diff.unknownsNotCompared().isEmpty()) {
            notes.add("Values known only after apply are not compared: "
                    + String.join("; ", diff.unknownsNotCompared()) + ".");
        }
        return notes;
    }
}
