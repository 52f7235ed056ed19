package dev.apigeegke.provider.grpc;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.internal.Constants;
import dev.apigeegke.provider.grpc.SecretsAndUnknowns.Secret;
import dev.apigeegke.provider.grpc.SecretsAndUnknowns.Unknown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the engine's property structs to Java values and back. Secrets and unknowns keep their identity as
 * {@link Secret} and {@link SecretsAndUnknowns#UNKNOWN}, so that what came in as a secret goes out as one and a
 * preview never turns an unknown into a guess.
 */
final class PropertyStructs {
    /** The key that marks a struct as a special Pulumi value. */
    static final String SIG_KEY = Constants.SpecialSigKey;
    /** The signature of a secret; its plain value sits under {@code value}. */
    static final String SECRET_SIG = Constants.SpecialSecretSig;
    /** The string the engine sends for a value not known until apply. */
    static final String UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private PropertyStructs() {
    }

    static Map<String, Object> fromStruct(Struct struct) {
        var out = new LinkedHashMap<String, Object>();
        struct.getFieldsMap().forEach((k, v) -> out.put(k, fromValue(v)));
        return out;
    }

    static Object fromValue(Value v) {
        switch (v.getKindCase()) {
            case NULL_VALUE:
            case KIND_NOT_SET:
                return null;
            case BOOL_VALUE:
                return v.getBoolValue();
            case NUMBER_VALUE:
                return v.getNumberValue();
            case STRING_VALUE:
                return UNKNOWN_STRING.equals(v.getStringValue()) ? SecretsAndUnknowns.UNKNOWN : v.getStringValue();
            case LIST_VALUE:
                var list = new ArrayList<Object>();
                v.getListValue().getValuesList().forEach(e -> list.add(fromValue(e)));
                return list;
            case STRUCT_VALUE:
                var fields = v.getStructValue().getFieldsMap();
                var sig = fields.get(SIG_KEY);
                if (sig != null && SECRET_SIG.equals(sig.getStringValue())) {
                    var inner = fields.get("value");
                    return new Secret(inner == null ? null : fromValue(inner));
                }
                return fromStruct(v.getStructValue());
            default:
                throw new IllegalArgumentException("unsupported property value kind " + v.getKindCase());
        }
    }

    static Struct toStruct(Map<String, ?> map) {
        var b = Struct.newBuilder();
        map.forEach((k, v) -> b.putFields(k, toValue(v)));
        return b.build();
    }

    static Value toValue(Object o) {
        if (o == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (o instanceof Unknown) {
            return Value.newBuilder().setStringValue(UNKNOWN_STRING).build();
        }
        if (o instanceof Secret s) {
            var b = Struct.newBuilder().putFields(SIG_KEY, Value.newBuilder().setStringValue(SECRET_SIG).build());
            b.putFields("value", toValue(s.value()));
            return Value.newBuilder().setStructValue(b).build();
        }
        if (o instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        }
        if (o instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (o instanceof String s) {
            return Value.newBuilder().setStringValue(s).build();
        }
        if (o instanceof Map<?, ?> m) {
            var b = Struct.newBuilder();
            m.forEach((k, v) -> b.putFields(String.valueOf(k), toValue(v)));
            return Value.newBuilder().setStructValue(b).build();
        }
        if (o instanceof List<?> l) {
            var b = ListValue.newBuilder();
            l.forEach(e -> b.addValues(toValue(e)));
            return Value.newBuilder().setListValue(b).build();
        }
        throw new IllegalArgumentException("cannot send a " + o.getClass().getSimpleName() + " to the engine");
    }
}
