package dev.apigeegke.internal.config;

import dev.apigeegke.cluster.GkeClusterArgs;
import java.util.Optional;

/**
 * The node-pool autoscaling settings of a pattern program's stack, under the names of the
 * {@link GkeClusterArgs} arguments: {@code autoscaling} (default true), {@code minNodes} and {@code maxNodes}
 * (default: the cluster's, 3 and 6).
 *
 * @param autoscaling whether the cluster autoscaler sizes the pool
 * @param minNodes    the fewest nodes in all zones together
 * @param maxNodes    the most nodes in all zones together
 */
public record NodeScaling(boolean autoscaling, Optional<Integer> minNodes, Optional<Integer> maxNodes) {
    /** Autoscaling with the cluster's default limits. */
    public static final NodeScaling DEFAULT = new NodeScaling(true, Optional.empty(), Optional.empty());

    /** Reads the keys {@code autoscaling}, {@code minNodes} and {@code maxNodes}; a malformed value is a problem of {@code stack}. */
    public static NodeScaling read(StackConfig stack) {
        return new NodeScaling(stack.bool("autoscaling", true), stack.integer("minNodes"), stack.integer("maxNodes"));
    }

    /** Sets these settings on {@code args}; {@link GkeClusterArgs.Builder#build()} validates them. */
    public GkeClusterArgs.Builder applyTo(GkeClusterArgs.Builder args) {
        args.autoscaling(autoscaling);
        minNodes.ifPresent(args::minNodes);
        maxNodes.ifPresent(args::maxNodes);
        return args;
    }
}
