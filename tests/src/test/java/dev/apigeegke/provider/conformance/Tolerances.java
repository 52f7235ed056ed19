package dev.apigeegke.provider.conformance;

import dev.apigeegke.provider.api.ApigeePlatform;
import java.util.List;

/**
 * Deviations of the emulator's answers from a description that are kept on purpose, each with its reason. The
 * judge does not fail them, and the coverage line counts them, so none is silent.
 */
final class Tolerances {
    /**
     * One tolerated deviation.
     *
     * @param flavor    the platform
     * @param operation the operation id
     * @param violation how the violation's text starts
     * @param reason    why it is kept
     */
    record Tolerance(ApigeePlatform flavor, String operation, String violation, String reason) {
    }

    static final List<Tolerance> ALL = List.of(new Tolerance(ApigeePlatform.EDGE, "getAPIProxyRevisionDeploymentsEnv",
            "answer $.server[0].error: is not a field",
            "the Edge description names no field for why a deployment failed; the provider reads the reason from "
                    + "server[].error, where only a real organization can show Edge puts it"));

    private Tolerances() {
    }

    /** The tolerance that covers {@code violation} of {@code op}, or null. */
    static Tolerance of(Operation op, String violation) {
        return ALL.stream().filter(t -> t.flavor() == op.flavor() && t.operation().equals(op.id())
                && violation.startsWith(t.violation())).findFirst().orElse(null);
    }
}
