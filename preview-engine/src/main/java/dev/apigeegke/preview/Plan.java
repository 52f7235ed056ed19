package dev.apigeegke.preview;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * @param providers the providers the resources use, explicit and default, sorted by URN
 */
public record Plan(String project, String stack, List<Resource> resources, Map<String, Object> outputs,
                   Map<String, Map<String, Object>> componentOutputs, List<Provider> providers) {
    /** A plan whose resources use no provider worth listing (tests that build plans by hand). */
    public Plan(String project, String stack, List<Resource> resources, Map<String, Object> outputs,
                Map<String, Map<String, Object>> componentOutputs) {
        this(project, stack, resources, outputs, componentOutputs, List.of());
    }

    /** Shown instead of every secret value. */
    public static final String SECRET = "[secret]";
    /** Shown for values only known after the cloud creates the resource. */
    public static final String UNKNOWN = "[unknown]";
    /**
     * The engine's own value for what only the cloud will know ({@code plugin.UnknownStringValue}), also the id of a
     * provider a preview creates.
     */
    public static final String ENGINE_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

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
     * @param dependencies the URNs it waits for: its {@code dependsOn} and the resources its inputs come from (a
     *                     component stands for every resource under it)
     * @param propertyDependencies for each input that comes from other resources, the URNs it comes from
     * @param options  its resource options
     * @param version  the version of its package it asks for (empty when none)
     */
    public record Resource(String urn, String type, String name, String parent, boolean custom, Map<String, Object> inputs,
                           String provider, List<String> dependencies, Map<String, List<String>> propertyDependencies,
                           Options options, String version) {
        public Resource {
            dependencies = List.copyOf(dependencies);
            var deps = new TreeMap<String, List<String>>();
            propertyDependencies.forEach((k, v) -> deps.put(k, List.copyOf(v)));
            propertyDependencies = Collections.unmodifiableMap(deps);
            version = version == null ? "" : version;
        }

        /** A resource with only the options {@code ignoreChanges} and {@code aliases}. */
        public Resource(String urn, String type, String name, String parent, boolean custom, Map<String, Object> inputs,
                        String provider, List<String> dependencies, List<String> ignoreChanges, List<Alias> aliases) {
            this(urn, type, name, parent, custom, inputs, provider, dependencies, Map.of(),
                    Options.NONE.withIgnoreChanges(ignoreChanges).withAliases(aliases), "");
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

        /** Whether this is a provider resource ({@code pulumi:providers:<package>}). */
        public boolean isProvider() {
            return type.startsWith(TypeTokens.PROVIDER_PREFIX);
        }

        /** The URN of the provider it uses ({@code urn::id} without the id), or null for its package's default provider. */
        public String providerUrn() {
            return provider == null || provider.isEmpty() ? null : urnOfReference(provider);
        }

        /** The URNs it waits for that none of its inputs comes from: what its {@code dependsOn} option adds. */
        public List<String> dependsOn() {
            var fromInputs = new java.util.HashSet<String>();
            propertyDependencies.values().forEach(fromInputs::addAll);
            return dependencies.stream().filter(d -> !fromInputs.contains(d)).sorted().distinct().toList();
        }

        /** The inputs whose changes it ignores after creation. */
        public List<String> ignoreChanges() {
            return options.ignoreChanges();
        }

        /** The former addresses it takes over, as the program gave them. */
        public List<Alias> aliases() {
            return options.aliases();
        }
    }

    /** The provider URN of a provider reference {@code <urn>::<id>} (the engine splits at the last {@code ::}). */
    public static String urnOfReference(String reference) {
        int sep = reference.lastIndexOf("::");
        return sep < 0 ? reference : reference.substring(0, sep);
    }

    /**
     * The resource options a registration carries, as the SDK sent them.
     *
     * @param protect             whether Pulumi refuses to delete it
     * @param deleteBeforeReplace whether a replacement deletes the old resource before creating the new one
     * @param retainOnDelete      whether deleting it leaves the cloud resource in place
     * @param ignoreChanges       the inputs whose changes are ignored after creation
     * @param replaceOnChanges    the inputs whose change replaces it
     * @param additionalSecretOutputs the outputs made secret
     * @param customTimeouts      the operation timeouts it sets ({@code create}, {@code update}, {@code delete} → Go
     *                            duration such as {@code 30m}), only those set
     * @param aliases             the former addresses it takes over
     */
    public record Options(boolean protect, boolean deleteBeforeReplace, boolean retainOnDelete, List<String> ignoreChanges,
                          List<String> replaceOnChanges, List<String> additionalSecretOutputs,
                          Map<String, String> customTimeouts, List<Alias> aliases) {
        /** No option set. */
        public static final Options NONE = new Options(false, false, false, List.of(), List.of(), List.of(), Map.of(),
                List.of());

        public Options {
            ignoreChanges = List.copyOf(ignoreChanges);
            replaceOnChanges = List.copyOf(replaceOnChanges);
            additionalSecretOutputs = List.copyOf(additionalSecretOutputs);
            customTimeouts = Collections.unmodifiableMap(new TreeMap<>(customTimeouts));
            aliases = List.copyOf(aliases);
        }

        Options withIgnoreChanges(List<String> paths) {
            return new Options(protect, deleteBeforeReplace, retainOnDelete, paths, replaceOnChanges,
                    additionalSecretOutputs, customTimeouts, aliases);
        }

        Options withAliases(List<Alias> former) {
            return new Options(protect, deleteBeforeReplace, retainOnDelete, ignoreChanges, replaceOnChanges,
                    additionalSecretOutputs, customTimeouts, former);
        }
    }

    /**
     * A provider the resources use: an explicit provider resource of the program, or the default provider of a
     * package, which the engine creates from the stack's configuration in the package's namespace.
     *
     * @param urn       its URN (a default provider's is {@code ...::pulumi:providers:<pkg>::default_<version>})
     * @param pkg       the package it serves
     * @param isDefault whether the engine creates it (no resource of the program declares it)
     * @param version   the package version (empty when none was asked for)
     * @param inputs    its inputs, secrets masked: a default provider's are the stack's {@code <pkg>:} keys
     * @param users     how many resources use it
     */
    public record Provider(String urn, String pkg, boolean isDefault, String version, Map<String, Object> inputs,
                           int users) {
        public Provider {
            inputs = Collections.unmodifiableMap(new TreeMap<>(inputs));
        }

        /**
         * The name the engine gives the default provider of a package at {@code version}: {@code default}, or
         * {@code default_} and the version with dots and other separators as underscores ({@code default_7_0_0}).
         */
        public static String defaultName(String version) {
            if (version == null || version.isEmpty()) {
                return "default";
            }
            return "default_" + version.replaceAll("[^A-Za-z0-9]", "_");
        }

        /** The URN the engine gives the default provider of {@code pkg} at {@code version} in a stack: top-level. */
        public static String defaultUrn(String project, String stack, String pkg, String version) {
            return "urn:pulumi:" + stack + "::" + project + "::" + TypeTokens.PROVIDER_PREFIX + pkg + "::"
                    + defaultName(version);
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
