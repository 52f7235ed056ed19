package dev.apigeegke.core;

import java.util.Objects;

/**
 * One invalid argument: which argument, the value received, what is wrong and how to fix it.
 *
 * @param argument the argument's name as the user wrote it, e.g. {@code allowlist[2]}
 * @param value    the value received, shown as text
 * @param fix      what is wrong and what to do instead
 */
public record Problem(String argument, String value, String fix) {
    /** Requires an argument and a fix: a problem that names neither cannot be acted on. */
    public Problem {
        Objects.requireNonNull(argument, "argument");
        Objects.requireNonNull(fix, "fix");
    }

    @Override
    public String toString() {
        return argument + " = " + value + ": " + fix;
    }
}
