package dev.apigeegke.cli.capacity;

import dev.apigeegke.internal.validation.Quantity;
import java.math.BigDecimal;
import java.util.Locale;

/** Kubernetes CPU and memory quantities as the plan holds them, and as the estimate prints them. */
final class Units {
    private static final BigDecimal MILLIS_PER_CORE = BigDecimal.valueOf(1000);
    private static final BigDecimal BYTES_PER_MIB = BigDecimal.valueOf(1024 * 1024);

    private Units() {
    }

    /** Millicores of a CPU quantity ("100m", "1", "0.5", or a number of cores); 0 when absent. */
    static double cpuMillis(Object q) {
        if (q == null) {
            return 0;
        }
        if (q instanceof Number n) {
            return n.doubleValue() * 1000;
        }
        return quantity(q).multiply(MILLIS_PER_CORE).doubleValue();
    }

    /** MiB of a memory quantity ("128Mi", "1Gi", "500M", bytes); 0 when absent. */
    static double memoryMib(Object q) {
        if (q == null) {
            return 0;
        }
        if (q instanceof Number n) {
            return n.doubleValue() / (1024 * 1024);
        }
        // A power of two: the quotient always ends.
        return quantity(q).divide(BYTES_PER_MIB).doubleValue();
    }

    private static BigDecimal quantity(Object q) {
        var value = Quantity.parse(q.toString().trim());
        if (value == null) {
            throw new IllegalArgumentException("not a Kubernetes quantity: " + q);
        }
        return value;
    }

    static String cpu(double millis) {
        return fmt(millis) + "m";
    }

    static String mem(double mib) {
        return fmt(mib) + "Mi";
    }

    static String fmt(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-6 ? String.valueOf((long) Math.rint(v)) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String usd(double v) {
        return Double.isNaN(v) ? "no price" : String.format(Locale.ROOT, "$%,.2f", v);
    }
}
