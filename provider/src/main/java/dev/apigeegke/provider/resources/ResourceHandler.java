package dev.apigeegke.provider.resources;

import dev.apigeegke.provider.api.ApigeeClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How one resource type maps to the management API. Handlers see plain values (secrets revealed);
 * the gRPC layer owns secrets, unknowns and previews, so a handler is only ever called to do real work.
 */
public interface ResourceHandler {
    /** The type token, e.g. {@code apigee:index:ApiProduct}. */
    String token();

    /** The input properties, in schema order. */
    List<String> inputs();

    /** The output properties, in schema order. */
    List<String> outputs();

    /** The inputs compared by Diff; an input left out (e.g. a bundle's bytes) never causes a diff by itself. */
    List<String> diffed();

    /** The inputs whose change replaces the resource: they are part of its identity on Apigee. */
    Set<String> replaceOnChange();

    /** The outputs that are always secrets. */
    default Set<String> secretOutputs() {
        return Set.of();
    }

    /** Input defaults that Check fills in when the program leaves them unset. */
    default Map<String, Object> defaults() {
        return Map.of();
    }

    /** Validates the inputs, recording each problem in {@code checks}. */
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
}
