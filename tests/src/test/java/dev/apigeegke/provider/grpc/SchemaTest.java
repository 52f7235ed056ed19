package dev.apigeegke.provider.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.ResourceArgs;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import dev.apigeegke.testing.Registrations;
import dev.apigeegke.testing.SchemaTypes;
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
import org.junit.jupiter.api.extension.ExtendWith;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.Resource.RegisterResourceRequest;

/**
 * The schema served by GetSchema is the one description of the Apigee resources: other languages' SDKs are
 * generated from it, the provider takes its property lists from it, and the typed Java classes in
 * {@code dev.apigeegke.apigee.resources} must say exactly what it says, property by property: name, type (and item
 * type), required, secret, replace on change, and the default an unset input takes.
 */
@ExtendWith(ConformanceExtension.class)
class SchemaTest {
    private static final String PACKAGE = "dev.apigeegke.apigee.resources.";
    private static ProviderHarness h;
    private static JsonNode schema;

    @BeforeAll
    static void fetch() throws Exception {
        h = ProviderHarness.start(ApigeePlatform.EDGE);
        schema = new ObjectMapper().readTree(h.stub.getSchema(GetSchemaRequest.newBuilder().setVersion(0).build()).getSchema());
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    /** A property as the schema and a typed class each describe it. */
    private record Prop(String type, String elementType, boolean required, boolean secret, boolean replaceOnChanges) {
    }

    /** The type of a list's items or a map's values, as the schema's items / additionalProperties say it. */
    private static String elementType(Type t) {
        var element = SchemaTypes.element(t);
        return element == null ? null : SchemaTypes.of(element);
    }

    private static Object sample(Type t) {
        return switch (SchemaTypes.of(t)) {
            case "string" -> "x";
            case "integer" -> 1;
            case "number" -> 1.0;
            case "boolean" -> true;
            case "array" -> List.of(sample(((ParameterizedType) t).getActualTypeArguments()[0]));
            case "object" -> Map.of("k", sample(((ParameterizedType) t).getActualTypeArguments()[1]));
            default -> throw new AssertionError(t);
        };
    }

    /** The arguments with every required input (or, if {@code every}, every input) set to a sample value. */
    private static ResourceArgs sampleArgs(Class<?> args, boolean every) throws Exception {
        var builder = args.getMethod("builder").invoke(null);
        for (var f : args.getDeclaredFields()) {
            var imp = f.getAnnotation(Import.class);
            if (imp != null && (every || imp.required())) {
                builder.getClass().getMethod(f.getName(), Output.class)
                        .invoke(builder, Output.of(sample(SchemaTypes.outputArgument(f.getGenericType()))));
            }
        }
        return (ResourceArgs) builder.getClass().getMethod("build").invoke(builder);
    }

    /** What registering {@code resource} with minimal arguments sends the engine. */
    private static RegisterResourceRequest registration(Class<?> resource, Class<?> args) throws Exception {
        return registration(resource, args, false);
    }

    /** What registering {@code resource} with the required (or, if {@code every}, all) arguments sends the engine. */
    private static RegisterResourceRequest registration(Class<?> resource, Class<?> args, boolean every) throws Exception {
        var built = sampleArgs(args, every);
        var requests = Registrations.of(ctx -> {
            try {
                resource.getConstructor(String.class, args).newInstance("contract", built);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        var type = resource.getAnnotation(ResourceType.class).type();
        var ofType = requests.stream().filter(r -> r.getType().equals(type)).toList();
        assertThat(ofType).as(type + " registrations").hasSize(1);
        return ofType.get(0);
    }

    private static Map<String, Prop> inputsOf(Class<?> args, RegisterResourceRequest registered) {
        var out = new TreeMap<String, Prop>();
        for (var f : args.getDeclaredFields()) {
            var imp = f.getAnnotation(Import.class);
            if (imp != null) {
                var type = SchemaTypes.outputArgument(f.getGenericType());
                // A secret input is one the built arguments send as a secret, whatever the program gave them.
                var sent = registered.getObject().getFieldsMap().get(imp.name());
                out.put(imp.name(), new Prop(SchemaTypes.of(type), elementType(type), imp.required(),
                        sent != null && ProviderHarness.isSecret(sent), registered.getReplaceOnChangesList().contains(imp.name())));
            }
        }
        return out;
    }

    private static Map<String, Prop> outputsOf(Class<?> resource, RegisterResourceRequest registered) throws NoSuchMethodException {
        var out = new TreeMap<String, Prop>();
        for (var f : resource.getDeclaredFields()) {
            var exp = f.getAnnotation(Export.class);
            if (exp != null) {
                // Optional outputs are exposed as Output<Optional<T>>; required ones as Output<T>.
                var exposed = SchemaTypes.outputArgument(resource.getMethod(f.getName()).getGenericReturnType());
                var optional = exposed instanceof ParameterizedType p && p.getRawType() == Optional.class;
                var type = SchemaTypes.outputArgument(f.getGenericType());
                out.put(exp.name(), new Prop(SchemaTypes.of(type), elementType(type), !optional,
                        registered.getAdditionalSecretOutputsList().contains(exp.name()),
                        registered.getReplaceOnChangesList().contains(exp.name())));
            }
        }
        return out;
    }

    private static Map<String, Prop> schemaProps(JsonNode resource, String props, String required) {
        var requiredNames = new TreeSet<String>();
        resource.path(required).forEach(n -> requiredNames.add(n.asText()));
        var out = new TreeMap<String, Prop>();
        resource.path(props).fields().forEachRemaining(e -> {
            var p = e.getValue();
            var element = p.has("items") ? p.get("items") : p.get("additionalProperties");
            out.put(e.getKey(), new Prop(p.path("type").asText(), element == null ? null : element.path("type").asText(),
                    requiredNames.contains(e.getKey()), p.path("secret").asBoolean(false),
                    p.path("replaceOnChanges").asBoolean(false)));
        });
        return out;
    }

    @Test
    void declaresTheApigeePackageAtThePluginVersion() {
        assertThat(schema.path("name").asText()).isEqualTo("apigee");
        assertThat(schema.path("version").asText()).isEqualTo(ApigeeProvider.VERSION);
        var tokens = new TreeSet<String>();
        schema.path("resources").fieldNames().forEachRemaining(tokens::add);
        assertThat(tokens).containsExactly("apigee:index:ApiProduct", "apigee:index:ApiProxy", "apigee:index:Developer",
                "apigee:index:DeveloperApp", "apigee:index:KeyValueMap", "apigee:index:MicrogatewayCredential",
                "apigee:index:RsaKeyPair", "apigee:index:TargetServer");
    }

    @Test
    void everyResourceHasTheInputsAndOutputsOfItsTypedJavaClass() throws Exception {
        var it = schema.path("resources").fields();
        while (it.hasNext()) {
            var e = it.next();
            var simpleName = e.getKey().substring(e.getKey().lastIndexOf(':') + 1);
            var resource = Class.forName(PACKAGE + simpleName);
            var args = Class.forName(PACKAGE + simpleName + "Args");
            assertThat(resource.getAnnotation(ResourceType.class).type()).isEqualTo(e.getKey());
            var registered = registration(resource, args, true);
            assertThat(inputsOf(args, registered)).as(simpleName + " inputs")
                    .isEqualTo(schemaProps(e.getValue(), "inputProperties", "requiredInputs"));
            assertThat(outputsOf(resource, registered)).as(simpleName + " outputs")
                    .isEqualTo(schemaProps(e.getValue(), "properties", "required"));
        }
    }

    @Test
    void everyInputDefaultIsWhatTheTypedArgumentsSendWhenTheProgramLeavesItUnset() throws Exception {
        var defaults = 0;
        var it = schema.path("resources").fields();
        while (it.hasNext()) {
            var e = it.next();
            var simpleName = e.getKey().substring(e.getKey().lastIndexOf(':') + 1);
            var sent = registration(Class.forName(PACKAGE + simpleName), Class.forName(PACKAGE + simpleName + "Args"))
                    .getObject().getFieldsMap();
            for (var p : (Iterable<Map.Entry<String, JsonNode>>) () -> e.getValue().path("inputProperties").fields()) {
                if (p.getValue().has("default")) {
                    defaults++;
                    assertThat(sent).as(simpleName + "." + p.getKey()).containsKey(p.getKey());
                    // The wire carries every number as a double: an integer default 2048 arrives as 2048.0.
                    var expected = p.getValue().get("default");
                    assertThat(ProviderHarness.plain(sent.get(p.getKey()))).as(simpleName + "." + p.getKey())
                            .isEqualTo(expected.isNumber() ? (Object) expected.asDouble()
                                    : new ObjectMapper().convertValue(expected, Object.class));
                }
            }
        }
        assertThat(defaults).as("inputs with a default").isEqualTo(5);
    }

    @Test
    void anInputThatReplacesTheResourceIsMarkedSoAsAnOutputToo() {
        var it = schema.path("resources").fields();
        while (it.hasNext()) {
            var e = it.next();
            e.getValue().path("inputProperties").fields().forEachRemaining(p -> {
                var output = e.getValue().path("properties").path(p.getKey());
                if (!output.isMissingNode()) {
                    assertThat(output.path("replaceOnChanges").asBoolean(false)).as(e.getKey() + "." + p.getKey())
                            .isEqualTo(p.getValue().path("replaceOnChanges").asBoolean(false));
                }
            });
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
        assertThat(keys).containsExactlyInAnyOrder("flavor", "baseUrl", "microgatewayServicesUrl", "organization",
                "accessToken", "username", "password", "useApplicationDefaultCredentials");
        var providerInputs = new TreeSet<String>();
        schema.path("provider").path("inputProperties").fieldNames().forEachRemaining(providerInputs::add);
        assertThat(providerInputs).as("provider inputs = config variables").isEqualTo(keys);
        assertThat(schema.path("provider").path("requiredInputs").toString()).isEqualTo("[\"organization\"]");
        assertThat(config.path("flavor").path("default").asText()).isEqualTo("edge");
    }

    @Test
    void keepsAKeyValueMapsEntriesSecretAndOutOfItsOutputs() {
        var kvm = schema.path("resources").path("apigee:index:KeyValueMap");
        assertThat(kvm.path("inputProperties").path("entries").path("secret").asBoolean()).isTrue();
        assertThat(kvm.path("properties").has("entries")).as("the values are no output").isFalse();
        assertThat(kvm.path("properties").path("hashKey").path("secret").asBoolean()).isTrue();
        assertThat(kvm.path("properties").path("entryHashes").path("secret").asBoolean()).isFalse();
        assertThat(kvm.path("inputProperties").path("encrypted").path("default").asBoolean(false)).isTrue();
    }

    @Test
    void documentsTheTargetServerDefaultsThatCheckApplies() {
        var inputs = schema.path("resources").path("apigee:index:TargetServer").path("inputProperties");
        assertThat(inputs.path("sslEnabled").path("default").asBoolean(true)).isFalse();
        assertThat(inputs.path("enabled").path("default").asBoolean(false)).isTrue();
    }
}
