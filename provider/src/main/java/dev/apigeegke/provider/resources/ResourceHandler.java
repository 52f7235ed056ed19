package dev.apigeegke.provider.resources;

import dev.apigeegke.provider.api.ApigeeClient;
import dev.apigeegke.provider.schema.ResourceSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How one resource type maps to the management API. Handlers see plain values (secrets revealed);
 * the gRPC layer owns secrets, unknowns and previews, so a handler is only ever called to do real work.
 * The type's properties are not listed here but read from the package schema ({@link #schema()}).
 */
public interface ResourceHandler {
    /** The type as the package schema describes it. */
    ResourceSchema schema();

    /** The type token, e.g. {@code apigee:index:ApiProduct}. */
    default String token() {
        return schema().token();
    }

    /** The input properties, in schema order. */
    default List<String> inputs() {
        return schema().inputNames();
    }

    /** The output properties, in schema order. */
    default List<String> outputs() {
        return schema().outputNames();
    }

    /** The inputs Check requires, in schema order. */
    default List<String> requiredInputs() {
        return schema().requiredInputs();
    }

    /** The inputs compared by Diff: every input but {@link #inputsNotDiffed()}. */
    default List<String> diffed() {
        var skipped = inputsNotDiffed();
        return inputs().stream().filter(k -> !skipped.contains(k)).toList();
    }

    /**
     * The inputs that never cause a diff by themselves: another input stands for them (e.g. a bundle's bytes), or
     * they matter only to create.
     */
    default Set<String> inputsNotDiffed() {
        return Set.of();
    }

    /**
     * The inputs as Diff compares them, by property path: the inputs themselves, unless the type compares stand-ins
     * kept in its state, one per path such as {@code entries["key"]}. {@code state} is the resource's last outputs;
     * {@code old} says whether {@code inputs} are those the state was made from or the program's new ones. Inputs not
     * known yet are left out, and compared as they are.
     */
    default Map<String, Object> diffView(Map<String, Object> inputs, Map<String, Object> state, boolean old) {
        return inputs;
    }

    /** The inputs whose change replaces the resource: they are part of its identity on Apigee. */
    default Set<String> replaceOnChange() {
        return Set.copyOf(schema().replaceOnChanges());
    }

    /**
     * Whether a replacement must delete the old resource before creating the new one, because both cannot exist at
     * once on Apigee; {@code olds} are the old inputs.
     */
    default boolean deleteBeforeReplace(Map<String, Object> olds, Map<String, Object> news) {
        return false;
    }

    /** The outputs that are always secrets. */
    default Set<String> secretOutputs() {
        return schema().secretOutputs();
    }

    /** Input defaults that Check fills in when the program leaves them unset. */
    default Map<String, Object> defaults() {
        return schema().inputDefaults();
    }

    /** Validates the inputs beyond their presence (Check has required the {@link #requiredInputs()}). */
    void check(Checks checks);

    /**
     * Whether the computed output {@code key} keeps its old value through an update from {@code olds}
     * to {@code news}; if not, a preview shows it as unknown.
     */
    default boolean keepsOnUpdate(String key, Map<String, Object> olds, Map<String, Object> news) {
        return true;
    }

    /** Creates the resource; returns its id and outputs. */
    Created create(ApigeeClient client, Map<String, Object> inputs);

    /** Reads the resource's current outputs; empty when it no longer exists. {@code state} may be empty (import). */
    Optional<Map<String, Object>> read(ApigeeClient client, String id, Map<String, Object> state);

    /** Updates the resource in place; returns its new outputs. */
    Map<String, Object> update(ApigeeClient client, String id, Map<String, Object> olds, Map<String, Object> news);

    /** Deletes the resource; already gone is not an error. */
    void delete(ApigeeClient client, String id, Map<String, Object> olds);

    /** The id and outputs of a created resource. */
    record Created(String id, Map<String, Object> outputs) {
    }

    /**
     * A create or update that changed Apigee and then failed: {@link #outputs()} say what exists now, so the engine
     * keeps them and the next {@code pulumi up} continues from there instead of starting over.
     */
    final class PartiallyApplied extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final transient Map<String, Object> outputs;

        public PartiallyApplied(String id, Map<String, Object> outputs, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.id = id;
            this.outputs = outputs;
        }

        /** The id of the resource that exists. */
        public String id() {
            return id;
        }

        /** Its outputs as they are now. */
        public Map<String, Object> outputs() {
            return outputs;
        }

        /** What failed. */
        public RuntimeException failure() {
            return (RuntimeException) getCause();
        }
    }

    /**
     * A create that found the resource on Apigee already, outside this stack: taking it over silently would change
     * (or later delete) what someone else made.
     */
    final class AlreadyOnApigee extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final String optIn;

        /**
         * @param what  what exists, e.g. "API proxy 'orders' already exists in organization 'acme' (revisions 1, 2)"
         * @param id    the id to import it by
         * @param optIn how to take it over instead, e.g. "set adoptExisting: true to ..."
         */
        public AlreadyOnApigee(String what, String id, String optIn) {
            super(what);
            this.id = id;
            this.optIn = optIn;
        }

        /** The id to import it by. */
        public String id() {
            return id;
        }

        /** How to take it over instead of importing it. */
        public String optIn() {
            return optIn;
        }
    }
}
