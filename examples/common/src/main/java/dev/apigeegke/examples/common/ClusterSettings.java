package dev.apigeegke.examples.common;

import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.cluster.GkeClusterArgs;
import dev.apigeegke.internal.config.NodeScaling;
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
        var keys = ArgumentKeys.of("GkeClusterArgs")
                .key("project", "gcp:project")
                .key("location", locationKey)
                .key("nodesPerZone", own + "nodesPerZone")
                .key("machineType", own + "machineType")
                .key("minNodes", own + "minNodes")
                .key("maxNodes", own + "maxNodes");
        var validated = check.args(keys, () -> {
            var args = GkeClusterArgs.builder()
                    .project(project)
                    .location(location)
                    .deletionProtection(deletionProtection);
            nodesPerZone.ifPresent(args::nodesPerZone);
            machineType.ifPresent(args::machineType);
            scaling.applyTo(args);
            return args.build();
        });
        check.check(keys, () -> GkeCluster.requireName(own + "prefix", prefix, validated.orElse(null)));
        return validated;
    }
}
