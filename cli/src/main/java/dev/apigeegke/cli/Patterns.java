package dev.apigeegke.cli;

import com.pulumi.Context;
import com.pulumi.exceptions.RunException;
import dev.apigeegke.examples.common.StackReader;
import dev.apigeegke.examples.pattern1.Pattern1;
import dev.apigeegke.examples.pattern2.Pattern2;
import dev.apigeegke.examples.pattern3.Pattern3;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The pattern programs, by the name a stack selects them with ({@code apigee-gke:pattern}). */
public final class Patterns {
    /** The configuration key that selects the pattern. */
    public static final String KEY = StackReader.PATTERN_KEY;
    private static final Map<String, Consumer<Context>> PROGRAMS = new TreeMap<>(Map.of(
            "pattern1", Pattern1::stack,
            "pattern2", Pattern2::stack,
            "pattern3", Pattern3::stack));

    private Patterns() {
    }

    /** The program of {@code name}, or null. */
    public static Consumer<Context> program(String name) {
        return PROGRAMS.get(name);
    }

    /** The names of every pattern. */
    public static java.util.Set<String> names() {
        return PROGRAMS.keySet();
    }

    /** The program the root project runs under {@code pulumi up}: the pattern the stack's config selects. */
    public static void selected(Context ctx) {
        String name = ctx.config("apigee-gke").get(KEY).orElse(null);
        var program = name == null ? null : PROGRAMS.get(name);
        if (program == null) {
            throw new RunException("apigee-gke:" + KEY + " = " + (name == null ? "(not set)" : "\"" + name + "\"")
                    + ": set it to one of " + PROGRAMS.keySet() + " (pulumi config set apigee-gke:" + KEY + " pattern1)");
        }
        program.accept(ctx);
    }
}
