package dev.apigeegke.provider.testing;

import static dev.apigeegke.provider.testing.Api.JSON;
import static dev.apigeegke.provider.testing.Api.badRequest;
import static dev.apigeegke.provider.testing.Api.conflict;
import static dev.apigeegke.provider.testing.Api.notFound;
import static dev.apigeegke.provider.testing.Api.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.testing.Api.Reply;
import dev.apigeegke.provider.testing.Api.Req;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Target servers, API products, developers and developer apps with their keys. */
final class EntityRoutes {
    private final ApigeePlatform platform;
    private final String org;
    private final ProxyRoutes proxies;
    private final Map<String, Map<String, ObjectNode>> targetServers = new LinkedHashMap<>();
    private final Map<String, ObjectNode> products = new LinkedHashMap<>();
    private final Map<String, ObjectNode> developers = new LinkedHashMap<>();
    /** Developer email → app name → app (with its credentials). */
    private final Map<String, Map<String, ObjectNode>> apps = new LinkedHashMap<>();

    EntityRoutes(ApigeePlatform platform, String org, ProxyRoutes proxies) {
        this.platform = platform;
        this.org = org;
        this.proxies = proxies;
    }

    /** A consumer key with the app and developer it belongs to, as edgemicro-auth's policies look it up. */
    record AppKey(ObjectNode developer, ObjectNode app, ObjectNode credential) {
    }

    /** The API products, as stored. */
    java.util.Collection<ObjectNode> products() {
        return products.values();
    }

    /** The API product {@code name}, or null. */
    ObjectNode product(String name) {
        return products.get(name);
    }

    /** The app holding consumer key {@code consumerKey}, or null when no app of any developer holds it. */
    AppKey appKey(String consumerKey) {
        for (var byName : apps.entrySet()) {
            for (ObjectNode app : byName.getValue().values()) {
                ObjectNode credential = find((ArrayNode) app.withArray("credentials"), consumerKey);
                if (credential != null) {
                    return new AppKey(developers.get(byName.getKey()), app, credential);
                }
            }
        }
        return null;
    }

    /** The answer, or null when the path is not an entity path. */
    Reply route(Req r) {
        var s = r.segments();
        if (s.size() >= 3 && s.get(0).equals("environments") && s.get(2).equals("targetservers")) {
            Map<String, ObjectNode> servers = targetServers.computeIfAbsent(proxies.environment(s.get(1)),
                    e -> new LinkedHashMap<>());
            // No timestamps: neither platform describes any on a target server.
            return collection(r, 3, servers, "name", "target server", "messaging.config.beans.TargetServer",
                    " in environment " + s.get(1), null, false, created -> { });
        }
        if (!s.isEmpty() && s.get(0).equals("apiproducts")) {
            if (s.size() <= 2 && (r.method().equals("POST") || r.method().equals("PUT"))) {
                checkProduct(r.json());
            }
            return collection(r, 1, products, "name", "API product", "keymanagement.service.apiproduct",
                    " in organization " + org, "apiProduct", true, created -> { });
        }
        if (s.size() >= 3 && s.get(0).equals("developers") && s.get(2).equals("apps")) {
            return appRoute(r, developer(s.get(1)));
        }
        if (!s.isEmpty() && s.get(0).equals("developers")) {
            if (r.is("DELETE", "developers", "*")) {
                apps.remove(developer(s.get(1)));
            }
            if (s.size() <= 2 && (r.method().equals("POST") || r.method().equals("PUT"))) {
                checkEmail(r.json());
            }
            Reply reply = collection(r, 1, developers, "email", "developer", "developer.service.Developer",
                    " in organization " + org, "developer", true, created -> created.put("developerId",
                            UUID.randomUUID().toString()).put("organizationName", org).put("status", "active"));
            if (reply != null && reply.body() instanceof ObjectNode dev && dev.has("email")) {
                dev.set("apps", Api.names(apps.getOrDefault(dev.path("email").asText(), Map.of()).keySet()));
            }
            return reply;
        }
        return null;
    }

    /**
     * POST on the collection (409 when the key exists), GET list, and GET/PUT/DELETE by key (404 when missing).
     * {@code depth} is the index of the key segment; {@code xListField} wraps X's list answers (null: names only);
     * {@code stamped} items carry createdAt and lastModifiedAt.
     */
    private Reply collection(Req r, int depth, Map<String, ObjectNode> items, String key, String what,
                             String edgeCode, String where, String xListField, boolean stamped,
                             java.util.function.Consumer<ObjectNode> onCreate) {
        int n = r.segments().size();
        if (n == depth && r.method().equals("POST")) {
            ObjectNode body = r.json();
            String id = required(body, key, what);
            if (items.containsKey(id)) {
                throw conflict(edgeCode + "AlreadyExists", what + " " + id + " already exists" + where);
            }
            onCreate.accept(body);
            if (stamped) {
                stamp(body, true);
            }
            items.put(id, body);
            return Reply.created(body);
        }
        if (n == depth && r.method().equals("GET")) {
            if (platform == ApigeePlatform.X && xListField != null) {
                ObjectNode list = JSON.createObjectNode();
                ArrayNode array = list.putArray(xListField);
                items.values().forEach(array::add);
                return Reply.ok(list);
            }
            return Reply.ok(Api.names(items.keySet()));
        }
        if (n != depth + 1) {
            return null;
        }
        String id = r.seg(depth);
        ObjectNode existing = items.get(id);
        if (existing == null) {
            throw notFound(edgeCode + "DoesNotExist", what + " " + id + " does not exist" + where);
        }
        switch (r.method()) {
            case "GET":
                return Reply.ok(existing);
            case "PUT": {
                ObjectNode body = r.json();
                body.put(key, id);
                copy(existing, body, "createdAt", "developerId", "organizationName", "status");
                if (stamped) {
                    stamp(body, false);
                }
                items.put(id, body);
                return Reply.ok(body);
            }
            case "DELETE":
                items.remove(id);
                return Reply.ok(existing);
            default:
                return null;
        }
    }

    private Reply appRoute(Req r, String email) {
        Map<String, ObjectNode> byName = apps.computeIfAbsent(email, e -> new LinkedHashMap<>());
        var s = r.segments();
        if (s.size() == 3 && r.method().equals("POST")) {
            ObjectNode body = r.json();
            String name = required(body, "name", "developer app");
            if (byName.containsKey(name)) {
                throw conflict("developer.service.AppAlreadyExists", "App named " + name
                        + " already exists for developer " + email);
            }
            existingProducts(body.path("apiProducts"));
            ObjectNode app = body.deepCopy();
            app.remove("apiProducts");
            app.remove("keyExpiresIn");
            app.put("appId", UUID.randomUUID().toString()).put("developerId", developers.get(email).path("developerId")
                    .asText()).put("status", "approved");
            stamp(app, true);
            long expiresIn = body.path("keyExpiresIn").asLong(-1);
            ObjectNode key = app.putArray("credentials").addObject()
                    .put("consumerKey", token()).put("consumerSecret", token());
            Api.putMillis(platform, key, "issuedAt", System.currentTimeMillis());
            Api.putMillis(platform, key, "expiresAt", expiresIn > 0 ? System.currentTimeMillis() + expiresIn : -1);
            key.put("status", "approved");
            key.putArray("scopes");
            key.putArray("attributes");
            addProducts(key, body.path("apiProducts"));
            byName.put(name, app);
            return Reply.created(app);
        }
        if (s.size() == 3 && r.method().equals("GET")) {
            if (platform == ApigeePlatform.X) {
                ObjectNode list = JSON.createObjectNode();
                ArrayNode array = list.putArray("app");
                byName.values().forEach(a -> array.addObject().put("appId", a.path("appId").asText()));
                return Reply.ok(list);
            }
            return Reply.ok(Api.names(byName.keySet()));
        }
        if (s.size() < 4) {
            return null;
        }
        String name = s.get(3);
        ObjectNode app = byName.get(name);
        if (app == null) {
            throw notFound("developer.service.AppDoesNotExist", "App named " + name + " does not exist for developer "
                    + email);
        }
        if (s.size() == 4) {
            switch (r.method()) {
                case "GET":
                    return Reply.ok(app);
                case "PUT": {
                    // Apigee keeps the keys and their products: those change only through the keys endpoints.
                    ObjectNode body = r.json();
                    body.put("name", name);
                    body.remove("apiProducts");
                    body.remove("keyExpiresIn");
                    copy(app, body, "appId", "developerId", "status", "createdAt", "credentials");
                    stamp(body, false);
                    byName.put(name, body);
                    return Reply.ok(body);
                }
                case "DELETE":
                    byName.remove(name);
                    return Reply.ok(app);
                default:
                    return null;
            }
        }
        return s.get(4).equals("keys") ? keyRoute(r, app) : null;
    }

    private Reply keyRoute(Req r, ObjectNode app) {
        var s = r.segments();
        ArrayNode credentials = (ArrayNode) app.withArray("credentials");
        if (s.size() == 5 || s.size() == 6 && s.get(5).equals("create") && r.method().equals("POST")) {
            if (!r.method().equals("POST")) {
                return null;
            }
            ObjectNode body = r.json();
            String consumerKey = required(body, "consumerKey", "key");
            if (find(credentials, consumerKey) != null) {
                throw conflict("keymanagement.service.app_key_already_exists", "Key " + consumerKey + " already exists");
            }
            ObjectNode key = credentials.addObject().put("consumerKey", consumerKey)
                    .put("consumerSecret", body.path("consumerSecret").asText(token()));
            Api.putMillis(platform, key, "issuedAt", System.currentTimeMillis());
            Api.putMillis(platform, key, "expiresAt", -1);
            key.put("status", "approved");
            key.putArray("apiProducts");
            key.putArray("scopes");
            return Reply.created(key);
        }
        ObjectNode key = find(credentials, s.get(5));
        if (key == null) {
            throw notFound("keymanagement.service.app_key_does_not_exist", "Key " + s.get(5) + " does not exist");
        }
        if (s.size() == 6) {
            switch (r.method()) {
                case "GET":
                    return Reply.ok(key);
                case "DELETE":
                    credentials.remove(indexOf(credentials, key));
                    return Reply.ok(key);
                case "POST": {
                    String action = r.query().get("action");
                    if (action != null) {
                        if (!action.equals("approve") && !action.equals("revoke")) {
                            throw badRequest("keymanagement.service.invalid_action", "action must be approve or revoke");
                        }
                        key.put("status", action.equals("approve") ? "approved" : "revoked");
                        return new Reply(204, null);
                    }
                    // Adds products to the key (removing one is DELETE .../keys/{key}/apiproducts/{product}), and
                    // "replaces the existing attributes with those specified in the request" (both descriptions).
                    ObjectNode body = r.json();
                    existingProducts(body.path("apiProducts"));
                    addProducts(key, body.path("apiProducts"));
                    key.set("attributes", body.has("attributes") ? body.get("attributes") : JSON.createArrayNode());
                    return Reply.ok(key);
                }
                default:
                    return null;
            }
        }
        if (s.size() == 8 && s.get(6).equals("apiproducts") && r.method().equals("DELETE")) {
            ArrayNode keyProducts = (ArrayNode) key.withArray("apiProducts");
            for (int i = 0; i < keyProducts.size(); i++) {
                if (keyProducts.get(i).path("apiproduct").asText().equals(s.get(7))) {
                    keyProducts.remove(i);
                    return Reply.ok(key);
                }
            }
            throw notFound("keymanagement.service.apiproduct_not_in_key", "API product " + s.get(7)
                    + " is not associated with key " + s.get(5));
        }
        return null;
    }

    /**
     * What Apigee refuses in a product: Edge requires displayName and approvalType (APIProductRequest); on both the
     * proxies it names "must already exist ... as they will be validated upon creation" (both descriptions, and Edge's
     * keymanagement.service.InvalidProxy); Edge also refuses an unknown environment
     * (keymanagement.service.InvalidEnvironment), which X does not validate.
     */
    private void checkProduct(ObjectNode body) {
        if (platform == ApigeePlatform.EDGE) {
            for (String field : java.util.List.of("displayName", "approvalType")) {
                if (body.path(field).asText("").isBlank()) {
                    throw badRequest("keymanagement.service.InvalidAPIProduct", "API product " + field + " is required");
                }
            }
        }
        for (JsonNode proxy : body.path("proxies")) {
            if (!proxies.has(proxy.asText())) {
                throw badRequest("keymanagement.service.InvalidProxy", "Invalid apiproxy " + proxy.asText());
            }
        }
        if (platform == ApigeePlatform.EDGE) {
            for (JsonNode env : body.path("environments")) {
                try {
                    proxies.environment(env.asText());
                } catch (Api.ApiError unknown) {
                    throw badRequest("keymanagement.service.InvalidEnvironment", "Invalid environment " + env.asText());
                }
            }
        }
    }

    /** X: "the email address has to be in lowercase only" (Developer.email in the discovery document). */
    private void checkEmail(ObjectNode body) {
        String email = body.path("email").asText("");
        if (platform == ApigeePlatform.X && !email.equals(email.toLowerCase(java.util.Locale.ROOT))) {
            throw badRequest("developer.service.InvalidEmail", "Email address " + email + " must be in lowercase");
        }
    }

    /** The API products an app or key names must exist. */
    private void existingProducts(JsonNode names) {
        for (JsonNode product : names) {
            if (!products.containsKey(product.asText())) {
                throw badRequest("keymanagement.service.apiproduct_doesnot_exist", "API Product [" + product.asText()
                        + "] does not exist in organization " + org);
            }
        }
    }

    private String developer(String email) {
        if (!developers.containsKey(email)) {
            throw notFound("developer.service.DeveloperDoesNotExist", "DeveloperId " + email
                    + " does not exist in organization " + org);
        }
        return email;
    }

    private static void addProducts(ObjectNode key, JsonNode names) {
        ArrayNode list = (ArrayNode) key.withArray("apiProducts");
        for (JsonNode product : names) {
            boolean present = false;
            for (JsonNode p : list) {
                present |= p.path("apiproduct").asText().equals(product.asText());
            }
            if (!present) {
                list.addObject().put("apiproduct", product.asText()).put("status", "approved");
            }
        }
    }

    private static ObjectNode find(ArrayNode credentials, String consumerKey) {
        for (JsonNode c : credentials) {
            if (c.path("consumerKey").asText().equals(consumerKey)) {
                return (ObjectNode) c;
            }
        }
        return null;
    }

    private static int indexOf(ArrayNode array, JsonNode item) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) == item) {
                return i;
            }
        }
        return -1;
    }

    private static void copy(ObjectNode from, ObjectNode to, String... fields) {
        for (String f : fields) {
            if (from.has(f)) {
                to.set(f, from.get(f));
            }
        }
    }

    private void stamp(ObjectNode body, boolean created) {
        long now = System.currentTimeMillis();
        if (created) {
            Api.putMillis(platform, body, "createdAt", now);
        }
        Api.putMillis(platform, body, "lastModifiedAt", now);
    }

    private static String token() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
