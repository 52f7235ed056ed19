package dev.apigeegke.provider.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import dev.apigeegke.provider.api.Flavor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pulumirpc.Provider.GetSchemaRequest;

/**
 * The schema served by GetSchema is the contract other languages' SDKs are generated from; it must say
 * exactly what the typed Java classes in {@code dev.apigeegke.apigee.resources} say.
 */
class SchemaTest {
    private static final String PACKAGE = "dev.apigeegke.apigee.resources.";
    private static ProviderHarness h;
    private static JsonNode schema;

    @BeforeAll
    static void fetch() throws Exception {
        h = ProviderHarness.start(Flavor.EDGE);
        schema = new ObjectMapper().readTree(h.stub.getSchema(GetSchemaRequest.newBuilder().setVersion(0).build()).getSchema());
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    /** A property of a typed class: its schema type and whether it is required. */
    private record Prop(String type, boolean required) {
    }

    private static String schemaType(Type t) {
        var raw = t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
        if (raw == String.class) {
            return "string";
        }
        if (raw == Integer.class) {
            return "integer";
        }
        if (raw == Boolean.class) {
            return "boolean";
        }
        if (raw == List.class) {
            return "array";
        }
        if (raw == Map.class) {
            return "object";
        }
        throw new AssertionError("no schema type for " + t);
    }

    private static Type outputArgument(Type outputType) {
        return ((ParameterizedType) outputType).getActualTypeArguments()[0];
    }

    private static Map<String, Prop> inputsOf(Class<?> args) {
        var out = new TreeMap<String, Prop>();
        for (var f : args.getDeclaredFields()) {
            var imp = f.getAnnotation(Import.class);
            if (imp != null) {
                out.put(imp.name(), new Prop(schemaType(outputArgument(f.getGenericType())), imp.required()));
            }
        }
        return out;
    }

    private static Map<String, Prop> outputsOf(Class<?> resource) throws NoSuchMethodException {
        var out = new TreeMap<String, Prop>();
        for (var f : resource.getDeclaredFields()) {
            var exp = f.getAnnotation(Export.class);
            if (exp != null) {
                // Optional outputs are exposed as Output<Optional<T>>; required ones as Output<T>.
                var exposed = outputArgument(resource.getMethod(f.getName()).getGenericReturnType());
                var optional = exposed instanceof ParameterizedType p && p.getRawType() == Optional.class;
                out.put(exp.name(), new Prop(schemaType(outputArgument(f.getGenericType())), !optional));
            }
        }
        return out;
    }

    private static Map<String, Prop> schemaProps(JsonNode resource, String props, String required) {
        var requiredNames = new TreeSet<String>();
        resource.path(required).forEach(n -> requiredNames.add(n.asText()));
        var out = new TreeMap<String, Prop>();
        resource.path(props).fields().forEachRemaining(e -> out.put(e.getKey(),
                new Prop(e.getValue().path("type").asText(), requiredNames.contains(e.getKey()))));
        return out;
    }

    @Test
    void declaresTheApigeePackageAtThePluginVersion() {
        assertThat(schema.path("name").asText()).isEqualTo("apigee");
        assertThat(schema.path("version").asText()).isEqualTo(ApigeeProvider.VERSION);
        var tokens = new TreeSet<String>();
        schema.path("resources").fieldNames().forEachRemaining(tokens::add);
        assertThat(tokens).containsExactly("apigee:index:ApiProduct", "apigee:index:ApiProxy", "apigee:index:Developer",
                "apigee:index:DeveloperApp", "apigee:index:TargetServer");
    }

    @Test
    void everyResourceHasTheInputsAndOutputsOfItsTypedJavaClass() throws Exception {
        var it = schema.path("resources").fields();
        while (it.hasNext()) {
            var e = it.next();
            var simpleName = e.getKey().substring(e.getKey().lastIndexOf(':') + 1);
            var resource = Class.forName(PACKAGE + simpleName);
            assertThat(resource.getAnnotation(ResourceType.class).type()).isEqualTo(e.getKey());
            assertThat(schemaProps(e.getValue(), "inputProperties", "requiredInputs")).as(simpleName + " inputs")
                    .isEqualTo(inputsOf(Class.forName(PACKAGE + simpleName + "Args")));
            assertThat(schemaProps(e.getValue(), "properties", "required")).as(simpleName + " outputs")
                    .isEqualTo(outputsOf(resource));
        }
    }

    @Test
    void marksConsumerCredentialsAndConfigCredentialsSecret() {
        var app = schema.path("resources").path("apigee:index:DeveloperApp").path("properties");
        assertThat(app.path("consumerKey").path("secret").asBoolean()).isTrue();
        assertThat(app.path("consumerSecret").path("secret").asBoolean()).isTrue();
        assertThat(app.path("appId").path("secret").asBoolean()).isFalse();
        var config = schema.path("config").path("variables");
        assertThat(config.path("accessToken").path("secret").asBoolean()).isTrue();
        assertThat(config.path("password").path("secret").asBoolean()).isTrue();
        var keys = new TreeSet<String>();
        config.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("flavor", "baseUrl", "organization", "accessToken", "username",
                "password", "useApplicationDefaultCredentials");
        assertThat(schema.path("provider").path("requiredInputs").toString()).isEqualTo("[\"organization\"]");
        assertThat(config.path("flavor").path("default").asText()).isEqualTo("edge");
    }

    @Test
    void documentsTheTargetServerDefaultsThatCheckApplies() {
        var inputs = schema.path("resources").path("apigee:index:TargetServer").path("inputProperties");
        assertThat(inputs.path("sslEnabled").path("default").asBoolean(true)).isFalse();
        assertThat(inputs.path("enabled").path("default").asBoolean(false)).isTrue();
    }
}
