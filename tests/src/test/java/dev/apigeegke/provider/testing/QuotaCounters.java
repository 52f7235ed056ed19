package dev.apigeegke.provider.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counters of edgemicro-auth's {@code DistributedQuota} policy: a calendar quota that starts at
 * {@code 2019-10-10 12:00:00}, counted per identifier (the gateway sends {@code org.env.app.product}) in windows of
 * {@code interval} × {@code timeUnit}, each request adding its weight.
 */
final class QuotaCounters {
    /** The policy's {@code <StartTime>}, read as UTC. */
    private static final ZonedDateTime START = ZonedDateTime.of(2019, 10, 10, 12, 0, 0, 0, ZoneOffset.UTC);

    /** Identifier, unit, interval and window start → the count. */
    private final Map<String, Long> counts = new LinkedHashMap<>();

    /**
     * Applies {@code {identifier, weight, interval, allow, timeUnit}} (what volos-quota-apigee posts) at {@code now};
     * the answer is Set-Quota-Response's {@code {allowed, used, exceeded, available, expiryTime, timestamp}}, times in
     * epoch milliseconds. Null when the request lacks what the policy needs.
     */
    ObjectNode apply(JsonNode request, Instant now) {
        String identifier = request.path("identifier").asText("");
        long weight = request.path("weight").asLong(1);
        long allow = request.path("allow").asLong(-1);
        long interval = request.path("interval").asLong(0);
        ChronoUnit unit = unit(request.path("timeUnit").asText(""));
        if (identifier.isEmpty() || allow < 0 || interval < 1 || unit == null) {
            return null;
        }
        ZonedDateTime at = now.atZone(ZoneOffset.UTC);
        long windows = unit.between(START, at) / interval;
        ZonedDateTime from = START.plus(windows * interval, unit);
        ZonedDateTime to = from.plus(interval, unit);
        long used = counts.merge(identifier + "|" + unit + "|" + interval + "|" + from.toEpochSecond(), weight, Long::sum);
        return Api.JSON.createObjectNode().put("allowed", allow).put("used", used)
                .put("exceeded", Math.max(0, used - allow)).put("available", Math.max(0, allow - used))
                .put("expiryTime", to.toInstant().toEpochMilli()).put("timestamp", now.toEpochMilli());
    }

    private static ChronoUnit unit(String timeUnit) {
        return switch (timeUnit) {
            case "minute" -> ChronoUnit.MINUTES;
            case "hour" -> ChronoUnit.HOURS;
            case "day" -> ChronoUnit.DAYS;
            case "week" -> ChronoUnit.WEEKS;
            case "month" -> ChronoUnit.MONTHS;
            default -> null;
        };
    }
}
