package dev.apigeegke.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.TypeTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The providers of two plan.json trees side by side: which provider each resource uses on each side, and whether a
 * change of provider (or of a provider's own configuration) replaces the resources it manages, as the engine decides
 * it ({@link ProviderRules}).
 */
final class ProviderChanges {
    private final Map<String, JsonNode> oldInputs = new HashMap<>();
    private final Map<String, JsonNode> newInputs = new HashMap<>();
    private final Map<String, String> oldDefaults = new HashMap<>();
    private final Map<String, String> newDefaults = new HashMap<>();
    private final Map<String, String> earlier;
    /** The providers with an input unknown because its resource is created or replaced (not a marker of both plans). */
    private final Set<String> renewedInputs = new HashSet<>();

    /**
     * What happens to one resource because of its provider.
     *
     * @param from    the provider URN it used
     * @param to      the provider URN it uses now, followed by {@code ::[unknown]} when that provider is created or
     *                replaced (its ID is only known after apply), as Pulumi prints it
     * @param replace whether the resource is replaced because of it
     */
    record Step(String from, String to, boolean replace) {
    }

    /** {@code earlier}: each current URN's URN in the earlier plan, as {@code Aliases.match} found it. */
    ProviderChanges(JsonNode before, JsonNode after, Map<String, String> earlier) {
        this.earlier = earlier;
        read(before, oldInputs, oldDefaults);
        read(after, newInputs, newDefaults);
    }

    private static void read(JsonNode plan, Map<String, JsonNode> inputs, Map<String, String> defaults) {
        for (JsonNode p : plan.path("providers")) {
            inputs.put(p.path("urn").asText(), p.path("inputs"));
            if (p.path("default").asBoolean()) {
                defaults.put(p.path("package").asText(), p.path("urn").asText());
            }
        }
        // A provider resource's own inputs, as the program declared them, win over the listing's.
        for (JsonNode r : plan.path("resources")) {
            if (r.path("type").asText().startsWith(TypeTokens.PROVIDER_PREFIX)) {
                inputs.put(r.path("urn").asText(), r.path("inputs"));
            }
        }
    }

    /**
     * The configuration key that replaces the provider {@code urn} of the current plan (an explicit provider resource
     * or a default provider), or null when it is kept or is new.
     */
    String replacingKey(String urn) {
        JsonNode was = oldInputs.get(earlier.getOrDefault(urn, urn));
        JsonNode now = newInputs.get(urn);
        if (was == null || now == null) {
            return null;
        }
        return ProviderRules.replacingKey(packageOf(urn), was, now, !renewedInputs.contains(urn));
    }

    /**
     * Takes each input of a provider resource of {@code now} that comes from a resource in {@code renewed} (created or
     * replaced) as unknown, as Pulumi's preview does; returns those inputs as {@code name: input (from resource)}.
     */
    List<String> unknownWhenRenewed(Plan now, Set<String> renewed) {
        var names = new HashMap<String, String>();
        now.resources().forEach(r -> names.put(r.urn(), r.name()));
        var found = new ArrayList<String>();
        for (var provider : now.resources()) {
            if (!provider.isProvider() || !(newInputs.get(provider.urn()) instanceof ObjectNode config)) {
                continue;
            }
            var copy = config.deepCopy();
            provider.propertyDependencies().forEach((input, from) -> from.stream().filter(renewed::contains).findFirst()
                    .ifPresent(urn -> {
                        copy.put(input, Plan.UNKNOWN);
                        renewedInputs.add(provider.urn());
                        found.add(provider.name() + ": " + input + " (from " + names.get(urn) + ")");
                    }));
            newInputs.put(provider.urn(), copy);
        }
        return found;
    }

    /** What the provider does to the custom resource {@code type}, {@code was} in the earlier plan, {@code now} in this one. */
    Step step(String type, JsonNode was, JsonNode now) {
        String pkg = TypeTokens.packageOf(type);
        String from = reference(was, oldDefaults, pkg);
        String to = reference(now, newDefaults, pkg);
        boolean created = !oldInputs.containsKey(earlier.getOrDefault(to, to));
        boolean replaced = replacingKey(to) != null;
        String shownTo = created || replaced ? to + "::" + Plan.UNKNOWN : to;
        if (from.equals(to) || from.equals(earlier.get(to))) {
            return replaced ? new Step(from, shownTo, true) : null;
        }
        JsonNode before = oldInputs.getOrDefault(from, MissingNode.getInstance());
        JsonNode after = newInputs.getOrDefault(to, MissingNode.getInstance());
        return new Step(from, shownTo, ProviderRules.replacingKey(pkg, before, after, false) != null);
    }

    /** The provider URN a resource of plan.json names, its package's default provider for {@code default}. */
    private static String reference(JsonNode resource, Map<String, String> defaults, String pkg) {
        String provider = resource.path("provider").asText(PlanWriter.DEFAULT_PROVIDER);
        return provider.equals(PlanWriter.DEFAULT_PROVIDER) ? defaults.getOrDefault(pkg, provider) : provider;
    }

    /** The package of a provider URN ({@code ...$pulumi:providers:kubernetes::name}). */
    private static String packageOf(String providerUrn) {
        String type = providerUrn.substring(0, providerUrn.lastIndexOf("::"));
        type = type.substring(type.lastIndexOf("::") + 2);
        type = type.substring(type.lastIndexOf('$') + 1);
        return type.startsWith(TypeTokens.PROVIDER_PREFIX) ? type.substring(TypeTokens.PROVIDER_PREFIX.length()) : type;
    }
}
