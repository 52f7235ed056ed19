package dev.apigeegke.provider.schema;

/**
 * One property of a resource as the schema describes it.
 *
 * @param name             the property name, as the engine and the provider spell it
 * @param type             the schema type: {@code string}, {@code integer}, {@code number}, {@code boolean},
 *                         {@code array} or {@code object}
 * @param elementType      the type of the items of an array or of the values of an object (a map); null otherwise
 * @param required         whether the resource always has it (outputs) or the program must set it (inputs)
 * @param secret           whether its value is always a secret
 * @param replaceOnChanges whether changing it replaces the resource instead of updating it
 * @param defaultValue     the value the provider assumes when the program leaves it unset, as a plain Java value
 *                         ({@link Boolean}, {@link String}, {@link Integer}, ...); null when there is none
 * @param description      what it is, in the words generated SDKs show
 */
public record PropertySchema(String name, String type, String elementType, boolean required, boolean secret,
                             boolean replaceOnChanges, Object defaultValue, String description) {
}
