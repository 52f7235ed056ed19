package dev.apigeegke.provider.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads plain property maps and converts between property shapes and management API shapes. */
final class Props {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Props() {
    }

    static String str(Map<String, Object> m, String key) {
        var v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }

    static String required(Map<String, Object> m, String key) {
        var v = str(m, key);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("missing required property '" + key + "'");
        }
        return v;
    }

    static Integer integer(Map<String, Object> m, String key) {
        var v = m.get(key);
        if (v instanceof Number n) {
            return n.intValue();
        }
        return v == null ? null : Integer.valueOf(String.valueOf(v));
    }

    /** A whole number that may exceed an int (a number of milliseconds); null when unset. */
    static Long whole(Map<String, Object> m, String key) {
        var v = m.get(key);
        if (v instanceof Number n) {
            return n.longValue();
        }
        return v == null ? null : Long.valueOf(String.valueOf(v));
    }

    static boolean bool(Map<String, Object> m, String key, boolean dflt) {
        var v = m.get(key);
        return v instanceof Boolean b ? b : dflt;
    }

    static List<String> list(Map<String, Object> m, String key) {
        var v = m.get(key);
        var out = new ArrayList<String>();
        if (v instanceof List<?> l) {
            l.forEach(e -> out.add(String.valueOf(e)));
        }
        return out;
    }

    static Map<String, String> map(Map<String, Object> m, String key) {
        var v = m.get(key);
        var out = new TreeMap<String, String>();
        if (v instanceof Map<?, ?> mm) {
            mm.forEach((k, e) -> out.put(String.valueOf(k), String.valueOf(e)));
        }
        return out;
    }

    /** Puts the value unless it is null, so unset inputs are not sent. */
    static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** Apigee's attribute list {@code [{name, value}]} from a map. */
    static List<Map<String, String>> attributes(Map<String, String> attrs) {
        var out = new ArrayList<Map<String, String>>();
        attrs.forEach((k, v) -> {
            var attr = new LinkedHashMap<String, String>();
            attr.put("name", k);
            attr.put("value", v);
            out.add(attr);
        });
        return out;
    }

    /** A map from Apigee's attribute list; empty when absent. */
    static Map<String, String> attributes(JsonNode node) {
        var out = new TreeMap<String, String>();
        if (node != null && node.isArray()) {
            node.forEach(a -> out.put(a.path("name").asText(), a.path("value").asText()));
        }
        return out;
    }

    static List<String> strings(JsonNode node) {
        var out = new ArrayList<String>();
        if (node != null && node.isArray()) {
            node.forEach(e -> out.add(e.asText()));
        }
        return out;
    }

    /** The answer, or an empty node when the API answered without a body. */
    static JsonNode node(JsonNode answer) {
        return answer == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : answer;
    }

    static String text(JsonNode node, String field) {
        var v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /**
     * Whether {@code found} holds each of {@code fields} of {@code sent} with the same value: what a create that
     * answered 409 after a retry must find to be taken as its own. Lists are compared as sets, attribute lists as
     * maps, other values as text; absent, null and empty are the same.
     */
    static boolean holds(JsonNode found, Map<String, Object> sent, Collection<String> fields) {
        var tree = JSON.valueToTree(sent);
        return fields.stream().allMatch(f -> comparable(tree.get(f)).equals(comparable(found.get(f))));
    }

    private static Object comparable(JsonNode node) {
        if (node == null || node.isNull() || node.isArray() && node.isEmpty() || node.isTextual() && node.asText().isEmpty()) {
            return "";
        }
        if (node.isArray() && node.get(0).has("name")) {
            return attributes(node);
        }
        if (node.isArray()) {
            return new TreeSet<>(strings(node));
        }
        return node.asText();
    }

    /** Splits an id of the form {@code a/b}. */
    static String[] pair(String id, String what) {
        int i = id.indexOf('/');
        if (i <= 0 || i == id.length() - 1) {
            throw new IllegalArgumentException("id \"" + id + "\" is not of the form " + what);
        }
        return new String[] {id.substring(0, i), id.substring(i + 1)};
    }

    static Map<String, Object> ordered() {
        return new LinkedHashMap<>();
    }
}
