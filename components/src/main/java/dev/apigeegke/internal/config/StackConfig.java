package dev.apigeegke.internal.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.Config;
import dev.apigeegke.core.Problems;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads stack configuration for the pattern programs, collecting every problem (missing key, wrong type)
 * into one {@link Problems} instead of failing on the first, so a user fixes their stack file in one go.
 */
public final class StackConfig {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Config config;
    private final Problems problems;

    /** @param config   the namespace to read, e.g. {@code ctx.config("apigee-gke")} */
    public StackConfig(Config config, Problems problems) {
        this.config = config;
        this.problems = problems;
    }

    private String key(String name) {
        return config.getName() + ":" + name;
    }

    /** A required string; a problem is recorded when it is missing. */
    public String require(String name, String fix) {
        var value = config.get(name);
        if (value.isEmpty() || value.get().isBlank()) {
            problems.add(key(name), null, fix + " (pulumi config set " + key(name) + " ...)");
            return null;
        }
        return value.get();
    }

    public Optional<String> string(String name) {
        return config.get(name).filter(v -> !v.isBlank());
    }

    public String string(String name, String defaultValue) {
        return string(name).orElse(defaultValue);
    }

    public Optional<Integer> integer(String name) {
        var raw = config.get(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(raw.get().trim()));
        } catch (NumberFormatException e) {
            problems.add(key(name), raw.get(), "a whole number");
            return Optional.empty();
        }
    }

    public boolean bool(String name, boolean defaultValue) {
        var raw = config.get(name);
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
        var raw = config.get(name);
        if (raw.isEmpty() || raw.get().isBlank()) {
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
        var raw = config.get(name);
        if (raw.isEmpty() || raw.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(raw.get(), new TypeReference<Map<String, String>>() { }));
        } catch (Exception e) {
            problems.add(key(name), raw.get(), "an object, e.g. in Pulumi.<stack>.yaml:\n      " + key(name) + ":\n" + example);
            return Optional.empty();
        }
    }
}
