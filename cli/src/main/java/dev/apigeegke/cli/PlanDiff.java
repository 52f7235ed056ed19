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
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What {@code pulumi preview --diff} would show between a plan written earlier and the current one: resources
 * matched by URN or through their aliases, their inputs compared path by path except those they ignore changes to,
 * their providers compared as the engine does (a provider whose new configuration replaces, replaces every resource
 * it manages), and their options applied (replaceOnChanges, protect, retainOnDelete, deleteBeforeReplace). Secrets and
 * values known only after apply are markers in both plans, so they cannot be compared and are listed instead.
 *
 * @param oldPlan    the label of the earlier plan (as the user named it)
 * @param stack      the current plan's stack
 * @param changes    the resources Pulumi shows, by operation then URN: every step but {@code same}, and the
 *                   {@code same} steps it always shows (a change of {@code protect})
 * @param unchanged  how many resources have a {@code same} step (Pulumi's "N unchanged"), those shown included
 * @param outputs    the changed stack outputs
 * @param secretsNotCompared paths ({@code name: path}) holding a secret in both plans
 * @param unknownsNotCompared paths holding a value known only after apply in both plans
 * @param recorded   per resource, what changed that {@code pulumi preview} records in the state without a diff (its
 *                   dependencies, the options other than protect, a provider switch that replaces nothing, a default
 *                   provider's configuration): each a {@link Change} of op {@link Op#SAME} whose properties name
 *                   plan.json paths ({@code dependencies.dependsOn}, {@code options.customTimeouts.create},
 *                   {@code provider})
 * @param earlierRecordsOptions whether the earlier plan records providers, dependencies and options (plans written
 *                   before they existed do not: then none of them is compared)
 * @param unknownProviderInputs the inputs of explicit providers ({@code name: input (from resource)}) that come from
 *                   a resource this change creates or replaces: unknown in Pulumi's preview, and compared so
 */
record PlanDiff(String oldPlan, String stack, List<Change> changes, int unchanged, List<PropertyChange> outputs,
                List<String> secretsNotCompared, List<String> unknownsNotCompared, List<Change> recorded,
                boolean earlierRecordsOptions, List<String> unknownProviderInputs) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final int MAX_SHOWN = 100;
    /** The replace reason of a resource whose provider's new configuration replaces it, as the engine names it. */
    static final String PROVIDER_REASON = "provider";

    /**
     * What happens to a resource, in the order the summary lists them; {@code SAME} (no change to the cloud resource)
     * is counted as unchanged.
     */
    enum Op {
        CREATE("+", "create"), UPDATE("~", "update"), REPLACE("+-", "replace"), DELETE("-", "delete"), SAME("", "same");

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

    /**
     * One resource's step.
     *
     * @param op         what happens to it
     * @param urn        its URN (the earlier one for a delete)
     * @param type       its type token
     * @param name       its logical name
     * @param properties its changed inputs; empty for creates and deletes
     * @param replaceReasons why it is replaced, as Pulumi's {@code replaceReasons}: the input paths that force it
     *                   ({@link PropertyChange#replaces()}), {@code provider} when its provider's configuration does;
     *                   empty unless {@code op} is {@link Op#REPLACE}
     * @param oldProvider the provider URN it used, when it differs from {@code newProvider}; else null
     * @param newProvider the provider URN it uses now, ending in {@code ::[unknown]} when that provider is created or
     *                   replaced (as Pulumi prints it), when its provider changed or is replaced; else null
     * @param protect    whether it is protected now (Pulumi's 🔒)
     * @param wasProtected whether it was protected (🔓 when it no longer is)
     * @param retainOnDelete whether the earlier plan retains it on delete (Pulumi's {@code [retain]} on a delete or
     *                   replace: the cloud resource is left behind)
     * @param deleteBeforeReplace whether a replacement deletes it before creating the new one
     */
    record Change(Op op, String urn, String type, String name, List<PropertyChange> properties,
                  List<String> replaceReasons, String oldProvider, String newProvider, boolean protect,
                  boolean wasProtected, boolean retainOnDelete, boolean deleteBeforeReplace) {
        public Change {
            properties = List.copyOf(properties);
            replaceReasons = List.copyOf(replaceReasons);
        }

        /** A step with no option and no provider change: the reasons are the replacing inputs. */
        Change(Op op, String urn, String type, String name, List<PropertyChange> properties) {
            this(op, urn, type, name, properties, properties.stream().map(PropertyChange::replaces)
                    .filter(java.util.Objects::nonNull).distinct().toList(), null, null, false, false, false, false);
        }

        /** Whether the provider line ({@code [provider: old => new]}) is shown. */
        boolean providerChanged() {
            return newProvider != null;
        }
    }

    /**
     * One changed input path with its old and new value (null when absent); {@code replaces} names the
     * {@link ReplaceRules} property, the {@code replaceOnChanges} path or the provider configuration key the change
     * hits, or is null.
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
        // A plan written before providers, dependencies and options were recorded has none to compare.
        boolean recordsOptions = before.has("providers");
        var providers = new ProviderChanges(before, after, earlier);
        var changes = new ArrayList<Change>();
        var recorded = new ArrayList<Change>();
        var secrets = new ArrayList<String>();
        var unknowns = new ArrayList<String>();
        // First the inputs alone: a provider input that comes from a resource created or replaced is unknown in
        // Pulumi's preview, which its DiffConfig may answer with a replacement of the provider.
        var inputs = new HashMap<String, List<PropertyChange>>();
        var renewed = new HashSet<String>();
        for (var resource : now.resources()) {
            String formerUrn = earlier.get(resource.urn());
            if (formerUrn == null) {
                renewed.add(resource.urn());
                continue;
            }
            var props = new ArrayList<PropertyChange>();
            var ignored = resource.ignoreChanges().stream().map(PropertyPath::parse).toList();
            var replacing = resource.options().replaceOnChanges().stream().map(PropertyPath::parse).toList();
            var walk = new Walk(resource.type(), ignored, replacing, props, new ArrayList<>(), new ArrayList<>());
            walk.compare("", old.get(formerUrn).get("inputs"), current.get(resource.urn()).get("inputs"));
            walk.secrets().forEach(p -> secrets.add(resource.name() + ": " + p));
            walk.unknowns().forEach(p -> unknowns.add(resource.name() + ": " + p));
            inputs.put(resource.urn(), props);
            if (props.stream().anyMatch(p -> p.replaces() != null)) {
                renewed.add(resource.urn());
            }
        }
        var unknownProviderInputs = recordsOptions ? providers.unknownWhenRenewed(now, renewed) : List.<String>of();
        unknowns.removeIf(u -> unknownProviderInputs.stream().anyMatch(i -> i.startsWith(u + " (from ")));
        int unchanged = 0;
        for (var resource : now.resources()) {
            JsonNode n = current.get(resource.urn());
            String formerUrn = earlier.get(resource.urn());
            if (formerUrn == null) {
                changes.add(new Change(Op.CREATE, resource.urn(), resource.type(), resource.name(), List.of(), List.of(),
                        null, null, resource.options().protect(), false, false, false));
                continue;
            }
            JsonNode o = old.get(formerUrn);
            var props = inputs.get(resource.urn());
            Change change = recordsOptions ? withOptions(resource, o, n, props, providers, earlier, recorded)
                    : new Change(props.isEmpty() ? Op.SAME : Op.UPDATE, resource.urn(), resource.type(),
                            resource.name(), props);
            if (change.op() == Op.UPDATE && !change.replaceReasons().isEmpty()) {
                change = new Change(Op.REPLACE, change.urn(), change.type(), change.name(), change.properties(),
                        change.replaceReasons(), change.oldProvider(), change.newProvider(), change.protect(),
                        change.wasProtected(), change.retainOnDelete(), change.deleteBeforeReplace());
            }
            if (change.op() == Op.SAME) {
                unchanged++;
            }
            // Pulumi always shows a same step whose protection changes; other same steps are hidden.
            if (change.op() != Op.SAME || change.protect() != change.wasProtected()) {
                changes.add(change);
            }
        }
        var taken = new HashSet<>(earlier.values());
        old.forEach((urn, o) -> {
            if (!taken.contains(urn)) {
                var options = o.path("options");
                changes.add(new Change(Op.DELETE, urn, o.get("type").asText(), o.get("name").asText(), List.of(),
                        List.of(), null, null, false, options.path("protect").asBoolean(),
                        options.path("retainOnDelete").asBoolean(), false));
            }
        });
        if (recordsOptions) {
            SilentChanges.defaultProviders(before, after, recorded);
        }
        changes.sort(Comparator.comparing(Change::op).thenComparing(Change::urn));
        var outputs = new ArrayList<PropertyChange>();
        var outputWalk = new Walk("", List.of(), List.of(), outputs, new ArrayList<>(), new ArrayList<>());
        outputWalk.compare("", before.path("outputs"), after.path("outputs"));
        outputWalk.secrets().forEach(p -> secrets.add("stack output " + p));
        outputWalk.unknowns().forEach(p -> unknowns.add("stack output " + p));
        String stack = after.path("stack").asText();
        return new PlanDiff(label, stack, List.copyOf(changes), unchanged, List.copyOf(outputs),
                List.copyOf(secrets), List.copyOf(unknowns), List.copyOf(recorded), recordsOptions,
                unknownProviderInputs);
    }

    /**
     * The step of a resource in both plans with its provider and options applied: a provider whose configuration
     * replaces replaces it, {@code protect}, {@code retainOnDelete} and {@code deleteBeforeReplace} mark it, and what
     * changes without a diff is added to {@code recorded}.
     */
    private static Change withOptions(Plan.Resource resource, JsonNode o, JsonNode n, List<PropertyChange> props,
                                      ProviderChanges providers, Map<String, String> earlier, List<Change> recorded) {
        var reasons = new ArrayList<String>();
        props.stream().map(PropertyChange::replaces).filter(java.util.Objects::nonNull).distinct().forEach(reasons::add);
        String oldProvider = null;
        String newProvider = null;
        var silent = SilentChanges.of(o, n, earlier);
        if (resource.isProvider()) {
            // The provider's DiffConfig decides whether a change of its own configuration replaces it.
            String key = providers.replacingKey(resource.urn());
            if (key != null) {
                props.replaceAll(p -> PropertyPath.parse(key).covers(PropertyPath.parse(p.path()))
                        ? new PropertyChange(p.kind(), p.path(), p.before(), p.after(), key) : p);
                if (!reasons.contains(key)) {
                    reasons.add(key);
                }
            }
        } else if (resource.custom()) {
            var step = providers.step(resource.type(), o, n);
            if (step != null && step.replace()) {
                reasons.add(PROVIDER_REASON);
            }
            if (step != null && (step.replace() || !props.isEmpty())) {
                oldProvider = step.from();
                newProvider = step.to();
            } else if (step != null) {
                silent.add(new PropertyChange(Kind.UPDATE, "provider", JSON.getNodeFactory().textNode(step.from()),
                        JSON.getNodeFactory().textNode(step.to()), null));
            }
        }
        if (!silent.isEmpty()) {
            recorded.add(new Change(Op.SAME, resource.urn(), resource.type(), resource.name(), silent));
        }
        Op op = !reasons.isEmpty() ? Op.REPLACE : props.isEmpty() ? Op.SAME : Op.UPDATE;
        var options = o.path("options");
        return new Change(op, resource.urn(), resource.type(), resource.name(), props, reasons, oldProvider,
                newProvider, resource.options().protect(), options.path("protect").asBoolean(),
                options.path("retainOnDelete").asBoolean(), op == Op.REPLACE && resource.options().deleteBeforeReplace());
    }

    /** Whether nothing changed, not even what Pulumi records without a diff. */
    boolean isEmpty() {
        return changes.isEmpty() && outputs.isEmpty() && recorded.isEmpty();
    }

    /** Whether a step other than {@code same} changes a resource. */
    boolean changesResources() {
        return changes.stream().anyMatch(c -> c.op() != Op.SAME);
    }

    /** How many resources each operation touches, every operation but {@code same} (counted as unchanged) listed. */
    Map<Op, Integer> counts() {
        var counts = new TreeMap<Op, Integer>();
        for (Op op : Op.values()) {
            if (op != Op.SAME) {
                counts.put(op, 0);
            }
        }
        changes.stream().filter(c -> c.op() != Op.SAME).forEach(c -> counts.merge(c.op(), 1, Integer::sum));
        return counts;
    }

    private static Map<String, JsonNode> byUrn(JsonNode plan) {
        var map = new TreeMap<String, JsonNode>();
        plan.path("resources").forEach(r -> map.put(r.get("urn").asText(), r));
        return map;
    }

    /**
     * Walks two values side by side, recording the differing paths that no {@code ignored} path covers; a change hits
     * the type's {@link ReplaceRules} or a {@code replacing} path (the resource's replaceOnChanges option).
     */
    record Walk(String type, List<PropertyPath> ignored, List<PropertyPath> replacing, List<PropertyChange> changes,
                List<String> secrets, List<String> unknowns) {
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
            return new PropertyChange(kind, path, before, after, type.isEmpty() ? null : replaces(path));
        }

        /** The rule or replaceOnChanges path a change at {@code path} hits (at, under or above it), or null. */
        private String replaces(String path) {
            String rule = ReplaceRules.hit(type, path);
            if (rule != null) {
                return rule;
            }
            var changed = PropertyPath.parse(path);
            return replacing.stream().filter(r -> r.covers(changed) || changed.covers(r)).findFirst()
                    .map(r -> "replaceOnChanges: " + String.join(".", r.segments())).orElse(null);
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
     * A value as the diff shows it: JSON, with the secret and unknown markers bare, and long values but URNs cut to
     * their start, length and a digest (a proxy bundle is megabytes of base64), so that a change stays visible.
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
        // A URN (a dependency, a provider) is an address: cut, it would name nothing.
        boolean urn = value.isTextual() && text.startsWith("urn:pulumi:");
        if ((shown.length() <= MAX_SHOWN || urn) && !text.contains("\n")) {
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
