package dev.apigeegke.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem with a set of arguments so that they are reported together,
 * before the first resource is registered.
 */
public final class Problems {
    private final String subject;
    private final List<Problem> found = new ArrayList<>();

    /** @param subject what is being validated, e.g. {@code GkeCluster "main"} */
    public Problems(String subject) {
        this.subject = subject;
    }

    /** Records a problem with {@code argument}, whose value was {@code value}. */
    public Problems add(String argument, Object value, String fix) {
        found.add(new Problem(argument, show(value), fix));
        return this;
    }

    /** Records a problem when {@code condition} is false. */
    public Problems check(boolean condition, String argument, Object value, String fix) {
        if (!condition) {
            add(argument, value, fix);
        }
        return this;
    }

    /** Takes over the problems another collector found, for nested arguments. */
    public Problems addAll(List<Problem> problems) {
        found.addAll(problems);
        return this;
    }

    /** The problems found so far. */
    public List<Problem> list() {
        return List.copyOf(found);
    }

    /** Whether no problem was found so far. */
    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws one {@link InvalidArgumentsException} listing every problem, if there are any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidArgumentsException(subject, found);
        }
    }

    private static String show(Object value) {
        if (value == null) {
            return "(not set)";
        }
        if (value instanceof CharSequence s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(value);
    }
}
