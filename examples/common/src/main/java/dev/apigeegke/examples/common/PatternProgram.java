package dev.apigeegke.examples.common;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.exceptions.RunException;
import dev.apigeegke.internal.sdk.SdkTaskRunnerWorkaround;
import dev.apigeegke.core.InvalidArgumentsException;
import java.util.function.Consumer;

/** How the pattern programs start and report configuration mistakes. */
public final class PatternProgram {
    private PatternProgram() {
    }

    /** Runs {@code program} as a Pulumi program; what each pattern's {@code main} does. */
    public static void main(Consumer<Context> program) {
        SdkTaskRunnerWorkaround.apply();
        Pulumi.run(program);
    }

    /**
     * Reads the stack and declares the resources. A configuration mistake is the user's to fix: it is reported
     * as the one message listing every problem, not as a stack trace.
     */
    public static void run(Runnable declare) {
        try {
            declare.run();
        } catch (InvalidArgumentsException e) {
            throw new RunException(e.getMessage());
        }
    }
}
