package dev.apigeegke.provider.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.provider.api.ApigeeClient;
import dev.apigeegke.provider.schema.ProviderSchema;
import dev.apigeegke.provider.schema.ResourceSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code apigee:index:Developer}, id = the developer's email, under {@code /developers}. */
final class DeveloperHandler implements ResourceHandler {
    private static final ResourceSchema SCHEMA = ProviderSchema.get().require("apigee:index:Developer");
    /** The developer's names and email: sent as they are, and read back. */
    private static final List<String> REQUIRED = SCHEMA.requiredInputs();

    @Override
    public ResourceSchema schema() {
        return SCHEMA;
    }

    @Override
    public void check(Checks c) {
        c.email("email");
        c.lowercaseEmailOnX("email");
        c.pathSegment("email");
        c.string("firstName");
        c.string("lastName");
        c.string("userName");
        c.stringMap("attributes");
    }

    private static Map<String, Object> body(Map<String, Object> in) {
        var b = Props.ordered();
        REQUIRED.forEach(k -> b.put(k, Props.required(in, k)));
        if (in.get("attributes") != null) {
            b.put("attributes", Props.attributes(Props.map(in, "attributes")));
        }
        return b;
    }

    private static Map<String, Object> outputs(JsonNode answer, Map<String, Object> in) {
        var d = Props.node(answer);
        var out = Props.ordered();
        for (var k : REQUIRED) {
            out.put(k, d.has(k) ? d.get(k).asText() : in.get(k));
        }
        if (d.has("attributes") || in.get("attributes") != null) {
            out.put("attributes", d.has("attributes") ? Props.attributes(d.get("attributes")) : Props.map(in, "attributes"));
        }
        out.put("developerId", d.has("developerId") ? d.get("developerId").asText() : in.get("developerId"));
        return out;
    }

    @Override
    public Created create(ApigeeClient client, Map<String, Object> in) {
        var body = body(in);
        var answer = client.create("/developers", body, "/developers/" + ApigeeClient.segment(Props.required(in, "email")),
                found -> Props.holds(found, body, body.keySet()));
        var out = outputs(answer, in);
        return new Created((String) out.get("email"), out);
    }

    @Override
    public Optional<Map<String, Object>> read(ApigeeClient client, String id, Map<String, Object> state) {
        return client.get("/developers/" + ApigeeClient.segment(id)).map(d -> outputs(d, state));
    }

    @Override
    public Map<String, Object> update(ApigeeClient client, String id, Map<String, Object> olds, Map<String, Object> news) {
        var answer = client.put("/developers/" + ApigeeClient.segment(id), body(news));
        var merged = Props.ordered();
        merged.putAll(news);
        merged.put("developerId", olds.get("developerId"));
        return outputs(answer, merged);
    }

    @Override
    public void delete(ApigeeClient client, String id, Map<String, Object> olds) {
        client.delete("/developers/" + ApigeeClient.segment(id));
    }
}
