package dev.apigeegke.testing;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/** The JSON-schema type of a typed class's property: what Pulumi's code generators map it from. */
public final class SchemaTypes {
    private SchemaTypes() {
    }

    /** {@code Output<T>} to {@code T}. */
    public static Type outputArgument(Type outputType) {
        return ((ParameterizedType) outputType).getActualTypeArguments()[0];
    }

    /** The class of {@code t}, without its type arguments. */
    public static Class<?> raw(Type t) {
        return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    }

    /** {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array} or {@code object}. */
    public static String of(Type t) {
        var raw = raw(t);
        if (raw == String.class) {
            return "string";
        }
        if (raw == Integer.class) {
            return "integer";
        }
        if (raw == Double.class) {
            return "number";
        }
        if (raw == Boolean.class) {
            return "boolean";
        }
        if (raw == List.class) {
            return "array";
        }
        if (raw == Map.class) {
            return "object";
        }
        throw new AssertionError("no schema type for " + t);
    }

    /** The type argument of a list's items or a map's values; null for other types. */
    public static Type element(Type t) {
        if (!(t instanceof ParameterizedType p)) {
            return null;
        }
        var arguments = p.getActualTypeArguments();
        return arguments[arguments.length - 1];
    }
}
