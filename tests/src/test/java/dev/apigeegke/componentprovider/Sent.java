package dev.apigeegke.componentprovider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.apigeegke.preview.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import pulumirpc.Provider.ConstructRequest;

/**
 * Inputs as a program in another language sends them in a Construct request (marshalled to the wire and back), bound
 * by the provider's own code, and the components declared from them.
 */
final class Sent {
    private Sent() {
    }

    /** {@code value} as an input: strings, numbers, booleans, lists and maps as themselves, PropertyValues kept. */
    static PropertyValue value(Object value) {
        return Values.of(value);
    }

    /** An object input from alternating keys and values. */
    static Map<String, Object> object(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A secret input. */
    static PropertyValue secret(Object value) {
        return PropertyValue.ofSecret(value(value));
    }

    /**
     * A plan's inputs as a program would send them: {@code [unknown]} as an unknown, {@code [secret]} as
     * {@code secretValue} made secret; everything else as itself.
     */
    static PropertyValue fromPlan(Object planned, Object secretValue) {
        if (Plan.UNKNOWN.equals(planned)) {
            return PropertyValue.COMPUTED;
        }
        if (Plan.SECRET.equals(planned)) {
            return secret(secretValue);
        }
        if (planned instanceof List<?> list) {
            return PropertyValue.of(list.stream().map(v -> fromPlan(v, secretValue)).toList());
        }
        if (planned instanceof Map<?, ?> map) {
            var out = new LinkedHashMap<String, PropertyValue>();
            map.forEach((k, v) -> out.put(String.valueOf(k), fromPlan(v, secretValue)));
            return PropertyValue.of(out);
        }
        return value(planned);
    }

    /** The Construct request a program sends for {@code token} named {@code name}. */
    static ConstructRequest request(String token, String name, Map<String, ?> inputs, Map<String, Set<String>> dependencies) {
        var values = new TreeMap<String, PropertyValue>();
        inputs.forEach((k, v) -> values.put(k, value(v)));
        var request = ConstructRequest.newBuilder().setType(token).setName(name).setProject("apigee-gke").setStack("test")
                .setInputs(PropertyValue.marshalProperties(values));
        dependencies.forEach((input, urns) -> request.putInputDependencies(input,
                ConstructRequest.PropertyDependencies.newBuilder().addAllUrns(urns).build()));
        return request.build();
    }

    /** The arguments the provider binds from {@code inputs}; fails the test when it reports a problem. */
    static Object bind(String token, String name, Map<String, ?> inputs) {
        return bind(token, name, inputs, Map.of());
    }

    /** The arguments the provider binds from {@code inputs} with {@code dependencies}; fails the test on a problem. */
    static Object bind(String token, String name, Map<String, ?> inputs, Map<String, Set<String>> dependencies) {
        var component = Components.byToken(token).orElseThrow();
        return Construction.bind(request(token, name, inputs, dependencies), component, ComponentSchema.get(),
                component.javaType().getSimpleName());
    }

    /** The problems the provider reports for {@code inputs}, one per line, as the engine shows them. */
    static List<String> problems(String token, String name, Map<String, ?> inputs) {
        var failure = catchThrowableOfType(() -> bind(token, name, inputs), Construction.Failure.class);
        assertThat(failure).as("the inputs should have been refused").isNotNull();
        var lines = new ArrayList<>(List.of(failure.getMessage().split("\n")));
        return lines;
    }

    /** Declares {@code token}'s component from the arguments bound, as the provider's Construct does. */
    static ComponentResource declare(String token, String name, Map<String, ?> inputs, ComponentResourceOptions options) {
        var component = Components.byToken(token).orElseThrow();
        return component.factory().create(name, bind(token, name, inputs), options);
    }

    /**
     * The resources under the component {@code type} {@code name} in {@code plan}, by type and name, with their inputs:
     * what a user sees the component declare.
     */
    static Map<String, Map<String, Object>> tree(Plan plan, String type, String name) {
        var root = plan.get(type, name);
        var urns = new java.util.HashSet<String>(Set.of(root.urn()));
        var out = new TreeMap<String, Map<String, Object>>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (var r : plan.resources()) {
                if (r.parent() != null && urns.contains(r.parent()) && urns.add(r.urn())) {
                    out.put(r.type() + " " + r.name(), r.inputs());
                    grew = true;
                }
            }
        }
        out.put(root.type() + " " + root.name() + " (outputs)", plan.outputsOf(root));
        return out;
    }
}
