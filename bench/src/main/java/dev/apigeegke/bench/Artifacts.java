package dev.apigeegke.bench;

import com.pulumi.resources.internal.Stack;
import java.util.List;
import java.util.Map;

/**
 * The static files a plain program keeps next to its code and the baseline programs read instead of
 * generating them: the Apigee proxy bundles (zip, base64) with their hashes, and the gateways' configuration
 * files. They are taken, before any timing, from a run of the components program, so the baseline deploys
 * exactly the same bundles and configurations; generating them is counted as the components' work.
 */
public final class Artifacts {
    private final Map<String, Map<String, Object>> inputs;
    private final int componentCount;

    private Artifacts(Map<String, Map<String, Object>> inputs, int componentCount) {
        this.inputs = inputs;
        this.componentCount = componentCount;
    }

    /** The artifacts of a components run. */
    public static Artifacts from(Recording components) {
        int count = (int) components.plan().resources().stream()
                .filter(r -> !r.custom() && !r.type().equals(Stack.RootPulumiStackTypeName)).count();
        return new Artifacts(components.inputs(), count);
    }

    /** How many component resources the components program registered. */
    public int componentCount() {
        return componentCount;
    }

    /**
     * The text at {@code path} (dot-separated keys) in the inputs of resource {@code type}/{@code name}, e.g.
     * {@code text("apigee:index:ApiProxy", "apigee-p1-api", "bundle")}.
     */
    public String text(String type, String name, String path) {
        Object value = inputs.get(Recording.key(type, name));
        if (value == null) {
            throw new IllegalArgumentException("no artifact: no " + type + " named " + name + " in the components run");
        }
        for (String key : List.of(path.split("\\."))) {
            if (!(value instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw new IllegalArgumentException("no artifact: " + type + " " + name + " has no " + path);
            }
            value = map.get(key);
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("no artifact: " + type + " " + name + " " + path + " is not text");
        }
        return text;
    }
}
