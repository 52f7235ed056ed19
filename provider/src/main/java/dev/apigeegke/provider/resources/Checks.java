package dev.apigeegke.provider.resources;

import dev.apigeegke.provider.api.ApigeePlatform;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validation of one resource's inputs: reads the known values, skips the ones not known until
 * apply, and collects every problem as a failure on its property so the engine reports them together.
 */
public final class Checks {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** One invalid input: the property and what is wrong with it, with the value received. */
    public record Failure(String property, String reason) {
    }

    private final Map<String, Object> known;
    private final Set<String> unknown;
    private final ApigeePlatform platform;
    private final List<Failure> failures = new ArrayList<>();

    /**
     * @param known   the inputs whose values are known, secrets revealed
     * @param unknown the names of inputs not known until apply
     */
    public Checks(Map<String, Object> known, Collection<String> unknown) {
        this(known, unknown, null);
    }

    /**
     * @param known    the inputs whose values are known, secrets revealed
     * @param unknown  the names of inputs not known until apply
     * @param platform the platform the provider is configured for, or null when that is not known yet
     */
    public Checks(Map<String, Object> known, Collection<String> unknown, ApigeePlatform platform) {
        this.known = known;
        this.unknown = new HashSet<>(unknown);
        this.platform = platform;
    }

    /** The failures found so far. */
    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    void fail(String property, String reason) {
        failures.add(new Failure(property, reason));
    }

    /** The configured platform, or null when it is not known yet. */
    ApigeePlatform platform() {
        return platform;
    }

    boolean isUnknown(String key) {
        return unknown.contains(key);
    }

    boolean has(String key) {
        return known.get(key) != null;
    }

    Object value(String key) {
        return known.get(key);
    }

    /** Fails for each of {@code keys} that is neither set nor unknown. */
    public void required(Collection<String> keys) {
        for (var key : keys) {
            var v = known.get(key);
            if (!unknown.contains(key) && (v == null || "".equals(v))) {
                fail(key, "missing required property '" + key + "'");
            }
        }
    }

    /** The string value, or null when unset, unknown, or not a string (which records a failure). */
    String string(String key) {
        var v = known.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            fail(key, "'" + key + "' must be a string, got " + v);
            return null;
        }
        return s;
    }

    /** The integer value, or null when unset, unknown, or not a whole number (which records a failure). */
    Long integer(String key) {
        var v = known.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        if (v instanceof String s && s.matches("-?\\d{1,18}")) {
            return Long.parseLong(s);
        }
        fail(key, "'" + key + "' must be a whole number, got " + v);
        return null;
    }

    void bool(String key) {
        var v = known.get(key);
        if (v != null && !(v instanceof Boolean)) {
            fail(key, "'" + key + "' must be true or false, got " + v);
        }
    }

    void oneOf(String key, List<String> allowed) {
        var s = string(key);
        if (s != null && !allowed.contains(s)) {
            fail(key, "'" + key + "' must be one of " + String.join(", ", allowed) + ", got \"" + s + "\"");
        }
    }

    void email(String key) {
        var s = string(key);
        if (s != null && !EMAIL.matcher(s).matches()) {
            fail(key, "'" + key + "' must be an email address, got \"" + s + "\"");
        }
    }

    /**
     * Apigee X identifies a developer by an email that "has to be in lowercase only" (Developer.email in its
     * description); Edge takes any case.
     */
    void lowercaseEmailOnX(String key) {
        if (platform == ApigeePlatform.X && known.get(key) instanceof String s && !s.equals(s.toLowerCase(Locale.ROOT))) {
            fail(key, "'" + key + "' must be in lowercase on Apigee X, which keeps developer emails in lowercase only, got \""
                    + s + "\": use \"" + s.toLowerCase(Locale.ROOT) + "\"");
        }
    }

    /** Names become URL path segments: no slashes, no surrounding spaces. */
    void pathSegment(String key) {
        var s = string(key);
        if (s != null && !s.isEmpty() && (s.contains("/") || !s.strip().equals(s))) {
            fail(key, "'" + key + "' must not contain '/' or surrounding spaces, got \"" + s + "\"");
        }
    }

    /** Fails unless the value is a list of non-empty strings without duplicates; required lists must not be empty. */
    void stringList(String key, boolean nonEmpty) {
        var v = known.get(key);
        if (v == null) {
            return;
        }
        if (!(v instanceof List<?> l) || l.stream().anyMatch(e -> !(e instanceof String s) || s.isBlank())) {
            fail(key, "'" + key + "' must be a list of non-empty strings, got " + v);
            return;
        }
        if (nonEmpty && l.isEmpty()) {
            fail(key, "'" + key + "' must list at least one value");
        } else if (new HashSet<>(l).size() != l.size()) {
            fail(key, "'" + key + "' lists a value twice: " + l);
        }
    }

    void stringMap(String key) {
        var v = known.get(key);
        if (v != null && (!(v instanceof Map<?, ?> m) || m.values().stream().anyMatch(e -> !(e instanceof String)))) {
            fail(key, "'" + key + "' must be a map of strings, got " + v);
        }
    }
}
