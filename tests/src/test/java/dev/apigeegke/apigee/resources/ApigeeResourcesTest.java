package dev.apigeegke.apigee.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.test.Mocks;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.Harness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApigeeResourcesTest {
    private static final String BUNDLE = "UEsDBBQAAAAIAA==";
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static ApiProxyArgs.Builder proxy() {
        return ApiProxyArgs.builder().name("orders").bundle(BUNDLE).bundleHash(HASH).environments("test", "prod");
    }

    private static TargetServerArgs.Builder target() {
        return TargetServerArgs.builder().environment("test").name("orders-backend").host("10.0.0.7").port(8443);
    }

    private static DeveloperArgs.Builder developer() {
        return DeveloperArgs.builder().email("team@example.com").firstName("Ada").lastName("Lovelace").userName("team");
    }

    private static DeveloperAppArgs.Builder app() {
        return DeveloperAppArgs.builder().developerEmail("team@example.com").name("orders-app").apiProducts("orders-product");
    }

    private static KeyValueMapArgs.Builder kvm() {
        return KeyValueMapArgs.builder().environment("test").name("backend-credentials");
    }

    private static Map<String, Object> inputs(Plan plan, String type, String name) {
        var resource = plan.get(type, name);
        assertThat(resource.custom()).as("a custom resource served by a provider").isTrue();
        return resource.inputs();
    }

    @Test
    void apiProxySendsItsDocumentedInputsUnderItsToken() {
        var plan = Harness.preview(ctx -> new ApiProxy("orders", proxy().serviceAccount("proxy@p.iam.gserviceaccount.com").build()));
        assertThat(inputs(plan, "apigee:index:ApiProxy", "orders")).isEqualTo(Map.of(
                "name", "orders",
                "bundle", BUNDLE,
                "bundleHash", HASH,
                "environments", List.of("test", "prod"),
                "serviceAccount", "proxy@p.iam.gserviceaccount.com"));
    }

    @Test
    void targetServerSendsItsDocumentedInputsUnderItsToken() {
        var plan = Harness.preview(ctx -> new TargetServer("backend", target().sslEnabled(true).enabled(false).build()));
        assertThat(inputs(plan, "apigee:index:TargetServer", "backend")).isEqualTo(Map.of(
                "environment", "test",
                "name", "orders-backend",
                "host", "10.0.0.7",
                "port", 8443L,
                "sslEnabled", true,
                "enabled", false));
    }

    @Test
    void targetServerDefaultsToPlainConnectionsAndEnabled() {
        var plan = Harness.preview(ctx -> new TargetServer("backend", target().build()));
        var inputs = inputs(plan, "apigee:index:TargetServer", "backend");
        assertThat(inputs.get("sslEnabled")).isEqualTo(false);
        assertThat(inputs.get("enabled")).isEqualTo(true);
    }

    @Test
    void apiProductSendsItsDocumentedInputsUnderItsToken() {
        var plan = Harness.preview(ctx -> new ApiProduct("product", ApiProductArgs.builder()
                .name("orders-product")
                .displayName("Orders")
                .description("Read and place orders")
                .approvalType("auto")
                .attributes(Map.of("access", "private"))
                .apiResources("/**")
                .environments("test", "prod")
                .proxies("orders")
                .quota("1000")
                .quotaInterval("1")
                .quotaTimeUnit("hour")
                .scopes("read", "write")
                .build()));
        assertThat(inputs(plan, "apigee:index:ApiProduct", "product")).isEqualTo(Map.ofEntries(
                Map.entry("name", "orders-product"),
                Map.entry("displayName", "Orders"),
                Map.entry("description", "Read and place orders"),
                Map.entry("approvalType", "auto"),
                Map.entry("attributes", Map.of("access", "private")),
                Map.entry("apiResources", List.of("/**")),
                Map.entry("environments", List.of("test", "prod")),
                Map.entry("proxies", List.of("orders")),
                Map.entry("quota", "1000"),
                Map.entry("quotaInterval", "1"),
                Map.entry("quotaTimeUnit", "hour"),
                Map.entry("scopes", List.of("read", "write"))));
    }

    @Test
    void optionalInputsLeftUnsetAreNotSentToTheProvider() {
        var plan = Harness.preview(ctx -> new ApiProduct("product", ApiProductArgs.builder().name("orders-product").build()));
        assertThat(inputs(plan, "apigee:index:ApiProduct", "product")).isEqualTo(Map.of("name", "orders-product"));
    }

    @Test
    void developerSendsItsDocumentedInputsUnderItsToken() {
        var plan = Harness.preview(ctx -> new Developer("team", developer().attributes(Map.of("team", "orders")).build()));
        assertThat(inputs(plan, "apigee:index:Developer", "team")).isEqualTo(Map.of(
                "email", "team@example.com",
                "firstName", "Ada",
                "lastName", "Lovelace",
                "userName", "team",
                "attributes", Map.of("team", "orders")));
    }

    @Test
    void developerAppSendsItsDocumentedInputsUnderItsToken() {
        var plan = Harness.preview(ctx -> new DeveloperApp("app", app()
                .callbackUrl("https://app.example.com/callback")
                .attributes(Map.of("tier", "gold"))
                .keyExpiresIn(86_400_000)
                .build()));
        assertThat(inputs(plan, "apigee:index:DeveloperApp", "app")).isEqualTo(Map.of(
                "developerEmail", "team@example.com",
                "name", "orders-app",
                "apiProducts", List.of("orders-product"),
                "callbackUrl", "https://app.example.com/callback",
                "attributes", Map.of("tier", "gold"),
                "keyExpiresIn", 86_400_000L));
    }

    @Test
    void keyValueMapSendsItsEntriesAsASecretAndIsEncryptedByDefault() {
        var plan = Harness.preview(ctx -> new KeyValueMap("credentials", kvm()
                .entries(Map.of("user", "orders-svc", "password", "s3cret-in-clear")).build()));
        assertThat(inputs(plan, "apigee:index:KeyValueMap", "credentials")).isEqualTo(Map.of(
                "environment", "test",
                "name", "backend-credentials",
                "encrypted", true,
                "entries", Harness.SECRET));
    }

    @Test
    void keyValueMapWithoutEntriesSendsNone() {
        var plan = Harness.preview(ctx -> new KeyValueMap("flags", kvm().encrypted(false).build()));
        assertThat(inputs(plan, "apigee:index:KeyValueMap", "flags")).isEqualTo(Map.of(
                "environment", "test",
                "name", "backend-credentials",
                "encrypted", false));
    }

    static Stream<Arguments> requiredInputs() {
        return Stream.of(
                missing("ApiProxyArgs", "name", () -> proxy().name((Output<String>) null).build()),
                missing("ApiProxyArgs", "bundle", () -> proxy().bundle((Output<String>) null).build()),
                missing("ApiProxyArgs", "bundleHash", () -> proxy().bundleHash((Output<String>) null).build()),
                missing("ApiProxyArgs", "environments", () -> proxy().environments((Output<List<String>>) null).build()),
                missing("TargetServerArgs", "environment", () -> target().environment((Output<String>) null).build()),
                missing("TargetServerArgs", "name", () -> target().name((Output<String>) null).build()),
                missing("TargetServerArgs", "host", () -> target().host((Output<String>) null).build()),
                missing("TargetServerArgs", "port", () -> target().port((Output<Integer>) null).build()),
                missing("ApiProductArgs", "name", () -> ApiProductArgs.builder().displayName("Orders").build()),
                missing("DeveloperArgs", "email", () -> developer().email((Output<String>) null).build()),
                missing("DeveloperArgs", "firstName", () -> developer().firstName((Output<String>) null).build()),
                missing("DeveloperArgs", "lastName", () -> developer().lastName((Output<String>) null).build()),
                missing("DeveloperArgs", "userName", () -> developer().userName((Output<String>) null).build()),
                missing("DeveloperAppArgs", "developerEmail", () -> app().developerEmail((Output<String>) null).build()),
                missing("DeveloperAppArgs", "name", () -> app().name((Output<String>) null).build()),
                missing("DeveloperAppArgs", "apiProducts", () -> app().apiProducts((Output<List<String>>) null).build()),
                missing("KeyValueMapArgs", "environment", () -> kvm().environment((Output<String>) null).build()),
                missing("KeyValueMapArgs", "name", () -> kvm().name((Output<String>) null).build()));
    }

    private static Arguments missing(String args, String property, ThrowingCallable build) {
        return Arguments.of(args, property, build);
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("requiredInputs")
    void aMissingRequiredInputIsRejectedByName(String args, String property, ThrowingCallable build) {
        assertThatThrownBy(build)
                .isInstanceOf(MissingRequiredPropertyException.class)
                // The SDK's message, its missing quote included.
                .hasMessage("Missing required property '" + property + " when constructing '" + args + "'");
    }

    @Test
    void outputsTheProviderReturnsReadBackIntoTheirDeclaredTypes() {
        var outputs = deploy(ctx -> {
            var proxy = new ApiProxy("orders", proxy().build());
            ctx.export("revision", proxy.revision());
            ctx.export("deployedRevisions", proxy.deployedRevisions());
            ctx.export("environments", proxy.environments());
            var target = new TargetServer("backend", target().build());
            ctx.export("port", target.port());
            ctx.export("sslEnabled", target.sslEnabled());
            var product = new ApiProduct("product", ApiProductArgs.builder().name("orders-product")
                    .attributes(Map.of("access", "private")).build());
            ctx.export("attributes", product.attributes());
            ctx.export("displayName", product.displayName());
            ctx.export("developerId", new Developer("team", developer().build()).developerId());
            var app = new DeveloperApp("app", app().keyExpiresIn(3_600_000).build());
            ctx.export("appId", app.appId());
            ctx.export("keyExpiresIn", app.keyExpiresIn());
        });
        assertThat(outputs.get("revision")).isEqualTo("3");
        assertThat(outputs.get("deployedRevisions")).isEqualTo(Map.of("test", "3", "prod", "3"));
        assertThat(outputs.get("environments")).isEqualTo(List.of("test", "prod"));
        assertThat(outputs.get("port")).isEqualTo(8443);
        assertThat(outputs.get("sslEnabled")).isEqualTo(false);
        assertThat(outputs.get("attributes")).isEqualTo(Map.of("access", "private"));
        assertThat(outputs).containsEntry("displayName", null);
        assertThat(outputs.get("developerId")).isEqualTo("dev-1");
        assertThat(outputs.get("appId")).isEqualTo("app-1");
        assertThat(outputs.get("keyExpiresIn")).isEqualTo(3_600_000.0);
    }

    @Test
    void getReadsAnExistingResourceByIdUnderItsToken() {
        var cloud = new ApigeeCloud();
        var result = OfflineEngine.run(Harness.PROJECT, Harness.STACK, Map.of(), Set.of(), ctx -> {
            ctx.export("revision", ApiProxy.get("existing", Output.of("orders"), null).revision());
            ctx.export("email", Developer.get("owner", Output.of("team@example.com"), null).email());
        }, false, cloud);
        assertThat(result.errors()).isEmpty();
        assertThat(cloud.reads).containsExactlyInAnyOrder("apigee:index:ApiProxy orders", "apigee:index:Developer "
                + "team@example.com");
        assertThat(result.plan().outputs()).containsEntry("revision", "3").containsEntry("email", "team@example.com");
    }

    private static Map<String, Object> deploy(Consumer<Context> program) {
        var result = OfflineEngine.run(Harness.PROJECT, Harness.STACK, Map.of(), Set.of(), program, false, new ApigeeCloud());
        assertThat(result.errors()).as("program errors").isEmpty();
        return result.plan().outputs();
    }

    /** Answers as the apigee provider would: the inputs, plus what Apigee computes. */
    private static final class ApigeeCloud implements Mocks {
        final ConcurrentLinkedQueue<String> reads = new ConcurrentLinkedQueue<>();

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            var state = new HashMap<String, Object>(args.inputs);
            if (args.id != null && !args.id.isEmpty()) {
                reads.add(args.type + " " + args.id);
            }
            switch (args.type) {
                case "apigee:index:ApiProxy" -> {
                    state.put("revision", "3");
                    var environments = (List<?>) args.inputs.getOrDefault("environments", List.of("test"));
                    var deployed = new HashMap<String, Object>();
                    environments.forEach(env -> deployed.put((String) env, "3"));
                    state.put("deployedRevisions", deployed);
                }
                case "apigee:index:Developer" -> {
                    state.put("developerId", "dev-1");
                    state.putIfAbsent("email", args.id);
                }
                case "apigee:index:DeveloperApp" -> state.put("appId", "app-1");
                default -> { }
            }
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), state));
        }
    }
}
