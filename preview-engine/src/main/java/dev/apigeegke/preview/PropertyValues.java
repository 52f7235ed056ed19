package dev.apigeegke.preview;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.internal.Constants;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * Turns the property values of a resource registration into plain Java values, replacing secrets and
 * unknowns by markers, so that no secret value leaves the engine boundary; and shapes a registration's response as the
 * engine would. Public for engines other than {@link OfflineEngine} that record the same plan from the wire.
 */
public final class PropertyValues {
    /** The engine's special-value signature key and the signatures of secrets and resource references (the SDK's own). */
    private static final String SIG = Constants.SpecialSigKey;
    private static final String SECRET_SIG = Constants.SpecialSecretSig;
    private static final String RESOURCE_SIG = Constants.SpecialResourceSig;
    private static final String UNKNOWN_VALUE = Plan.ENGINE_UNKNOWN;

    private PropertyValues() {
    }

    /**
     * The engine marks the outputs a resource lists in {@code additionalSecretOutputs} secret before the
     * program sees them (the SDK's mock monitor does not); this does the same to a registration response.
     */
    public static RegisterResourceResponse withSecrets(RegisterResourceResponse response, List<String> secretOutputs) {
        if (secretOutputs.isEmpty()) {
            return response;
        }
        var object = response.getObject().toBuilder();
        for (String key : secretOutputs) {
            var value = object.getFieldsMap().get(key);
            if (value != null && !isSecret(value)) {
                object.putFields(key, secret(value));
            }
        }
        return response.toBuilder().setObject(object).build();
    }

    /**
     * {@code response} with every output in {@code outputs} that it does not carry set to the engine's unknown value, as a
     * real preview answers: the provider plans a create with the values it computes unknown. Without it the SDK would
     * take a missing output as known and empty, which drops the input it feeds and that input's dependency.
     */
    public static RegisterResourceResponse withUnknownOutputs(RegisterResourceResponse response, Collection<String> outputs) {
        var object = response.getObject().toBuilder();
        boolean changed = false;
        for (String key : outputs) {
            if (!object.containsFields(key)) {
                object.putFields(key, Value.newBuilder().setStringValue(UNKNOWN_VALUE).build());
                changed = true;
            }
        }
        return changed ? response.toBuilder().setObject(object).build() : response;
    }

    /** Whether {@code value} is a secret on the wire. */
    public static boolean isSecret(Value value) {
        return value.hasStructValue() && value.getStructValue().getFieldsMap().containsKey(SIG)
                && SECRET_SIG.equals(value.getStructValue().getFieldsMap().get(SIG).getStringValue());
    }

    /** {@code value} as a secret on the wire. */
    public static Value secret(Value value) {
        return Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields(SIG, Value.newBuilder().setStringValue(SECRET_SIG).build())
                .putFields(Constants.SecretValueName, value)).build();
    }

    /** {@code struct}'s fields as plain values: secrets as {@link Plan#SECRET}, unknowns as {@link Plan#UNKNOWN}. */
    public static Map<String, Object> of(Struct struct) {
        var map = new TreeMap<String, Object>();
        struct.getFieldsMap().forEach((k, v) -> map.put(k, of(v)));
        return map;
    }

    static Object of(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> value.getBoolValue();
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRING_VALUE -> UNKNOWN_VALUE.equals(value.getStringValue()) ? Plan.UNKNOWN : value.getStringValue();
            case LIST_VALUE -> list(value.getListValue());
            case STRUCT_VALUE -> struct(value.getStructValue());
        };
    }

    private static Object struct(Struct struct) {
        var sig = struct.getFieldsMap().get(SIG);
        if (sig != null) {
            if (SECRET_SIG.equals(sig.getStringValue())) {
                return Plan.SECRET;
            }
            if (RESOURCE_SIG.equals(sig.getStringValue())) {
                var urn = struct.getFieldsMap().get("urn");
                return urn == null ? Plan.UNKNOWN : urn.getStringValue();
            }
        }
        return of(struct);
    }

    private static List<Object> list(ListValue list) {
        var out = new ArrayList<Object>(list.getValuesCount());
        list.getValuesList().forEach(v -> out.add(of(v)));
        return out;
    }

    /** Numbers travel as doubles; whole numbers are shown as integers, as in the stack file. */
    private static Object number(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return (long) d;
        }
        return d;
    }
}
