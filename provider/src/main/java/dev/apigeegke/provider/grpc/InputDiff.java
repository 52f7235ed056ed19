package dev.apigeegke.provider.grpc;

import java.util.ArrayList;
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
     * The detailed diff of {@code keys} between {@code olds} and {@code news}: a changed or unknown new value is a
     * change, a replacement when its key is in {@code replacing}.
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
            var replace = replacing.contains(key);
            PropertyDiff.Kind kind;
            if (oldValue == null) {
                kind = replace ? PropertyDiff.Kind.ADD_REPLACE : PropertyDiff.Kind.ADD;
            } else if (newValue == null) {
                kind = replace ? PropertyDiff.Kind.DELETE_REPLACE : PropertyDiff.Kind.DELETE;
            } else {
                kind = replace ? PropertyDiff.Kind.UPDATE_REPLACE : PropertyDiff.Kind.UPDATE;
            }
            response.addDiffs(key).putDetailedDiff(key, PropertyDiff.newBuilder().setKind(kind).setInputDiff(true).build());
            if (replace) {
                response.addReplaces(key);
            }
        }
        return response.setChanges(response.getDiffsCount() > 0 ? DiffResponse.DiffChanges.DIFF_SOME
                : DiffResponse.DiffChanges.DIFF_NONE).build();
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
