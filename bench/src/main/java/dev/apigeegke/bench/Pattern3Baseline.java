package dev.apigeegke.bench;

import com.pulumi.Context;
import dev.apigeegke.examples.pattern3.Pattern3;
import dev.apigeegke.examples.pattern2.Pattern2Config;
import java.util.List;

/** Pattern 3 as a plain program: the same resources as {@link Pattern3}, declared directly. */
public final class Pattern3Baseline {
    private Pattern3Baseline() {
    }

    /** Declares the resources. */
    public static void build(Context ctx, Pattern2Config config, List<Pattern3.Service> services, Artifacts artifacts) {
        throw new UnsupportedOperationException("not written yet");
    }
}
