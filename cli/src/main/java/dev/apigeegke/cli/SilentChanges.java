package dev.apigeegke.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigeegke.cli.PlanDiff.PropertyChange;
import dev.apigeegke.preview.TypeTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What changes in a resource's state without a diff: the engine diffs inputs only, so a new or dropped dependency
 * ({@code dependsOn}, or the resources an input comes from) and every option but {@code protect} give a {@code same}
 * step and are written to the state silently (pulumi/pulumi pkg/resource/deploy/step_generator.go; lifecycle fixture
 * TestDependencyChangeDBR). A reviewer still needs to see them, so the diff lists them apart.
 */
final class SilentChanges {
    /** Shown in the resource's header (🔒/🔓), so not listed here. */
    private static final String PROTECT = "protect";

    private SilentChanges() {
    }

    /**
     * The dependencies and options that differ between the plan.json resources {@code was} and {@code now}, as
     * changes of their plan.json paths; a dependency of the earlier plan is first taken to its current URN
     * ({@code earlier}: each current URN's earlier one), so a resource that follows an alias is no new dependency.
     */
    static List<PropertyChange> of(JsonNode was, JsonNode now, Map<String, String> earlier) {
        var current = new HashMap<String, String>();
        earlier.forEach((urn, former) -> current.put(former, urn));
        var changes = new ArrayList<PropertyChange>();
        compareUrns("dependencies.dependsOn", was.path("dependencies").path("dependsOn"),
                now.path("dependencies").path("dependsOn"), current, changes);
        JsonNode oldInputs = was.path("dependencies").path("inputs");
        JsonNode newInputs = now.path("dependencies").path("inputs");
        var keys = new TreeSet<String>();
        oldInputs.fieldNames().forEachRemaining(keys::add);
        newInputs.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            compareUrns("dependencies.inputs." + key, oldInputs.path(key), newInputs.path(key), current, changes);
        }
        var walk = new PlanDiff.Walk("", List.of(), List.of(), changes, new ArrayList<>(), new ArrayList<>());
        walk.compare("options", withoutProtect(was.path("options")), withoutProtect(now.path("options")));
        return changes;
    }

    /**
     * Adds to {@code recorded} each default provider whose configuration changed: the engine creates default
     * providers itself and never shows their steps (pkg/engine/update.go {@code isInternalStep}); what they do to the
     * resources they manage is in those resources' steps.
     */
    static void defaultProviders(JsonNode before, JsonNode after, List<PlanDiff.Change> recorded) {
        var old = new HashMap<String, JsonNode>();
        before.path("providers").forEach(p -> old.put(p.path("urn").asText(), p));
        for (JsonNode p : after.path("providers")) {
            JsonNode was = old.get(p.path("urn").asText());
            if (!p.path("default").asBoolean() || was == null) {
                continue;
            }
            var changes = new ArrayList<PropertyChange>();
            new PlanDiff.Walk("", List.of(), List.of(), changes, new ArrayList<>(), new ArrayList<>())
                    .compare("inputs", was.path("inputs"), p.path("inputs"));
            if (!changes.isEmpty()) {
                String urn = p.path("urn").asText();
                String type = TypeTokens.PROVIDER_PREFIX + p.path("package").asText();
                recorded.add(new PlanDiff.Change(PlanDiff.Op.SAME, urn, type, urn.substring(urn.lastIndexOf("::") + 2),
                        changes));
            }
        }
    }

    private static void compareUrns(String path, JsonNode was, JsonNode now, Map<String, String> current,
                                    List<PropertyChange> changes) {
        var before = new TreeSet<String>();
        was.forEach(u -> before.add(current.getOrDefault(u.asText(), u.asText())));
        var after = new TreeSet<String>();
        now.forEach(u -> after.add(u.asText()));
        var nodes = JsonNodeFactory.instance;
        before.stream().filter(u -> !after.contains(u))
                .forEach(u -> changes.add(new PropertyChange(PlanDiff.Kind.DELETE, path, nodes.textNode(u), null, null)));
        after.stream().filter(u -> !before.contains(u))
                .forEach(u -> changes.add(new PropertyChange(PlanDiff.Kind.ADD, path, null, nodes.textNode(u), null)));
    }

    private static JsonNode withoutProtect(JsonNode options) {
        if (!options.isObject()) {
            return options;
        }
        var copy = ((ObjectNode) options).deepCopy();
        copy.remove(PROTECT);
        return copy;
    }
}
