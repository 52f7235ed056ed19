package dev.apigeegke.provider.grpc;

import com.google.protobuf.Struct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pulumirpc.Provider.DiffResponse.DiffChanges;

/**
 * The provider calls the engine makes for a stack's resources, and the state it keeps between them: {@code pulumi up}
 * (a preview, then the update), {@code pulumi refresh} and {@code pulumi destroy}, each resource in the order given
 * (dependencies first).
 */
final class EngineRun {
    /**
     * A resource as the program declares it.
     *
     * @param urn    its URN
     * @param type   its type token
     * @param inputs its inputs, before Check
     */
    record Declared(String urn, String type, Struct inputs) {
    }

    /** A resource's state: its id, its outputs, and the checked inputs they came from. */
    private record State(String id, String type, Struct outputs, Struct inputs) {
    }

    private final ProviderHarness h;
    private final Map<String, State> states = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();

    EngineRun(ProviderHarness h) {
        this.h = h;
    }

    /** The provider calls made since the last call of this method ({@code Check}, {@code Create (preview)}, ...), in order. */
    List<String> takeCalls() {
        var taken = List.copyOf(calls);
        calls.clear();
        return taken;
    }

    /** {@code pulumi up}: the preview, then the update, of every resource in {@code declared}. */
    void up(List<Declared> declared) {
        step(declared, true);
        step(declared, false);
    }

    /**
     * One pass: Check, then Create for a new resource, or Diff and, when it shows a change, Update. A replacement is
     * not expected of the stacks measured here, so it fails.
     */
    private void step(List<Declared> declared, boolean preview) {
        for (var d : declared) {
            var checked = h.checked(d.type(), d.inputs());
            calls.add("Check");
            var state = states.get(d.urn());
            var suffix = preview ? " (preview)" : "";
            if (state == null) {
                var created = h.create(d.type(), checked, preview);
                calls.add("Create" + suffix);
                if (!preview) {
                    states.put(d.urn(), new State(created.getId(), d.type(), created.getProperties(), checked));
                }
                continue;
            }
            var diff = h.diff(d.type(), state.id(), state.outputs(), state.inputs(), checked);
            calls.add("Diff");
            if (diff.getChanges() != DiffChanges.DIFF_SOME) {
                continue;
            }
            if (diff.getReplacesCount() > 0) {
                throw new AssertionError(d.urn() + " would be replaced: " + diff.getReplacesList());
            }
            var updated = h.update(d.type(), state.id(), state.outputs(), checked, preview);
            calls.add("Update" + suffix);
            if (!preview) {
                states.put(d.urn(), new State(state.id(), d.type(), updated.getProperties(), checked));
            }
        }
    }

    /** {@code pulumi refresh}: Read of every resource in the state. */
    void refresh() {
        for (var e : states.entrySet()) {
            var s = e.getValue();
            var read = h.read(s.type(), s.id(), s.outputs(), s.inputs());
            calls.add("Read");
            if (read.getId().isEmpty()) {
                throw new AssertionError(e.getKey() + " is gone from Apigee");
            }
            e.setValue(new State(s.id(), s.type(), read.getProperties(), read.getInputs()));
        }
    }

    /** {@code pulumi destroy}: Delete of every resource in the state, the last created first. */
    void destroy() {
        var created = new ArrayList<>(states.values());
        for (int i = created.size() - 1; i >= 0; i--) {
            var s = created.get(i);
            h.delete(s.type(), s.id(), s.outputs());
            calls.add("Delete");
        }
        states.clear();
    }
}
