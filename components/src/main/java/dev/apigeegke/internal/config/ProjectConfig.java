package dev.apigeegke.internal.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The configuration a Pulumi project declares in the {@code config:} block of its {@code Pulumi.yaml}, with the
 * rules the Pulumi CLI applies to it before a program runs, so that an offline run refuses what {@code pulumi preview}
 * refuses, with the same words. The rules and messages are Pulumi's (sdk/go/common/workspace): {@code Project.Validate}
 * and {@code ValidateConfigValue} in project.go for the declaration, {@code mergeConfig} and
 * {@code validateStackConfigValues} in config.go for a stack's values.
 */
public final class ProjectConfig {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    // strconv.Atoi: an optional sign and ASCII digits, in 64 bits.
    private static final Pattern ATOI = Pattern.compile("[+-]?[0-9]+");
    private static final Set<String> TYPES = Set.of("string", "integer", "boolean", "array", "object");

    /**
     * The element type of an array declaration.
     *
     * @param type  the elements' type
     * @param items their element type, when they are arrays
     */
    public record Items(String type, Items items) {
    }

    /**
     * One declared key.
     *
     * @param key          the key as written in {@code Pulumi.yaml} (Pulumi's messages name it so)
     * @param type         {@code string}, {@code integer}, {@code boolean}, {@code array}, {@code object}; null: untyped
     * @param items        the element type of an array
     * @param description  what the key does
     * @param defaultValue the value a stack gets when it does not set the key (a project-namespaced key only), or null
     * @param value        the value every stack gets unless it sets the key, or null
     * @param secret       whether a stack must set it encrypted
     */
    public record Declaration(String key, String type, Items items, String description, Object defaultValue, Object value,
                              boolean secret) {
        /** Pulumi's name of the type, {@code array<string>} for an array of strings ({@code InferFullTypeName}). */
        public String typeName() {
            return fullTypeName(type, items);
        }

        /** The default as the program receives it: text for a scalar, JSON for a list or an object; empty without one. */
        public Optional<String> wireDefault() {
            return defaultValue == null ? Optional.empty() : Optional.of(wire(defaultValue));
        }
    }

    /** A stack's configuration the Pulumi CLI refuses; the message is the CLI's. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message the CLI's message */
        public Refused(String message) {
            super(message);
        }
    }

    private final String project;
    private final Map<String, Declaration> declarations;

    private ProjectConfig(String project, Map<String, Declaration> declarations) {
        this.project = project;
        this.declarations = declarations;
    }

    /** The project and its declarations in the text of a {@code Pulumi.yaml}. */
    public static ProjectConfig parse(String pulumiYaml) throws IOException {
        Map<?, ?> root = YAML.readValue(pulumiYaml, Map.class);
        String project = root == null ? "" : String.valueOf(root.get("name"));
        var declarations = new LinkedHashMap<String, Declaration>();
        Object config = root == null ? null : root.get("config");
        if (config instanceof Map<?, ?> entries) {
            for (var entry : entries.entrySet()) {
                String key = String.valueOf(entry.getKey());
                declarations.put(key, declaration(project, key, entry.getValue()));
            }
        }
        return new ProjectConfig(project, Collections.unmodifiableMap(declarations));
    }

    private static Declaration declaration(String project, String key, Object raw) {
        if (!(raw instanceof Map<?, ?> m)) {
            // RewriteShorthandConfigValues: a bare value is the default of a project key, the value of another's.
            boolean own = namespacedByProject(project, key);
            return new Declaration(key, null, null, "", own ? raw : null, own ? null : raw, false);
        }
        return new Declaration(key, m.get("type") == null ? null : String.valueOf(m.get("type")), items(m.get("items")),
                m.get("description") == null ? "" : String.valueOf(m.get("description")), m.get("default"), m.get("value"),
                Boolean.TRUE.equals(m.get("secret")));
    }

    private static Items items(Object raw) {
        if (!(raw instanceof Map<?, ?> m)) {
            return null;
        }
        return new Items(String.valueOf(m.get("type")), items(m.get("items")));
    }

    /** The project's name: the namespace of its own keys. */
    public String project() {
        return project;
    }

    /** The declarations, in the order of the file. */
    public List<Declaration> declarations() {
        return List.copyOf(declarations.values());
    }

    /** The declaration of {@code namespace:key}, however it is written in the file. */
    public Optional<Declaration> get(String fullKey) {
        return declarations.values().stream().filter(d -> fullKey(d.key()).equals(fullKey)).findFirst();
    }

    /** The full {@code namespace:key} of a key as written in the file ({@code parseConfigKey}). */
    public String fullKey(String key) {
        return key.contains(":") ? key : project + ":" + key;
    }

    /**
     * The first problem of the declaration itself, as the CLI reports it when it loads the project
     * ({@code Project.Validate}); the keys are taken in order, where Go's map order is random.
     */
    public Optional<String> validate() {
        for (var d : new TreeMap<>(declarations).values()) {
            String key = d.key();
            if (d.defaultValue() != null && d.value() != null) {
                return Optional.of("project config '" + key + "' cannot have both a 'default' and 'value' attribute");
            }
            if (d.type() != null && !TYPES.contains(d.type())) {
                // The project schema's SimpleConfigType enumeration refuses it before Validate runs.
                return Optional.of("Pulumi.yaml: config." + key + ".type must be string, integer, boolean, array or object");
            }
            if (namespacedByProject(project, key)) {
                if ("array".equals(d.type()) && d.items() == null) {
                    return Optional.of("The configuration key '" + key + "' declares an array "
                            + "but does not specify the underlying type via the 'items' attribute");
                }
                if (d.type() != null && d.defaultValue() != null && !valid(d.type(), d.items(), d.defaultValue())) {
                    return Optional.of("The default value specified for configuration key '" + key
                            + "' is not of the expected type '" + d.typeName() + "'");
                }
            } else {
                if (d.type() != null) {
                    return Optional.of("Configuration key '" + key + "' is not namespaced by the project and should not define a type");
                }
                if (d.defaultValue() != null) {
                    return Optional.of("Configuration key '" + key + "' is not namespaced by the project and "
                            + "should not define a default value. Did you mean to use the 'value' attribute instead of 'default'?");
                }
                if (d.value() == null) {
                    return Optional.of("Configuration key '" + key + "' is namespaced and must provide an attribute 'value'");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A stack's configuration as the program receives it from the CLI ({@code mergeConfig}): the declared default or
     * value of every key the stack does not set, after refusing the stack when a key without either is missing, then
     * when a value is not of its declared type or a secret one is not encrypted.
     *
     * @param stack      the stack's name, as the messages name it
     * @param config     the stack's {@code namespace:key} values, lists and objects as JSON
     * @param objectKeys the keys whose values are lists or objects in the stack file (the others are text)
     * @param secureKeys the keys whose values are encrypted; offline they cannot be decrypted, so their type is not checked
     * @throws Refused with the CLI's message
     */
    public Map<String, String> apply(String stack, Map<String, String> config, Set<String> objectKeys, Set<String> secureKeys)
            throws Refused {
        var merged = new TreeMap<>(config);
        var applied = new HashSet<String>();
        var missing = new ArrayList<String>();
        var sorted = new TreeMap<>(declarations);
        for (var d : sorted.values()) {
            String key = fullKey(d.key());
            if (merged.containsKey(key)) {
                continue;
            }
            if (d.value() == null && d.defaultValue() == null) {
                if (key.startsWith(project + ":")) {
                    missing.add(d.key());
                }
                continue;
            }
            merged.put(key, wire(d.defaultValue() != null ? d.defaultValue() : d.value()));
            applied.add(key);
        }
        if (!missing.isEmpty()) {
            throw new Refused("Stack '" + stack + "' is missing configuration " + (missing.size() > 1 ? "values " : "value ")
                    + formatMissingKeys(missing));
        }
        for (var d : sorted.values()) {
            String key = fullKey(d.key());
            boolean secure = secureKeys.contains(key);
            if (d.type() == null) {
                continue;
            }
            if (d.secret() && !secure) {
                throw new Refused("Stack '" + stack + "' with configuration key '" + d.key() + "' must be encrypted as it's secret");
            }
            if (secure || !merged.containsKey(key)) {
                continue;
            }
            boolean object = applied.contains(key) ? isStructured(d.defaultValue() != null ? d.defaultValue() : d.value())
                    : objectKeys.contains(key);
            if (!valid(d.type(), d.items(), content(merged.get(key), object))) {
                throw new Refused("Stack '" + stack + "' with configuration key '" + d.key() + "' must be of type '" + d.typeName() + "'");
            }
        }
        return merged;
    }

    /** {@code formatMissingKeys}: 'a', 'a' and 'b', 'a', 'b' and 'c'. */
    private static String formatMissingKeys(List<String> keys) {
        if (keys.size() == 1) {
            return "'" + keys.get(0) + "'";
        }
        var sorted = keys.stream().sorted().toList();
        var sb = new StringBuilder();
        for (int i = 0; i < sorted.size(); i++) {
            if (i == sorted.size() - 1) {
                sb.append("and '").append(sorted.get(i)).append("'");
            } else if (i == sorted.size() - 2) {
                sb.append("'").append(sorted.get(i)).append("' ");
            } else {
                sb.append("'").append(sorted.get(i)).append("', ");
            }
        }
        return sb.toString();
    }

    /** A stack value as {@code ValidateConfigValue} sees it: the text itself, or the parsed JSON of a list or object. */
    private static Object content(String text, boolean object) {
        if (!object) {
            return text;
        }
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    private static boolean isStructured(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?>;
    }

    /** {@code ValidateConfigValue}: whether {@code value} (text, or parsed YAML/JSON) is of the declared type. */
    static boolean valid(String type, Items items, Object value) {
        switch (type) {
            case "string":
                return value instanceof String;
            case "integer":
                if (value instanceof Integer || value instanceof Long) {
                    return true;
                }
                if (value instanceof Number n) {
                    return n.doubleValue() == Math.rint(n.doubleValue());
                }
                return value instanceof String s && ATOI.matcher(s).matches() && fitsInt64(s);
            case "boolean":
                return "true".equals(value) || "false".equals(value) || value instanceof Boolean;
            case "object":
                return value instanceof Map<?, ?>;
            default:
                if (!(value instanceof List<?> list) || items == null) {
                    return false;
                }
                return list.stream().allMatch(item -> valid(items.type(), items.items(), item));
        }
    }

    private static boolean fitsInt64(String s) {
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String fullTypeName(String type, Items items) {
        return items != null ? "array<" + fullTypeName(items.type(), items.items()) + ">" : type;
    }

    /** {@code createConfigValue}: a scalar as its text, a list or an object as JSON (keys sorted, as Go writes them). */
    static String wire(Object value) {
        if (!isStructured(value)) {
            return String.valueOf(value);
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a YAML value is always JSON", e);
        }
    }

    private static boolean namespacedByProject(String project, String key) {
        return !key.contains(":") || key.startsWith(project + ":");
    }
}
