package dev.apigeegke.provider.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.provider.api.ApigeeClient;
import dev.apigeegke.provider.schema.ProviderSchema;
import dev.apigeegke.provider.schema.ResourceSchema;
import java.util.Map;
import java.util.Optional;

/** {@code apigee:index:TargetServer}, id {@code environment/name}, under {@code /environments/{env}/targetservers}. */
final class TargetServerHandler implements ResourceHandler {
    private static final ResourceSchema SCHEMA = ProviderSchema.get().require("apigee:index:TargetServer");

    @Override
    public ResourceSchema schema() {
        return SCHEMA;
    }

    @Override
    public void check(Checks c) {
        c.pathSegment("environment");
        c.pathSegment("name");
        var host = c.string("host");
        if (host != null && (host.isBlank() || host.contains("/") || host.matches("[^:]+:\\d*"))) {
            c.fail("host", "'host' must be a host name or IP address without scheme, path or port, got \"" + host + "\"");
        }
        var port = c.integer("port");
        if (port != null && (port < 1 || port > 65535)) {
            c.fail("port", "'port' must be between 1 and 65535, got " + port);
        }
        c.bool("sslEnabled");
        c.bool("enabled");
    }

    private static String path(String env) {
        return "/environments/" + ApigeeClient.segment(env) + "/targetservers";
    }

    private static Map<String, Object> body(Map<String, Object> in) {
        var b = Props.ordered();
        b.put("name", Props.required(in, "name"));
        b.put("host", Props.required(in, "host"));
        b.put("port", Props.integer(in, "port"));
        b.put("isEnabled", flag(in, "enabled"));
        b.put("sSLInfo", Map.of("enabled", flag(in, "sslEnabled")));
        return b;
    }

    private static Map<String, Object> outputs(String env, JsonNode ts) {
        var out = Props.ordered();
        out.put("environment", env);
        out.put("name", ts.path("name").asText());
        out.put("host", ts.path("host").asText());
        out.put("port", ts.path("port").asInt());
        out.put("sslEnabled", ts.path("sSLInfo").path("enabled").asBoolean(false));
        out.put("enabled", ts.path("isEnabled").asBoolean(true));
        return out;
    }

    /** The inputs as outputs, for answers that do not echo the target server. */
    private static Map<String, Object> echo(Map<String, Object> in) {
        var out = Props.ordered();
        out.put("environment", in.get("environment"));
        out.put("name", in.get("name"));
        out.put("host", in.get("host"));
        out.put("port", Props.integer(in, "port"));
        out.put("sslEnabled", flag(in, "sslEnabled"));
        out.put("enabled", flag(in, "enabled"));
        return out;
    }

    /** A boolean input, its schema default when unset. */
    private static boolean flag(Map<String, Object> in, String key) {
        return Props.bool(in, key, (Boolean) SCHEMA.inputDefaults().get(key));
    }

    @Override
    public Created create(ApigeeClient client, Map<String, Object> in) {
        var env = Props.required(in, "environment");
        var name = Props.required(in, "name");
        var answer = client.create(path(env), body(in), path(env) + "/" + ApigeeClient.segment(name),
                found -> outputs(env, found).equals(echo(in)));
        return new Created(env + "/" + name, Props.node(answer).has("host") ? outputs(env, answer) : echo(in));
    }

    @Override
    public Optional<Map<String, Object>> read(ApigeeClient client, String id, Map<String, Object> state) {
        var p = Props.pair(id, "environment/name");
        return client.get(path(p[0]) + "/" + ApigeeClient.segment(p[1])).map(ts -> outputs(p[0], ts));
    }

    @Override
    public Map<String, Object> update(ApigeeClient client, String id, Map<String, Object> olds, Map<String, Object> news) {
        var p = Props.pair(id, "environment/name");
        var answer = client.put(path(p[0]) + "/" + ApigeeClient.segment(p[1]), body(news));
        return Props.node(answer).has("host") ? outputs(p[0], answer) : echo(news);
    }

    @Override
    public void delete(ApigeeClient client, String id, Map<String, Object> olds) {
        var p = Props.pair(id, "environment/name");
        client.delete(path(p[0]) + "/" + ApigeeClient.segment(p[1]));
    }
}
