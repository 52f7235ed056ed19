package dev.apigeegke.testing;

import com.pulumi.Context;
import dev.apigeegke.preview.Aliases;
import dev.apigeegke.preview.OfflineEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Whether a program that now groups resources under new components still finds them where a stack declared them
 * before those components existed. The program runs on the offline engine, which records each registration with
 * the aliases the SDK sends; {@link Aliases} resolves them the way Pulumi's engine does. The former addresses are
 * the current ones without the new components in them.
 */
public final class FormerAddresses {
    private FormerAddresses() {
    }

    /**
     * Runs {@code program} with {@code config} and, for each resource not of a {@code newTypes} component, the
     * address it was found at: its URN when unchanged, the former URN it adopts through aliases, or empty when
     * nothing leads to its former URN (Pulumi would create it anew and delete the old one).
     */
    public static Map<String, Optional<String>> adopted(Map<String, String> config, Set<String> secretKeys,
                                                        Consumer<Context> program, Set<String> newTypes) {
        var result = OfflineEngine.run(Harness.PROJECT, Harness.STACK, config, secretKeys, program);
        if (!result.ok()) {
            throw new AssertionError("the program failed: " + result.errors());
        }
        var resources = result.plan().resources();
        var former = new LinkedHashSet<String>();
        for (var r : resources) {
            if (!newTypes.contains(r.type())) {
                former.add(withoutLayers(r.urn(), newTypes));
            }
        }
        var found = Aliases.match(resources, former);
        var adopted = new LinkedHashMap<String, Optional<String>>();
        for (var r : resources) {
            if (!newTypes.contains(r.type())) {
                adopted.put(r.urn(), Optional.ofNullable(found.get(r.urn())));
            }
        }
        return adopted;
    }

    /** {@code urn} with the segments of {@code types} removed from its type chain. */
    public static String withoutLayers(String urn, Set<String> types) {
        var parts = urn.split("::", 4);
        var kept = new ArrayList<String>();
        for (String segment : parts[2].split("\\$")) {
            if (!types.contains(segment)) {
                kept.add(segment);
            }
        }
        return parts[0] + "::" + parts[1] + "::" + String.join("$", kept) + "::" + parts[3];
    }
}
