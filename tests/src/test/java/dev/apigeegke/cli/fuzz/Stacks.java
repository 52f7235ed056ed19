package dev.apigeegke.cli.fuzz;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apigeegke.cli.fuzz.BadValues.Bad;
import dev.apigeegke.testing.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The sample stacks the generated ones start from, and how a generated stack file is written and shown. */
final class Stacks {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Map<String, Map<String, Object>> BASES = new ConcurrentHashMap<>();

    private Stacks() {
    }

    /**
     * A stack file to preview with {@code pattern}.
     *
     * @param pattern  the pattern previewed
     * @param document the whole YAML document (normally a map holding {@code config:})
     * @param broken   the keys made wrong, empty for a valid stack
     * @param note     what was done to the file, for the report of a failing case
     */
    record StackCase(String pattern, Object document, List<Bad> broken, String note) {
        String yaml() {
            return Stacks.yaml(document);
        }

        @Override
        public String toString() {
            // What QuickTheories prints for a failing case (its smallest and other failing values): the stack file itself, invisible characters spelled out.
            return pattern + ", " + note + "; the stack file:\n" + visible(yaml());
        }
    }

    /**
     * The {@code config:} of the repository's {@code Pulumi.<pattern>.yaml}; pattern 1's with a rate ban, so that its
     * interval and duration are read.
     */
    static Map<String, Object> base(String pattern) {
        var base = BASES.computeIfAbsent(pattern, p -> {
            try {
                var file = YAML.readValue(Files.readString(Repo.root().resolve("Pulumi." + p + ".yaml")), Map.class);
                @SuppressWarnings("unchecked")
                var config = new LinkedHashMap<String, Object>((Map<String, Object>) file.get("config"));
                if (p.equals(StackKeys.P1)) {
                    config.put("apigee-gke:rateBanCount", 600);
                }
                return config;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new LinkedHashMap<>(base);
    }

    /** The base stack of {@code pattern} with every key {@code changes} names set to its value (after each key's context). */
    static Map<String, Object> with(String pattern, List<Bad> changes) {
        var config = base(pattern);
        for (var change : changes) {
            change.key().context().forEach((k, v) -> {
                if (v == null) {
                    config.remove(k);
                } else {
                    config.put(k, v);
                }
            });
        }
        for (var change : changes) {
            config.put(change.key().name(), change.value());
        }
        return config;
    }

    /** A stack file with {@code config} as its {@code config:} section. */
    static StackCase file(String pattern, Map<String, Object> config, List<Bad> broken, String note) {
        var document = new LinkedHashMap<String, Object>();
        document.put("config", config);
        return new StackCase(pattern, document, broken, note);
    }

    /**
     * A {@code config:} map that gives one key twice, the second time with another value: YAML forbids it, and a
     * reader that keeps the last value silently runs with a setting the user may not have meant.
     *
     * @param config the settings
     * @param key    the key given again
     * @param again  its second value
     */
    record RepeatedKey(Map<String, Object> config, String key, Object again) implements JsonSerializable {
        @Override
        public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartObject();
            for (var entry : config.entrySet()) {
                gen.writeFieldName(entry.getKey());
                gen.writeObject(entry.getValue());
            }
            gen.writeFieldName(key);
            gen.writeObject(again);
            gen.writeEndObject();
        }

        @Override
        public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer) throws IOException {
            serialize(gen, serializers);
        }
    }

    static String yaml(Object document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} with every character outside printable ASCII (and the line break) written as {@code \\uXXXX}. */
    static String visible(String text) {
        var sb = new StringBuilder();
        text.chars().forEach(c -> {
            if (c == '\n' || (c >= 0x20 && c < 0x7F)) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\u%04X", c));
            }
        });
        return sb.toString();
    }
}
