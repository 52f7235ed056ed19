package dev.apigeegke.bench;

import com.pulumi.Context;
import dev.apigeegke.examples.pattern1.Pattern1;
import dev.apigeegke.examples.pattern1.Pattern1Config;
import java.util.List;

/** Pattern 1 as a plain program: the same resources as {@link Pattern1}, declared directly. */
public final class Pattern1Baseline {
    private Pattern1Baseline() {
    }

    /** Declares the resources. */
    public static void build(Context ctx, Pattern1Config config, List<Pattern1.Service> services, Artifacts artifacts) {
        throw new UnsupportedOperationException("not written yet");
    }
}
