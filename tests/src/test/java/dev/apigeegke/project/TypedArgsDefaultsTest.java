package dev.apigeegke.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.ResourceArgs;
import dev.apigeegke.testing.ComponentClasses;
import dev.apigeegke.testing.Harness;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The typed resources' arguments (the GKE CRDs and the Apigee resources) document every optional input as
 * "Default: unset, so it is not sent": an input nobody set is absent, from the arguments and from what the resource
 * registers, but for the few documented with a value, which they then hold; the CRDs' {@code apiVersion} and
 * {@code kind} are the ones the resource forces.
 */
class TypedArgsDefaultsTest {
    private static final Set<String> TYPED_PACKAGES = Set.of("dev.apigeegke.crds.gke", "dev.apigeegke.crds.gke.inputs",
            "dev.apigeegke.apigee.resources");
    private static final Set<String> FORCED = Set.of("apiVersion", "kind");
    /** The optional inputs whose documented default is a value rather than unset: the builder applies it. */
    private static final Map<String, Object> VALUE_DEFAULTS = Map.of(
            "TargetServerArgs.sslEnabled", false,
            "TargetServerArgs.enabled", true,
            "KeyValueMapArgs.encrypted", true,
            "RsaKeyPairArgs.keyBits", 2048,
            "RsaKeyPairArgs.validityDays", 3650);

    static List<Class<?>> typedArgs() {
        return ComponentClasses.concrete(ResourceArgs.class).stream()
                .filter(c -> TYPED_PACKAGES.contains(c.getPackageName())).toList();
    }

    static List<Class<?>> typedResources() {
        return ComponentClasses.concrete(CustomResource.class).stream()
                .filter(c -> TYPED_PACKAGES.contains(c.getPackageName())).toList();
    }

    @ParameterizedTest
    @MethodSource("typedArgs")
    void leavesEveryOptionalInputUnsetWhenOnlyTheRequiredAreGiven(Class<?> argsType) throws Exception {
        Object args = requiredOnly(argsType);
        var set = new TreeSet<String>();
        for (Field field : imports(argsType)) {
            String key = argsType.getSimpleName() + "." + field.getName();
            if (!field.getAnnotation(Import.class).required()) {
                var value = (Optional<?>) argsType.getMethod(field.getName()).invoke(args);
                if (VALUE_DEFAULTS.containsKey(key)) {
                    assertThat(value).as(key).isPresent();
                    assertThat(valueOf((Output<?>) value.get())).as(key).isEqualTo(VALUE_DEFAULTS.get(key));
                } else if (value.isPresent()) {
                    set.add(field.getName());
                }
            }
        }
        assertThat(set).as("optional inputs of " + argsType.getSimpleName() + " set without a setter call").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("typedResources")
    void registersOnlyTheRequiredInputsAndWhatTheResourceForces(Class<?> resource) throws Exception {
        Class<?> argsType = Class.forName(resource.getName() + "Args");
        Object args = requiredOnly(argsType);
        var constructor = resource.getConstructor(String.class, argsType);
        var plan = Harness.preview(ctx -> {
            try {
                constructor.newInstance("sample", args);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        });
        var inputs = plan.ofType(resource.getAnnotation(ResourceType.class).type()).get(0).inputs();
        var required = imports(argsType).stream().filter(f -> f.getAnnotation(Import.class).required()).map(Field::getName).toList();
        var forced = imports(argsType).stream().map(Field::getName).filter(FORCED::contains).toList();
        var valued = imports(argsType).stream().map(Field::getName)
                .filter(n -> VALUE_DEFAULTS.containsKey(argsType.getSimpleName() + "." + n)).toList();
        assertThat(inputs.keySet()).as("the inputs " + resource.getSimpleName() + " registers")
                .containsExactlyInAnyOrderElementsOf(Stream.of(required, forced, valued).flatMap(List::stream).toList());
        valued.forEach(n -> {
            var expected = VALUE_DEFAULTS.get(argsType.getSimpleName() + "." + n);
            // The engine's plan holds whole numbers as longs.
            assertThat(inputs).containsEntry(n, expected instanceof Integer i ? (Object) i.longValue() : expected);
        });
        if (!forced.isEmpty()) {
            assertThat(inputs).containsEntry("kind", resource.getSimpleName());
            assertThat((String) inputs.get("apiVersion")).contains("/");
        }
    }

    /** The arguments with every required input set to a sample value, and nothing else. */
    private static Object requiredOnly(Class<?> argsType) throws Exception {
        Object builder = argsType.getMethod("builder").invoke(null);
        for (Field field : imports(argsType)) {
            if (field.getAnnotation(Import.class).required()) {
                Type valueType = ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
                builder.getClass().getMethod(field.getName(), Output.class).invoke(builder, Output.of(sample(valueType)));
            }
        }
        return builder.getClass().getMethod("build").invoke(builder);
    }

    private static Object sample(Type type) throws Exception {
        Class<?> raw = (Class<?>) (type instanceof ParameterizedType p ? p.getRawType() : type);
        if (raw == String.class) {
            return "sample";
        } else if (raw == Integer.class) {
            return 1;
        } else if (raw == Boolean.class) {
            return true;
        } else if (raw == List.class) {
            return List.of(sample(((ParameterizedType) type).getActualTypeArguments()[0]));
        } else if (raw == Map.class) {
            return Map.of("sample", sample(((ParameterizedType) type).getActualTypeArguments()[1]));
        } else if (ResourceArgs.class.isAssignableFrom(raw)) {
            return requiredOnly(raw);
        }
        throw new AssertionError("no sample value of " + type + ": add one");
    }

    /** The value of an Output built from plain values, which is complete at once. */
    private static Object valueOf(Output<?> output) {
        return Internal.of(output).getDataAsync().join().getValueNullable();
    }

    private static List<Field> imports(Class<?> argsType) {
        return Stream.of(argsType.getDeclaredFields()).filter(f -> f.isAnnotationPresent(Import.class)).toList();
    }
}
