package dev.apigeegke.core;

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
