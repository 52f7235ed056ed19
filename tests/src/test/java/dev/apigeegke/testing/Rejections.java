package dev.apigeegke.testing;

import dev.apigeegke.core.InvalidArgumentsException;
import dev.apigeegke.core.Problem;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * What a user reads when arguments are rejected: each problem as the report prints it,
 * {@code argument = value: fix}. Tests compare whole lines, because the message is the contract.
 */
public final class Rejections {
    private Rejections() {
    }

    /** The problem lines {@code build} was rejected with, in the order reported; fails if it was accepted. */
    public static List<String> problems(ThrowingCallable build) {
        try {
            build.call();
        } catch (InvalidArgumentsException e) {
            return lines(e.problems());
        } catch (Throwable other) {
            throw new AssertionError("expected an InvalidArgumentsException, got " + other, other);
        }
        throw new AssertionError("the arguments were accepted");
    }

    /** A value as a problem line shows it: {@code (not set)}, a string in quotes, anything else as text. */
    public static String shown(Object value) {
        return value == null ? "(not set)" : value instanceof CharSequence ? "\"" + value + "\"" : String.valueOf(value);
    }

    /** The lines of problems a collector found, in order. */
    public static List<String> lines(List<Problem> problems) {
        return problems.stream().map(Problem::toString).toList();
    }
}
