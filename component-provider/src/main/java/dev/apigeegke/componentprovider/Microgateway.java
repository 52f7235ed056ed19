package dev.apigeegke.componentprovider;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.provider.internal.properties.PropertyValue.ValueType;
import dev.apigeegke.microgateway.Caller;
import dev.apigeegke.microgateway.MicrogatewayConfig;
import dev.apigeegke.microgateway.MicrogatewayEnvironment;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Edge Microgateway arguments no builder method of their name takes as they arrive: a gateway's config (whose
 * {@code privateCloud} takes two values), a sidecar's callers (made by factory methods) and what a setup made for one
 * environment, given as the setup's outputs.
 */
final class Microgateway {
    /** The per-environment maps a {@code MicrogatewaySetup} outputs, in the order the schema lists them. */
    static final List<String> SETUP_OUTPUTS = List.of("keys", "secrets", "publicKeys", "servicesUrls");

    /** The generic types the adapters convert to. */
    private interface Types {
        Output<Map<String, String>> byEnvironment();

        Map<String, String> labels();
    }

    private static final Type BY_ENVIRONMENT = type("byEnvironment");
    private static final Type LABELS = type("labels");

    /** A config's {@code privateCloud}: the two values of {@link MicrogatewayConfig.Builder#privateCloud}. */
    record PrivateCloud(String managementUri, String runtimeBaseUrl) {
    }

    /**
     * The fields the schema's object types give the types bound from them, with the Java type of each, where these
     * are not a record's components or a builder's methods: the adapted types (a config's are its builder's, but
     * {@code publicKeyOverride}, which is {@code publicKey} by another name, and with {@code privateCloud}), and a
     * sidecar's workload, whose {@code apiVersion} and {@code kind} the Kubernetes resource sets itself.
     */
    static final Map<Class<?>, Map<String, Type>> FIELDS = Map.of(
            DeploymentArgs.class, ordered("metadata", ObjectMetaArgs.class, "spec", DeploymentSpecArgs.class),
            ServiceArgs.class, ordered("metadata", ObjectMetaArgs.class, "spec", ServiceSpecArgs.class),
            MicrogatewayConfig.class, configFields(),
            MicrogatewayEnvironment.class, ordered("organization", String.class, "environment", String.class,
                    "keys", BY_ENVIRONMENT, "secrets", BY_ENVIRONMENT, "publicKeys", BY_ENVIRONMENT,
                    "servicesUrls", BY_ENVIRONMENT, "runtimeBaseUrl", String.class),
            Caller.class, ordered("namespace", String.class, "namespaceLabels", LABELS, "podLabels", LABELS, "cidr", String.class));

    private Microgateway() {
    }

    private static Type type(String method) {
        try {
            return Types.class.getMethod(method).getGenericReturnType();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Type> ordered(Object... namesAndTypes) {
        var fields = new LinkedHashMap<String, Type>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            fields.put((String) namesAndTypes[i], (Type) namesAndTypes[i + 1]);
        }
        return Collections.unmodifiableMap(fields);
    }

    private static Map<String, Type> configFields() {
        var fields = new TreeMap<String, Type>();
        for (Method m : MicrogatewayConfig.Builder.class.getMethods()) {
            if (m.getParameterCount() == 1 && m.getReturnType() == MicrogatewayConfig.Builder.class && !m.getName().equals("publicKeyOverride")) {
                fields.put(m.getName(), m.getGenericParameterTypes()[0]);
            }
        }
        fields.put("privateCloud", PrivateCloud.class);
        return Collections.unmodifiableMap(fields);
    }

    /** The adapters, by the type they make. */
    static Map<Class<?>, InputBinder.Adapter> adapters() {
        return Map.of(
                MicrogatewayConfig.class, Microgateway::config,
                Caller.class, Microgateway::caller,
                MicrogatewayEnvironment.class, Microgateway::setup);
    }

    /** A {@link MicrogatewayConfig} through its builder, {@code privateCloud: {managementUri, runtimeBaseUrl}} included. */
    private static Object config(InputBinder binder, PropertyValue value, String path) {
        if (value.getType() != ValueType.OBJECT) {
            binder.problem(path, "give an object of the gateway's config settings");
            return null;
        }
        return binder.nested(MicrogatewayConfig.builder(), value.getObjectValue(), path, Map.of("privateCloud", (b, builder, v, at) -> {
            var fields = Components.required(b, v, at, List.copyOf(names(PrivateCloud.class)), List.of(String.class, String.class));
            if (fields != null) {
                ((MicrogatewayConfig.Builder) builder).privateCloud((String) fields.get(0), (String) fields.get(1));
            }
        }));
    }

    /**
     * A sidecar's caller: {@code {namespace}} (every pod of that namespace), {@code {namespaceLabels, podLabels?}} (the
     * pods with those labels in the namespaces with those) or {@code {cidr}}, as {@link Caller}'s factory methods.
     */
    @SuppressWarnings("unchecked")
    private static Object caller(InputBinder binder, PropertyValue value, String path) {
        if (value.getType() != ValueType.OBJECT) {
            binder.problem(path, "give {namespace}, {namespaceLabels, podLabels} or {cidr}");
            return null;
        }
        var fields = value.getObjectValue();
        int before = binder.problems().size();
        known(binder, fields, path, List.copyOf(FIELDS.get(Caller.class).keySet()));
        var given = new TreeSet<String>();
        for (String kind : List.of("namespace", "namespaceLabels", "cidr")) {
            if (has(fields, kind)) {
                given.add(kind);
            }
        }
        if (given.size() != 1) {
            binder.problem(path, "sets " + (given.isEmpty() ? "none" : given) + ": set exactly one of namespace, namespaceLabels and cidr");
            return null;
        }
        String kind = given.first();
        if (has(fields, "podLabels") && !kind.equals("namespaceLabels")) {
            binder.problem(path + ".podLabels", "selects pods within namespaceLabels' namespaces: give namespaceLabels with it "
                    + "(a namespace's name is its label kubernetes.io/metadata.name)");
            return null;
        }
        Object converted = binder.convert(fields.get(kind), kind.equals("namespaceLabels") ? LABELS : String.class,
                path + "." + kind, null);
        Object pods = has(fields, "podLabels") ? binder.convert(fields.get("podLabels"), LABELS, path + ".podLabels", null) : Map.of();
        if (binder.problems().size() > before) {
            return null;
        }
        return switch (kind) {
            case "namespace" -> Caller.namespace((String) converted);
            case "cidr" -> Caller.cidr((String) converted);
            default -> ((Map<String, String>) pods).isEmpty() ? Caller.namespaces((Map<String, String>) converted)
                    : Caller.pods((Map<String, String>) converted, (Map<String, String>) pods);
        };
    }

    /**
     * What a {@code MicrogatewaySetup} made for one environment, from its outputs: {@code {organization, environment,
     * keys, secrets, publicKeys, servicesUrls, runtimeBaseUrl?}}, the maps exactly as the setup outputs them (a program
     * passes {@code setup.keys} and the rest), the organization and runtime base URL as the setup was given them. The
     * key and secret stay secrets, and unknown in a preview until the setup's credential exists.
     */
    @SuppressWarnings("unchecked")
    private static Object setup(InputBinder binder, PropertyValue value, String path) {
        if (value.getType() != ValueType.OBJECT) {
            binder.problem(path, "give {organization, environment, keys, secrets, publicKeys, servicesUrls}: the "
                    + "MicrogatewaySetup's organization and its outputs, and the environment the gateway serves");
            return null;
        }
        var fields = value.getObjectValue();
        int before = binder.problems().size();
        known(binder, fields, path, List.copyOf(FIELDS.get(MicrogatewayEnvironment.class).keySet()));
        var names = Components.required(binder, value, path, List.of("organization", "environment"),
                List.of(String.class, String.class));
        String input = InputBinder.topLevel(path);
        var maps = new java.util.ArrayList<Output<Map<String, String>>>();
        for (String output : SETUP_OUTPUTS) {
            if (!has(fields, output)) {
                binder.problem(path + "." + output, "is required: pass the MicrogatewaySetup's " + output + " output");
                continue;
            }
            if (names != null) {
                checkEnvironment(binder, fields.get(output), path + "." + output, (String) names.get(1));
            }
            maps.add((Output<Map<String, String>>) binder.convert(fields.get(output), BY_ENVIRONMENT, path + "." + output, input));
        }
        String runtimeBaseUrl = has(fields, "runtimeBaseUrl")
                ? (String) binder.convert(fields.get("runtimeBaseUrl"), String.class, path + ".runtimeBaseUrl", input) : null;
        if (binder.problems().size() > before || names == null) {
            return null;
        }
        String environment = (String) names.get(1);
        var entries = maps.stream().map(map -> map.applyValue(m -> m.get(environment))).toList();
        return MicrogatewayEnvironment.fromSetup((String) names.get(0), environment, entries.get(0), entries.get(1),
                entries.get(2), entries.get(3), runtimeBaseUrl);
    }

    /** Reports, when the map is known, that it has no entry for the environment (naming the ones it has, not values). */
    private static void checkEnvironment(InputBinder binder, PropertyValue map, String path, String environment) {
        var inner = map;
        while (inner != null && (inner.getType() == ValueType.SECRET || inner.getType() == ValueType.OUTPUT)) {
            inner = inner.getType() == ValueType.SECRET ? inner.getSecretValue() : inner.getOutputValue().getValue();
        }
        if (inner != null && inner.getType() == ValueType.OBJECT && !inner.getObjectValue().containsKey(environment)) {
            binder.problem(path, "has no entry for environment '" + environment + "' (it has "
                    + new TreeSet<>(inner.getObjectValue().keySet()) + "): pass the outputs of the MicrogatewaySetup "
                    + "whose environments include it");
        }
    }

    /** Reports each field of {@code fields} that is not one of {@code known}. */
    private static void known(InputBinder binder, Map<String, PropertyValue> fields, String path, List<String> known) {
        fields.keySet().stream().filter(k -> !known.contains(k)).sorted()
                .forEach(k -> binder.problem(path + "." + k, "not a field; the fields are " + known));
    }

    private static List<String> names(Class<?> record) {
        return java.util.Arrays.stream(record.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
    }

    private static boolean has(Map<String, PropertyValue> fields, String key) {
        return fields.containsKey(key) && !fields.get(key).isNull();
    }
}
