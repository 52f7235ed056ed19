package dev.apigeegke.provider.grpc;

import dev.apigeegke.provider.resources.ResourceHandler;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is the same for every resource type about secrets and unknowns: handlers see plain values, what came in as a
 * secret (or is a secret output) goes out as one, and a preview answers with the inputs as they are and every
 * computed output it cannot know as unknown.
 */
final class SecretsAndUnknowns {
    /** A value not known yet (preview). */
    enum Unknown { INSTANCE }

    static final Unknown UNKNOWN = Unknown.INSTANCE;

    /** A secret wrapping a plain (or unknown) value. */
    record Secret(Object value) {
        @Override
        public String toString() {
            return "[secret]";
        }
    }

    private SecretsAndUnknowns() {
    }

    /** The value with every secret replaced by what it holds; unknowns stay. */
    static Object reveal(Object o) {
        if (o instanceof Secret s) {
            return reveal(s.value());
        }
        if (o instanceof Map<?, ?> m) {
            var out = new LinkedHashMap<String, Object>();
            m.forEach((k, v) -> out.put(String.valueOf(k), reveal(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            var out = new ArrayList<Object>();
            l.forEach(e -> out.add(reveal(e)));
            return out;
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> revealAll(Map<String, Object> map) {
        return (Map<String, Object>) reveal(map);
    }

    static boolean containsSecret(Object o) {
        if (o instanceof Secret) {
            return true;
        }
        if (o instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(SecretsAndUnknowns::containsSecret);
        }
        if (o instanceof List<?> l) {
            return l.stream().anyMatch(SecretsAndUnknowns::containsSecret);
        }
        return false;
    }

    static boolean containsUnknown(Object o) {
        if (o instanceof Unknown) {
            return true;
        }
        if (o instanceof Secret s) {
            return containsUnknown(s.value());
        }
        if (o instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(SecretsAndUnknowns::containsUnknown);
        }
        if (o instanceof List<?> l) {
            return l.stream().anyMatch(SecretsAndUnknowns::containsUnknown);
        }
        return false;
    }

    /** The values that hold no unknown, secrets revealed. */
    static Map<String, Object> known(Map<String, Object> values) {
        var out = new LinkedHashMap<String, Object>();
        values.forEach((k, v) -> {
            if (!containsUnknown(v)) {
                out.put(k, reveal(v));
            }
        });
        return out;
    }

    /** The keys whose values hold an unknown. */
    static Set<String> unknownKeys(Map<String, Object> values) {
        var out = new HashSet<String>();
        values.forEach((k, v) -> {
            if (containsUnknown(v)) {
                out.add(k);
            }
        });
        return out;
    }

    /** The type's secret outputs and every key whose value holds a secret. */
    static Set<String> secretKeys(ResourceHandler handler, Map<String, Object> values) {
        var out = new HashSet<>(handler.secretOutputs());
        values.forEach((k, v) -> {
            if (containsSecret(v)) {
                out.add(k);
            }
        });
        return out;
    }

    /** Wraps the named top-level values as secrets. */
    static Map<String, Object> withSecrets(Map<String, Object> values, Set<String> keys) {
        var out = new LinkedHashMap<String, Object>();
        values.forEach((k, v) -> out.put(k, keys.contains(k) && v != null && !(v instanceof Secret)
                ? new Secret(reveal(v)) : v));
        return out;
    }

    /** Fails outside a preview: the engine sends unknowns to Create and Update only when previewing. */
    static void requireKnownUnlessPreview(boolean preview, Map<String, Object> inputs) {
        if (!preview) {
            throw Status.FAILED_PRECONDITION.withDescription("inputs " + unknownKeys(inputs)
                    + " are still unknown outside a preview; this is an engine bug, please report it").asRuntimeException();
        }
    }

    /** The outputs a previewed create answers: the inputs set, and every output computed by Apigee unknown. */
    static Map<String, Object> previewCreate(ResourceHandler handler, Map<String, Object> inputs) {
        var outputs = new LinkedHashMap<String, Object>();
        for (var key : handler.outputs()) {
            if (inputs.get(key) != null) {
                outputs.put(key, inputs.get(key));
            } else if (!handler.inputs().contains(key)) {
                outputs.put(key, UNKNOWN);
            }
        }
        return outputs;
    }

    /**
     * The outputs a previewed update answers: the new inputs set, and each computed output kept from {@code olds}
     * when the handler says the update keeps it, else unknown.
     */
    static Map<String, Object> previewUpdate(ResourceHandler handler, Map<String, Object> olds, Map<String, Object> news) {
        var outputs = new LinkedHashMap<String, Object>();
        var oldPlain = revealAll(olds);
        var newPlain = revealAll(news);
        for (var key : handler.outputs()) {
            if (news.get(key) != null) {
                outputs.put(key, news.get(key));
            } else if (!handler.inputs().contains(key)) {
                outputs.put(key, handler.keepsOnUpdate(key, oldPlain, newPlain) && olds.get(key) != null
                        ? olds.get(key) : UNKNOWN);
            }
        }
        return outputs;
    }
}
