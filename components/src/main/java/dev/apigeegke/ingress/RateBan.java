package dev.apigeegke.ingress;

import dev.apigeegke.core.Problems;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * A Cloud Armor rate-based ban applied to allowlisted traffic: a key sending more than {@code count}
 * requests in {@code intervalSec} seconds is answered 429, and stays banned for {@code banDurationSec}
 * seconds. With a {@link #withBanThreshold ban threshold}, only a key that also exceeds that second
 * threshold is banned.
 *
 * <p>The key decides who is counted. {@code IP} (the default of {@link #of}) is the address that opened the
 * connection to the load balancer, which a client cannot forge. {@code XFF_IP} reads X-Forwarded-For, which
 * a client writes itself, so a client can dodge the ban or get someone else banned. Behind a gateway every
 * request comes from the gateway's own addresses, so {@code IP} would count all clients as one: there,
 * count by a header the gateway sets and no client can reach the load balancer to forge
 * ({@link #byHeader}); pattern 1 does this with the client address Apigee sets.
 *
 * @param count            requests allowed per interval and key, 1 to 10000
 * @param intervalSec      the interval: 10, 30, 60, 120, 180, 240, 300, 600, 900, 1200, 1800, 2700 or 3600 seconds
 * @param banDurationSec   how long a key is banned: 60, 120, 180, 240, 300, 600, 900, 1200, 1800, 2700 or 3600 seconds
 * @param enforceOnKey     what a client is counted by: ALL, IP, HTTP_HEADER, XFF_IP, HTTP_COOKIE, HTTP_PATH, SNI or
 *                         REGION_CODE
 * @param enforceOnKeyName the header (HTTP_HEADER) or cookie (HTTP_COOKIE) whose value is the key; null for the
 *                         other keys
 * @param banThreshold     the second threshold a key must exceed to be banned; null to ban on the rate limit
 */
public record RateBan(int count, int intervalSec, int banDurationSec, String enforceOnKey,
                      @Nullable String enforceOnKeyName, @Nullable Threshold banThreshold) {
    /** Cloud Armor's limits (the rate-limiting docs), checked here so a wrong value fails before {@code pulumi up}. */
    static final int MAX_COUNT = 10_000;
    static final List<Integer> INTERVALS = List.of(10, 30, 60, 120, 180, 240, 300, 600, 900, 1200, 1800, 2700, 3600);
    static final List<Integer> BAN_DURATIONS = List.of(60, 120, 180, 240, 300, 600, 900, 1200, 1800, 2700, 3600);
    /** The keys the pinned gcp provider (7.0.0) takes for {@code enforceOnKey}. */
    static final List<String> KEYS = List.of("ALL", "IP", "HTTP_HEADER", "XFF_IP", "HTTP_COOKIE", "HTTP_PATH", "SNI", "REGION_CODE");
    static final List<String> NAMED_KEYS = List.of("HTTP_HEADER", "HTTP_COOKIE");
    /** Keys the Cloud Armor API has that the gcp provider 7.0.0 does not accept yet. */
    private static final List<String> NEWER_KEYS = List.of("TLS_JA3_FINGERPRINT", "TLS_JA4_FINGERPRINT", "USER_IP");
    /** An HTTP token (RFC 9110): what a header or cookie name may contain. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /**
     * A threshold of {@code count} requests in {@code intervalSec} seconds, with the same limits as the rate limit.
     *
     * @param count       requests, 1 to 10000
     * @param intervalSec the interval, one of the rate limit's intervals
     */
    public record Threshold(int count, int intervalSec) {
    }

    /** A ban counted by {@code enforceOnKey}, which must be a key without a name; no ban threshold. */
    public RateBan(int count, int intervalSec, int banDurationSec, String enforceOnKey) {
        this(count, intervalSec, banDurationSec, enforceOnKey, null, null);
    }

    /** A ban counted per source IP (key {@code IP}): what a client cannot forge. */
    public static RateBan of(int count, int intervalSec, int banDurationSec) {
        return new RateBan(count, intervalSec, banDurationSec, ArmoredIngressDefaults.RATE_BAN_KEY);
    }

    /**
     * A ban counted by the value of request header {@code header} (key {@code HTTP_HEADER}). Use it only for a
     * header that a trusted gateway in front sets on every request, overwriting what the client sent.
     */
    public static RateBan byHeader(int count, int intervalSec, int banDurationSec, String header) {
        return new RateBan(count, intervalSec, banDurationSec, "HTTP_HEADER", header, null);
    }

    /** This ban counted by {@code key}, a key without a name (not HTTP_HEADER or HTTP_COOKIE). */
    public RateBan keyedOn(String key) {
        return new RateBan(count, intervalSec, banDurationSec, key, null, banThreshold);
    }

    /** This ban counted by {@code key} (HTTP_HEADER or HTTP_COOKIE) named {@code name}. */
    public RateBan keyedOn(String key, String name) {
        return new RateBan(count, intervalSec, banDurationSec, key, name, banThreshold);
    }

    /** This ban applied only to keys that also send more than {@code count} requests in {@code intervalSec} seconds. */
    public RateBan withBanThreshold(int count, int intervalSec) {
        return new RateBan(this.count, this.intervalSec, banDurationSec, enforceOnKey, enforceOnKeyName, new Threshold(count, intervalSec));
    }

    void validate(Problems problems) {
        checkThreshold(problems, "rateBan", count, intervalSec);
        problems.check(BAN_DURATIONS.contains(banDurationSec), "rateBan.banDurationSec", banDurationSec,
                "a ban duration Cloud Armor takes: one of " + join(BAN_DURATIONS) + " seconds");
        if (enforceOnKey == null || !KEYS.contains(enforceOnKey)) {
            String fix = enforceOnKey != null && NEWER_KEYS.contains(enforceOnKey)
                    ? "the Cloud Armor API has this key, but the pinned gcp provider (7.0.0) does not accept it; use one of "
                    : "one of ";
            problems.add("rateBan.enforceOnKey", enforceOnKey, fix + String.join(", ", KEYS));
        } else if (NAMED_KEYS.contains(enforceOnKey)) {
            problems.check(enforceOnKeyName != null && TOKEN.matcher(enforceOnKeyName).matches(), "rateBan.enforceOnKeyName",
                    enforceOnKeyName, enforceOnKey + " counts by the value of a " + (enforceOnKey.equals("HTTP_HEADER") ? "header" : "cookie")
                            + ": name it (letters, digits and !#$%&'*+-.^_`|~, no spaces)");
        } else {
            problems.check(enforceOnKeyName == null, "rateBan.enforceOnKeyName", enforceOnKeyName,
                    "only " + String.join(" and ", NAMED_KEYS) + " take a key name; remove it, or use one of those keys");
        }
        if (banThreshold != null) {
            checkThreshold(problems, "rateBan.banThreshold", banThreshold.count(), banThreshold.intervalSec());
        }
    }

    private static void checkThreshold(Problems problems, String argument, int count, int intervalSec) {
        problems.check(count >= 1 && count <= MAX_COUNT, argument + ".count", count,
                "Cloud Armor counts 1 to " + MAX_COUNT + " requests per interval");
        problems.check(INTERVALS.contains(intervalSec), argument + ".intervalSec", intervalSec,
                "an interval Cloud Armor takes: one of " + join(INTERVALS) + " seconds");
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
