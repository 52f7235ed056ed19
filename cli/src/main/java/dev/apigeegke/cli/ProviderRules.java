package dev.apigeegke.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.TypeTokens;
import dev.apigeegke.provider.schema.ProviderSchema;
import java.io.IOException;
import java.util.List;

/**
 * Whether a provider's new configuration replaces every resource it manages: what the engine asks the new provider's
 * {@code DiffConfig} when a resource's provider reference changes (pulumi/pulumi
 * pkg/resource/deploy/step_generator.go {@code providerChanged}), answered per package from each provider's own code.
 *
 * <ul>
 *   <li>{@code kubernetes} (pulumi-kubernetes 4.0.0 provider/pkg/provider/provider.go {@code DiffConfig}): a kubeconfig
 *   unknown in the new configuration replaces; otherwise a change of the active cluster (kubeconfig, {@code context},
 *   {@code cluster}) or of {@code renderYamlToDirectory} replaces.</li>
 *   <li>{@code apigee} (this repository's provider): a change of a configuration input its schema marks
 *   {@code replaceOnChanges}.</li>
 *   <li>{@code gcp} and any other package: never. pulumi-gcp 7.0 predates the Terraform bridge's DiffConfig
 *   (pulumi-terraform-bridge#1683, 2024-02), and the engine answers "no replacement" for a provider without one
 *   (sdk/go/common/resource/plugin/provider_plugin.go).</li>
 * </ul>
 */
final class ProviderRules {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> CLUSTER_KEYS = List.of("kubeconfig", "context", "cluster");
    private static final String RENDER_DIRECTORY = "renderYamlToDirectory";

    private ProviderRules() {
    }

    /**
     * The configuration key whose change replaces the resources of {@code pkg}, or null when the new configuration
     * keeps them. {@code sameProvider}: the resources keep the provider resource and only its inputs changed. Both
     * configurations holding the same marker ({@code [unknown]} or {@code [secret]}) for the kubeconfig of the same
     * provider cannot be compared offline, so they do not replace (the diff lists them as not compared).
     */
    static String replacingKey(String pkg, JsonNode before, JsonNode after, boolean sameProvider) {
        if (pkg.equals(TypeTokens.KUBERNETES)) {
            return kubernetes(before, after, sameProvider);
        }
        if (pkg.equals("apigee")) {
            for (String key : ProviderSchema.get().provider().replaceOnChanges()) {
                if (!before.path(key).equals(after.path(key))) {
                    return key;
                }
            }
        }
        return null;
    }

    private static String kubernetes(JsonNode before, JsonNode after, boolean sameProvider) {
        if (!before.path(RENDER_DIRECTORY).equals(after.path(RENDER_DIRECTORY))) {
            return RENDER_DIRECTORY;
        }
        JsonNode was = before.path("kubeconfig");
        JsonNode now = after.path("kubeconfig");
        if (sameProvider && isMarker(was) && was.equals(now)) {
            return null;
        }
        // The provider cannot tell an unknown kubeconfig's cluster, and neither can a plan whose side is a marker.
        if (isMarker(now) || isMarker(was)) {
            return "kubeconfig";
        }
        var clusterBefore = activeCluster(was, before);
        var clusterAfter = activeCluster(now, after);
        if (clusterBefore == null || clusterAfter == null || !clusterBefore.equals(clusterAfter)) {
            return CLUSTER_KEYS.stream().filter(k -> !before.path(k).equals(after.path(k))).findFirst()
                    .orElse("kubeconfig");
        }
        return null;
    }

    /**
     * The cluster entry the kubeconfig's current context (or the {@code context} input) points at, replaced by the
     * {@code cluster} input's entry when set; an empty object when it names none; null when the kubeconfig is not one.
     */
    private static JsonNode activeCluster(JsonNode kubeconfig, JsonNode config) {
        if (kubeconfig.isMissingNode() || kubeconfig.isNull()) {
            return YAML.createObjectNode();
        }
        JsonNode parsed;
        try {
            parsed = kubeconfig.isTextual() ? YAML.readTree(kubeconfig.asText()) : kubeconfig;
        } catch (IOException e) {
            return null;
        }
        if (parsed == null || !parsed.isObject()) {
            return null;
        }
        String context = config.path("context").isTextual() ? config.path("context").asText()
                : parsed.path("current-context").asText("");
        String cluster = named(parsed.path("contexts"), context).path("context").path("cluster").asText("");
        if (config.path("cluster").isTextual()) {
            cluster = config.path("cluster").asText();
        }
        JsonNode entry = named(parsed.path("clusters"), cluster).path("cluster");
        return entry.isMissingNode() ? YAML.createObjectNode() : entry;
    }

    private static JsonNode named(JsonNode list, String name) {
        for (JsonNode item : list) {
            if (item.path("name").asText("").equals(name)) {
                return item;
            }
        }
        return MissingNode.getInstance();
    }

    private static boolean isMarker(JsonNode value) {
        return value.isTextual() && (value.asText().equals(Plan.UNKNOWN) || value.asText().equals(Plan.SECRET));
    }
}
