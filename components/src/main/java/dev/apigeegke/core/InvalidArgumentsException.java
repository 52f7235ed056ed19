package dev.apigeegke.core;

import java.util.List;

/**
 * Thrown before any resource is registered when a component's arguments are invalid.
 * The message lists every problem found, each with the argument, the value received and the fix.
 */
public final class InvalidArgumentsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final List<Problem> problems;

    InvalidArgumentsException(String subject, List<Problem> problems) {
        super(format(subject, problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the order they were found. */
    public List<Problem> problems() {
        return problems;
    }

    private static String format(String subject, List<Problem> problems) {
        var sb = new StringBuilder();
        sb.append(subject).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " invalid argument" : " invalid arguments");
        for (var p : problems) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }
}
