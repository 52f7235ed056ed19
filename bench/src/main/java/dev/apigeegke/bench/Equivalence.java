package dev.apigeegke.bench;

import dev.apigeegke.preview.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether two programs declare the same cloud and Kubernetes resources: the same custom resources (type and
 * name), each with equal inputs (compared both as the engine receives them, which shows what is secret, and
 * with secrets revealed), through the same provider, and the same stack outputs. Component resources are
 * not compared: having them is the difference being measured.
 */
public final class Equivalence {
    private static final int MAX_TEXT = 160;

    private Equivalence() {
    }

    /** The differences between {@code components} and {@code baseline}; empty when they declare the same resources. */
    public static List<String> differences(Recording components, Recording baseline) {
        var out = new ArrayList<String>();
        var left = customResources(components.plan());
        var right = customResources(baseline.plan());
        var keys = new TreeSet<String>(left.keySet());
        keys.addAll(right.keySet());
        for (String key : keys) {
            var a = left.get(key);
            var b = right.get(key);
            if (a == null) {
                out.add(key + ": only in the baseline");
            } else if (b == null) {
                out.add(key + ": missing from the baseline");
            } else {
                diff(key + " inputs", a.inputs(), b.inputs(), out);
                diff(key + " inputs (secrets revealed)", components.inputs().get(key), baseline.inputs().get(key), out);
                if (!Objects.equals(providerName(a.provider()), providerName(b.provider()))) {
                    out.add(key + ": provider " + providerName(a.provider()) + " in components, "
                            + providerName(b.provider()) + " in the baseline");
                }
            }
        }
        diff("stack outputs", components.plan().outputs(), baseline.plan().outputs(), out);
        return out;
    }

    /** The number of custom resources a plan declares. */
    public static int customCount(Plan plan) {
        return customResources(plan).size();
    }

    private static Map<String, Plan.Resource> customResources(Plan plan) {
        var map = new TreeMap<String, Plan.Resource>();
        for (var r : plan.resources()) {
            if (r.custom()) {
                map.put(Recording.key(r.type(), r.name()), r);
            }
        }
        return map;
    }

    /** A provider reference is {@code urn::id}; its URN carries the parents, which differ: compare type and name. */
    private static String providerName(String reference) {
        if (reference == null) {
            return "(default)";
        }
        String urn = reference.substring(0, reference.lastIndexOf("::"));
        String[] parts = urn.split("::");
        String typePath = parts[parts.length - 2];
        return typePath.substring(typePath.lastIndexOf('$') + 1) + "::" + parts[parts.length - 1];
    }

    private static void diff(String path, Object a, Object b, List<String> out) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            var keys = new TreeSet<String>();
            ma.keySet().forEach(k -> keys.add(String.valueOf(k)));
            mb.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (String k : keys) {
                diff(path + "." + k, ma.get(k), mb.get(k), out);
            }
        } else if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
            for (int i = 0; i < la.size(); i++) {
                diff(path + "[" + i + "]", la.get(i), lb.get(i), out);
            }
        } else if (!Objects.equals(a, b)) {
            out.add(path + ": components " + shorten(a) + ", baseline " + shorten(b));
        }
    }

    private static String shorten(Object value) {
        String text = value == null ? "(absent)" : value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…(" + text.length() + " chars)";
    }
}
