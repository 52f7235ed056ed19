package dev.apigeegke.internal.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.Config;
import dev.apigeegke.core.Problems;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads stack configuration for the pattern programs, collecting every problem (missing key, wrong type)
 * into one {@link Problems} instead of failing on the first, so a user fixes their stack file in one go.
 * A key is unset when the stack does not have it or has the value its project declares as the key's default (the
 * Pulumi CLI gives the program a declared default as if the stack had set it, so the two cannot be told apart):
 * every read then gives the reader's own fallback, which is the declared default or what the "unset" default
 * stands for ({@code ""}, {@code 0}, {@code []}, {@code {}}: another key's value, the component's default, off).
 */
public final class StackConfig {
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?([0-9]+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Config config;
    private final Problems problems;
    private final Map<String, String> defaults;
    private final Set<String> read = new TreeSet<>();

    /** @param config   the namespace to read, e.g. {@code ctx.config("apigee-gke")}; no key has a declared default */
    public StackConfig(Config config, Problems problems) {
        this(config, problems, Map.of());
    }

    /**
     * @param config   the namespace to read
     * @param defaults the declared default of each key ({@code key} without namespace), as the program receives it
     */
    public StackConfig(Config config, Problems problems, Map<String, String> defaults) {
        this.config = config;
        this.problems = problems;
        this.defaults = Map.copyOf(defaults);
    }

    /** The stack's value of {@code name}, unless unset (absent or the declared default); recorded as read. */
    private Optional<String> raw(String name) {
        read.add(name);
        return value(name);
    }

    private Optional<String> value(String name) {
        return config.get(name).filter(value -> !isDefault(name, value));
    }

    private boolean isDefault(String name, String value) {
        String declared = defaults.get(name);
        if (declared == null) {
            return false;
        }
        if (declared.equals(value)) {
            return true;
        }
        // A list or an object may come with other spacing than the declaration's.
        try {
            return (declared.startsWith("[") || declared.startsWith("{")) && JSON.readTree(declared).equals(JSON.readTree(value));
        } catch (Exception e) {
            return false;
        }
    }

    /** Whether {@code name} is set to something other than its declared default (an empty list without one is set). */
    public boolean isSet(String name) {
        return raw(name).isPresent();
    }

    /** Whether the stack sets {@code name} to something other than its declared default, without recording a read. */
    public boolean hasValue(String name) {
        return value(name).isPresent();
    }

    /** The stack's value of {@code name} as it is, a declared default included, without recording a read. */
    public Optional<String> rawValue(String name) {
        return config.get(name);
    }

    /** The keys read so far (without namespace). */
    public Set<String> keysRead() {
        return Set.copyOf(read);
    }

    /** The namespace read, e.g. {@code apigee-gke}. */
    public String namespace() {
        return config.getName();
    }

    private String key(String name) {
        return config.getName() + ":" + name;
    }

    /** A required string; a problem is recorded when it is missing. */
    public String require(String name, String fix) {
        var value = raw(name);
        if (value.isEmpty() || value.get().isBlank()) {
            problems.add(key(name), null, fix + " (pulumi config set " + key(name) + " ...)");
            return null;
        }
        return value.get();
    }

    /**
     * A string; empty when unset. A value that is empty or only blanks (written, not the declared default) is a
     * problem: it would silently stand for the default.
     */
    public Optional<String> string(String name) {
        var raw = raw(name);
        if (raw.isPresent() && raw.get().isBlank()) {
            blank(name, raw.get(), "a value");
            return Optional.empty();
        }
        return raw;
    }

    private void blank(String name, String value, String what) {
        problems.add(key(name), value, "empty: remove the key for its default, or give " + what);
    }

    public String string(String name, String defaultValue) {
        return string(name).orElse(defaultValue);
    }

    public Optional<Integer> integer(String name) {
        var raw = raw(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        // ASCII digits only, as the CLI's integer type reads them (Integer.parseInt would take other scripts' digits).
        String text = raw.get().trim();
        var digits = WHOLE_NUMBER.matcher(text);
        if (!digits.matches()) {
            problems.add(key(name), raw.get(), "a whole number");
            return Optional.empty();
        }
        long value = digits.group(1).length() <= 10 ? Long.parseLong(text) : Long.MAX_VALUE;
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            problems.add(key(name), raw.get(), "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
            return Optional.empty();
        }
        return Optional.of((int) value);
    }

    public boolean bool(String name, boolean defaultValue) {
        var raw = raw(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problems.add(key(name), raw.get(), "true or false");
                yield defaultValue;
            }
        };
    }

    /** A list of strings, written in the stack file as a YAML list (Pulumi passes it as JSON). */
    public List<String> list(String name) {
        var raw = raw(name);
        if (raw.isEmpty()) {
            return List.of();
        }
        if (raw.get().isBlank()) {
            blank(name, raw.get(), "a list, e.g. [203.0.113.0/24]");
            return List.of();
        }
        try {
            return JSON.readValue(raw.get(), new TypeReference<List<String>>() { });
        } catch (Exception e) {
            problems.add(key(name), raw.get(), "a list of strings, e.g. in Pulumi.<stack>.yaml:\n      " + key(name) + ":\n        - 203.0.113.0/24");
            return List.of();
        }
    }

    /**
     * An object of strings, written in the stack file as a YAML mapping (Pulumi passes it as JSON); empty when
     * the key is unset or is not such an object (then a problem naming {@code example} is recorded).
     */
    public Optional<Map<String, String>> map(String name, String example) {
        var raw = raw(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.get().isBlank()) {
            blank(name, raw.get(), "an object");
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(raw.get(), new TypeReference<Map<String, String>>() { }));
        } catch (Exception e) {
            problems.add(key(name), raw.get(), "an object, e.g. in Pulumi.<stack>.yaml:\n      " + key(name) + ":\n" + example);
            return Optional.empty();
        }
    }

    /**
     * A structured value (a YAML list or mapping in the stack file, which Pulumi passes as JSON) as a JSON tree; empty
     * when unset or not JSON (then a problem naming {@code example} is recorded). The caller checks its shape.
     */
    public Optional<JsonNode> tree(String name, String example) {
        var raw = raw(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(raw.get()));
        } catch (Exception e) {
            problems.add(key(name), raw.get(), "YAML the stack file can hold, e.g. in Pulumi.<stack>.yaml:\n      " + key(name) + ":\n" + example);
            return Optional.empty();
        }
    }
}
