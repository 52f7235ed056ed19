package dev.apigeegke.provider.conformance;

import java.util.List;

/**
 * A query or header parameter of an operation.
 *
 * @param name     its name
 * @param type     {@code string}, {@code boolean}, {@code integer} or {@code number}
 * @param required whether a request must send it
 * @param values   the values allowed, empty when any value of the type is
 * @param source   where the description states it, for messages
 */
record Param(String name, String type, boolean required, List<String> values, String source) {
    /** Why {@code value} is not a value of this parameter, or null when it is. */
    String problem(String value) {
        if (!values.isEmpty() && !values.contains(value)) {
            return "\"" + value + "\" is not one of " + values + " (" + source + ")";
        }
        return switch (type) {
            case "boolean" -> value.equals("true") || value.equals("false") ? null
                    : "\"" + value + "\" is not true or false (type boolean, " + source + ")";
            case "integer" -> value.matches("-?\\d+") ? null : "\"" + value + "\" is not a whole number (type integer, " + source + ")";
            case "number" -> value.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?") ? null
                    : "\"" + value + "\" is not a number (type number, " + source + ")";
            default -> null;
        };
    }
}
