package dev.apigeegke.internal.validation;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traffic limits as Apigee takes them: a SpikeArrest policy's rate, a Quota policy's and an API product's
 * counts and time units. Each rejection names its reason.
 *
 * <p>Sources: the Apigee SpikeArrest policy reference ({@code <Rate>} is a whole number followed by {@code ps} or
 * {@code pm}); the Quota policy reference and the error Apigee answers when a revision is saved ("The TimeUnit element
 * ... must be one of day, hour, minute, month, or week", on Edge and on X, which documents {@code second} but refuses
 * it); the API product's {@code quotaTimeUnit} (minute, hour, day, month: the enum of the Edge OpenAPI description
 * and the description in the {@code apigee:v1} discovery document, so the same on both flavors, with no week).
 * Checked on December 1, 2026.
 */
public final class Rates {
    /** A Quota policy's time units. */
    public static final List<String> POLICY_TIME_UNITS = List.of("minute", "hour", "day", "week", "month");
    /** An API product quota's time units. */
    public static final List<String> PRODUCT_TIME_UNITS = List.of("minute", "hour", "day", "month");
    /** The largest count or rate taken: nine digits, so every value accepted fits the int it is rendered from. */
    public static final int MAX = 999_999_999;
    private static final Pattern RATE = Pattern.compile("(\\d+)(\\D*)");

    private Rates() {
    }

    /** What is wrong with {@code rate} as a SpikeArrest rate ({@code <n>ps} or {@code <n>pm}), or null when it is one. */
    public static String spikeArrestProblem(String rate) {
        String form = "a rate as <n>ps (per second) or <n>pm (per minute), n a whole number from 1, e.g. 30ps or 600pm";
        if (rate == null || rate.isEmpty()) {
            return form;
        }
        Matcher m = RATE.matcher(rate);
        if (!m.matches()) {
            return form;
        }
        String unit = m.group(2);
        if (!unit.equals("ps") && !unit.equals("pm")) {
            String lower = unit.toLowerCase(Locale.ROOT);
            if (lower.equals("ps") || lower.equals("pm")) {
                return "write the unit in lowercase: " + m.group(1) + lower;
            }
            if (lower.equals("ph") || lower.equals("pd")) {
                return "a SpikeArrest rate is per second (ps) or per minute (pm) only; limit each app per hour or day with a Quota";
            }
            return form;
        }
        return countProblem(m.group(1), "rate");
    }

    /** The requests per second of a rate {@code <n>ps}; empty for any other value. */
    public static OptionalInt perSecond(String rate) {
        if (spikeArrestProblem(rate) != null || !rate.endsWith("ps")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(rate.substring(0, rate.length() - 2)));
    }

    private static String countProblem(String digits, String what) {
        if (digits.length() > 1 && digits.startsWith("0")) {
            return "the " + what + " " + digits + " has a leading zero: write " + Long.parseLong(digits);
        }
        if (digits.length() > 9) {
            return "the " + what + " " + digits + " is above " + MAX;
        }
        int n = Integer.parseInt(digits);
        return n < 1 ? "the " + what + " must be at least 1: a " + what + " of 0 refuses every request" : null;
    }

    /** What is wrong with {@code count} as a quota's requests per interval, or null when it is from 1 to {@link #MAX}. */
    public static String quotaCountProblem(long count) {
        if (count < 1) {
            return "at least 1 request per interval";
        }
        return count > MAX ? "at most " + MAX + " requests per interval" : null;
    }

    /** What is wrong with {@code unit} as a Quota policy's time unit, or null when it is one. */
    public static String policyTimeUnitProblem(String unit) {
        if ("second".equals(unit)) {
            return "Apigee refuses a Quota policy's TimeUnit second when the revision is saved: use a SpikeArrest for a rate per "
                    + "second, or one of " + String.join(", ", POLICY_TIME_UNITS);
        }
        return unit != null && POLICY_TIME_UNITS.contains(unit) ? null : "one of " + String.join(", ", POLICY_TIME_UNITS);
    }

    /** What is wrong with {@code unit} as an API product quota's time unit, or null when it is one. */
    public static String productTimeUnitProblem(String unit) {
        if ("week".equals(unit)) {
            return "an API product's quotaTimeUnit is minute, hour, day or month on Apigee Edge and X (a week is a Quota policy's "
                    + "unit): write an interval of 7 day";
        }
        return unit != null && PRODUCT_TIME_UNITS.contains(unit) ? null : "one of " + String.join(", ", PRODUCT_TIME_UNITS);
    }
}
