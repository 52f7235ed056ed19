package dev.apigeegke.apigee;

import dev.apigeegke.core.Problems;

/**
 * The quota an API product grants each app: {@code count} requests per {@code interval} {@code timeUnit}s.
 * Proxies enforce it with {@code Quota.fromProduct(...)}; Edge Microgateway's quota plugin reads it too.
 *
 * @param count    requests allowed per interval
 * @param interval the number of time units
 * @param timeUnit minute, hour, day or month
 */
public record ProductQuota(int count, int interval, String timeUnit) {
    void validate(Problems problems) {
        problems.check(count >= 1, "quota.count", count, "at least 1 request per interval");
        problems.check(interval >= 1, "quota.interval", interval, "at least 1 time unit");
        problems.check(timeUnit != null && ApigeeProductDefaults.QUOTA_TIME_UNITS.contains(timeUnit), "quota.timeUnit", timeUnit,
                "one of minute, hour, day, month");
    }
}
