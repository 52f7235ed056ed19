package dev.apigeegke.provider.conformance;

import dev.apigeegke.provider.testing.RecordedExchange;
import java.util.List;

/**
 * The judgement of one exchange.
 *
 * @param exchange   the request and its answer
 * @param operation  the operation the request matched, or null when it matched none
 * @param violations what does not conform, each naming its place and the rule; empty when all does
 * @param tolerated  what does not conform but is kept on purpose ({@link Tolerances})
 */
record Verdict(RecordedExchange exchange, Operation operation, List<String> violations, List<String> tolerated) {
    boolean conforms() {
        return violations.isEmpty();
    }

    /** The exchange, the operation and each violation on its own line. */
    String report() {
        StringBuilder out = new StringBuilder(exchange.toString());
        if (operation != null) {
            out.append(", ").append(operation.id()).append(" (").append(operation.source()).append(')');
        }
        violations.forEach(v -> out.append("\n    - ").append(v));
        return out.toString();
    }
}
