package dev.apigeegke.bench;

import com.pulumi.Context;
import dev.apigeegke.examples.pattern2.Pattern2;
import dev.apigeegke.examples.pattern2.Pattern2Config;
import java.util.List;

/** Pattern 2 as a plain program: the same resources as {@link Pattern2}, declared directly. */
public final class Pattern2Baseline {
    private Pattern2Baseline() {
    }

    /** Declares the resources. */
    public static void build(Context ctx, Pattern2Config config, List<Pattern2.Service> services, Artifacts artifacts) {
        throw new UnsupportedOperationException("not written yet");
    }
}
