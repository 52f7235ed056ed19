package dev.apigeegke.cli.fuzz;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;

/**
 * A number written into the stack file exactly as a user would type it ({@code 1e309}, {@code 1.5},
 * {@code 2147483648}): Java's own numbers would be normalised ({@code Infinity}) or overflow before they reach the file.
 *
 * @param literal the YAML number as written
 */
record YamlNumber(String literal) implements JsonSerializable {
    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeNumber(literal);
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer) throws IOException {
        serialize(gen, serializers);
    }

    @Override
    public String toString() {
        return literal;
    }
}
