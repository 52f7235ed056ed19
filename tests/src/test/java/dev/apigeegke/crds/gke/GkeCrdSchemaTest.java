package dev.apigeegke.crds.gke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import dev.apigeegke.crds.gke.inputs.BackendConfigSpecSecurityPolicyArgs;
import dev.apigeegke.crds.gke.inputs.FrontendConfigSpecRedirectToHttpsArgs;
import dev.apigeegke.testing.Node;
import dev.apigeegke.testing.Registrations;
import dev.apigeegke.testing.SchemaTypes;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The typed GKE CRD classes model part of each CRD: every field they have must be in the CRD's schema (as pinned in
 * {@code @kubernetes-models/gke}) with the schema's type, and every object they model must require what the schema
 * requires there. The schema is read through its own validator ({@code tests/node/crd-fields.mjs}).
 */
class GkeCrdSchemaTest {
    private static final String ROOT = "";

    /** What a typed class says: each field path's schema type, and each object's required fields. */
    private record Model(Map<String, String> types, Map<String, List<String>> required) {
    }

    private static Model model(Class<?> resource) {
        var model = new Model(new TreeMap<>(), new TreeMap<>());
        walk(args(resource), ROOT, model);
        for (var f : resource.getDeclaredFields()) {
            var exp = f.getAnnotation(Export.class);
            if (exp != null) {
                model.types().put(exp.name(), typeOf(SchemaTypes.outputArgument(f.getGenericType())));
            }
        }
        return model;
    }

    private static Class<?> args(Class<?> resource) {
        try {
            return Class.forName(resource.getName() + "Args");
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static void walk(Class<?> args, String prefix, Model model) {
        var required = new TreeSet<String>();
        for (var f : args.getDeclaredFields()) {
            var imp = f.getAnnotation(Import.class);
            if (imp != null) {
                if (imp.required()) {
                    required.add(imp.name());
                }
                describe(SchemaTypes.outputArgument(f.getGenericType()), prefix.isEmpty() ? imp.name() : prefix + "." + imp.name(), model);
            }
        }
        model.required().put(prefix, List.copyOf(required));
    }

    /** Records the field at {@code path}, and what it holds when it is a modelled object or a list. */
    private static void describe(Type type, String path, Model model) {
        var raw = SchemaTypes.raw(type);
        model.types().put(path, typeOf(type));
        if (isModelled(raw)) {
            walk(raw, path, model);
        } else if (raw == List.class) {
            describe(SchemaTypes.element(type), path + ".[]", model);
        }
    }

    private static boolean isModelled(Class<?> raw) {
        return ResourceArgs.class.isAssignableFrom(raw) && raw.getPackageName().startsWith("dev.apigeegke.crds");
    }

    /** A modelled object or the Kubernetes SDK's ObjectMeta is an object; the rest maps as in generated SDKs. */
    private static String typeOf(Type type) {
        var raw = SchemaTypes.raw(type);
        if (isModelled(raw) || raw.getSimpleName().startsWith("ObjectMeta")) {
            return "object";
        }
        return SchemaTypes.of(type);
    }

    /** The schema's answer on each typed class's fields: one checker start for the three classes. */
    private static Node.Batch schema;

    @BeforeAll
    static void readTheSchemas() throws Exception {
        var inputs = new LinkedHashMap<String, List<String>>();
        for (Class<?> resource : List.of(BackendConfig.class, FrontendConfig.class, ManagedCertificate.class)) {
            var token = resource.getAnnotation(ResourceType.class).type().split(":");
            var args = new ArrayList<>(List.of(token[1], token[2]));
            args.addAll(model(resource).types().keySet());
            inputs.put(resource.getSimpleName(), args);
        }
        schema = Node.check("crd-fields.mjs", inputs);
    }

    @ParameterizedTest
    @ValueSource(classes = {BackendConfig.class, FrontendConfig.class, ManagedCertificate.class})
    void everyFieldOfTheTypedClassIsInTheCrdSchemaWithItsTypeAndItsObjectsRequireWhatTheSchemaRequires(Class<?> resource) {
        var token = resource.getAnnotation(ResourceType.class).type().split(":");
        var apiVersion = token[1];
        var kind = token[2];
        var model = model(resource);

        var report = schema.report(resource.getSimpleName());

        assertThat(report.path("found").asBoolean()).as(apiVersion + " " + kind + " in @kubernetes-models/gke: "
                + schema.stderr()).isTrue();
        var schemaTypes = new TreeMap<String, String>();
        report.path("fields").fields().forEachRemaining(e -> schemaTypes.put(e.getKey(), only(e.getValue())));
        assertThat(model.types()).as(kind + " field types").isEqualTo(schemaTypes);
        var schemaRequired = new TreeMap<String, List<String>>();
        model.required().keySet().forEach(path -> schemaRequired.put(path, strings(report.path("required").path(path))));
        assertThat(model.required()).as(kind + " required fields").isEqualTo(schemaRequired);
    }

    @ParameterizedTest
    @ValueSource(classes = {BackendConfig.class, FrontendConfig.class, ManagedCertificate.class})
    void theResourceSendsTheApiVersionAndKindOfItsTypeToken(Class<?> resource) throws Exception {
        var token = resource.getAnnotation(ResourceType.class).type().split(":");
        var requests = Registrations.of(ctx -> {
            try {
                resource.getConstructor(String.class).newInstance("crd");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        var sent = requests.stream().filter(r -> r.getCustom()).findFirst().orElseThrow().getObject().getFieldsMap();
        assertThat(sent.get("apiVersion").getStringValue()).isEqualTo(token[1]);
        assertThat(sent.get("kind").getStringValue()).isEqualTo(token[2]);
    }

    @Test
    void aFieldTheSchemaRequiresIsRequiredWhenTheArgumentsAreBuilt() {
        // The message is the SDK's, its missing quote included.
        assertThatThrownBy(() -> BackendConfigSpecSecurityPolicyArgs.builder().build())
                .isInstanceOf(MissingRequiredPropertyException.class)
                .hasMessage("Missing required property 'name when constructing 'BackendConfigSpecSecurityPolicyArgs'");
        assertThatThrownBy(() -> FrontendConfigSpecRedirectToHttpsArgs.builder().responseCodeName("FOUND").build())
                .isInstanceOf(MissingRequiredPropertyException.class)
                .hasMessage("Missing required property 'enabled when constructing 'FrontendConfigSpecRedirectToHttpsArgs'");
        assertThat(FrontendConfigSpecRedirectToHttpsArgs.builder().enabled(true).build().enabled()).isNotNull();
    }

    /** The one type the schema gives a field; a field it does not have, or gives several types, shows as such. */
    private static String only(JsonNode types) {
        var list = strings(types);
        return list.size() == 1 ? list.get(0) : "schema types " + list;
    }

    private static List<String> strings(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
