package dev.apigeegke.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigeegke.preview.Aliases;
import dev.apigeegke.preview.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What {@code pulumi preview --diff} would show between a plan written earlier and the current one: resources
 * matched by URN or through their aliases, their inputs compared path by path except those they ignore changes to. Secrets and values known only after apply are markers in
 * both plans, so they cannot be compared and are listed instead.
 *
 * @param oldPlan    the label of the earlier plan (as the user named it)
 * @param stack      the current plan's stack
 * @param changes    the changed resources, by operation then URN
 * @param unchanged  how many resources did not change
 * @param outputs    the changed stack outputs
 * @param secretsNotCompared paths ({@code name: path}) holding a secret in both plans
 * @param unknownsNotCompared paths holding a value known only after apply in both plans
 */
record PlanDiff(String oldPlan, String stack, List<Change> changes, int unchanged, List<PropertyChange> outputs,
                List<String> secretsNotCompared, List<String> unknownsNotCompared) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final int MAX_SHOWN = 100;

    /** What happens to a resource, in the order the summary lists them. */
    enum Op {
        CREATE("+", "create"), UPDATE("~", "update"), REPLACE("+-", "replace"), DELETE("-", "delete");

        final String symbol;
        final String verb;

        Op(String symbol, String verb) {
            this.symbol = symbol;
            this.verb = verb;
        }
    }

    /** What happens to one input: added, removed or changed. */
    enum Kind {
        ADD("+"), DELETE("-"), UPDATE("~");

        final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }
    }

    /** One changed resource; {@code properties} is empty for creates and deletes. */
    record Change(Op op, String urn, String type, String name, List<PropertyChange> properties) {
    }

    /**
     * One changed input path with its old and new value (null when absent); {@code replaces} names the
     * {@link ReplaceRules} property the change hits, or is null.
     */
    record PropertyChange(Kind kind, String path, JsonNode before, JsonNode after, String replaces) {
    }

    /** The earlier plan could not be read; the message says why and how to get one. */
    static final class InvalidPlan extends Exception {
        InvalidPlan(String message) {
            super(message);
        }
    }

    /** Reads a plan.json written by {@code preview --out}. */
    static JsonNode read(Path file) throws InvalidPlan {
        String hint = "; write one with: apigee-gke preview <pattern> --out DIR (then pass --against DIR/plan.json)";
        JsonNode plan;
        try {
            plan = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new InvalidPlan("--against " + file + ": no such file" + hint);
        } catch (JsonProcessingException e) {
            throw new InvalidPlan("--against " + file + " is not JSON (" + e.getOriginalMessage() + ")" + hint);
        } catch (IOException e) {
            throw new InvalidPlan("--against " + file + " cannot be read (" + e.getMessage() + ")" + hint);
        }
        var problems = new ArrayList<String>();
        if (plan == null || !plan.isObject()) {
            problems.add("it is not a JSON object");
        } else if (!plan.path("resources").isArray()) {
            problems.add("it has no \"resources\" array");
        } else {
            int i = 0;
            for (JsonNode r : plan.get("resources")) {
                for (String field : List.of("urn", "type", "name")) {
                    if (!r.path(field).isTextual()) {
                        problems.add("resources[" + i + "] has no \"" + field + "\" string");
                    }
                }
                if (!r.path("inputs").isObject()) {
                    problems.add("resources[" + i + "] has no \"inputs\" object");
                }
                i++;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlan("--against " + file + " is not a plan.json written by apigee-gke preview: "
                    + String.join(", ", problems.subList(0, Math.min(3, problems.size()))) + hint);
        }
        return plan;
    }

    /** The current plan in the same form as a plan.json read back, so both sides compare alike. */
    static JsonNode tree(Plan plan) throws IOException {
        return JSON.readTree(PlanWriter.json(plan));
    }

    /**
     * Compares {@code before} (labelled {@code label}) with the current plan {@code now}, as Pulumi would: a resource
     * is the earlier one at its URN or at a former URN its aliases lead to, and the inputs its ignoreChanges option
     * names never count as changed.
     */
    static PlanDiff between(String label, JsonNode before, Plan now) throws IOException {
        JsonNode after = tree(now);
        var old = byUrn(before);
        var current = byUrn(after);
        var earlier = Aliases.match(now.resources(), old.keySet());
        var changes = new ArrayList<Change>();
        var secrets = new ArrayList<String>();
        var unknowns = new ArrayList<String>();
        int unchanged = 0;
        for (var resource : now.resources()) {
            JsonNode n = current.get(resource.urn());
            String formerUrn = earlier.get(resource.urn());
            if (formerUrn == null) {
                changes.add(new Change(Op.CREATE, resource.urn(), resource.type(), resource.name(), List.of()));
                continue;
            }
            var props = new ArrayList<PropertyChange>();
            var ignored = resource.ignoreChanges().stream().map(PropertyPath::parse).toList();
            var walk = new Walk(resource.type(), ignored, props, new ArrayList<>(), new ArrayList<>());
            walk.compare("", old.get(formerUrn).get("inputs"), n.get("inputs"));
            walk.secrets().forEach(p -> secrets.add(resource.name() + ": " + p));
            walk.unknowns().forEach(p -> unknowns.add(resource.name() + ": " + p));
            if (props.isEmpty()) {
                unchanged++;
            } else {
                boolean replace = props.stream().anyMatch(p -> p.replaces() != null);
                changes.add(new Change(replace ? Op.REPLACE : Op.UPDATE, resource.urn(), resource.type(), resource.name(),
                        List.copyOf(props)));
            }
        }
        var taken = new HashSet<>(earlier.values());
        old.forEach((urn, o) -> {
            if (!taken.contains(urn)) {
                changes.add(new Change(Op.DELETE, urn, o.get("type").asText(), o.get("name").asText(), List.of()));
            }
        });
        changes.sort(Comparator.comparing(Change::op).thenComparing(Change::urn));
        var outputs = new ArrayList<PropertyChange>();
        var outputWalk = new Walk("", List.of(), outputs, new ArrayList<>(), new ArrayList<>());
        outputWalk.compare("", before.path("outputs"), after.path("outputs"));
        outputWalk.secrets().forEach(p -> secrets.add("stack output " + p));
        outputWalk.unknowns().forEach(p -> unknowns.add("stack output " + p));
        String stack = after.path("stack").asText();
        return new PlanDiff(label, stack, List.copyOf(changes), unchanged, List.copyOf(outputs),
                List.copyOf(secrets), List.copyOf(unknowns));
    }

    /** Whether nothing changed. */
    boolean isEmpty() {
        return changes.isEmpty() && outputs.isEmpty();
    }

    /** How many resources each operation touches, every operation listed. */
    Map<Op, Integer> counts() {
        var counts = new TreeMap<Op, Integer>();
        for (Op op : Op.values()) {
            counts.put(op, 0);
        }
        changes.forEach(c -> counts.merge(c.op(), 1, Integer::sum));
        return counts;
    }

    private static Map<String, JsonNode> byUrn(JsonNode plan) {
        var map = new TreeMap<String, JsonNode>();
        plan.path("resources").forEach(r -> map.put(r.get("urn").asText(), r));
        return map;
    }

    /** Walks two values side by side, recording the differing paths that no {@code ignored} path covers. */
    private record Walk(String type, List<PropertyPath> ignored, List<PropertyChange> changes, List<String> secrets,
                        List<String> unknowns) {
        void compare(String path, JsonNode before, JsonNode after) {
            if (!path.isEmpty() && ignored.stream().anyMatch(i -> i.covers(PropertyPath.parse(path)))) {
                return;
            }
            boolean hadValue = before != null && !before.isNull() && !before.isMissingNode();
            boolean hasValue = after != null && !after.isNull() && !after.isMissingNode();
            if (!hadValue && !hasValue) {
                return;
            }
            if (!hadValue || !hasValue) {
                changes.add(change(hadValue ? Kind.DELETE : Kind.ADD, path, hadValue ? before : null,
                        hasValue ? after : null));
                return;
            }
            if (isMarker(before, Plan.SECRET) && isMarker(after, Plan.SECRET)) {
                secrets.add(path.isEmpty() ? "(the whole value)" : path);
                return;
            }
            if (isMarker(before, Plan.UNKNOWN) && isMarker(after, Plan.UNKNOWN)) {
                unknowns.add(path.isEmpty() ? "(the whole value)" : path);
                return;
            }
            if (before.isObject() && after.isObject()) {
                var keys = new TreeSet<String>();
                before.fieldNames().forEachRemaining(keys::add);
                after.fieldNames().forEachRemaining(keys::add);
                for (String key : keys) {
                    compare(child(path, key), before.get(key), after.get(key));
                }
                return;
            }
            if (before.isArray() && after.isArray()) {
                for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                    compare(path + "[" + i + "]", before.get(i), after.get(i));
                }
                return;
            }
            if (!sameValue(before, after)) {
                changes.add(change(Kind.UPDATE, path, before, after));
            }
        }

        private PropertyChange change(Kind kind, String path, JsonNode before, JsonNode after) {
            // A value that is secret on one side only is still not shown: the other side may be the same secret.
            if (isMarker(before, Plan.SECRET) || isMarker(after, Plan.SECRET)) {
                before = before == null ? null : JSON.getNodeFactory().textNode(Plan.SECRET);
                after = after == null ? null : JSON.getNodeFactory().textNode(Plan.SECRET);
            }
            return new PropertyChange(kind, path, before, after, type.isEmpty() ? null : ReplaceRules.hit(type, path));
        }
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static boolean isMarker(JsonNode node, String marker) {
        return node != null && node.isTextual() && node.asText().equals(marker);
    }

    private static String child(String path, String key) {
        if (IDENTIFIER.matcher(key).matches()) {
            return path.isEmpty() ? key : path + "." + key;
        }
        return path + "[" + quote(key) + "]";
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A value as the diff shows it: JSON, with the secret and unknown markers bare, and long values cut to their
     * start, length and a digest (a proxy bundle is megabytes of base64), so that a change stays visible.
     */
    static String show(JsonNode value) {
        if (value == null) {
            return "(absent)";
        }
        if (isMarker(value, Plan.SECRET) || isMarker(value, Plan.UNKNOWN)) {
            return value.asText();
        }
        String text = value.isTextual() ? value.asText() : value.toString();
        String shown = value.isTextual() ? quote(text) : text;
        if (shown.length() <= MAX_SHOWN && !text.contains("\n")) {
            return shown;
        }
        String start = text.lines().findFirst().orElse("");
        start = start.substring(0, Math.min(40, start.length()));
        return (value.isTextual() ? quote(start + "…") : start + "…") + " (" + text.length() + " chars, sha256 "
                + sha256(text).substring(0, 12) + ")";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
