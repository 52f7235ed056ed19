package dev.apigeegke.provider.resources;

import dev.apigeegke.provider.api.ApigeeClient;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.schema.ProviderSchema;
import dev.apigeegke.provider.schema.ResourceSchema;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code apigee:index:KeyValueMap}, id {@code environment/name}, under {@code /environments/{env}/keyvaluemaps}. The
 * values are never read back (an encrypted Edge map hides them) nor kept in the outputs: each entry is represented
 * in the state by its {@link EntryHashes hash}, which Diff and Update compare, so a changed value updates that entry
 * alone and an unchanged map makes no call.
 */
final class KeyValueMapHandler implements ResourceHandler {
    private static final ResourceSchema SCHEMA = ProviderSchema.get().require("apigee:index:KeyValueMap");
    private static final String ENTRIES = "entries";
    /** The longest entry key Apigee accepts, in bytes. */
    private static final int MAX_KEY_BYTES = 2048;

    @Override
    public ResourceSchema schema() {
        return SCHEMA;
    }

    @Override
    public void check(Checks c) {
        c.pathSegment("environment");
        c.pathSegment("name");
        var name = c.string("name");
        if (name != null && !name.isEmpty() && !name.matches("[A-Za-z0-9._\\-$% ]+")) {
            c.fail("name", "'name' may hold only letters, digits, spaces and . _ - $ %, got \"" + name + "\"");
        }
        c.bool("encrypted");
        if (c.platform() == ApigeePlatform.X && Boolean.FALSE.equals(c.value("encrypted"))) {
            c.fail("encrypted", "'encrypted' must be true on Apigee X and hybrid, which keep every key value map "
                    + "encrypted: remove it (it defaults to true) or set it to true");
        }
        checkEntries(c);
    }

    /** The entries' keys become path segments; their values are secrets, so no message shows one. */
    private static void checkEntries(Checks c) {
        var v = c.value(ENTRIES);
        if (v == null) {
            return;
        }
        if (!(v instanceof Map<?, ?> entries)) {
            c.fail(ENTRIES, "'entries' must be a map of strings by key (its values are secrets and not shown here)");
            return;
        }
        entries.forEach((k, value) -> {
            var key = String.valueOf(k);
            if (key.isEmpty() || key.contains("/") || !key.strip().equals(key)) {
                c.fail(ENTRIES, "'entries' key \"" + key + "\" must be non-empty, without '/' or surrounding spaces");
            } else if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
                c.fail(ENTRIES, "'entries' key \"" + key.substring(0, 40) + "…\" is longer than Apigee's 2 KB for a key");
            }
            if (!(value instanceof String s) || s.isEmpty()) {
                c.fail(ENTRIES, "'entries' value of key \"" + key + "\" must be a non-empty string (Apigee requires a "
                        + "value; the value itself is a secret and not shown here)");
            }
        });
    }

    /** Each entry is compared by its hash: the old side from the state, the new side hashed under the state's key. */
    @Override
    public Map<String, Object> diffView(Map<String, Object> inputs, Map<String, Object> state, boolean old) {
        var view = new LinkedHashMap<>(inputs);
        view.remove(ENTRIES);
        var hashes = old ? Props.map(state, "entryHashes")
                : EntryHashes.of(Props.str(state, "hashKey"), Props.map(inputs, ENTRIES));
        hashes.forEach((k, h) -> view.put(path(k), h));
        return view;
    }

    /** The property path of an entry, as the engine shows it in a detailed diff. */
    private static String path(String key) {
        return ENTRIES + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    @Override
    public boolean keepsOnUpdate(String key, Map<String, Object> olds, Map<String, Object> news) {
        return !key.equals("entryHashes") || EntryHashes.of(Props.str(olds, "hashKey"), Props.map(news, ENTRIES))
                .equals(Props.map(olds, "entryHashes"));
    }

    private static boolean encrypted(Map<String, Object> in) {
        return Props.bool(in, "encrypted", (Boolean) SCHEMA.inputDefaults().get("encrypted"));
    }

    private static Map<String, Object> outputs(String env, String name, boolean encrypted, Map<String, String> hashes,
                                               String hashKey) {
        var out = Props.ordered();
        out.put("environment", env);
        out.put("name", name);
        out.put("encrypted", encrypted);
        out.put("entryHashes", hashes);
        out.put("hashKey", hashKey);
        return out;
    }

    @Override
    public Created create(ApigeeClient client, Map<String, Object> in) {
        var env = Props.required(in, "environment");
        var name = Props.required(in, "name");
        var entries = Props.map(in, ENTRIES);
        KeyValueMapApi.of(client, env, name).create(encrypted(in), entries);
        var hashKey = EntryHashes.newKey();
        return new Created(env + "/" + name, outputs(env, name, encrypted(in), EntryHashes.of(hashKey, entries), hashKey));
    }

    /**
     * The map's keys as Apigee has them. A value Apigee shows (X; an unencrypted Edge map) is hashed, so a value
     * changed outside the stack shows as a diff; a hidden one keeps the hash in the state.
     */
    @Override
    public Optional<Map<String, Object>> read(ApigeeClient client, String id, Map<String, Object> state) {
        var p = Props.pair(id, "environment/name");
        var found = KeyValueMapApi.of(client, p[0], p[1]).read();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var hashKey = Optional.ofNullable(Props.str(state, "hashKey")).orElseGet(EntryHashes::newKey);
        var known = Props.map(state, "entryHashes");
        var hashes = new TreeMap<String, String>();
        found.get().entries().forEach((k, v) -> hashes.put(k, v != null ? EntryHashes.of(hashKey, k, v)
                : known.getOrDefault(k, EntryHashes.UNKNOWN)));
        return Optional.of(outputs(p[0], p[1], found.get().encrypted(), hashes, hashKey));
    }

    /** Writes only the entries whose hash differs from the state's: added, changed, removed. */
    @Override
    public Map<String, Object> update(ApigeeClient client, String id, Map<String, Object> olds, Map<String, Object> news) {
        var p = Props.pair(id, "environment/name");
        var api = KeyValueMapApi.of(client, p[0], p[1]);
        var hashKey = Optional.ofNullable(Props.str(olds, "hashKey")).orElseGet(EntryHashes::newKey);
        var oldHashes = Props.map(olds, "entryHashes");
        var entries = Props.map(news, ENTRIES);
        var hashes = EntryHashes.of(hashKey, entries);
        entries.forEach((k, v) -> {
            if (!oldHashes.containsKey(k)) {
                api.add(k, v);
            } else if (!Objects.equals(oldHashes.get(k), hashes.get(k))) {
                api.change(k, v);
            }
        });
        oldHashes.keySet().stream().filter(k -> !entries.containsKey(k)).forEach(api::remove);
        return outputs(p[0], p[1], encrypted(news), hashes, hashKey);
    }

    @Override
    public void delete(ApigeeClient client, String id, Map<String, Object> olds) {
        var p = Props.pair(id, "environment/name");
        KeyValueMapApi.of(client, p[0], p[1]).delete();
    }
}
