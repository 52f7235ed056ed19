package dev.apigeegke.componentprovider;

import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.provider.internal.properties.PropertyValue.ValueType;
import dev.apigeegke.apigee.bundle.AssignMessage;
import dev.apigeegke.apigee.bundle.Cors;
import dev.apigeegke.apigee.bundle.JsonThreatProtection;
import dev.apigeegke.apigee.bundle.OAuthVerifyToken;
import dev.apigeegke.apigee.bundle.Policy;
import dev.apigeegke.apigee.bundle.Quota;
import dev.apigeegke.apigee.bundle.SpikeArrest;
import dev.apigeegke.apigee.bundle.VerifyApiKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * An Apigee policy from the schema's {@code Policy} type: an object with exactly one field, named after the policy
 * kind ({@code spikeArrest}, {@code verifyApiKey}, {@code quota}, ...), whose value holds that policy's settings; each
 * becomes the same {@link Policy} the Java factory methods make.
 */
final class Policies implements InputBinder.Adapter {
    /** The schema's name of each kind, and how its settings make the policy. */
    private static final Map<String, BiFunction<Settings, Map<String, VerifyApiKey>, Policy>> KINDS = Map.of(
            "spikeArrest", (s, keys) -> SpikeArrest.rate(s.string("rate")),
            "verifyApiKey", (s, keys) -> s.has("queryParameter") ? VerifyApiKey.queryParameter(s.string("queryParameter"))
                    : VerifyApiKey.header(s.string("header")),
            "quota", Policies::quota,
            "jsonThreatProtection", (s, keys) -> jsonThreatProtection(s),
            "assignMessage", (s, keys) -> assignMessage(s),
            "cors", (s, keys) -> cors(s),
            "oauthVerifyToken", (s, keys) -> OAuthVerifyToken.create());

    /** The settings each kind takes, as the schema's policy types list them. */
    static final Map<String, Set<String>> SETTINGS = Map.of(
            "spikeArrest", Set.of("rate", "name"),
            "verifyApiKey", Set.of("header", "queryParameter", "name"),
            "quota", Set.of("count", "interval", "timeUnit", "fromProductKey", "name"),
            "jsonThreatProtection", Set.of("containerDepth", "arrayElementCount", "objectEntryCount",
                    "objectEntryNameLength", "stringValueLength", "name"),
            "assignMessage", Set.of("name", "setHeaders", "removeHeaders"),
            "cors", Set.of("origins", "methods", "headers", "maxAgeSeconds", "name"),
            "oauthVerifyToken", Set.of("name"));

    @Override
    public Object convert(InputBinder binder, PropertyValue value, String path) {
        Map<String, VerifyApiKey> keys = binder.shared("verifyApiKeys", HashMap::new);
        var fields = value.getObjectValue();
        var set = new TreeSet<String>();
        fields.forEach((k, v) -> {
            if (!v.isNull()) {
                set.add(k);
            }
        });
        if (set.size() != 1 || !KINDS.containsKey(set.first())) {
            binder.problem(path, "sets " + (set.isEmpty() ? "no policy" : set) + ": set exactly one of "
                    + new TreeSet<>(KINDS.keySet()));
            return null;
        }
        String kind = set.first();
        var settings = new Settings(binder, fields.get(kind), path + "." + kind);
        if (settings.fields == null) {
            return null;
        }
        settings.fields.keySet().stream().filter(k -> !SETTINGS.get(kind).contains(k)).sorted()
                .forEach(k -> settings.problem(k, "is not a setting of " + kind + "; its settings are "
                        + new TreeSet<>(SETTINGS.get(kind))));
        Policy policy = KINDS.get(kind).apply(settings, keys);
        if (policy == null || settings.failed) {
            return null;
        }
        if (settings.has("name")) {
            policy = policy.withName(settings.string("name"));
        }
        if (policy instanceof VerifyApiKey key) {
            keys.put(key.name(), key);
        }
        return policy;
    }

    private static Policy quota(Settings s, Map<String, VerifyApiKey> keys) {
        if (s.has("fromProductKey")) {
            String keyName = s.string("fromProductKey");
            var key = keys.get(keyName);
            if (key == null) {
                s.problem("fromProductKey", "is \"" + keyName + "\", which names no verifyApiKey policy before it: name "
                        + (keys.isEmpty() ? "a verifyApiKey policy placed before the quota" : "one of " + new TreeSet<>(keys.keySet())));
                return null;
            }
            var quota = Quota.fromProduct(key, s.integer("count"));
            return s.has("interval") || s.has("timeUnit")
                    ? quota.fallbackPer(s.integerOr("interval", Quota.FALLBACK_INTERVAL), s.stringOr("timeUnit", Quota.FALLBACK_TIME_UNIT))
                    : quota;
        }
        return Quota.explicit(s.integer("count"), s.integerOr("interval", 1), s.string("timeUnit"));
    }

    private static Policy jsonThreatProtection(Settings s) {
        var p = JsonThreatProtection.defaults();
        if (s.has("containerDepth")) {
            p = p.containerDepth(s.integer("containerDepth"));
        }
        if (s.has("arrayElementCount")) {
            p = p.arrayElementCount(s.integer("arrayElementCount"));
        }
        if (s.has("objectEntryCount")) {
            p = p.objectEntryCount(s.integer("objectEntryCount"));
        }
        if (s.has("objectEntryNameLength")) {
            p = p.objectEntryNameLength(s.integer("objectEntryNameLength"));
        }
        if (s.has("stringValueLength")) {
            p = p.stringValueLength(s.integer("stringValueLength"));
        }
        return p;
    }

    private static Policy assignMessage(Settings s) {
        var p = AssignMessage.toTarget(s.string("name"));
        for (var e : s.stringMap("setHeaders").entrySet()) {
            p = p.setHeader(e.getKey(), e.getValue());
        }
        for (String header : s.strings("removeHeaders")) {
            p = p.removeHeader(header);
        }
        return p;
    }

    private static Policy cors(Settings s) {
        var p = Cors.allow(s.strings("origins"));
        if (s.has("methods")) {
            p = p.methods(s.strings("methods"));
        }
        if (s.has("headers")) {
            p = p.headers(s.strings("headers"));
        }
        if (s.has("maxAgeSeconds")) {
            p = p.maxAgeSeconds(s.integer("maxAgeSeconds"));
        }
        return p;
    }

    /** One policy's settings, read through the binder so that every wrong value is reported under its path. */
    private static final class Settings {
        private final InputBinder binder;
        private final Map<String, PropertyValue> fields;
        private final String path;
        private boolean failed;

        Settings(InputBinder binder, PropertyValue value, String path) {
            this.binder = binder;
            this.path = path;
            if (value.getType() != ValueType.OBJECT) {
                binder.problem(path, "give an object of the policy's settings");
                this.fields = null;
            } else {
                this.fields = value.getObjectValue();
            }
        }

        boolean has(String key) {
            var v = fields.get(key);
            return v != null && !v.isNull();
        }

        void problem(String key, String message) {
            failed = true;
            binder.problem(path + "." + key, message);
        }

        private Object get(String key, java.lang.reflect.Type type) {
            if (!has(key)) {
                problem(key, "is required");
                return null;
            }
            int before = binder.problems().size();
            Object v = binder.convert(fields.get(key), type, path + "." + key, null);
            failed |= binder.problems().size() > before;
            return v;
        }

        String string(String key) {
            return (String) get(key, String.class);
        }

        String stringOr(String key, String fallback) {
            return has(key) ? string(key) : fallback;
        }

        int integer(String key) {
            Object v = get(key, int.class);
            return v == null ? 0 : (Integer) v;
        }

        int integerOr(String key, int fallback) {
            return has(key) ? integer(key) : fallback;
        }

        @SuppressWarnings("unchecked")
        List<String> strings(String key) {
            if (!has(key)) {
                return List.of();
            }
            var v = (List<String>) get(key, Types.LIST_OF_STRING);
            return v == null ? List.of() : v;
        }

        @SuppressWarnings("unchecked")
        Map<String, String> stringMap(String key) {
            if (!has(key)) {
                return Map.of();
            }
            var v = (Map<String, String>) get(key, Types.MAP_OF_STRING);
            return v == null ? Map.of() : v;
        }
    }

    /** Generic types to convert settings to. */
    private static final class Types {
        @SuppressWarnings("unused")
        private static List<String> listOfString;
        @SuppressWarnings("unused")
        private static Map<String, String> mapOfString;
        static final java.lang.reflect.Type LIST_OF_STRING = field("listOfString");
        static final java.lang.reflect.Type MAP_OF_STRING = field("mapOfString");

        private static java.lang.reflect.Type field(String name) {
            try {
                return Types.class.getDeclaredField(name).getGenericType();
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
