package dev.apigeegke.preview;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.apigeegke.internal.config.ProjectConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A stack's configuration read from {@code Pulumi.<stack>.yaml} the way the Pulumi CLI hands it to a
 * program: keys as {@code namespace:key}, structured values (lists, objects) as JSON text. A
 * {@code secure:} value cannot be decrypted offline; it is passed as a placeholder marked secret.
 *
 * @param config     the configuration
 * @param secretKeys the keys whose values are secrets
 * @param objectKeys the keys whose values are lists or objects in the file (the CLI types them as such, not as text)
 */
public record StackFile(Map<String, String> config, Set<String> secretKeys, Set<String> objectKeys) {
    /** Stands in for an encrypted value, which only the Pulumi CLI can decrypt. */
    public static final String ENCRYPTED_PLACEHOLDER = "offline-preview-placeholder";
    /** A key given twice is refused, as the CLI's YAML reader refuses it ("mapping key ... already defined"). */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A configuration without lists or objects. */
    public StackFile(Map<String, String> config, Set<String> secretKeys) {
        this(config, secretKeys, Set.of());
    }

    /** Reads {@code path}; keys without a namespace belong to {@code project}. */
    public static StackFile read(Path path, String project) throws IOException {
        Map<?, ?> root = root(path);
        var config = new TreeMap<String, String>();
        var secrets = new TreeSet<String>();
        var objects = new TreeSet<String>();
        Object section = root == null ? null : root.get("config");
        if (section != null && !(section instanceof Map<?, ?>)) {
            throw new IOException(path + ": config: must be a mapping of keys to values, e.g.\n  config:\n"
                    + "    gcp:project: my-gcp-project");
        }
        if (section instanceof Map<?, ?> entries) {
            for (var entry : entries.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (!key.contains(":")) {
                    key = project + ":" + key;
                }
                Object value = entry.getValue();
                if (value instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("secure")) {
                    secrets.add(key);
                    config.put(key, ENCRYPTED_PLACEHOLDER);
                } else if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
                    objects.add(key);
                    config.put(key, JSON.writeValueAsString(value));
                } else {
                    config.put(key, value == null ? "" : String.valueOf(value));
                }
            }
        }
        return new StackFile(config, secrets, objects);
    }

    /** The stack file's top-level mapping (null when the file is empty); refused when it is not a mapping or repeats a key. */
    private static Map<?, ?> root(Path path) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(path));
        } catch (JsonParseException e) {
            String key = e.getProcessor() == null ? null : e.getProcessor().getParsingContext().getCurrentName();
            String what = e.getOriginalMessage().startsWith("Duplicate field")
                    ? "a key is given twice (" + e.getOriginalMessage().replace("Duplicate field", "key") + "): keep one"
                    : (key == null ? "" : "the value of key '" + key + "' is ") + "not YAML the Pulumi CLI reads: " + e.getOriginalMessage();
            throw new IOException(path + ", line " + e.getLocation().getLineNr() + ": " + what);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return null;
        }
        if (!root.isObject()) {
            throw new IOException(path + ": a stack file is a mapping with a config: section, e.g.\n  config:\n"
                    + "    gcp:project: my-gcp-project");
        }
        return YAML.treeToValue(root, Map.class);
    }

    /**
     * This configuration as the Pulumi CLI hands it to the program of the project in {@code dir}, whose
     * {@code Pulumi.yaml} may declare keys: their defaults applied; refused, with the CLI's message, when a required
     * key is missing or a value is not of its declared type.
     */
    public StackFile withProjectConfig(Path dir, String stack) throws IOException, ProjectConfig.Refused {
        var project = ProjectConfig.parse(Files.readString(dir.resolve("Pulumi.yaml")));
        var invalid = project.validate();
        if (invalid.isPresent()) {
            throw new ProjectConfig.Refused(invalid.get());
        }
        try {
            return new StackFile(project.apply(stack, config, secretKeys, objectKeys), secretKeys, objectKeys);
        } catch (ProjectConfig.Refused e) {
            // As `pulumi preview` and `pulumi up` wrap it (pkg/cmd/pulumi/operations).
            throw new ProjectConfig.Refused("validating stack config: " + e.getMessage());
        }
    }

    /** The project name from {@code Pulumi.yaml} in {@code dir}. */
    public static String projectName(Path dir) throws IOException {
        Map<?, ?> root = YAML.readValue(Files.readString(dir.resolve("Pulumi.yaml")), Map.class);
        return String.valueOf(root.get("name"));
    }
}
