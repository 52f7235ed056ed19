package dev.apigeegke.provider.grpc;

import dev.apigeegke.provider.resources.ResourceHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.PropertyDiff;

/** Diff of old and new inputs, for resources and for the provider's own configuration. */
final class InputDiff {
    private InputDiff() {
    }

    /**
     * The diff of a resource's inputs as its handler compares them ({@link ResourceHandler#diffView}): {@code olds}
     * the inputs the state was made from, {@code state} its outputs, {@code news} the checked new inputs. An input
     * not known yet is compared as it is, whole.
     */
    static DiffResponse of(ResourceHandler handler, Map<String, Object> olds, Map<String, Object> state,
                           Map<String, Object> news) {
        var unknown = SecretsAndUnknowns.unknownKeys(news);
        var oldKnown = SecretsAndUnknowns.revealAll(olds);
        oldKnown.keySet().removeAll(unknown);
        var plainState = SecretsAndUnknowns.revealAll(state);
        var oldView = new LinkedHashMap<>(handler.diffView(oldKnown, plainState, true));
        var newView = new LinkedHashMap<>(handler.diffView(SecretsAndUnknowns.known(news), plainState, false));
        for (var key : unknown) {
            oldView.keySet().removeIf(path -> property(path).equals(key));
            newView.keySet().removeIf(path -> property(path).equals(key));
            oldView.put(key, olds.get(key));
            newView.put(key, news.get(key));
        }
        var paths = new LinkedHashSet<String>();
        for (var input : handler.diffed()) {
            paths.add(input);
            for (var view : List.of(oldView, newView)) {
                view.keySet().stream().filter(path -> property(path).equals(input)).forEach(paths::add);
            }
        }
        return of(oldView, newView, List.copyOf(paths), handler.replaceOnChange());
    }

    /**
     * The detailed diff of {@code keys} (property paths) between {@code olds} and {@code news}: a changed or unknown
     * new value is a change, a replacement when its top-level property is in {@code replacing}.
     */
    static DiffResponse of(Map<String, Object> olds, Map<String, Object> news, List<String> keys, Set<String> replacing) {
        var response = DiffResponse.newBuilder().setHasDetailedDiff(true).setDeleteBeforeReplace(false);
        for (var key : keys) {
            var oldValue = normalize(SecretsAndUnknowns.reveal(olds.get(key)));
            var newValue = news.get(key);
            var changed = SecretsAndUnknowns.containsUnknown(newValue)
                    || !Objects.equals(oldValue, normalize(SecretsAndUnknowns.reveal(newValue)));
            if (!changed) {
                continue;
            }
            var property = property(key);
            var replace = replacing.contains(property);
            PropertyDiff.Kind kind;
            if (oldValue == null) {
                kind = replace ? PropertyDiff.Kind.ADD_REPLACE : PropertyDiff.Kind.ADD;
            } else if (newValue == null) {
                kind = replace ? PropertyDiff.Kind.DELETE_REPLACE : PropertyDiff.Kind.DELETE;
            } else {
                kind = replace ? PropertyDiff.Kind.UPDATE_REPLACE : PropertyDiff.Kind.UPDATE;
            }
            response.putDetailedDiff(key, PropertyDiff.newBuilder().setKind(kind).setInputDiff(true).build());
            if (!response.getDiffsList().contains(property)) {
                response.addDiffs(property);
                if (replace) {
                    response.addReplaces(property);
                }
            }
        }
        return response.setChanges(response.getDiffsCount() > 0 ? DiffResponse.DiffChanges.DIFF_SOME
                : DiffResponse.DiffChanges.DIFF_NONE).build();
    }

    /** The top-level property of a path: {@code entries} of {@code entries["key"]}. */
    private static String property(String path) {
        int end = path.indexOf('[');
        return end < 0 ? path : path.substring(0, end);
    }

    /**
     * The value as Diff compares it: unset, empty and "" are the same; numbers are doubles; lists of
     * strings are sets (Apigee does not keep their order).
     */
    private static Object normalize(Object v) {
        if (v == null || "".equals(v)) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                return null;
            }
            var items = new ArrayList<Object>();
            l.forEach(e -> items.add(normalize(e)));
            if (items.stream().allMatch(e -> e instanceof String)) {
                items.sort((a, b) -> ((String) a).compareTo((String) b));
            }
            return items;
        }
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                return null;
            }
            var out = new TreeMap<String, Object>();
            m.forEach((k, e) -> out.put(String.valueOf(k), normalize(e)));
            return out;
        }
        return v;
    }
}
