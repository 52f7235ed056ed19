package dev.apigeegke.examples.common;

import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.cluster.GkeClusterArgs;
import dev.apigeegke.internal.config.NodeScaling;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster a pattern deploys, as its stack configures it.
 *
 * @param prefix             {@code apigee-gke:prefix}: the cluster's name and every resource's prefix
 * @param project            {@code gcp:project}
 * @param location           the cluster's region or zone
 * @param nodesPerZone       {@code apigee-gke:nodesPerZone}; empty: the cluster's default
 * @param machineType        {@code apigee-gke:machineType}; empty: the cluster's default
 * @param deletionProtection {@code apigee-gke:deletionProtection}
 * @param scaling            {@code apigee-gke:autoscaling}, {@code minNodes}, {@code maxNodes}
 */
public record ClusterSettings(String prefix, String project, String location, Optional<Integer> nodesPerZone,
                              Optional<String> machineType, boolean deletionProtection, NodeScaling scaling) {

    /**
     * The cluster's arguments, validated, with each problem named by its stack key; the prefix is checked
     * against every name the cluster derives from it.
     */
    public GkeClusterArgs args() {
        var check = new ProgramCheck();
        var args = args(check, "apigee-gke:location");
        check.throwIfAny();
        return args.orElseThrow();
    }

    /**
     * The cluster's arguments, their problems (and the prefix's, checked against every name the cluster derives from
     * it) recorded in {@code check} under their stack keys; {@code locationKey} is the key the location came from.
     * Empty when they are invalid.
     */
    public Optional<GkeClusterArgs> args(ProgramCheck check, String locationKey) {
        String own = StackReader.NAMESPACE + ":";
        return args(check, Map.of("location", locationKey, "prefix", own + "prefix"));
    }

    /**
     * The cluster's arguments, as {@link #args(ProgramCheck, String)}, each setting's problem named by the stack key in
     * {@code keys} ({@code location}, {@code prefix}, {@code nodesPerZone}, {@code machineType}, {@code minNodes},
     * {@code maxNodes}), or by the pattern's own key ({@code apigee-gke:<setting>}) for a setting {@code keys} leaves out.
     */
    public Optional<GkeClusterArgs> args(ProgramCheck check, Map<String, String> keys) {
        String own = StackReader.NAMESPACE + ":";
        var argumentKeys = ArgumentKeys.of("GkeClusterArgs").key("project", "gcp:project");
        for (String setting : List.of("location", "nodesPerZone", "machineType", "minNodes", "maxNodes")) {
            argumentKeys.key(setting, keys.getOrDefault(setting, own + setting));
        }
        var validated = check.args(argumentKeys, () -> {
            var args = GkeClusterArgs.builder()
                    .project(project)
                    .location(location)
                    .deletionProtection(deletionProtection);
            nodesPerZone.ifPresent(args::nodesPerZone);
            machineType.ifPresent(args::machineType);
            scaling.applyTo(args);
            return args.build();
        });
        check.check(argumentKeys, () -> GkeCluster.requireName(keys.getOrDefault("prefix", own + "prefix"), prefix, validated.orElse(null)));
        return validated;
    }
}
