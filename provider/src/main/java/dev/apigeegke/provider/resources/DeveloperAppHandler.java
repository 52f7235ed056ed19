package dev.apigeegke.provider.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.provider.api.ApigeeClient;
import dev.apigeegke.provider.api.ApigeeException;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.schema.ProviderSchema;
import dev.apigeegke.provider.schema.ResourceSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code apigee:index:DeveloperApp}, id {@code developerEmail/name}, under
 * {@code /developers/{email}/apps}. The app's products live on its key, so product changes go through
 * the key; {@code keyExpiresIn} applies to the key issued at creation.
 */
final class DeveloperAppHandler implements ResourceHandler {
    private static final ResourceSchema SCHEMA = ProviderSchema.get().require("apigee:index:DeveloperApp");
    /** Edge describes keyExpiresIn as an int32. */
    private static final long EDGE_MAX_EXPIRY = Integer.MAX_VALUE;
    /** X describes it as an int64; a Pulumi number (a double) holds whole numbers exactly up to 2^53 - 1. */
    private static final long X_MAX_EXPIRY = (1L << 53) - 1;

    @Override
    public ResourceSchema schema() {
        return SCHEMA;
    }

    /**
     * Both descriptions say a key's expiry "can't be updated after it is set", so a changed keyExpiresIn cannot be
     * applied to the app's key; replacing the app to apply it would take away the key every consumer holds. It is read
     * when the app is created and a later change shows no diff (the outputs keep the value the key was issued with).
     */
    @Override
    public Set<String> inputsNotDiffed() {
        return Set.of("keyExpiresIn");
    }

    @Override
    public void check(Checks c) {
        c.email("developerEmail");
        c.lowercaseEmailOnX("developerEmail");
        c.pathSegment("developerEmail");
        c.pathSegment("name");
        c.stringList("apiProducts", true);
        var url = c.string("callbackUrl");
        if (url != null && !url.isEmpty() && !url.matches("[a-zA-Z][a-zA-Z0-9+.-]*://\\S+")) {
            c.fail("callbackUrl", "'callbackUrl' must be an absolute URL such as https://app.example.com/callback, got \"" + url + "\"");
        }
        c.stringMap("attributes");
        var exp = c.integer("keyExpiresIn");
        // An unknown platform (a preview before the flavor is known) gets the wider bound; the update checks again.
        boolean edge = c.platform() == ApigeePlatform.EDGE;
        long max = edge ? EDGE_MAX_EXPIRY : X_MAX_EXPIRY;
        if (exp != null && (exp != -1 && exp <= 0 || exp > max)) {
            c.fail("keyExpiresIn", "'keyExpiresIn' must be a whole number of milliseconds from 1 to " + max + (edge
                    ? " (about 24.8 days: Apigee Edge takes an int32)" : " (Apigee X takes an int64, and a Pulumi number "
                    + "holds whole numbers exactly up to this one)") + ", or -1 (or unset) for a key that never expires, got " + exp);
        }
    }

    private static String appsPath(String email) {
        return "/developers/" + ApigeeClient.segment(email) + "/apps";
    }

    private static Map<String, Object> appBody(Map<String, Object> in, boolean withProducts, ApigeePlatform platform) {
        var b = Props.ordered();
        b.put("name", Props.required(in, "name"));
        if (withProducts) {
            b.put("apiProducts", Props.list(in, "apiProducts"));
        }
        Props.putIfSet(b, "callbackUrl", Props.str(in, "callbackUrl"));
        if (in.get("attributes") != null) {
            b.put("attributes", Props.attributes(Props.map(in, "attributes")));
        }
        if (withProducts && in.get("keyExpiresIn") != null) {
            // X describes it as an int64, which Google's JSON mapping writes as a string; Edge as an integer.
            long expiresIn = Props.whole(in, "keyExpiresIn");
            b.put("keyExpiresIn", platform == ApigeePlatform.X ? String.valueOf(expiresIn) : expiresIn);
        }
        return b;
    }

    /** The credential holding {@code key}, else the first one. */
    private static JsonNode credential(JsonNode app, Object key) {
        JsonNode first = null;
        for (var cred : app.path("credentials")) {
            if (first == null) {
                first = cred;
            }
            if (Objects.equals(cred.path("consumerKey").asText(null), key)) {
                return cred;
            }
        }
        return first;
    }

    private static Map<String, Object> outputs(String email, JsonNode app, Map<String, Object> in) {
        var out = Props.ordered();
        out.put("developerEmail", email);
        out.put("name", app.has("name") ? app.get("name").asText() : in.get("name"));
        var cred = credential(app, in.get("consumerKey"));
        if (cred != null && cred.has("apiProducts")) {
            var products = new ArrayList<String>();
            cred.get("apiProducts").forEach(p -> products.add(p.isTextual() ? p.asText() : p.path("apiproduct").asText()));
            out.put("apiProducts", products);
        } else {
            out.put("apiProducts", Props.list(in, "apiProducts"));
        }
        Props.putIfSet(out, "callbackUrl", app.has("callbackUrl") ? Props.text(app, "callbackUrl") : in.get("callbackUrl"));
        if (app.has("attributes") || in.get("attributes") != null) {
            out.put("attributes", app.has("attributes") ? Props.attributes(app.get("attributes")) : Props.map(in, "attributes"));
        }
        Props.putIfSet(out, "keyExpiresIn", Props.whole(in, "keyExpiresIn"));
        out.put("appId", app.has("appId") ? app.get("appId").asText() : in.get("appId"));
        out.put("consumerKey", cred != null ? cred.path("consumerKey").asText() : in.get("consumerKey"));
        out.put("consumerSecret", cred != null ? cred.path("consumerSecret").asText() : in.get("consumerSecret"));
        return out;
    }

    @Override
    public Created create(ApigeeClient client, Map<String, Object> in) {
        var email = Props.required(in, "developerEmail");
        var body = appBody(in, true, client.config().platform());
        var app = Props.node(client.create(appsPath(email), body, appsPath(email) + "/" + ApigeeClient.segment(
                Props.required(in, "name")), found -> sameApp(found, body)));
        if (credential(app, null) == null) {
            throw new ApigeeException(0, "Apigee created app '" + in.get("name") + "' of " + email
                    + " but returned no credentials; check the app in the Apigee UI, delete it, and run pulumi up again.");
        }
        return new Created(email + "/" + in.get("name"), outputs(email, app, in));
    }

    /** Whether {@code found} is the app {@code body} creates: its fields, and its key's products and lifetime. */
    private static boolean sameApp(JsonNode found, Map<String, Object> body) {
        var key = credential(found, null);
        if (key == null || !Props.holds(found, body, List.of("name", "callbackUrl", "attributes"))) {
            return false;
        }
        var products = new java.util.TreeSet<String>();
        key.path("apiProducts").forEach(p -> products.add(p.path("apiproduct").asText()));
        long lifetime = key.path("expiresAt").asLong(-1) < 0 ? -1
                : key.path("expiresAt").asLong() - key.path("issuedAt").asLong();
        return products.equals(new java.util.TreeSet<>(Props.list(body, "apiProducts")))
                && lifetime == Long.parseLong(String.valueOf(body.getOrDefault("keyExpiresIn", -1)));
    }

    @Override
    public Optional<Map<String, Object>> read(ApigeeClient client, String id, Map<String, Object> state) {
        var p = Props.pair(id, "developerEmail/name");
        return client.get(appsPath(p[0]) + "/" + ApigeeClient.segment(p[1])).map(app -> outputs(p[0], app, state));
    }

    @Override
    public Map<String, Object> update(ApigeeClient client, String id, Map<String, Object> olds, Map<String, Object> news) {
        var p = Props.pair(id, "developerEmail/name");
        var appPath = appsPath(p[0]) + "/" + ApigeeClient.segment(p[1]);
        var key = Props.str(olds, "consumerKey");
        var state = Props.ordered();
        state.putAll(news);
        state.put("appId", olds.get("appId"));
        state.put("consumerKey", key);
        state.put("consumerSecret", olds.get("consumerSecret"));
        // What the key was issued with: Apigee cannot change it (see inputsNotDiffed).
        state.remove("keyExpiresIn");
        Props.putIfSet(state, "keyExpiresIn", olds.get("keyExpiresIn"));
        if (!Objects.equals(olds.get("callbackUrl"), news.get("callbackUrl"))
                || !Props.map(olds, "attributes").equals(Props.map(news, "attributes"))) {
            client.put(appPath, appBody(news, false, client.config().platform()));
        }
        var oldProducts = Props.list(olds, "apiProducts");
        var newProducts = Props.list(news, "apiProducts");
        if (!new HashSet<>(oldProducts).equals(new HashSet<>(newProducts))) {
            var keyPath = appPath + "/keys/" + ApigeeClient.segment(key);
            var keyUpdate = Props.ordered();
            keyUpdate.put("apiProducts", newProducts);
            // The update "replaces the existing attributes with those specified in the request": send the key's own.
            client.get(keyPath).map(k -> k.path("attributes")).filter(a -> !a.isEmpty())
                    .ifPresent(a -> keyUpdate.put("attributes", a));
            client.post(keyPath, keyUpdate);
            // Adding products to a key keeps the others; removed ones must be taken off one by one.
            for (var removed : oldProducts) {
                if (!newProducts.contains(removed)) {
                    client.delete(keyPath + "/apiproducts/" + ApigeeClient.segment(removed));
                }
            }
        }
        return client.get(appPath).map(app -> outputs(p[0], app, state)).orElseThrow(() -> new ApigeeException(404,
                "app '" + p[1] + "' of " + p[0] + " disappeared during the update; run pulumi refresh, then pulumi up."));
    }

    @Override
    public void delete(ApigeeClient client, String id, Map<String, Object> olds) {
        var p = Props.pair(id, "developerEmail/name");
        client.delete(appsPath(p[0]) + "/" + ApigeeClient.segment(p[1]));
    }
}
