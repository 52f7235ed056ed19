package dev.apigeegke.ingress;

import dev.apigeegke.core.Problems;

/**
 * A Cloud Armor rate-based ban applied to allowlisted traffic: a key sending more than {@code count}
 * requests in {@code intervalSec} seconds is answered 429 for {@code banDurationSec} seconds.
 *
 * @param count          requests allowed per interval and key
 * @param intervalSec    the interval, in seconds
 * @param banDurationSec how long a key is banned once over the threshold
 * @param enforceOnKey   what a client is counted by; {@code XFF_IP} (the default in {@link #of}) counts the
 *                       client address Apigee forwards, since every request arrives from Apigee's own ranges
 */
public record RateBan(int count, int intervalSec, int banDurationSec, String enforceOnKey) {
    /** A ban counted per forwarded client IP. */
    public static RateBan of(int count, int intervalSec, int banDurationSec) {
        return new RateBan(count, intervalSec, banDurationSec, ArmoredIngressDefaults.RATE_BAN_KEY);
    }

    void validate(Problems problems) {
        problems.check(count >= 1, "rateBan.count", count, "at least 1 request per interval");
        problems.check(intervalSec >= 10 && intervalSec <= 3600, "rateBan.intervalSec", intervalSec,
                "Cloud Armor takes an interval from 10 to 3600 seconds");
        problems.check(banDurationSec >= 1, "rateBan.banDurationSec", banDurationSec, "a ban of at least 1 second");
        problems.check(enforceOnKey != null && ArmoredIngressDefaults.RATE_BAN_KEYS.contains(enforceOnKey), "rateBan.enforceOnKey",
                enforceOnKey, "one of " + String.join(", ", new java.util.TreeSet<>(ArmoredIngressDefaults.RATE_BAN_KEYS)));
    }
}
