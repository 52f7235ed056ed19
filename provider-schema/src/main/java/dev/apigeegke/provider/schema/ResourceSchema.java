package dev.apigeegke.provider.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One resource type of the schema: its inputs ({@code inputProperties}) and outputs ({@code properties}), each in
 * schema order.
 *
 * @param token   the type token, e.g. {@code apigee:index:ApiProduct}
 * @param inputs  what the program sets
 * @param outputs what the resource's state holds
 */
public record ResourceSchema(String token, List<PropertySchema> inputs, List<PropertySchema> outputs) {
    /** Copies the lists. */
    public ResourceSchema {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** The input names, in schema order. */
    public List<String> inputNames() {
        return inputs.stream().map(PropertySchema::name).toList();
    }

    /** The output names, in schema order. */
    public List<String> outputNames() {
        return outputs.stream().map(PropertySchema::name).toList();
    }

    /** The inputs the program must set, in schema order. */
    public List<String> requiredInputs() {
        return inputs.stream().filter(PropertySchema::required).map(PropertySchema::name).toList();
    }

    /** The inputs of {@code type} ({@code string}, {@code array}, ...) that the program may leave unset, in schema order. */
    public List<String> optionalInputsOfType(String type) {
        return inputs.stream().filter(p -> !p.required() && p.type().equals(type)).map(PropertySchema::name).toList();
    }

    /** The outputs that are always secrets. */
    public Set<String> secretOutputs() {
        return outputs.stream().filter(PropertySchema::secret).map(PropertySchema::name).collect(Collectors.toUnmodifiableSet());
    }

    /** The inputs whose change replaces the resource: its identity on the service, in schema order. */
    public List<String> replaceOnChanges() {
        return inputs.stream().filter(PropertySchema::replaceOnChanges).map(PropertySchema::name).toList();
    }

    /** The defaults of the inputs that have one, in schema order. */
    public Map<String, Object> inputDefaults() {
        var out = new LinkedHashMap<String, Object>();
        inputs.stream().filter(p -> p.defaultValue() != null).forEach(p -> out.put(p.name(), p.defaultValue()));
        return out;
    }

    /** The input called {@code name}, if there is one. */
    public Optional<PropertySchema> input(String name) {
        return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
