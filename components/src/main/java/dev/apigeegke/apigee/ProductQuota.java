package dev.apigeegke.apigee;

import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.validation.Rates;

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
        String countProblem = Rates.quotaCountProblem(count);
        if (countProblem != null) {
            problems.add("quota.count", count, countProblem);
        }
        problems.check(interval >= 1, "quota.interval", interval, "at least 1 time unit");
        String unitProblem = Rates.productTimeUnitProblem(timeUnit);
        if (unitProblem != null) {
            problems.add("quota.timeUnit", timeUnit, unitProblem);
        }
    }
}
