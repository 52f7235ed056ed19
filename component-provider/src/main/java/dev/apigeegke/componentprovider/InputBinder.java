package dev.apigeegke.componentprovider;

import com.google.common.collect.ImmutableSet;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.provider.internal.properties.PropertyValue.ValueType;
import com.pulumi.resources.DependencyResource;
import com.pulumi.resources.Resource;
import dev.apigeegke.core.InvalidArgumentsException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns the inputs of a Construct request into a component's arguments, through the same builders a Java program
 * uses: each input sets the builder method of its name, so the component validates them as it always does.
 *
 * <p>An input the component takes as an {@code Output} keeps what the engine said of it: unknown in a preview, secret,
 * and the resources it comes from. An input the component takes as a plain value (it decides which resources to
 * declare) must be known and not secret; otherwise the input is reported, with every other problem, before anything
 * is registered.
 */
final class InputBinder {
    /** Converts one input value into the Java value an argument takes (a Java type the builders cannot infer). */
    interface Adapter {
        Object convert(InputBinder binder, PropertyValue value, String path);
    }

    /** Sets an input on a builder in a way its name alone does not tell (a method of several parameters). */
    interface Setter {
        void set(InputBinder binder, Object builder, PropertyValue value, String path);
    }

    /** How a generated builder's {@code build()} names a required property that was not set. */
    private static final Pattern REQUIRED = Pattern.compile("expected parameter '([A-Za-z0-9_$]+)' to be non-null");

    private final String component;
    private final Map<String, Set<String>> dependencies;
    private final Map<Class<?>, Adapter> adapters;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Object> scope = new HashMap<>();

    /**
     * A binder for {@code component} (its type name, for messages), whose inputs come from the resources
     * {@code dependencies} lists per input, converting {@code adapters}' types with them.
     */
    InputBinder(String component, Map<String, Set<String>> dependencies, Map<Class<?>, Adapter> adapters) {
        this.component = component;
        this.dependencies = dependencies;
        this.adapters = adapters;
    }

    /** The problems found so far, each naming the input. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Reports a problem with the input at {@code path}. */
    void problem(String path, String message) {
        problems.add(path + ": " + message);
    }

    /** A value adapters share while one component's inputs are bound (e.g. the policies named so far). */
    @SuppressWarnings("unchecked")
    <T> T shared(String key, java.util.function.Supplier<T> initial) {
        return (T) scope.computeIfAbsent(key, k -> initial.get());
    }

    /**
     * Sets every input of {@code inputs} on {@code builder}, in the order of {@code order} (the schema's), then builds
     * it; {@code custom} sets the inputs no single-parameter method takes.
     */
    Object build(Object builder, Map<String, PropertyValue> inputs, List<String> order, Map<String, Setter> custom, String path) {
        var keys = new ArrayList<String>(order);
        inputs.keySet().stream().filter(k -> !order.contains(k)).sorted().forEach(keys::add);
        for (String key : keys) {
            var value = inputs.get(key);
            if (value == null || value.isNull()) {
                continue;
            }
            String at = path.isEmpty() ? key : path + "." + key;
            var setter = custom.get(key);
            if (setter != null) {
                setter.set(this, builder, value, at);
                continue;
            }
            // A nested argument belongs to the top-level input its path starts with: it has that input's dependencies.
            String input = path.isEmpty() ? key : topLevel(path);
            var method = setterFor(builder.getClass(), key, value, input);
            if (method.isEmpty()) {
                problem(at, "not an input of " + (path.isEmpty() ? component : builder.getClass().getEnclosingClass() == null
                        ? builder.getClass().getSimpleName() : builder.getClass().getEnclosingClass().getSimpleName()));
                continue;
            }
            Object arg = convert(value, method.get().getGenericParameterTypes()[0], at, input);
            invoke(method.get(), builder, at, arg);
        }
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return builder.getClass().getMethod("build").invoke(builder);
        } catch (InvocationTargetException e) {
            return rethrowArguments(e, path);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(builder.getClass() + " has no build()", e);
        }
    }

    private Object rethrowArguments(InvocationTargetException e, String path) {
        var cause = e.getCause();
        if (cause instanceof InvalidArgumentsException || cause instanceof IllegalArgumentException) {
            problem(path.isEmpty() ? component : path, cause.getMessage());
            return null;
        }
        // The generated builders (pulumi-kubernetes' *Args) check their required properties with requireNonNull.
        var required = cause instanceof NullPointerException && cause.getMessage() != null
                ? REQUIRED.matcher(cause.getMessage()) : null;
        if (required != null && required.matches()) {
            problem((path.isEmpty() ? "" : path + ".") + required.group(1), "is required");
            return null;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        throw new IllegalStateException(cause);
    }

    private void invoke(Method method, Object target, String path, Object arg) {
        if (!problems.isEmpty()) {
            return; // the argument may be missing: a conversion reported it
        }
        try {
            method.invoke(target, arg);
        } catch (InvocationTargetException e) {
            rethrowArguments(e, path);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The builder method {@code name} of one parameter that takes {@code value}: the {@code Output} form when the value
     * is unknown, secret or comes from other resources (a top-level {@code input}), else the plain form.
     */
    private Optional<Method> setterFor(Class<?> builder, String name, PropertyValue value, String input) {
        var candidates = Arrays.stream(builder.getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == 1 && !m.isVarArgs()
                        && !Modifier.isStatic(m.getModifiers()))
                .toList();
        boolean wantsOutput = !isPlain(value) || (input != null && !dependencies.getOrDefault(input, Set.of()).isEmpty());
        // Of overloads such as targetPort(Integer), targetPort(String) and targetPort(Either<...>), the one the value fits.
        var fitting = candidates.stream().filter(m -> fits(value, m.getGenericParameterTypes()[0])).toList();
        // A value no overload fits is reported by the widest one, which names every kind it takes.
        var preferred = !fitting.isEmpty() ? fitting : candidates.stream()
                .sorted(Comparator.comparing(m -> !isEither(m.getGenericParameterTypes()[0]))).toList();
        if (!isPlain(value) && (value.getType() == ValueType.OBJECT || value.getType() == ValueType.ARRAY)) {
            // A list or object with a secret or an unknown inside is built part by part where each part can hold its
            // own (a Kubernetes spec: the builders take an Output at every level), so that one secret env value
            // does not make the whole spec secret, nor one unknown image the whole spec unknown. (A plain value
            // from other resources takes the Output form, which keeps their dependencies, as its parts do.)
            var granular = preferred.stream()
                    .filter(m -> !isOutput(m.getGenericParameterTypes()[0]) && canHold(value, m.getGenericParameterTypes()[0]))
                    .findFirst();
            if (granular.isPresent()) {
                return granular;
            }
        }
        return preferred.stream()
                .filter(m -> isOutput(m.getGenericParameterTypes()[0]) == wantsOutput)
                .findFirst()
                .or(() -> preferred.stream().findFirst());
    }

    /**
     * Whether {@code type} can hold {@code value} with every secret and unknown part of it kept where it is: each such
     * part lands on an {@code Output} (of a nested builder's method, or of a list's or map's element type).
     */
    private boolean canHold(PropertyValue value, Type type) {
        if (isPlain(value) || isOutput(type)) {
            return true;
        }
        Class<?> raw = raw(type);
        if (adapters.containsKey(raw)) {
            return false;
        }
        if (value.getType() == ValueType.ARRAY && List.class.isAssignableFrom(raw)) {
            return value.getArrayValue().stream().allMatch(v -> canHold(v, typeArgument(type, 0)));
        }
        if (value.getType() != ValueType.OBJECT) {
            return false;
        }
        if (Map.class.isAssignableFrom(raw)) {
            return value.getObjectValue().values().stream().allMatch(v -> canHold(v, typeArgument(type, 1)));
        }
        if (raw.isRecord()) {
            return Arrays.stream(raw.getRecordComponents()).allMatch(c -> !value.getObjectValue().containsKey(c.getName())
                    || canHold(value.getObjectValue().get(c.getName()), c.getGenericType()));
        }
        Class<?> builder;
        try {
            builder = raw.getMethod("builder").getReturnType();
        } catch (NoSuchMethodException e) {
            return false;
        }
        return value.getObjectValue().entrySet().stream().allMatch(field -> Arrays.stream(builder.getMethods())
                .filter(m -> m.getName().equals(field.getKey()) && m.getParameterCount() == 1 && !m.isVarArgs())
                .anyMatch(m -> canHold(field.getValue(), m.getGenericParameterTypes()[0])));
    }

    private static boolean isEither(Type type) {
        return raw(isOutput(type) ? typeArgument(type, 0) : type) == Either.class;
    }

    /** Whether a value of {@code value}'s kind could become a {@code type}, whatever wraps it (secret, output). */
    private static boolean fits(PropertyValue value, Type type) {
        var kind = kind(value);
        if (kind == null) {
            return true; // unknown: any overload may take it
        }
        Class<?> raw = raw(isOutput(type) ? typeArgument(type, 0) : type);
        if (raw == Either.class) {
            var target = isOutput(type) ? typeArgument(type, 0) : type;
            return fits(value, typeArgument(target, 0)) || fits(value, typeArgument(target, 1));
        }
        return switch (kind) {
            case STRING -> raw == String.class || raw.isEnum();
            case NUMBER -> raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                    || raw == double.class || raw == Double.class;
            case BOOL -> raw == boolean.class || raw == Boolean.class;
            case ARRAY -> List.class.isAssignableFrom(raw);
            case OBJECT -> !(raw == String.class || raw.isEnum() || raw.isPrimitive() || Number.class.isAssignableFrom(raw)
                    || raw == Boolean.class || List.class.isAssignableFrom(raw));
            default -> true;
        };
    }

    /** The kind of {@code value} under its secret and output wrappers; null when unknown. */
    private static ValueType kind(PropertyValue value) {
        return switch (value.getType()) {
            case SECRET -> kind(value.getSecretValue());
            case OUTPUT -> value.getOutputValue().getValue() == null ? null : kind(value.getOutputValue().getValue());
            case COMPUTED -> null;
            default -> value.getType();
        };
    }

    /** The top-level input a nested argument's {@code path} ({@code deployment.spec.template}) starts with. */
    static String topLevel(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '.' || path.charAt(i) == '[') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }

    private static boolean isOutput(Type type) {
        return raw(type) == Output.class;
    }

    /** Whether {@code value} holds no secret, no unknown and no output value anywhere inside it. */
    static boolean isPlain(PropertyValue value) {
        return switch (value.getType()) {
            case SECRET, COMPUTED, OUTPUT -> false;
            case ARRAY -> value.getArrayValue().stream().allMatch(InputBinder::isPlain);
            case OBJECT -> value.getObjectValue().values().stream().allMatch(InputBinder::isPlain);
            default -> true;
        };
    }

    /** {@code value} as the Java {@code type} an argument takes; {@code input} is the top-level input it belongs to. */
    Object convert(PropertyValue value, Type type, String path, String input) {
        if (isOutput(type)) {
            return output(value, typeArgument(type, 0), path, input);
        }
        if (value.getType() == ValueType.SECRET) {
            problem(path, "is a secret, but " + component + " takes it as a plain value and could not keep it secret: "
                    + "pass it in clear (it is not a credential) or use an input that takes a secret");
            return null;
        }
        if (value.getType() == ValueType.COMPUTED || (value.getType() == ValueType.OUTPUT && !known(value))) {
            problem(path, "is not known yet (it comes from another resource's output, unknown during a preview), but "
                    + component + " needs its value to decide which resources to declare: pass a value known before "
                    + "the deployment, e.g. from the stack's configuration");
            return null;
        }
        if (value.getType() == ValueType.OUTPUT) {
            return convert(value.getOutputValue().getValue(), type, path, input);
        }
        // A list's or an object's elements are converted one by one, so a secret or unknown element is reported.
        return plain(value, type, path, input);
    }

    private static boolean known(PropertyValue value) {
        return value.getType() != ValueType.COMPUTED
                && !(value.getType() == ValueType.OUTPUT && (value.getOutputValue().getValue() == null
                || value.getOutputValue().getValue().isComputed()));
    }

    private Object plain(PropertyValue value, Type type, String path, String input) {
        Class<?> raw = raw(type);
        var adapter = adapters.get(raw);
        if (adapter != null) {
            return adapter.convert(this, value, path);
        }
        if (raw == String.class) {
            return expect(value, ValueType.STRING, path, "a string") ? value.getStringValue() : null;
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            if (!expect(value, ValueType.NUMBER, path, "a whole number")) {
                return null;
            }
            double d = value.getNumberValue();
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                problem(path, "is " + d + ": give a whole number");
                return null;
            }
            return raw == int.class || raw == Integer.class ? (Object) (int) d : (Object) (long) d;
        }
        if (raw == double.class || raw == Double.class) {
            return expect(value, ValueType.NUMBER, path, "a number") ? value.getNumberValue() : null;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return expect(value, ValueType.BOOL, path, "true or false") ? value.getBooleanValue() : null;
        }
        if (List.class.isAssignableFrom(raw)) {
            if (!expect(value, ValueType.ARRAY, path, "a list")) {
                return null;
            }
            var out = new ArrayList<Object>();
            var items = value.getArrayValue();
            for (int i = 0; i < items.size(); i++) {
                out.add(convert(items.get(i), typeArgument(type, 0), path + "[" + i + "]", input));
            }
            return out;
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (!expect(value, ValueType.OBJECT, path, "a map")) {
                return null;
            }
            var out = new TreeMap<String, Object>();
            value.getObjectValue().forEach((k, v) -> out.put(k, convert(v, typeArgument(type, 1), path + "." + k, input)));
            return out;
        }
        if (raw == Either.class) {
            return either(value, type, path, input);
        }
        if (raw.isEnum()) {
            if (!expect(value, ValueType.STRING, path, "a string")) {
                return null;
            }
            String wanted = normalise(value.getStringValue());
            for (Object constant : raw.getEnumConstants()) {
                if (normalise(((Enum<?>) constant).name()).equals(wanted)) {
                    return constant;
                }
            }
            problem(path, "is \"" + value.getStringValue() + "\": give one of "
                    + Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList());
            return null;
        }
        if (!expect(value, ValueType.OBJECT, path, "an object")) {
            return null;
        }
        if (raw.isRecord()) {
            return record(raw, value.getObjectValue(), path, input);
        }
        try {
            var builder = raw.getMethod("builder").invoke(null);
            return nested(builder, value.getObjectValue(), path, Map.of());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no way to build " + raw.getName() + " from an input");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Either<L, R>}: the left type when the value fits it (an int-or-string port: a number), else the right. */
    private Object either(PropertyValue value, Type type, String path, String input) {
        Type left = typeArgument(type, 0);
        Type right = typeArgument(type, 1);
        if (fits(value, left)) {
            Object converted = convert(value, left, path, input);
            return converted == null ? null : Either.ofLeft(converted);
        }
        if (fits(value, right)) {
            Object converted = convert(value, right, path, input);
            return converted == null ? null : Either.ofRight(converted);
        }
        problem(path, "is " + describe(value) + ": give " + what(left) + " or " + what(right));
        return null;
    }

    private static String what(Type type) {
        Class<?> raw = raw(type);
        if (raw == String.class || raw.isEnum()) {
            return "a string";
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return "a whole number";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "true or false";
        }
        return List.class.isAssignableFrom(raw) ? "a list" : "an object";
    }

    /**
     * Builds a nested argument from {@code builder} on its own, so that a problem elsewhere does not stop it being
     * checked; {@code custom} sets the inputs no single-parameter method takes (for an adapter whose type has one).
     */
    Object nested(Object builder, Map<String, PropertyValue> inputs, String path, Map<String, Setter> custom) {
        var elsewhere = new ArrayList<>(problems);
        problems.clear();
        Object built = build(builder, inputs, List.of(), custom, path);
        boolean failed = !problems.isEmpty();
        problems.addAll(0, elsewhere);
        return failed ? null : built;
    }

    private Object record(Class<?> type, Map<String, PropertyValue> inputs, String path, String input) {
        RecordComponent[] parts = type.getRecordComponents();
        var args = new Object[parts.length];
        var types = new Class<?>[parts.length];
        int before = problems.size();
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            var value = inputs.get(parts[i].getName());
            if (value == null || value.isNull()) {
                if (types[i].isPrimitive()) {
                    problem(path + "." + parts[i].getName(), "is required");
                } else if (List.class.isAssignableFrom(types[i])) {
                    args[i] = List.of(); // an omitted list is an empty one, as in the schema
                } else if (Map.class.isAssignableFrom(types[i])) {
                    args[i] = Map.of();
                }
                continue;
            }
            args[i] = convert(value, parts[i].getGenericType(), path + "." + parts[i].getName(), input);
        }
        var names = Arrays.stream(parts).map(RecordComponent::getName).toList();
        inputs.keySet().stream().filter(k -> !names.contains(k)).sorted()
                .forEach(k -> problem(path + "." + k, "not a field of " + type.getSimpleName() + "; its fields are " + names));
        if (problems.size() > before) {
            return null;
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            return rethrowArguments(e, path);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean expect(PropertyValue value, ValueType type, String path, String what) {
        if (value.getType() == type) {
            return true;
        }
        problem(path, "is " + describe(value) + ": give " + what);
        return false;
    }

    private static String describe(PropertyValue value) {
        return switch (value.getType()) {
            case STRING -> "\"" + value.getStringValue() + "\"";
            case NUMBER, BOOL -> String.valueOf(value.getType() == ValueType.NUMBER ? value.getNumberValue() : value.getBooleanValue());
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> value.getType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String normalise(String s) {
        return s.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /**
     * An {@code Output} of {@code value} converted to {@code type}: unknown when any part of it is, secret when any part
     * is, depending on the resources the engine listed for {@code input}.
     */
    private Output<Object> output(PropertyValue value, Type type, String path, String input) {
        var deps = new LinkedHashSet<String>(input == null ? Set.of() : dependencies.getOrDefault(input, Set.of()));
        boolean[] secret = {false};
        boolean[] unknown = {false};
        var stripped = strip(value, secret, unknown, deps);
        Object converted = unknown[0] ? null : plain(stripped, type, path, input);
        ImmutableSet<Resource> resources = deps.stream().sorted()
                .map(DependencyResource::new).collect(ImmutableSet.toImmutableSet());
        return new OutputInternal<>(OutputData.ofNullable(resources, converted, !unknown[0], secret[0]));
    }

    /** {@code value} without its secret and output wrappers, noting whether any part was secret or unknown. */
    private static PropertyValue strip(PropertyValue value, boolean[] secret, boolean[] unknown, Set<String> deps) {
        return switch (value.getType()) {
            case SECRET -> {
                secret[0] = true;
                yield strip(value.getSecretValue(), secret, unknown, deps);
            }
            case OUTPUT -> {
                deps.addAll(value.getOutputValue().getDependencies());
                var inner = value.getOutputValue().getValue();
                if (inner == null) {
                    unknown[0] = true;
                    yield PropertyValue.COMPUTED;
                }
                yield strip(inner, secret, unknown, deps);
            }
            case COMPUTED -> {
                unknown[0] = true;
                yield value;
            }
            case ARRAY -> PropertyValue.of(value.getArrayValue().stream().map(v -> strip(v, secret, unknown, deps)).toList());
            case OBJECT -> {
                var out = new LinkedHashMap<String, PropertyValue>();
                value.getObjectValue().forEach((k, v) -> out.put(k, strip(v, secret, unknown, deps)));
                yield PropertyValue.of(out);
            }
            default -> value;
        };
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof java.lang.reflect.WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        throw new IllegalStateException("unsupported argument type " + type);
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
