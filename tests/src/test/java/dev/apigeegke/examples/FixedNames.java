package dev.apigeegke.examples;

import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.TypeTokens;
import dev.apigeegke.provider.schema.ProviderSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resources whose name the program fixes, and whether a replacement of one deletes the old resource before it
 * creates the new one: Pulumi's default creates first, and a create under a name the old resource still holds fails.
 * Each provider's own rule is encoded here, with its source:
 * <ul>
 *   <li>gcp (pulumi-gcp 7.0.0, pulumi-terraform-bridge v3.63): {@code provider/resources.go} calls
 *       {@code prov.SetAutonaming(255, "-")}, which auto-names every resource's input string {@code name} (bridge
 *       {@code SetAutonaming}, skipped only where the resource configures {@code name} itself); the bridge's Diff
 *       answers deleteBeforeReplace for any replacement when such a field was set by the program
 *       ({@code pkg/tfbridge/provider.go} {@code nameRequiresDeleteBeforeReplace}). Other name inputs, such as a
 *       service account's {@code accountId}, have no AutoName in 7.0.0: no rule.</li>
 *   <li>kubernetes (pulumi-kubernetes v4.0.0, {@code provider/pkg/provider/provider.go} Diff): deleteBeforeReplace
 *       when the object is replaced, its {@code metadata.name} is set by the program and stays the same, in the same
 *       namespace.</li>
 *   <li>apigee (this repository's provider, {@code InputDiff} and {@code ResourceHandler.deleteBeforeReplace}): only a
 *       change of a {@code replaceOnChanges} input of the schema replaces a resource. Where every such input is part of
 *       the resource's address on Apigee (its name, email or environment), the replacement has another address and
 *       collides with nothing; the ApiProxy handler also deletes first when the old and new proxies share a base
 *       path.</li>
 * </ul>
 */
final class FixedNames {
    /** The gcp inputs that name the resource in GCP. */
    private static final List<String> GCP_NAMES = List.of("name", "accountId");
    /** The gcp name input pulumi-gcp 7.0.0 auto-names, so the bridge deletes first when the program sets it. */
    private static final String GCP_AUTONAMED = "name";
    /** The apigee inputs that name a resource, and those that address it on Apigee (a name within its scope). */
    private static final List<String> APIGEE_NAMES = List.of("name", "email");
    private static final Set<String> APIGEE_ADDRESS = Set.of("name", "email", "developerEmail", "environment");

    /** A resource with a fixed name, and why its replacement cannot collide (empty: nothing prevents it). */
    record Finding(Plan.Resource resource, String name, Optional<String> coveredBy) {
    }

    private FixedNames() {
    }

    /** The resources of {@code plan} whose name the program fixes, each with what covers its replacement. */
    static List<Finding> of(Plan plan) {
        var found = new ArrayList<Finding>();
        for (var r : plan.resources()) {
            if (!r.custom() || r.isProvider()) {
                continue;
            }
            fixedName(r).ifPresent(name -> found.add(new Finding(r, name, coveredBy(r, name))));
        }
        return found;
    }

    /** The input that fixes the resource's name ({@code metadata.name} for Kubernetes), if the program sets one. */
    static Optional<String> fixedName(Plan.Resource r) {
        var inputs = r.inputs();
        return switch (TypeTokens.packageOf(r.type())) {
            case "gcp" -> GCP_NAMES.stream().filter(k -> inputs.get(k) != null).findFirst();
            case "apigee" -> APIGEE_NAMES.stream().filter(k -> inputs.get(k) != null).findFirst();
            default -> r.isKubernetesObject() && inputs.get("metadata") instanceof Map<?, ?> m && m.get("name") != null
                    ? Optional.of("metadata.name") : Optional.empty();
        };
    }

    private static Optional<String> coveredBy(Plan.Resource r, String name) {
        if (r.options().deleteBeforeReplace()) {
            return Optional.of("the deleteBeforeReplace option");
        }
        return switch (TypeTokens.packageOf(r.type())) {
            case "gcp" -> name.equals(GCP_AUTONAMED)
                    ? Optional.of("pulumi-terraform-bridge: a program-set auto-named `name` deletes first") : Optional.empty();
            case "apigee" -> ProviderSchema.get().resource(r.type())
                    .filter(schema -> APIGEE_ADDRESS.containsAll(schema.replaceOnChanges()))
                    .map(schema -> "the apigee provider replaces it only for a new address " + schema.replaceOnChanges());
            default -> Optional.of("pulumi-kubernetes: a program-set metadata.name kept by the replacement deletes first");
        };
    }
}
