package dev.apigeegke.examples.common;

import dev.apigeegke.core.Problem;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which stack key each argument of one component came from, so that a pattern reports a component's problem in the
 * stack's own words: {@code allowlist[2]} of the Ingress is {@code apigee-gke:allowlist[2]}, the proxy's
 * {@code preFlow[0].rate} is {@code apigee-gke:spikeArrest}. An argument the pattern derives from a key (the proxy's
 * name from {@code apigee-gke:prefix}) is reported as that key, with the key's value, saying what it gave; an
 * argument no key sets (the pattern chose it) keeps its name, after the component's.
 */
public final class ArgumentKeys {
    private final String component;
    private final Map<String, Source> sources = new LinkedHashMap<>();

    private record Source(String key, boolean derived, Object value, String what) {
    }

    private ArgumentKeys(String component) {
        this.component = component;
    }

    /** The arguments of {@code component} (e.g. {@code "ArmoredIngressArgs"}), none mapped yet. */
    public static ArgumentKeys of(String component) {
        return new ArgumentKeys(component);
    }

    /**
     * {@code argument} (and its elements {@code argument[i]} and fields {@code argument.f}) holds the value of
     * {@code stackKey}, whose elements and fields it keeps.
     */
    public ArgumentKeys key(String argument, String stackKey) {
        sources.put(argument, new Source(stackKey, false, null, null));
        return this;
    }

    /**
     * {@code argument} is not the value of {@code stackKey} but made from it ({@code what}, e.g. "the proxy name"):
     * its problem is reported as {@code stackKey} with the key's {@code value}.
     */
    public ArgumentKeys derived(String argument, String stackKey, Object value, String what) {
        sources.put(argument, new Source(stackKey, true, value, what));
        return this;
    }

    /** {@code problem} named by the stack key its argument came from. */
    Problem translate(Problem problem) {
        String argument = problem.argument();
        var match = sources.keySet().stream()
                .filter(a -> argument.equals(a) || argument.startsWith(a + "[") || argument.startsWith(a + "."))
                .max(Comparator.comparingInt(String::length));
        if (match.isEmpty()) {
            // Already a stack key (a check that knew it), or an argument the pattern set itself.
            return argument.contains(":") ? problem : new Problem(component + " " + argument, problem.value(), problem.fix());
        }
        var source = sources.get(match.get());
        if (source.derived()) {
            return new Problem(source.key(), show(source.value()),
                    source.what() + " " + problem.value() + " it gives: " + problem.fix());
        }
        return new Problem(source.key() + argument.substring(match.get().length()), problem.value(), problem.fix());
    }

    private static String show(Object value) {
        return value instanceof CharSequence s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
