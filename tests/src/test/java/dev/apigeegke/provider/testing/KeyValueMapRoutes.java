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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Environment-scoped key value maps and their entries, with the operations each platform publishes: on X (revision
 * 20230217) create and delete a map, and create, get, list (in pages of at most 100) and delete an entry; on Edge
 * create (with entries), get, list and delete a map, create, update and delete an entry, and list the keys. Edge
 * shows every value of an encrypted map as {@link #MASK}; X refuses a map that is not encrypted.
 */
final class KeyValueMapRoutes {
    /** What Edge's management API shows instead of each value of an encrypted map. */
    static final String MASK = "*****";
    /** The most entries Edge returns with a map, and the most keys it lists at once. */
    private static final int EDGE_MOST = 1000;
    /** The most entries X lists in one page, and the page size when none is asked. */
    private static final int X_PAGE = 100;

    /** One map: its entries in key order (stable, as Edge's key listing is). */
    private record KvMap(String name, boolean encrypted, TreeMap<String, String> entries) {
    }

    private final ApigeePlatform platform;
    private final ProxyRoutes proxies;
    /** Environment → map name → map. */
    private final Map<String, Map<String, KvMap>> maps = new LinkedHashMap<>();

    KeyValueMapRoutes(ApigeePlatform platform, ProxyRoutes proxies) {
        this.platform = platform;
        this.proxies = proxies;
    }

    /** The entries of a map in clear, as the runtime sees them; null when there is no such map. */
    Map<String, String> entries(String env, String name) {
        KvMap map = maps.getOrDefault(env, Map.of()).get(name);
        return map == null ? null : Map.copyOf(map.entries());
    }

    /** Sets an entry as someone working outside the stack would. */
    void put(String env, String name, String key, String value) {
        find(env, name).entries().put(key, value);
    }

    /** The answer, or null when the path is not a key value map path of this platform. */
    Reply route(Req r) {
        var s = r.segments();
        if (s.size() < 3 || !s.get(0).equals("environments") || !s.get(2).equals("keyvaluemaps")) {
            return null;
        }
        String env = proxies.environment(s.get(1));
        boolean x = platform == ApigeePlatform.X;
        if (s.size() == 3) {
            return switch (r.method()) {
                case "POST" -> create(env, r.json());
                case "GET" -> x ? null : Reply.ok(Api.names(maps.getOrDefault(env, Map.of()).keySet()));
                default -> null;
            };
        }
        KvMap map = find(env, s.get(3));
        if (s.size() == 4) {
            return switch (r.method()) {
                case "GET" -> x ? null : Reply.ok(edgeMap(map));
                case "DELETE" -> {
                    maps.get(env).remove(map.name());
                    yield Reply.ok(x ? xMap(map) : edgeMap(map));
                }
                default -> null;
            };
        }
        if (s.size() == 5 && s.get(4).equals("keys")) {
            return x || !r.method().equals("GET") ? null : Reply.ok(keys(map, r.query()));
        }
        if (!s.get(4).equals("entries") || s.size() > 6) {
            return null;
        }
        if (s.size() == 5) {
            return switch (r.method()) {
                case "POST" -> addEntry(map, r.json());
                case "GET" -> x ? Reply.ok(page(map, r.query())) : null;
                default -> null;
            };
        }
        String key = s.get(5);
        return switch (r.method()) {
            case "GET" -> x ? Reply.ok(entry(map, key, existing(map, key))) : null;
            case "POST" -> x ? null : updateEntry(map, key, r.json());
            case "DELETE" -> {
                String value = existing(map, key);
                map.entries().remove(key);
                yield Reply.ok(entry(map, key, value));
            }
            default -> null;
        };
    }

    private Reply create(String env, ObjectNode body) {
        String name = required(body, "name", "key value map");
        Map<String, KvMap> byName = maps.computeIfAbsent(env, e -> new LinkedHashMap<>());
        if (byName.containsKey(name)) {
            throw conflict("keyvaluemap.service.keyvaluemap_already_exists", "Key value map " + name
                    + " already exists in environment " + env);
        }
        boolean encrypted = body.path("encrypted").asBoolean(false);
        var map = new KvMap(name, encrypted, new TreeMap<>());
        if (platform == ApigeePlatform.X) {
            if (!encrypted) {
                throw badRequest("keyvaluemap.service.invalid_encryption", "Apigee X and hybrid do not support "
                        + "unencrypted key value maps: set encrypted to true");
            }
            byName.put(name, map);
            return Reply.ok(xMap(map));
        }
        for (JsonNode e : body.path("entry")) {
            String key = e.path("name").asText("");
            if (key.isEmpty() || map.entries().put(key, value(e)) != null) {
                throw badRequest("keyvaluemap.service.invalid_entry", "entry names must be present and unique, got \""
                        + key + "\"");
            }
        }
        byName.put(name, map);
        return Reply.created(edgeMap(map));
    }

    /** X and Edge both answer 200 to a new entry (Edge's description lists no 201). */
    private Reply addEntry(KvMap map, ObjectNode body) {
        String key = required(body, "name", "key value map entry");
        if (map.entries().containsKey(key)) {
            throw conflict("keyvaluemap.service.entry_already_exists", "Entry " + key + " already exists in key value map "
                    + map.name());
        }
        map.entries().put(key, value(body));
        return Reply.ok(entry(map, key, map.entries().get(key)));
    }

    /** Edge: "updates the entries if they exist, or adds them if they do not exist". */
    private Reply updateEntry(KvMap map, String key, ObjectNode body) {
        if (body.has("name") && !body.path("name").asText().equals(key)) {
            throw badRequest("keyvaluemap.service.entry_name_mismatch", "the entry's name " + body.path("name").asText()
                    + " is not the key " + key + " of the path");
        }
        map.entries().put(key, value(body));
        return Reply.ok(entry(map, key, map.entries().get(key)));
    }

    private KvMap find(String env, String name) {
        KvMap map = maps.getOrDefault(env, Map.of()).get(name);
        if (map == null) {
            throw notFound("keyvaluemap.service.keyvaluemap_doesnot_exist", "Key value map " + name
                    + " does not exist in environment " + env);
        }
        return map;
    }

    private static String existing(KvMap map, String key) {
        String value = map.entries().get(key);
        if (value == null) {
            throw notFound("keyvaluemap.service.entry_doesnot_exist", "Entry " + key + " does not exist in key value map "
                    + map.name());
        }
        return value;
    }

    /** The value of an entry body: X requires one (proto3 reads "" as none), and so does this emulator on Edge. */
    private static String value(JsonNode body) {
        String value = body.path("value").asText("");
        if (value.isEmpty()) {
            throw badRequest("keyvaluemap.service.invalid_value", "the entry " + body.path("name").asText() + " has no value");
        }
        return value;
    }

    private ObjectNode entry(KvMap map, String key, String value) {
        ObjectNode e = JSON.createObjectNode().put("name", key);
        return e.put("value", platform == ApigeePlatform.EDGE && map.encrypted() ? MASK : value);
    }

    private static ObjectNode xMap(KvMap map) {
        return JSON.createObjectNode().put("name", map.name()).put("encrypted", true);
    }

    /** Edge's map: at most the first 1000 entries, values masked when encrypted. */
    private ObjectNode edgeMap(KvMap map) {
        ObjectNode out = JSON.createObjectNode().put("name", map.name()).put("encrypted", map.encrypted());
        ArrayNode list = out.putArray("entry");
        map.entries().entrySet().stream().limit(EDGE_MOST).forEach(e -> list.add(entry(map, e.getKey(), e.getValue())));
        return out;
    }

    /** Edge: up to {@code count} (default 100, at most 1000) keys after {@code startkey}. */
    private static ArrayNode keys(KvMap map, Map<String, String> query) {
        int count = Math.min(EDGE_MOST, Integer.parseInt(query.getOrDefault("count", "100")));
        String start = query.get("startkey");
        var after = start == null ? map.entries().navigableKeySet() : map.entries().navigableKeySet().tailSet(start, false);
        return Api.names(after.stream().limit(count).toList());
    }

    /** X: a page of entries after {@code pageToken} (the last key of the previous page), in clear. */
    private ObjectNode page(KvMap map, Map<String, String> query) {
        int size = Math.min(X_PAGE, Integer.parseInt(query.getOrDefault("pageSize", String.valueOf(X_PAGE))));
        String token = query.get("pageToken");
        var after = token == null ? map.entries() : map.entries().tailMap(token, false);
        List<String> keys = after.keySet().stream().limit(size).toList();
        ObjectNode out = JSON.createObjectNode();
        if (!keys.isEmpty()) {
            ArrayNode list = out.putArray("keyValueEntries");
            keys.forEach(k -> list.add(entry(map, k, map.entries().get(k))));
        }
        if (after.size() > keys.size()) {
            out.put("nextPageToken", keys.get(keys.size() - 1));
        }
        return out;
    }
}
