package dev.apigeegke.preview;

import java.util.List;
import java.util.Map;

/**
 * What a program declared, as the engine would receive it: every resource with its inputs, and the
 * stack outputs. Secret values are already replaced by {@link #SECRET}; values only the cloud
 * can know are {@link #UNKNOWN}.
 *
 * @param project   the Pulumi project name
 * @param stack     the stack name
 * @param resources the resources, sorted by URN
 * @param outputs   the stack outputs by name
 * @param componentOutputs the outputs each component registered, by the component's URN
 */
public record Plan(String project, String stack, List<Resource> resources, Map<String, Object> outputs,
                   Map<String, Map<String, Object>> componentOutputs) {
    /** Shown instead of every secret value. */
    public static final String SECRET = "[secret]";
    /** Shown for values only known after the cloud creates the resource. */
    public static final String UNKNOWN = "[unknown]";

    /**
     * One registered resource.
     *
     * @param urn    its URN
     * @param type   its type token
     * @param name   its logical name
     * @param parent the parent's URN, or null for the stack itself
     * @param custom whether it is a custom (cloud) resource rather than a component
     * @param inputs   its inputs
     * @param provider the explicit provider reference ({@code urn::id}), or null for the default provider
     * @param dependencies  the URNs it waits for: its {@code dependsOn} and the resources its inputs come from
     * @param ignoreChanges the inputs whose changes it ignores after creation
     * @param aliases       the former addresses it takes over, as the program gave them
     */
    public record Resource(String urn, String type, String name, String parent, boolean custom, Map<String, Object> inputs,
                           String provider, List<String> dependencies, List<String> ignoreChanges, List<Alias> aliases) {
        public Resource {
            dependencies = List.copyOf(dependencies);
            ignoreChanges = List.copyOf(ignoreChanges);
            aliases = List.copyOf(aliases);
        }

        /** A resource without aliases. */
        public Resource(String urn, String type, String name, String parent, boolean custom, Map<String, Object> inputs,
                        String provider, List<String> dependencies, List<String> ignoreChanges) {
            this(urn, type, name, parent, custom, inputs, provider, dependencies, ignoreChanges, List.of());
        }

        /** A resource that waits for nothing, ignores no change and has no alias. */
        public Resource(String urn, String type, String name, String parent, boolean custom, Map<String, Object> inputs,
                        String provider) {
            this(urn, type, name, parent, custom, inputs, provider, List.of(), List.of(), List.of());
        }

        /** Whether this is a Kubernetes object (not the Kubernetes provider). */
        public boolean isKubernetesObject() {
            return custom && TypeTokens.packageOf(type).equals(TypeTokens.KUBERNETES);
        }
    }

    /**
     * One alias of a resource, as the SDK sends it: a former URN, or the parts of the former address that differ
     * from the current one (null when the same). {@link Aliases} resolves them the way Pulumi's engine does.
     *
     * @param urn      the former URN itself, or null
     * @param name     the former name
     * @param type     the former type token
     * @param parent   the URN of the former parent
     * @param noParent whether it was at the top of the stack
     * @param project  the former project
     * @param stack    the former stack
     */
    public record Alias(String urn, String name, String type, String parent, boolean noParent, String project, String stack) {
        /** An alias naming the former URN. */
        public static Alias of(String urn) {
            return new Alias(urn, null, null, null, false, null, null);
        }
    }

    /** The outputs {@code component} registered (empty when it registered none). */
    public Map<String, Object> outputsOf(Resource component) {
        return componentOutputs.getOrDefault(component.urn(), Map.of());
    }

    /** The resources of one type. */
    public List<Resource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The one resource of {@code type} named {@code name}. */
    public Resource get(String type, String name) {
        return resources.stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + type + " named " + name));
    }
}
