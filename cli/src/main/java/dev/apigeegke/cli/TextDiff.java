package dev.apigeegke.cli;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link PlanDiff} for the terminal, in the shape of {@code pulumi preview --diff}. */
final class TextDiff {
    /** The heading of the part that lists what {@code pulumi preview} records in the state without showing it. */
    static final String RECORDED = "Recorded without a diff by pulumi preview (same steps: the state takes them silently)";

    private TextDiff() {
    }

    static String render(PlanDiff diff) {
        var out = new StringBuilder();
        out.append("Previewing update (").append(diff.stack()).append(") offline, against ").append(diff.oldPlan())
                .append(":\n\n");
        for (var change : diff.changes()) {
            out.append("  ").append(header(change)).append('\n');
            details(change).forEach(l -> out.append("        ").append(l).append('\n'));
        }
        if (!diff.outputs().isEmpty()) {
            out.append(diff.changes().isEmpty() ? "" : "\n").append("Outputs:\n");
            diff.outputs().forEach(p -> out.append("    ").append(line(p)).append('\n'));
        }
        if (!diff.changes().isEmpty() || !diff.outputs().isEmpty()) {
            out.append('\n');
        }
        if (!diff.recorded().isEmpty()) {
            out.append(RECORDED).append(":\n");
            for (var change : diff.recorded()) {
                out.append("    ").append(change.type()).append(' ').append(change.name()).append('\n');
                change.properties().forEach(p -> out.append("        ").append(line(p)).append('\n'));
            }
            out.append('\n');
        }
        out.append("Resources:\n");
        if (!diff.changesResources()) {
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

    /**
     * A step's header as Pulumi prints it: the op's symbol, the resource, the op with {@code [retain]} when a delete or
     * replace leaves the cloud resource behind, then 🔒 when it is or was protected, 🔓 when it no longer is.
     */
    static String header(PlanDiff.Change c) {
        boolean discards = c.op() == PlanDiff.Op.DELETE || c.op() == PlanDiff.Op.REPLACE;
        // A delete has no new state: Pulumi shows the old protection locked (object_diff.go printStepHeader).
        boolean unlocks = c.wasProtected() && !c.protect() && c.op() != PlanDiff.Op.DELETE;
        String lock = unlocks ? " 🔓" : c.protect() || c.wasProtected() ? " 🔒" : "";
        return String.format("%-2s %s %s (%s%s)%s", c.op().symbol, c.type(), c.name(), c.op().verb,
                discards && c.retainOnDelete() ? "[retain]" : "", lock);
    }

    /** The lines under a step's header: its provider change, the order of its replacement, its changed inputs. */
    static List<String> details(PlanDiff.Change c) {
        var lines = new ArrayList<String>();
        if (c.providerChanged()) {
            lines.add("[provider: " + c.oldProvider() + " => " + c.newProvider() + "]");
        }
        // The reasons no input line marks (the provider's) are named, as in Pulumi's replaceReasons.
        var marked = c.properties().stream().map(PlanDiff.PropertyChange::replaces).toList();
        var unmarked = c.replaceReasons().stream().filter(r -> !marked.contains(r)).toList();
        if (!unmarked.isEmpty()) {
            lines.add("[replace reasons: " + String.join(", ", unmarked) + "]");
        }
        // The engine refuses both before anything runs (step.go DeleteStep.Apply, step_generator.go), preview included.
        if (c.op() == PlanDiff.Op.DELETE && c.wasProtected()
                || c.op() == PlanDiff.Op.REPLACE && c.wasProtected() && c.protect()) {
            lines.add("[protected: pulumi preview fails here: it does not " + c.op().verb
                    + " a protected resource; remove protect first]");
        }
        if (c.deleteBeforeReplace()) {
            lines.add("[replace order: delete-replaced first, then create-replacement (deleteBeforeReplace)]");
        }
        for (var p : c.properties()) {
            lines.add(line(p));
            if (BundleDiff.API_PROXY.equals(c.type()) && "bundle".equals(p.path()) && p.kind() == PlanDiff.Kind.UPDATE) {
                BundleDiff.lines(p.before(), p.after()).forEach(l -> lines.add("    " + l));
            }
        }
        return lines;
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
        var notes = new ArrayList<String>();
        if (!diff.earlierRecordsOptions()) {
            notes.add("The earlier plan records no providers/options (it was written before plan.json held them): "
                    + "providers, dependencies and resource options are not compared.");
        }
        if (!diff.unknownProviderInputs().isEmpty()) {
            notes.add("Provider inputs that come from a resource being created or replaced are unknown until apply, "
                    + "and were compared as unknown, as pulumi preview does: "
                    + String.join("; ", diff.unknownProviderInputs()) + ".");
        }
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
