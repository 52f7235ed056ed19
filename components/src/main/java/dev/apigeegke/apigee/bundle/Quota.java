package dev.apigeegke.apigee.bundle;

import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.validation.Rates;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Limits how many requests each app ({@code client_id}) makes per interval ({@code <Quota>}). The count
 * is distributed and synchronous across message processors, so the limit holds exactly. The app is
 * identified by {@link VerifyApiKey} or {@link OAuthVerifyToken}, which must run first; without either,
 * every client shares one counter.
 */
public final class Quota extends PolicyBase implements Policy {
    /** The name unless {@link #withName} changes it. */
    public static final String DEFAULT_NAME = "Q-quota";
    /** The time units a quota interval can have. */
    public static final List<String> TIME_UNITS = Rates.POLICY_TIME_UNITS;
    /** The interval of {@link #fromProduct}'s fallback unless {@link #fallbackPer} changes it: one hour. */
    public static final int FALLBACK_INTERVAL = 1;
    /** The time unit of {@link #fromProduct}'s fallback unless {@link #fallbackPer} changes it. */
    public static final String FALLBACK_TIME_UNIT = "hour";

    private final int count;
    private final int interval;
    private final String timeUnit;
    private final boolean fromProduct;
    private final @Nullable String keyName;

    private Quota(String name, int count, int interval, String timeUnit, boolean fromProduct, @Nullable String keyName) {
        super(name);
        this.count = count;
        this.interval = interval;
        this.timeUnit = timeUnit;
        this.fromProduct = fromProduct;
        this.keyName = keyName;
    }

    /** Allows {@code count} requests per {@code interval} {@code timeUnit}s (minute, hour, day, week or month). */
    public static Quota explicit(int count, int interval, String timeUnit) {
        return new Quota(DEFAULT_NAME, count, interval, timeUnit, false, null);
    }

    /**
     * Enforces the quota of the API product that {@code key} verified the app against
     * ({@code verifyapikey.<key>.apiproduct.developer.quota.*}), so changing the product changes the
     * limit without a new proxy revision; this form works on Apigee Edge and X. When the product sets
     * no quota, {@code fallbackCount} requests per hour apply ({@link #fallbackPer} changes the interval).
     * {@code key} must run before this policy.
     */
    public static Quota fromProduct(VerifyApiKey key, int fallbackCount) {
        return new Quota(DEFAULT_NAME, fallbackCount, FALLBACK_INTERVAL, FALLBACK_TIME_UNIT, true,
                key == null ? null : key.name());
    }

    @Override
    public Quota withName(String name) {
        return new Quota(name, count, interval, timeUnit, fromProduct, keyName);
    }

    /** For {@link #fromProduct}: the interval the fallback count applies to when the product sets no quota. */
    public Quota fallbackPer(int interval, String timeUnit) {
        return new Quota(name(), count, interval, timeUnit, fromProduct, keyName);
    }

    /** The allowed count: the limit of an explicit quota, the fallback of a product quota. */
    public int count() {
        return count;
    }

    /** The number of time units in one quota interval. */
    public int interval() {
        return interval;
    }

    /** The unit of the quota interval: {@code minute}, {@code hour}, {@code day} or {@code month}. */
    public String timeUnit() {
        return timeUnit;
    }

    /** The name of the {@link VerifyApiKey} whose product quota this enforces; empty for an explicit quota. */
    public Optional<String> productKeyName() {
        return fromProduct ? Optional.ofNullable(keyName) : Optional.empty();
    }

    /** True for {@link #fromProduct}. */
    public boolean isFromProduct() {
        return fromProduct;
    }

    @Override
    public void validate(Problems problems, String argument) {
        Rules.checkPolicyName(problems, argument + ".name", name());
        String prefix = fromProduct ? "fallback " : "";
        problems.check(count >= 1, argument + ".count", count, "a " + prefix + "count of at least 1 request");
        problems.check(count <= Rates.MAX, argument + ".count", count, "a " + prefix + "count of at most " + Rates.MAX + " requests");
        problems.check(interval >= 1, argument + ".interval", interval,
                (fromProduct ? "a fallback " : "an ") + "interval of at least 1 " + timeUnit);
        String unitProblem = Rates.policyTimeUnitProblem(timeUnit);
        if (unitProblem != null) {
            problems.add(argument + ".timeUnit", timeUnit, unitProblem);
        }
        if (fromProduct) {
            problems.check(keyName != null, argument + ".key", null,
                    "pass the VerifyApiKey policy whose API product quota this enforces");
        }
    }

    @Override
    XmlElement toXml() {
        var allow = XmlElement.of("Allow").attr("count", count);
        var intervalElement = XmlElement.of("Interval");
        var unitElement = XmlElement.of("TimeUnit");
        if (fromProduct) {
            String product = "verifyapikey." + keyName + ".apiproduct.developer.quota.";
            allow.attr("countRef", product + "limit");
            intervalElement.attr("ref", product + "interval");
            unitElement.attr("ref", product + "timeunit");
        }
        return root("Quota")
                .add(allow)
                .add(intervalElement.text(interval))
                .add(unitElement.text(timeUnit))
                .add(XmlElement.of("Identifier").attr("ref", "client_id"))
                .leaf("Distributed", true)
                .leaf("Synchronous", true);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Quota that && Objects.equals(name(), that.name()) && count == that.count
                && interval == that.interval && Objects.equals(timeUnit, that.timeUnit)
                && fromProduct == that.fromProduct && Objects.equals(keyName, that.keyName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name(), count, interval, timeUnit, fromProduct, keyName);
    }

    @Override
    public String toString() {
        return "Quota[name=" + name() + ", count=" + count + " per " + interval + " " + timeUnit
                + (fromProduct ? ", fromProduct=" + keyName : "") + "]";
    }
}
