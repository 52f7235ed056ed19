package dev.apigeegke.internal.validation;

import dev.apigeegke.core.Problems;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/** Kubernetes resource quantities ({@code 250m}, {@code 1.5}, {@code 256Mi}, {@code 1G}) as numbers, to compare them. */
public final class Quantity {
    private static final Pattern SHAPE = Pattern.compile("(\\d+(?:\\.\\d+)?)(m|Ki|Mi|Gi|Ti|k|M|G|T)?");
    private static final Map<String, BigDecimal> SUFFIX = Map.of(
            "m", new BigDecimal("0.001"),
            "k", BigDecimal.valueOf(1_000L), "M", BigDecimal.valueOf(1_000_000L),
            "G", BigDecimal.valueOf(1_000_000_000L), "T", BigDecimal.valueOf(1_000_000_000_000L),
            "Ki", BigDecimal.valueOf(1L << 10), "Mi", BigDecimal.valueOf(1L << 20),
            "Gi", BigDecimal.valueOf(1L << 30), "Ti", BigDecimal.valueOf(1L << 40));

    private Quantity() {
    }

    /**
     * Records a problem for every request or limit that is not a quantity, and for every request above its limit
     * (which Kubernetes rejects at apply time).
     */
    public static void checkResources(Problems problems, Map<String, String> requests, Map<String, String> limits) {
        requests.forEach((resource, quantity) -> problems.check(parse(quantity) != null, "requests." + resource, quantity,
                "a Kubernetes quantity such as 250m (CPU) or 256Mi (memory)"));
        limits.forEach((resource, quantity) -> problems.check(parse(quantity) != null, "limits." + resource, quantity,
                "a Kubernetes quantity such as 250m (CPU) or 256Mi (memory)"));
        requests.forEach((resource, request) -> {
            var r = parse(request);
            var l = parse(limits.get(resource));
            if (r != null && l != null && r.compareTo(l) > 0) {
                problems.add("requests." + resource, request, "exceeds the limit " + limits.get(resource)
                        + "; Kubernetes rejects a request above its limit: lower the request or raise limits." + resource);
            }
        });
    }

    /** The value of {@code text}, or null when it is not a quantity. */
    public static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        var m = SHAPE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        var value = new BigDecimal(m.group(1));
        return m.group(2) == null ? value : value.multiply(SUFFIX.get(m.group(2)));
    }
}
