package dev.apigeegke.internal.validation;

import dev.apigeegke.core.Problems;
import java.util.HashSet;
import java.util.List;

/** The lists whose entries must each appear once: a repeated entry is a mistake the cloud would reject or double. */
public final class Distinct {
    private Distinct() {
    }

    /**
     * Records a problem, named {@code argument[i]}, for each entry of {@code values} already listed before it
     * (null entries are left to the list's own checks).
     */
    public static void check(Problems problems, String argument, List<String> values) {
        var seen = new HashSet<String>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null && !seen.add(values.get(i))) {
                problems.add(argument + "[" + i + "]", values.get(i), "listed twice; remove the duplicate");
            }
        }
    }
}
