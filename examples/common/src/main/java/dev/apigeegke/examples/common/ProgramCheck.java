package dev.apigeegke.examples.common;

import dev.apigeegke.core.InvalidArgumentsException;
import dev.apigeegke.core.Problem;
import dev.apigeegke.core.Problems;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A pattern program's one report: the problems its stack reader found, then those of every component's arguments,
 * each named by the stack key the user set ({@link ArgumentKeys}). The program builds every component's arguments
 * through it and calls {@link #throwIfAny()} before it registers the first resource, so a stack with N independent
 * mistakes shows all N in one run.
 *
 * <p>A key is reported once: when the stack reader, or an earlier component, already found a problem with it, a later
 * component's problem with the same key is left out (it saw the reader's stand-in, or repeats the first problem in
 * other words); so is a second problem of one component with the same key. Problems of one component with
 * different elements of a list ({@code allowlist[0]}, {@code allowlist[3]}) are all kept.
 */
public final class ProgramCheck {
    private static final Pattern ELEMENT_FIELD = Pattern.compile("[^:\\[.]+:[^\\[.]+\\[\\d+\\]\\.[A-Za-z0-9_]+");
    private final Problems problems;

    /** A check adding to the stack reader's {@code problems}. */
    public ProgramCheck(Problems problems) {
        this.problems = problems;
    }

    /** A check of a configuration built without a stack reader (a program given its settings directly). */
    public ProgramCheck() {
        this(new Problems(StackReader.SUBJECT));
    }

    /**
     * Builds a component's arguments; when they are invalid, records each problem under its stack key and returns
     * empty (the program declares nothing once {@link #throwIfAny()} has seen it).
     */
    public <T> Optional<T> args(ArgumentKeys keys, Supplier<T> build) {
        try {
            return Optional.of(build.get());
        } catch (InvalidArgumentsException e) {
            record(keys, e);
            return Optional.empty();
        }
    }

    /** Runs a check that returns nothing, as {@link #args(ArgumentKeys, Supplier)}. */
    public void check(ArgumentKeys keys, Runnable check) {
        args(keys, () -> {
            check.run();
            return Boolean.TRUE;
        });
    }

    private void record(ArgumentKeys keys, InvalidArgumentsException e) {
        Set<String> before = new HashSet<>();
        for (var p : problems.list()) {
            before.add(base(p.argument()));
        }
        for (var p : e.problems()) {
            Problem named = keys.translate(p);
            boolean said = problems.list().stream().anyMatch(q -> q.argument().equals(named.argument()));
            if (!before.contains(base(named.argument())) && !said) {
                problems.addAll(List.of(named));
            }
        }
    }

    /**
     * The key without an element or field: {@code apigee-gke:allowlist[2]} is about {@code apigee-gke:allowlist}. An
     * element that is an object keeps its field: {@code apigee-gke:clusters[1].machineType} is about that setting of
     * that cluster ({@code apigee-gke:clusters[1].services[0].image} about its services), not about every cluster.
     */
    private static String base(String argument) {
        var field = ELEMENT_FIELD.matcher(argument);
        if (field.lookingAt()) {
            return field.group();
        }
        int end = argument.length();
        for (char c : new char[] {'[', '.'}) {
            int i = argument.indexOf(c, argument.indexOf(':') + 1);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return argument.substring(0, end);
    }

    /** Throws the one report of every problem found, if there is any. */
    public void throwIfAny() {
        problems.throwIfAny();
    }
}
