package dev.apigeegke.provider.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.provider.api.ApigeeClient;
import dev.apigeegke.provider.api.ApigeeException;
import dev.apigeegke.provider.api.ApigeePlatform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The calls that keep an environment's key value map, as each platform publishes them. Apigee X (revision 20230217
 * of its API) creates a map with its name only, has no call that reads a map or changes an entry, and lists the
 * entries in pages; Edge creates a map with its entries, reads it whole (values of an encrypted map hidden), and
 * updates one entry in place.
 */
abstract class KeyValueMapApi {
    /**
     * A map as Apigee shows it.
     *
     * @param encrypted whether its values are encrypted
     * @param entries   its entries by key; a null value is one Apigee does not show
     */
    record Found(boolean encrypted, Map<String, String> entries) {
    }

    final ApigeeClient client;
    final String env;
    final String name;

    private KeyValueMapApi(ApigeeClient client, String env, String name) {
        this.client = client;
        this.env = env;
        this.name = name;
    }

    /** The calls for map {@code name} of {@code env} on the client's platform. */
    static KeyValueMapApi of(ApigeeClient client, String env, String name) {
        return client.config().platform() == ApigeePlatform.X ? new X(client, env, name) : new Edge(client, env, name);
    }

    final String maps() {
        return "/environments/" + ApigeeClient.segment(env) + "/keyvaluemaps";
    }

    final String map() {
        return maps() + "/" + ApigeeClient.segment(name);
    }

    final String entries() {
        return map() + "/entries";
    }

    final String entry(String key) {
        return entries() + "/" + ApigeeClient.segment(key);
    }

    /** An entry as both platforms send it. */
    static Map<String, String> body(String key, String value) {
        var body = new LinkedHashMap<String, String>();
        body.put("name", key);
        body.put("value", value);
        return body;
    }

    /** Creates the map holding {@code entries}. */
    abstract void create(boolean encrypted, Map<String, String> entries);

    /** The map, or empty when it does not exist. */
    abstract Optional<Found> read();

    /** Adds an entry the map does not hold. */
    final void add(String key, String value) {
        client.post(entries(), body(key, value));
    }

    /** Gives an entry the map holds a new value. */
    abstract void change(String key, String value);

    /** Removes an entry; already gone is not an error. */
    final void remove(String key) {
        client.delete(entry(key));
    }

    /** Deletes the map with its entries; already gone is not an error. */
    final void delete() {
        client.delete(map());
    }

    /** Apigee X and hybrid: {@code organizations.environments.keyvaluemaps} and its {@code entries}. */
    private static final class X extends KeyValueMapApi {
        /** The most entries X lists in one page. */
        private static final int PAGE = 100;

        X(ApigeeClient client, String env, String name) {
            super(client, env, name);
        }

        @Override
        void create(boolean encrypted, Map<String, String> entries) {
            client.post(maps(), Map.of("name", name, "encrypted", true));
            try {
                entries.forEach(this::add);
            } catch (ApigeeException e) {
                // A map without all its entries would be left outside the stack, and the next create would hit it.
                try {
                    delete();
                } catch (ApigeeException alsoFailed) {
                    throw new ApigeeException(e.status(), e.getMessage() + " Key value map '" + name + "' of environment '"
                            + env + "' was created without all its entries and could not be deleted again: delete it "
                            + "in the Apigee UI, or import it with `pulumi import apigee:index:KeyValueMap <resource name> "
                            + env + "/" + name + "`, then run `pulumi up` again.");
                }
                throw new ApigeeException(e.status(), e.getMessage() + " Key value map '" + name + "' was deleted again, "
                        + "so the next `pulumi up` creates it with all its entries.");
            }
        }

        @Override
        Optional<Found> read() {
            var entries = new TreeMap<String, String>();
            String token = null;
            do {
                var page = client.get(entries() + "?pageSize=" + PAGE
                        + (token == null ? "" : "&pageToken=" + ApigeeClient.segment(token)));
                if (page.isEmpty()) {
                    return Optional.empty();
                }
                for (JsonNode e : page.get().path("keyValueEntries")) {
                    // The name may be given as the entry's resource name, which ends with its key.
                    var key = e.path("name").asText();
                    entries.put(key.substring(key.lastIndexOf('/') + 1), e.path("value").asText());
                }
                token = Props.text(page.get(), "nextPageToken");
            } while (token != null && !token.isEmpty());
            return Optional.of(new Found(true, entries));
        }

        /** X publishes no call that changes an entry: it is deleted and created again. */
        @Override
        void change(String key, String value) {
            remove(key);
            add(key, value);
        }
    }

    /** Apigee Edge: environment-scoped key value maps and their entries. */
    private static final class Edge extends KeyValueMapApi {
        /** The most entries Edge returns with a map, and the most keys it lists at once. */
        private static final int MOST = 1000;

        Edge(ApigeeClient client, String env, String name) {
            super(client, env, name);
        }

        @Override
        void create(boolean encrypted, Map<String, String> entries) {
            var list = new ArrayList<Map<String, String>>();
            entries.forEach((k, v) -> list.add(body(k, v)));
            var body = new LinkedHashMap<String, Object>();
            body.put("name", name);
            body.put("encrypted", encrypted);
            body.put("entry", list);
            client.post(maps(), body);
        }

        @Override
        Optional<Found> read() {
            var answer = client.get(map());
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            var encrypted = answer.get().path("encrypted").asBoolean(false);
            var entries = new TreeMap<String, String>();
            var shown = answer.get().path("entry");
            // An encrypted map's values come back masked: none of them is the value.
            shown.forEach(e -> entries.put(e.path("name").asText(), encrypted ? null : e.path("value").asText()));
            if (shown.size() >= MOST) {
                keys().forEach(k -> entries.putIfAbsent(k, null));
            }
            return Optional.of(new Found(encrypted, entries));
        }

        /** Every key, in pages: the map itself shows at most 1000 entries. */
        private List<String> keys() {
            var keys = new ArrayList<String>();
            String start = null;
            while (true) {
                var page = client.get(map() + "/keys?count=" + MOST
                        + (start == null ? "" : "&startkey=" + ApigeeClient.segment(start)));
                if (page.isEmpty() || page.get().isEmpty()) {
                    return keys;
                }
                page.get().forEach(k -> keys.add(k.asText()));
                start = keys.get(keys.size() - 1);
            }
        }

        @Override
        void change(String key, String value) {
            client.post(entry(key), body(key, value));
        }
    }
}
