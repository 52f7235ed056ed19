package dev.apigeegke.cli.fuzz;

import dev.apigeegke.cli.fuzz.BadValues.Bad;
import dev.apigeegke.cli.fuzz.BadValues.Mistake;
import dev.apigeegke.cli.fuzz.StackKeys.Key;
import dev.apigeegke.cli.fuzz.StackKeys.Kind;
import dev.apigeegke.cli.fuzz.Stacks.StackCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * The generated bad stack files: one key broken (every key of every pattern, every kind of mistake that applies to
 * it), several independent keys broken at once, and files whose YAML is not a map of settings at all.
 */
final class BadStackFiles {
    /** The key a file without a {@code config:} map should be reported under. */
    static final String CONFIG = "config";

    private BadStackFiles() {
    }

    /** Every kind of bad file, mostly single mistakes so that each key and mistake comes up. */
    static Arbitrary<StackCase> any() {
        return Arbitraries.frequencyOf(Tuple.of(6, oneBrokenKey()), Tuple.of(3, severalBrokenKeys()), Tuple.of(1, notAMap()),
                Tuple.of(1, repeatedKey()));
    }

    /** A pattern's sample stack with one key broken. */
    static Arbitrary<StackCase> oneBrokenKey() {
        return perPattern(pattern -> badValue(StackKeys.of(pattern))
                .map(bad -> Stacks.file(pattern, Stacks.with(pattern, List.of(bad)), List.of(bad), "one key broken: " + bad)));
    }

    /**
     * A pattern's sample stack with two to four keys broken, each its own mistake. The key that selects the pattern is
     * left alone (with another pattern selected the keys cannot be checked), and keys that need each other's absence
     * (an internal Ingress's subnet and the allowlist) do not go together.
     */
    static Arbitrary<StackCase> severalBrokenKeys() {
        return perPattern(pattern -> {
            var keys = StackKeys.of(pattern).stream().filter(k -> !k.name().equals("apigee-gke:pattern")).toList();
            return badValue(keys).list().ofMinSize(2).ofMaxSize(4).uniqueElements(Bad::key)
                    .filter(BadStackFiles::compatible)
                    .map(bads -> Stacks.file(pattern, Stacks.with(pattern, bads), bads, bads.size() + " keys broken: "
                            + bads.stream().map(Bad::toString).collect(Collectors.joining("; "))));
        });
    }

    /** YAML that is not a map holding a {@code config:} map: the whole file a list or a scalar, or {@code config:} one. */
    static Arbitrary<StackCase> notAMap() {
        return perPattern(pattern -> {
            var config = Stacks.base(pattern);
            var entries = config.entrySet().stream().map(e -> (Object) Map.of(e.getKey(), Objects.toString(e.getValue()))).toList();
            var documents = new LinkedHashMap<String, Object>();
            documents.put("the whole file a list of the settings", entries);
            documents.put("the whole file a list holding the config", List.of(Map.of(CONFIG, config)));
            documents.put("the whole file a string", "config");
            documents.put("the whole file a number", new YamlNumber("42"));
            documents.put("config: a list of the settings", Map.of(CONFIG, entries));
            documents.put("config: a string", Map.of(CONFIG, pattern));
            documents.put("config: a number", Map.of(CONFIG, new YamlNumber("5")));
            documents.put("config: a boolean", Map.of(CONFIG, true));
            return Arbitraries.of(List.copyOf(documents.entrySet()))
                    .map(doc -> new StackCase(pattern, doc.getValue(), List.of(), doc.getKey()));
        });
    }

    /**
     * A pattern's sample stack giving one of its keys twice: first malformed, then valid. YAML forbids a repeated key;
     * a reader that keeps the last value runs without a word about the first.
     */
    static Arbitrary<StackCase> repeatedKey() {
        return perPattern(pattern -> {
            var keys = StackKeys.of(pattern).stream().filter(k -> !k.name().equals("apigee-gke:pattern")).toList();
            return badValue(keys).map(bad -> {
                var key = bad.key();
                Object valid = key.kind() == Kind.CIDRS || key.kind() == Kind.NAMES ? List.of(key.example()) : key.example();
                var document = new LinkedHashMap<String, Object>();
                document.put(CONFIG, new Stacks.RepeatedKey(Stacks.with(pattern, List.of(bad)), key.name(), valid));
                return new StackCase(pattern, document, List.of(new Bad(key, Mistake.DUPLICATES, bad.value())),
                        key.name() + " given twice: " + Stacks.visible(String.valueOf(bad.value())) + ", then "
                                + Stacks.visible(String.valueOf(valid)));
            });
        });
    }

    /** What to call a case in the statistics: the mistake, or how many keys are broken, or how the file is no map. */
    static String label(StackCase stack) {
        if (stack.broken().isEmpty()) {
            return "not a map";
        }
        if (stack.document() instanceof Map<?, ?> document && document.get(CONFIG) instanceof Stacks.RepeatedKey) {
            return "a key given twice";
        }
        if (stack.broken().size() == 1) {
            return "one key: " + stack.broken().get(0).mistake();
        }
        return "several keys";
    }

    /** The keys the report must name: each broken key, or {@link #CONFIG} for a file that is no map of settings. */
    static List<String> keysToName(StackCase stack) {
        return stack.broken().isEmpty() ? List.of(CONFIG) : stack.broken().stream().map(b -> b.key().name()).toList();
    }

    /** The cases {@code cases} makes for each pattern, each pattern equally likely. */
    private static Arbitrary<StackCase> perPattern(Function<String, Arbitrary<StackCase>> cases) {
        return Arbitraries.oneOf(cases.apply(StackKeys.P1), cases.apply(StackKeys.P2), cases.apply(StackKeys.P3));
    }

    /** A broken value of one of {@code keys}, each key and mistake equally likely. */
    private static Arbitrary<Bad> badValue(List<Key> keys) {
        var choices = new ArrayList<Arbitrary<Bad>>();
        for (var key : keys) {
            for (var mistake : Mistake.values()) {
                BadValues.of(key, mistake).ifPresent(choices::add);
            }
        }
        return Arbitraries.oneOf(choices);
    }

    /**
     * Whether no broken key is one that another's context removes, or sets to something else than a context they
     * share (the gateway key and secret go together; an internal Ingress's two subnet keys exclude each other).
     */
    private static boolean compatible(List<Bad> bads) {
        for (var a : bads) {
            for (var b : bads) {
                var context = a.key().context();
                if (a != b && context.containsKey(b.key().name())
                        && (context.get(b.key().name()) == null || !context.equals(b.key().context()))) {
                    return false;
                }
            }
        }
        return true;
    }
}
