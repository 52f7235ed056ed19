package dev.apigeegke.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigeegke.preview.Aliases;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.preview.TypeTokens;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The plan as {@code pulumi preview --json} prints it: Pulumi's {@code display.PreviewDigest} (pkg/display/json.go),
 * fields in the Go structs' order. Steps are the root stack's and every resource's but the default providers'
 * (internal steps the CLI leaves out); each new or old state is an {@code apitype.ResourceV3} with what the engine's
 * state would hold before the provider's preview runs: the inputs (secrets {@code [secret]}, unknowns the engine's
 * placeholder), parent, dependencies, provider reference and options. No duration: the same plan prints the same bytes.
 */
final class PreviewDigest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PreviewDigest() {
    }

    /** The preview of a stack that does not exist yet: every resource is created. */
    static String fresh(Plan plan, StackFile stackFile, List<String> warnings) throws IOException {
        return render(plan, stackFile, warnings, null, null);
    }

    /** The preview of the stack that {@code before} describes: the operations {@code diff} found. */
    static String against(Plan plan, StackFile stackFile, List<String> warnings, JsonNode before, PlanDiff diff)
            throws IOException {
        return render(plan, stackFile, warnings, before, diff);
    }

    private static String render(Plan plan, StackFile stackFile, List<String> warnings, JsonNode before, PlanDiff diff)
            throws IOException {
        var now = new Side(PlanDiff.tree(plan), plan);
        var old = before == null ? null : new Side(before, null);
        Map<String, String> former = old == null ? Map.of() : Aliases.match(plan.resources(), old.byUrn.keySet());
        var changes = new HashMap<String, PlanDiff.Change>();
        var deletes = new ArrayList<String>();
        if (diff != null) {
            for (var c : diff.changes()) {
                if (c.op() == PlanDiff.Op.DELETE) {
                    deletes.add(c.urn());
                } else {
                    changes.put(c.urn(), c);
                }
            }
        }
        var steps = NODES.arrayNode();
        var summary = new TreeMap<String, Integer>();
        for (String urn : now.order()) {
            JsonNode r = now.byUrn.get(urn);
            var change = changes.get(urn);
            String op = old == null ? PlanDiff.Op.CREATE.verb : change == null ? "same" : change.op().verb;
            summary.merge(op, 1, Integer::sum);
            // The SDK parents every resource to the stack but the stack itself.
            boolean root = r.path("parent").isNull();
            // The CLI shows same steps only with --show-sames, but always the root stack's (and those PlanDiff lists).
            if (change == null && op.equals("same") && !root) {
                continue;
            }
            var step = steps.addObject();
            step.put("op", op);
            step.put("urn", urn);
            String provider = now.providerReference(r);
            if (provider != null) {
                step.put("provider", provider);
            }
            String formerUrn = former.get(urn);
            if (formerUrn != null && !op.equals(PlanDiff.Op.CREATE.verb)) {
                step.set("oldState", old.state(old.byUrn.get(formerUrn), null));
            }
            step.set("newState", now.state(r, formerUrn == null || formerUrn.equals(urn) ? null : formerUrn));
            addDiff(step, change);
        }
        // The engine deletes what the program no longer declares after every other step, dependents first.
        var deleted = new ArrayList<>(old == null ? List.<String>of() : old.order());
        Collections.reverse(deleted);
        for (String urn : deleted) {
            if (!deletes.contains(urn)) {
                continue;
            }
            summary.merge(PlanDiff.Op.DELETE.verb, 1, Integer::sum);
            JsonNode r = old.byUrn.get(urn);
            var step = steps.addObject();
            step.put("op", PlanDiff.Op.DELETE.verb);
            step.put("urn", urn);
            String provider = old.providerReference(r);
            if (provider != null) {
                step.put("provider", provider);
            }
            step.set("oldState", old.state(r, null));
            step.putNull("detailedDiff");
        }
        var digest = NODES.objectNode();
        var config = digest.putObject("config");
        new TreeMap<>(stackFile.config()).forEach((key, value) ->
                config.put(key, stackFile.secretKeys().contains(key) ? Plan.SECRET : value));
        digest.set("steps", steps);
        if (!warnings.isEmpty()) {
            var diagnostics = digest.putArray("diagnostics");
            // The engine's sink prefixes the severity and ends the line; the digest joins prefix and message.
            warnings.forEach(w -> diagnostics.addObject().put("message", "warning: " + w + "\n").put("severity", "warning"));
        }
        var changeSummary = digest.putObject("changeSummary");
        summary.forEach(changeSummary::put);
        return GoJson.marshalIndent(digest);
    }

    /** An update's or replacement's changed keys and per-path diff; {@code null} detailedDiff otherwise, as Go writes a nil map. */
    private static void addDiff(ObjectNode step, PlanDiff.Change change) {
        // A provider whose new configuration replaces ends the diff there (step_generator.go providerChanged): the
        // engine's DiffResult holds ReplaceKeys ["provider"] and no changed keys or detailed diff.
        if (change != null && change.op() == PlanDiff.Op.REPLACE && change.replaceReasons().contains(PlanDiff.PROVIDER_REASON)) {
            step.putArray("replaceReasons").add(PlanDiff.PROVIDER_REASON);
            step.putNull("detailedDiff");
            return;
        }
        if (change == null || change.properties().isEmpty()) {
            step.putNull("detailedDiff");
            return;
        }
        var diffReasons = new TreeSet<String>();
        var replaceReasons = new TreeSet<String>();
        var detailed = new TreeMap<String, String>();
        for (var p : change.properties()) {
            String key = topKey(p.path());
            diffReasons.add(key);
            if (p.replaces() != null) {
                replaceReasons.add(key);
            }
            detailed.put(p.path(), p.kind().name().toLowerCase(java.util.Locale.ROOT) + (p.replaces() != null ? "-replace" : ""));
        }
        diffReasons.forEach(step.putArray("diffReasons")::add);
        if (!replaceReasons.isEmpty()) {
            replaceReasons.forEach(step.putArray("replaceReasons")::add);
        }
        var detailedDiff = step.putObject("detailedDiff");
        // Both sides are inputs (the plan holds no outputs): every difference is an input difference.
        detailed.forEach((path, kind) -> detailedDiff.putObject(path).put("kind", kind).put("inputDiff", true));
    }

    /** The top-level property of a property path ({@code spec} of {@code spec.template}, {@code a.b} of {@code ["a.b"].c}). */
    static String topKey(String path) {
        if (path.startsWith("[\"")) {
            int end = path.indexOf("\"]");
            try {
                return JSON.readValue(path.substring(1, end + 1), String.class);
            } catch (IOException e) {
                return path.substring(2, end);
            }
        }
        int cut = path.length();
        for (char c : new char[] {'.', '['}) {
            int i = path.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return path.substring(0, cut);
    }

    /**
     * One plan as plan.json holds it (the current one as {@link PlanDiff#tree} gives it, or an earlier one as read):
     * its resources by URN, and what resolves their provider references.
     */
    private static final class Side {
        final JsonNode plan;
        final Map<String, JsonNode> byUrn = new LinkedHashMap<>();
        final Map<String, JsonNode> providers = new HashMap<>();
        /** The package version each resource of the current plan asks for (plan.json does not hold it). */
        private final Map<String, String> versions = new HashMap<>();

        Side(JsonNode plan, Plan current) {
            this.plan = plan;
            plan.path("resources").forEach(r -> byUrn.put(r.path("urn").asText(), r));
            plan.path("providers").forEach(p -> providers.put(p.path("urn").asText(), p));
            if (current != null) {
                current.resources().forEach(r -> versions.putIfAbsent(r.urn(), r.version()));
            }
        }

        /**
         * The reference {@code urn::id} of the provider {@code r} uses: null for a component or a provider; the id is the
         * unknown one, as in a preview that creates the provider (offline, no stored provider id is known).
         */
        String providerReference(JsonNode r) {
            if (!r.has("provider") || r.path("type").asText().startsWith(TypeTokens.PROVIDER_PREFIX)) {
                return null;
            }
            String urn = r.path("provider").asText();
            if (urn.equals(PlanWriter.DEFAULT_PROVIDER)) {
                urn = defaultProvider(r);
            }
            return urn + "::" + Plan.ENGINE_UNKNOWN;
        }

        /** The URN of the default provider of {@code r}'s package, as {@link Plan#providers()} lists it. */
        private String defaultProvider(JsonNode r) {
            String urn = r.path("urn").asText();
            String pkg = TypeTokens.packageOf(r.path("type").asText());
            String version = versions.get(urn);
            for (var p : providers.values().stream().sorted(java.util.Comparator.comparing(p -> p.path("urn").asText())).toList()) {
                if (p.path("default").asBoolean() && p.path("package").asText().equals(pkg)
                        && (version == null || p.path("version").asText().equals(version))) {
                    return p.path("urn").asText();
                }
            }
            return Plan.Provider.defaultUrn(plan.path("project").asText(), plan.path("stack").asText(), pkg, version);
        }

        /**
         * The URNs in an order the engine could take its steps in: a resource after its parent, its provider and what it
         * depends on; among those ready, a parent's children by URN.
         */
        List<String> order() {
            var after = new HashMap<String, List<String>>();
            var waitsFor = new HashMap<String, Integer>();
            var rank = new HashMap<String, Integer>();
            var children = new TreeMap<String, List<String>>();
            var roots = new ArrayList<String>();
            byUrn.forEach((urn, r) -> {
                var before = new TreeSet<>(dependencies(r));
                if (!r.path("parent").isNull() && !r.path("parent").isMissingNode()) {
                    before.add(r.path("parent").asText());
                    children.computeIfAbsent(r.path("parent").asText(), k -> new ArrayList<>()).add(urn);
                } else {
                    roots.add(urn);
                }
                String provider = r.path("provider").asText();
                if (byUrn.containsKey(provider)) {
                    before.add(provider);
                }
                before.retainAll(byUrn.keySet());
                waitsFor.put(urn, before.size());
                before.forEach(b -> after.computeIfAbsent(b, k -> new ArrayList<>()).add(urn));
            });
            var walk = new ArrayList<>(roots);
            for (int i = 0; i < walk.size(); i++) {
                rank.put(walk.get(i), i);
                walk.addAll(i + 1, children.getOrDefault(walk.get(i), List.of()).stream().sorted().toList());
            }
            var ready = new PriorityQueue<String>(java.util.Comparator.comparing(u -> rank.getOrDefault(u, Integer.MAX_VALUE)));
            waitsFor.forEach((urn, n) -> {
                if (n == 0) {
                    ready.add(urn);
                }
            });
            var order = new ArrayList<String>();
            while (!ready.isEmpty()) {
                String next = ready.poll();
                order.add(next);
                for (String dependent : after.getOrDefault(next, List.of())) {
                    if (waitsFor.merge(dependent, -1, Integer::sum) == 0) {
                        ready.add(dependent);
                    }
                }
            }
            return order;
        }

        /** Every URN {@code r} waits for: its dependsOn and the resources its inputs come from. */
        private static TreeSet<String> dependencies(JsonNode r) {
            var deps = new TreeSet<String>();
            r.path("dependencies").path("dependsOn").forEach(d -> deps.add(d.asText()));
            r.path("dependencies").path("inputs").forEach(list -> list.forEach(d -> deps.add(d.asText())));
            return deps;
        }

        /** {@code r} as an {@code apitype.ResourceV3}: only the fields its state would hold, in the struct's order. */
        ObjectNode state(JsonNode r, String alias) {
            var s = NODES.objectNode();
            s.put("urn", r.path("urn").asText());
            // plan.json gives a provider to custom resources only.
            s.put("custom", r.has("provider"));
            s.put("type", r.path("type").asText());
            var inputs = (ObjectNode) engineValue(r.path("inputs").isObject() ? r.path("inputs") : NODES.objectNode());
            // The engine gives every input the program sent an entry, empty when no resource feeds it.
            var propertyDependencies = new TreeMap<String, TreeSet<String>>();
            inputs.fieldNames().forEachRemaining(k -> propertyDependencies.put(k, new TreeSet<>()));
            r.path("dependencies").path("inputs").fields().forEachRemaining(e -> {
                var set = propertyDependencies.computeIfAbsent(e.getKey(), k -> new TreeSet<>());
                e.getValue().forEach(d -> set.add(d.asText()));
            });
            String version = providers.getOrDefault(r.path("urn").asText(), NODES.objectNode()).path("version").asText("");
            if (r.path("type").asText().startsWith(TypeTokens.PROVIDER_PREFIX) && !version.isEmpty()) {
                // Then it records the version a provider resource asks for among its inputs (source_eval.go SetProviderVersion).
                inputs.put("version", version);
                inputs = (ObjectNode) engineValue(inputs);
            }
            if (!inputs.isEmpty()) {
                s.set("inputs", inputs);
            }
            if (r.path("parent").isTextual()) {
                s.put("parent", r.path("parent").asText());
            }
            var options = r.path("options");
            if (options.path("protect").asBoolean()) {
                s.put("protect", true);
            }
            var dependencies = dependencies(r);
            if (!dependencies.isEmpty()) {
                dependencies.forEach(s.putArray("dependencies")::add);
            }
            String provider = providerReference(r);
            if (provider != null) {
                s.put("provider", provider);
            }
            if (!propertyDependencies.isEmpty()) {
                var pd = s.putObject("propertyDependencies");
                propertyDependencies.forEach((k, v) -> v.forEach(pd.putArray(k)::add));
            }
            copyList(options, "additionalSecretOutputs", s);
            if (alias != null) {
                s.putArray("aliases").add(alias);
            }
            var timeouts = NODES.objectNode();
            for (String op : List.of("create", "update", "delete", "read")) {
                BigDecimal seconds = options.path("customTimeouts").has(op)
                        ? GoJson.seconds(options.path("customTimeouts").path(op).asText()) : null;
                if (seconds != null && seconds.signum() != 0) {
                    timeouts.set(op, number(seconds));
                }
            }
            if (!timeouts.isEmpty()) {
                s.set("customTimeouts", timeouts);
            }
            if (options.path("retainOnDelete").asBoolean()) {
                s.put("retainOnDelete", true);
            }
            copyList(options, "ignoreChanges", s);
            copyList(options, "replaceOnChanges", s);
            return s;
        }

        private static void copyList(JsonNode options, String field, ObjectNode into) {
            if (options.path(field).isArray() && !options.path(field).isEmpty()) {
                var list = into.putArray(field);
                options.path(field).forEach(v -> list.add(v.asText()));
            }
        }
    }

    /**
     * A plan value as the engine serializes it: keys sorted (Go maps), the unknown marker as the engine's placeholder,
     * whole numbers without a fraction and others in plain notation.
     */
    static JsonNode engineValue(JsonNode value) {
        if (value.isObject()) {
            var sorted = NODES.objectNode();
            var keys = new TreeSet<String>();
            value.fieldNames().forEachRemaining(keys::add);
            keys.forEach(k -> sorted.set(k, engineValue(value.get(k))));
            return sorted;
        }
        if (value.isArray()) {
            ArrayNode list = NODES.arrayNode();
            value.forEach(v -> list.add(engineValue(v)));
            return list;
        }
        if (value.isTextual() && value.asText().equals(Plan.UNKNOWN)) {
            return NODES.textNode(Plan.ENGINE_UNKNOWN);
        }
        if (value.isFloatingPointNumber()) {
            return number(value.decimalValue());
        }
        return value;
    }

    private static JsonNode number(BigDecimal d) {
        var plain = d.stripTrailingZeros();
        return plain.scale() <= 0 ? NODES.numberNode(plain.toBigIntegerExact()) : NODES.numberNode(plain);
    }
}
