package dev.apigeegke.workload;

import com.pulumi.kubernetes.core.v1.inputs.ExecActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.LifecycleArgs;
import com.pulumi.kubernetes.core.v1.inputs.LifecycleHandlerArgs;

/**
 * The preStop hook that keeps a container serving, unchanged, while load balancers and Services stop sending it
 * requests: Kubernetes runs it before SIGTERM and counts it in the pod's termination grace period. It runs the
 * image's {@code sleep}; the Kubernetes {@code sleep} action is not in the Kubernetes SDK 4.0.0's types.
 */
public final class PreStop {
    private PreStop() {
    }

    /** A lifecycle whose preStop hook waits {@code seconds}. */
    public static LifecycleArgs sleep(int seconds) {
        return LifecycleArgs.builder()
                .preStop(LifecycleHandlerArgs.builder()
                        .exec(ExecActionArgs.builder().command("sleep", Integer.toString(seconds)).build())
                        .build())
                .build();
    }
}
