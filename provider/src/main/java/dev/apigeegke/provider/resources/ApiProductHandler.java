package dev.apigeegke.provider.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.provider.api.ApigeeClient;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.schema.ProviderSchema;
import dev.apigeegke.provider.schema.ResourceSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code apigee:index:ApiProduct}, id = the product name, under {@code /apiproducts}. */
final class ApiProductHandler implements ResourceHandler {
    private static final ResourceSchema SCHEMA = ProviderSchema.get().require("apigee:index:ApiProduct");
    /** The optional lists, sent and read back as string arrays. */
    private static final List<String> LISTS = SCHEMA.optionalInputsOfType("array");
    /** The optional strings, sent and read back as they are. */
    private static final List<String> STRINGS = SCHEMA.optionalInputsOfType("string");
    /** The fields of a product that only Apigee sets (X: "Response only."). */
    private static final Set<String> SET_BY_APIGEE = Set.of("createdAt", "lastModifiedAt", "createdBy", "lastModifiedBy");
    /** Keys work as soon as they are issued, as in {@code ApigeeProductArgs}. */
    private static final String DEFAULT_APPROVAL = "auto";

    @Override
    public ResourceSchema schema() {
        return SCHEMA;
    }

    @Override
    public void check(Checks c) {
        c.pathSegment("name");
        c.oneOf("approvalType", List.of("auto", "manual"));
        c.oneOf("quotaTimeUnit", List.of("minute", "hour", "day", "month"));
        for (var key : List.of("quota", "quotaInterval")) {
            var s = c.string(key);
            if (s != null && !s.matches("[1-9]\\d{0,9}")) {
                c.fail(key, "'" + key + "' must be a positive whole number written as a string, got \"" + s + "\"");
            }
        }
        // A quota without its interval and unit is silently ignored by Apigee.
        if (c.has("quota") && !c.isUnknown("quotaInterval") && !c.isUnknown("quotaTimeUnit")
                && (!c.has("quotaInterval") || !c.has("quotaTimeUnit"))) {
            c.fail("quota", "'quota' needs 'quotaInterval' and 'quotaTimeUnit' too, e.g. quotaInterval \"1\" and quotaTimeUnit \"hour\"");
        }
        LISTS.forEach(k -> c.stringList(k, false));
        c.stringMap("attributes");
        if (c.value("attributes") instanceof Map<?, ?> attrs && attrs.get("access") instanceof String access
                && !List.of("public", "private", "internal").contains(access)) {
            c.fail("attributes", "attribute 'access' must be public, private or internal, got \"" + access + "\"");
        }
    }

    /**
     * The product as Apigee takes it. Edge requires {@code displayName} and {@code approvalType} (its
     * APIProductRequest lists both as required), so unset they are sent as the product's name and {@code auto},
     * the defaults of {@code ApigeeProduct}.
     */
    private static Map<String, Object> body(Map<String, Object> in) {
        var b = Props.ordered();
        var name = Props.required(in, "name");
        b.put("name", name);
        STRINGS.forEach(k -> Props.putIfSet(b, k, Props.str(in, k)));
        b.putIfAbsent("displayName", name);
        b.putIfAbsent("approvalType", DEFAULT_APPROVAL);
        if (in.get("attributes") != null) {
            b.put("attributes", Props.attributes(Props.map(in, "attributes")));
        }
        LISTS.forEach(k -> Props.putIfSet(b, k, in.get(k) == null ? null : Props.list(in, k)));
        return b;
    }

    private static Map<String, Object> outputs(JsonNode p) {
        var out = Props.ordered();
        out.put("name", p.path("name").asText());
        STRINGS.forEach(k -> Props.putIfSet(out, k, Props.text(p, k)));
        if (p.has("attributes")) {
            out.put("attributes", Props.attributes(p.get("attributes")));
        }
        LISTS.forEach(k -> Props.putIfSet(out, k, p.has(k) ? Props.strings(p.get(k)) : null));
        return out;
    }

    /** The outputs of a product that was sent as {@code body}: what the program set, nothing invented. */
    private static Map<String, Object> echo(Map<String, Object> body, Map<String, Object> in) {
        var out = Props.ordered();
        body.forEach((k, v) -> out.put(k, k.equals("attributes") ? Props.map(in, k) : v));
        return out;
    }

    @Override
    public Created create(ApigeeClient client, Map<String, Object> in) {
        var body = body(in);
        var name = (String) body.get("name");
        client.create("/apiproducts", body, "/apiproducts/" + ApigeeClient.segment(name),
                found -> Props.holds(found, body, body.keySet()));
        return new Created(name, echo(body, in));
    }

    @Override
    public Optional<Map<String, Object>> read(ApigeeClient client, String id, Map<String, Object> state) {
        return client.get("/apiproducts/" + ApigeeClient.segment(id)).map(ApiProductHandler::outputs);
    }

    /**
     * A PUT replaces the product with its body: both descriptions ask for "all required values, whether or not you are
     * updating them, as well as any optional values". On X a product has fields this provider does not manage
     * (operationGroup, graphqlOperationGroup, quotaCounterScope, set in the console or by other tools), so they are
     * read and sent back unchanged; what the provider manages is sent as the program says, so an input taken out is
     * cleared. Edge's product request has no field beyond the ones the provider manages.
     */
    @Override
    public Map<String, Object> update(ApigeeClient client, String id, Map<String, Object> olds, Map<String, Object> news) {
        var body = body(news);
        var path = "/apiproducts/" + ApigeeClient.segment(id);
        var sent = Props.ordered();
        sent.putAll(body);
        if (client.config().platform() == ApigeePlatform.X) {
            client.get(path).ifPresent(current -> current.properties().forEach(field -> {
                if (!SCHEMA.inputNames().contains(field.getKey()) && !SET_BY_APIGEE.contains(field.getKey())) {
                    sent.put(field.getKey(), field.getValue());
                }
            }));
        }
        client.put(path, sent);
        return echo(body, news);
    }

    @Override
    public void delete(ApigeeClient client, String id, Map<String, Object> olds) {
        client.delete("/apiproducts/" + ApigeeClient.segment(id));
    }
}
