package dev.apigeegke.componentprovider;

import com.pulumi.core.internal.OutputData;
import com.pulumi.provider.internal.properties.PropertyValue;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A component's output as the engine expects it in a Construct response. */
final class Values {
    private Values() {
    }

    /** Unknown when the output is, secret when it is; lists and maps element by element. */
    static PropertyValue of(OutputData<?> data) {
        if (!data.isKnown()) {
            return data.isSecret() ? PropertyValue.ofSecret(PropertyValue.COMPUTED) : PropertyValue.COMPUTED;
        }
        var value = of(data.getValueNullable());
        return data.isSecret() ? PropertyValue.ofSecret(value) : value;
    }

    /** {@code value} as a property value: strings, numbers, booleans, lists, maps and enums as themselves. */
    static PropertyValue of(Object value) {
        if (value instanceof PropertyValue p) {
            return p;
        }
        if (value instanceof Optional<?> o) {
            return of(o.orElse(null));
        }
        if (value == null) {
            return PropertyValue.NULL;
        }
        if (value instanceof String s) {
            return PropertyValue.of(s);
        }
        if (value instanceof Boolean b) {
            return PropertyValue.of(b);
        }
        if (value instanceof Number n) {
            return PropertyValue.of(n.doubleValue());
        }
        if (value instanceof Collection<?> c) {
            return PropertyValue.of(c.stream().map(Values::of).toList());
        }
        if (value instanceof Map<?, ?> m) {
            var out = new TreeMap<String, PropertyValue>();
            m.forEach((k, v) -> out.put(String.valueOf(k), of(v)));
            return PropertyValue.of(out);
        }
        if (value instanceof Enum<?> e) {
            return PropertyValue.of(e.name());
        }
        throw new IllegalArgumentException("an output of type " + value.getClass().getName() + " has no schema form");
    }
}
