package dev.apigeegke.cli.fuzz;

import static org.quicktheories.generators.SourceDSL.integers;

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
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

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
    static Gen<StackCase> any() {
        return Generate.frequency(List.of(Pair.of(6, oneBrokenKey()), Pair.of(3, severalBrokenKeys()), Pair.of(1, notAMap()),
                Pair.of(1, repeatedKey())));
    }

    /** A pattern's sample stack with one key broken. */
    static Gen<StackCase> oneBrokenKey() {
        return perPattern(pattern -> badValue(StackKeys.of(pattern))
                .map(bad -> Stacks.file(pattern, Stacks.with(pattern, List.of(bad)), List.of(bad), "one key broken: " + bad)));
    }

    /**
     * A pattern's sample stack with two to four keys broken, each its own mistake. The key that selects the pattern is
     * left alone (with another pattern selected the keys cannot be checked), and keys that need each other's absence
     * (an internal Ingress's subnet and the allowlist) do not go together.
     */
    static Gen<StackCase> severalBrokenKeys() {
        return perPattern(pattern -> {
            var keys = StackKeys.of(pattern).stream().filter(k -> !k.name().equals("apigee-gke:pattern")).toList();
            return integers().between(2, 4).flatMap(n -> brokenKeys(keys, List.of(), n))
                    .map(bads -> Stacks.file(pattern, Stacks.with(pattern, bads), bads, bads.size() + " keys broken: "
                            + bads.stream().map(Bad::toString).collect(Collectors.joining("; "))));
        });
    }

    /** YAML that is not a map holding a {@code config:} map: the whole file a list or a scalar, or {@code config:} one. */
    static Gen<StackCase> notAMap() {
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
            return Fuzz.pick(List.copyOf(documents.entrySet()))
                    .map(doc -> new StackCase(pattern, doc.getValue(), List.of(), doc.getKey()));
        });
    }

    /**
     * A pattern's sample stack giving one of its keys twice: first malformed, then valid. YAML forbids a repeated key;
     * a reader that keeps the last value runs without a word about the first.
     */
    static Gen<StackCase> repeatedKey() {
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

    /** What to call a case in the counts: the mistake, or how many keys are broken, or how the file is no map. */
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
    private static Gen<StackCase> perPattern(Function<String, Gen<StackCase>> cases) {
        return Fuzz.oneOf(cases.apply(StackKeys.P1), cases.apply(StackKeys.P2), cases.apply(StackKeys.P3));
    }

    /** A broken value of one of {@code keys}, each key and mistake equally likely. */
    private static Gen<Bad> badValue(List<Key> keys) {
        var choices = new ArrayList<Gen<Bad>>();
        for (var key : keys) {
            for (var mistake : Mistake.values()) {
                BadValues.of(key, mistake).ifPresent(choices::add);
            }
        }
        return Fuzz.oneOf(choices);
    }

    /**
     * {@code broken} and {@code more} keys of {@code keys} broken after them, each one not broken yet that goes with
     * every key broken before it (fewer when no key is left).
     */
    private static Gen<List<Bad>> brokenKeys(List<Key> keys, List<Bad> broken, int more) {
        var free = keys.stream().filter(k -> broken.stream().allMatch(b -> b.key() != k && goWith(b.key(), k))).toList();
        if (more == 0 || free.isEmpty()) {
            return Fuzz.constant(broken);
        }
        return badValue(free).flatMap(bad -> {
            var next = new ArrayList<>(broken);
            next.add(bad);
            return brokenKeys(keys, List.copyOf(next), more - 1);
        });
    }

    /**
     * Whether neither key's context removes the other, or sets it to something else than a context they share (the
     * gateway key and secret go together; an internal Ingress's two subnet keys exclude each other).
     */
    private static boolean goWith(Key a, Key b) {
        return contextAllows(a, b) && contextAllows(b, a);
    }

    private static boolean contextAllows(Key a, Key b) {
        var context = a.context();
        return !context.containsKey(b.name()) || (context.get(b.name()) != null && context.equals(b.context()));
    }
}
