package dev.apigeegke.examples.common;

import dev.apigeegke.internal.validation.EditDistance;
import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.config.ProjectConfig;
import dev.apigeegke.internal.config.StackConfig;
import dev.apigeegke.internal.config.StackKeys;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the {@code apigee-gke:*} keys of a stack that no program reads: those the declaration does not know (most
 * often a misspelt key, whose setting would silently be ignored) and those the running pattern does not read.
 */
final class StackKeyCheck {
    // A misspelling is a few characters away; further than that, a suggestion would only confuse.
    private static final int MAX_DISTANCE = 3;

    private StackKeyCheck() {
    }

    /** Records on {@code problems} every key of the stack in {@code own}'s namespace that {@code who} does not read. */
    static void check(ProjectConfig declared, StackConfig own, Set<String> exempt, String who, Problems problems) {
        String prefix = own.namespace() + ":";
        for (String key : new TreeSet<>(StackKeys.all())) {
            if (!key.startsWith(prefix)) {
                continue;
            }
            String name = key.substring(prefix.length());
            if (declared.get(key).isEmpty()) {
                String fix = suggestion(declared, prefix, name)
                        .map(near -> "no pattern reads this key: did you mean " + near + "? rename it")
                        .orElse("no pattern reads this key: remove it (the keys are listed in Pulumi.yaml and docs/deploying.md)");
                problems.add(key, shown(own, key, name), fix);
            } else if (!exempt.contains(name) && !own.keysRead().contains(name) && own.hasValue(name)) {
                problems.add(key, shown(own, key, name), "is not read by " + who + ": remove it");
            }
        }
    }

    private static Object shown(StackConfig own, String key, String name) {
        return StackKeys.isSecret(key) ? "(a secret)" : own.rawValue(name).orElse(null);
    }

    /** The declared key {@code name} most likely stands for: the same but for case, or the nearest by edit distance. */
    static Optional<String> suggestion(ProjectConfig declared, String prefix, String name) {
        var candidates = declared.declarations().stream()
                .map(d -> declared.fullKey(d.key()))
                .filter(k -> k.startsWith(prefix))
                .map(k -> k.substring(prefix.length()))
                .toList();
        var sameButCase = candidates.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst();
        if (sameButCase.isPresent()) {
            return sameButCase.map(c -> prefix + c);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(c -> EditDistance.between(c.toLowerCase(Locale.ROOT), lower) <= Math.min(MAX_DISTANCE, c.length() / 3))
                .min(Comparator.comparingInt((String c) -> EditDistance.between(c.toLowerCase(Locale.ROOT), lower)).thenComparing(c -> c))
                .map(c -> prefix + c);
    }
}
