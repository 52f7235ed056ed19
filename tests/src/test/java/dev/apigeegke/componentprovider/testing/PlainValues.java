package dev.apigeegke.componentprovider.testing;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.apigeegke.preview.PropertyValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Property values between the wire and the plain Java values the SDK's test mocks take and give: secrets unwrapped,
 * numbers as doubles, objects as maps, lists as lists.
 */
final class PlainValues {
    private PlainValues() {
    }

    static Map<String, Object> of(Struct struct) {
        var map = new TreeMap<String, Object>();
        struct.getFieldsMap().forEach((k, v) -> map.put(k, of(v)));
        return map;
    }

    static Object of(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> value.getBoolValue();
            case NUMBER_VALUE -> value.getNumberValue();
            case STRING_VALUE -> value.getStringValue();
            case LIST_VALUE -> {
                var list = new ArrayList<Object>();
                value.getListValue().getValuesList().forEach(v -> list.add(of(v)));
                yield list;
            }
            case STRUCT_VALUE -> PropertyValues.isSecret(value) ? of(value.getStructValue().getFieldsOrThrow("value"))
                    : of(value.getStructValue());
        };
    }

    /** A state map (or null, for none) on the wire. */
    static Struct struct(Object state) {
        var struct = Struct.newBuilder();
        if (state instanceof Map<?, ?> map) {
            map.forEach((k, v) -> struct.putFields(String.valueOf(k), value(v)));
        }
        return struct.build();
    }

    private static Value value(Object v) {
        var value = Value.newBuilder();
        if (v == null) {
            return value.setNullValue(NullValue.NULL_VALUE).build();
        }
        if (v instanceof Boolean b) {
            return value.setBoolValue(b).build();
        }
        if (v instanceof Number n) {
            return value.setNumberValue(n.doubleValue()).build();
        }
        if (v instanceof Map<?, ?>) {
            return value.setStructValue(struct(v)).build();
        }
        if (v instanceof List<?> list) {
            var values = ListValue.newBuilder();
            list.forEach(item -> values.addValues(value(item)));
            return value.setListValue(values).build();
        }
        return value.setStringValue(String.valueOf(v)).build();
    }
}
