package dev.apigeegke.componentprovider;

import static dev.apigeegke.componentprovider.ComponentSamples.obj;
import static dev.apigeegke.componentprovider.ComponentSamples.str;
import static dev.apigeegke.componentprovider.ComponentSamples.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.resources.ComponentResourceOptions;
import dev.apigeegke.componentprovider.testing.MiniEngine;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.TypeTokens;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.ResourceMonitorGrpc;

/**
 * The component provider's Construct as the engine calls it: each component registered from another language
 * (a {@code remote} registration the engine turns into a Construct) registers the same resources, with the same inputs,
 * as the Java program declaring it; provider references, secrets, unknowns and dependencies pass through; a plain input
 * that is unknown is refused by name before any resource; and many Constructs, one after another or at once, succeed.
 */
class ConstructContractTest {
    private static final String PROJECT = "proj";
    private static final String STACK = "dev";
    private static final String STACK_URN = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";
    private static final Map<String, String> CONFIG = Map.of("gcp:project", "my-gcp-project", "gcp:region", "europe-west1");
    private static final PropertyValue SECRET_ALLOWLIST = PropertyValue.ofSecret(strings("198.51.100.16/28"));

    static List<String> tokens() {
        return ComponentSamples.tokens();
    }

    /** A program talking to the mini-engine's monitor, as a language SDK does. */
    private interface Program {
        void run(ResourceMonitorGrpc.ResourceMonitorBlockingStub monitor) throws Exception;
    }

    private static MiniEngine run(boolean preview, Program program) throws Exception {
        // An update's resources get what a real project would answer (the cluster's endpoint and certificate, the app's
        // key), so the components' outputs are computed from them.
        var engine = MiniEngine.start(PROJECT, STACK, preview, CONFIG, Set.of(), MiniEngine.inProcess(),
                MiniEngine.Cloud.of(new dev.apigeegke.testing.Harness.FakeCloud()));
        ManagedChannel channel = Grpc.newChannelBuilder(engine.address(), InsecureChannelCredentials.create()).build();
        try {
            var monitor = ResourceMonitorGrpc.newBlockingStub(channel);
            monitor.registerResource(RegisterResourceRequest.newBuilder().setType(TypeTokens.ROOT_STACK)
                    .setName(PROJECT + "-" + STACK).build());
            program.run(monitor);
        } finally {
            channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
        return engine;
    }

    /** The registration another language's SDK sends for component {@code token} named {@code name}. */
    private static RegisterResourceRequest.Builder remote(String token, String name, Map<String, PropertyValue> inputs) {
        return RegisterResourceRequest.newBuilder().setType(token).setName(name).setParent(STACK_URN).setRemote(true)
                .setObject(PropertyValue.marshalProperties(inputs));
    }

    private static String componentUrn(String token, String name) {
        return "urn:pulumi:" + STACK + "::" + PROJECT + "::" + token + "::" + name;
    }

    private static boolean isUnder(MiniEngine engine, Plan.Resource r, String ancestor) {
        var byUrn = new TreeMap<String, Plan.Resource>();
        engine.resources().forEach(x -> byUrn.put(x.urn(), x));
        for (String p = r.parent(); p != null; p = byUrn.containsKey(p) ? byUrn.get(p).parent() : null) {
            if (p.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** What the Java program registers for the same component and inputs, in a preview by the offline engine. */
    private static List<Plan.Resource> javaProgram(String token, String name, Map<String, PropertyValue> inputs) {
        var component = Components.byToken(token).orElseThrow();
        var binder = new InputBinder(token, Map.of(), Components.ADAPTERS);
        Object args = binder.build(component.builder().get(), inputs, List.of(), component.custom(), "");
        assertThat(binder.problems()).isEmpty();
        // The stack as the parent, as the engine names it to a remote component (the aliases of children that moved
        // under a component name their former parent).
        var result = OfflineEngine.run(PROJECT, STACK, CONFIG, Set.of(), ctx -> component.factory().create(name, args,
                ComponentResourceOptions.builder().parent(new com.pulumi.resources.DependencyResource(STACK_URN)).build()));
        assertThat(result.errors()).isEmpty();
        return result.plan().resources().stream().filter(r -> !r.type().equals(TypeTokens.ROOT_STACK)).toList();
    }

    @ParameterizedTest
    @MethodSource("tokens")
    void registersTheResourcesTheJavaProgramDoesUnderTheComponent(String token) throws Exception {
        var inputs = ComponentSamples.required(token);
        try (var engine = run(true, monitor -> {
            var response = monitor.registerResource(remote(token, "c1", inputs).build());
            assertThat(response.getUrn()).isEqualTo(componentUrn(token, "c1"));
        })) {
            var java = javaProgram(token, "c1", inputs);
            assertThat(engine.resources()).filteredOn(r -> !r.type().equals(TypeTokens.ROOT_STACK))
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields("dependencies", "propertyDependencies")
                    .containsExactlyInAnyOrderElementsOf(java);
            // The component is the stack's child, every other resource is under it.
            var component = engine.resources().stream().filter(r -> r.type().equals(token)).toList();
            assertThat(component).singleElement().satisfies(c -> {
                assertThat(c.parent()).isEqualTo(STACK_URN);
                assertThat(c.custom()).isFalse();
            });
            assertThat(engine.resources()).filteredOn(r -> !r.type().equals(TypeTokens.ROOT_STACK) && !r.type().equals(token))
                    .isNotEmpty().allSatisfy(r -> assertThat(isUnder(engine, r, componentUrn(token, "c1"))).as(r.urn()).isTrue());
            // The component's outputs are the schema's.
            var outputs = new java.util.TreeSet<String>();
            ComponentSchema.get().resource(token).path("properties").fieldNames().forEachRemaining(outputs::add);
            assertThat(engine.outputsOf(componentUrn(token, "c1"))).get().satisfies(o -> assertThat(o.keySet()).isEqualTo(outputs));
        }
    }

    @ParameterizedTest
    @MethodSource("tokens")
    void theProvidersTheProgramPassesReachEveryCustomResourceOfTheirPackage(String token) throws Exception {
        var inputs = ComponentSamples.required(token);
        var references = new TreeMap<String, String>();
        try (var engine = run(true, monitor -> {
            for (String pkg : List.of("gcp", "kubernetes", "apigee")) {
                var provider = monitor.registerResource(RegisterResourceRequest.newBuilder()
                        .setType(TypeTokens.PROVIDER_PREFIX + pkg).setName(pkg + "-provider").setParent(STACK_URN)
                        .setCustom(true).build());
                references.put(pkg, provider.getUrn() + "::" + provider.getId());
            }
            monitor.registerResource(remote(token, "c1", inputs).putAllProviders(references).build());
        })) {
            var custom = engine.resources().stream()
                    .filter(r -> r.custom() && !r.isProvider() && isUnder(engine, r, componentUrn(token, "c1"))).toList();
            assertThat(custom).isNotEmpty().allSatisfy(r -> assertThat(r.provider()).as(r.urn())
                    .isEqualTo(references.get(TypeTokens.packageOf(r.type()))));
        }
    }

    @Test
    void aSecretInputStaysSecretInTheResourcesItReaches() throws Exception {
        var inputs = new LinkedHashMap<>(ComponentSamples.required("apigee-gke:index:ArmoredIngress"));
        inputs.put("allowlist", SECRET_ALLOWLIST);
        try (var engine = run(true, monitor -> monitor.registerResource(
                remote("apigee-gke:index:ArmoredIngress", "edge", inputs).build()))) {
            var policy = engine.resources().stream().filter(r -> r.type().equals("gcp:compute/securityPolicy:SecurityPolicy"))
                    .findFirst().orElseThrow();
            assertThat(policy.inputs().toString()).contains(Plan.SECRET).doesNotContain("198.51.100.16");
        }
        var proxy = new LinkedHashMap<>(ComponentSamples.required("apigee-gke:index:ApigeeProxy"));
        proxy.put("target", PropertyValue.ofSecret(str("http://203.0.113.10")));
        try (var engine = run(true, monitor -> monitor.registerResource(
                remote("apigee-gke:index:ApigeeProxy", "api", proxy).build()))) {
            assertThat(engine.resources()).filteredOn(r -> r.type().equals("apigee:index:TargetServer")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.inputs().toString()).contains(Plan.SECRET).doesNotContain("203.0.113.10"));
        }
    }

    @Test
    void secretOutputsComeBackSecret() throws Exception {
        for (String token : List.of("apigee-gke:index:GkeCluster", "apigee-gke:index:ApigeeProxy")) {
            var inputs = new LinkedHashMap<>(ComponentSamples.required(token));
            if (token.endsWith("ApigeeProxy")) {
                inputs.put("consumer", obj("email", "dev@example.com", "firstName", "Sample", "lastName", "Consumer",
                        "appName", "sample-app"));
            }
            for (boolean preview : new boolean[] {true, false}) {
                var answer = new RegisterResourceResponse[1];
                try (var engine = run(preview, monitor -> answer[0] = monitor.registerResource(remote(token, "c1", inputs).build()))) {
                    var secretOutputs = new ArrayList<String>();
                    ComponentSchema.get().resource(token).path("properties").fields().forEachRemaining(e -> {
                        if (e.getValue().path("secret").asBoolean()) {
                            secretOutputs.add(e.getKey());
                        }
                    });
                    assertThat(secretOutputs).isNotEmpty();
                    for (String output : secretOutputs) {
                        var value = PropertyValue.unmarshal(answer[0].getObject().getFieldsOrThrow(output));
                        assertThat(value.getType()).as("%s.%s (preview %s)", token, output, preview)
                                .isEqualTo(PropertyValue.ValueType.SECRET);
                    }
                }
            }
        }
    }

    @Test
    void anUnknownInputGivesUnknownValuesInAPreviewAndKeepsItsDependency() throws Exception {
        String ingressUrn = componentUrn("apigee-gke:index:ArmoredIngress", "edge");
        var inputs = new LinkedHashMap<>(ComponentSamples.required("apigee-gke:index:ApigeeProxy"));
        inputs.put("target", PropertyValue.COMPUTED);
        try (var engine = run(true, monitor -> monitor.registerResource(remote("apigee-gke:index:ApigeeProxy", "api", inputs)
                .putPropertyDependencies("target", RegisterResourceRequest.PropertyDependencies.newBuilder()
                        .addUrns(ingressUrn).build()).build()))) {
            assertThat(engine.resources()).filteredOn(r -> r.type().equals("apigee:index:TargetServer")).isNotEmpty()
                    .allSatisfy(r -> {
                        assertThat(r.inputs()).containsValue(Plan.UNKNOWN);
                        assertThat(r.dependencies()).contains(ingressUrn);
                    });
        }
        var ingress = new LinkedHashMap<>(ComponentSamples.required("apigee-gke:index:ArmoredIngress"));
        ingress.put("allowlist", PropertyValue.COMPUTED);
        try (var engine = run(true, monitor -> monitor.registerResource(
                remote("apigee-gke:index:ArmoredIngress", "edge", ingress).build()))) {
            var policy = engine.resources().stream().filter(r -> r.type().equals("gcp:compute/securityPolicy:SecurityPolicy"))
                    .findFirst().orElseThrow();
            assertThat(policy.inputs().toString()).contains(Plan.UNKNOWN);
        }
    }

    @Test
    void aComponentRefusingItsArgumentsInItsConstructorReportsOneMessageAndNoStackTrace() throws Exception {
        var inputs = new LinkedHashMap<>(ComponentSamples.required("apigee-gke:index:ApigeeProxy"));
        inputs.remove("target");
        try (var engine = run(true, monitor -> assertThatThrownBy(() -> monitor.registerResource(
                remote("apigee-gke:index:ApigeeProxy", "api", inputs).build()))
                .isInstanceOf(StatusRuntimeException.class)
                .hasMessageContaining("INVALID_ARGUMENT")
                .hasMessageContaining("ApigeeProxy api")
                .hasMessageContaining("target"))) {
            assertThat(engine.log()).extracting(MiniEngine.LogEntry::message)
                    .noneMatch(m -> m.contains("\tat ") || m.contains("Exception"));
        }
    }

    @Test
    void aPlainInputThatIsUnknownOrSecretIsRefusedByNameBeforeAnyResource() throws Exception {
        var inputs = new LinkedHashMap<>(ComponentSamples.required("apigee-gke:index:GkeCluster"));
        inputs.put("location", PropertyValue.COMPUTED);
        inputs.put("machineType", PropertyValue.ofSecret(str("e2-standard-4")));
        try (var engine = run(true, monitor -> assertThatThrownBy(() -> monitor.registerResource(
                remote("apigee-gke:index:GkeCluster", "c1", inputs).build()))
                .isInstanceOf(StatusRuntimeException.class)
                .hasMessageContaining("2 problems")
                .hasMessageContaining("location: is not known yet")
                .hasMessageContaining("machineType: is a secret")
                .hasMessageNotContaining("e2-standard-4")
                .hasMessageNotContaining("\tat "))) {
            assertThat(engine.resources()).extracting(Plan.Resource::type).containsExactly(TypeTokens.ROOT_STACK);
        }
    }

    @Test
    void manyConstructsInARowAndAtOnceAllSucceed() throws Exception {
        var tokens = tokens();
        try (var engine = run(true, monitor -> {
            for (int i = 0; i < 60; i++) {
                String token = tokens.get(i % tokens.size());
                var response = monitor.registerResource(remote(token, "seq" + i, ComponentSamples.required(token)).build());
                assertThat(response.getUrn()).isEqualTo(componentUrn(token, "seq" + i));
            }
            var pool = Executors.newFixedThreadPool(8);
            try {
                for (int round = 0; round < 3; round++) {
                    var calls = new ArrayList<Callable<RegisterResourceResponse>>();
                    for (int i = 0; i < 8; i++) {
                        String token = tokens.get(i % tokens.size());
                        String name = "par" + round + "x" + i;
                        calls.add(() -> monitor.registerResource(remote(token, name, ComponentSamples.required(token)).build()));
                    }
                    for (Future<RegisterResourceResponse> f : pool.invokeAll(calls)) {
                        assertThat(f.get().getUrn()).startsWith("urn:pulumi:");
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        })) {
            assertThat(engine.remoteRegistrations()).hasSize(84);
            // The stack's children: a component may hold others the provider serves (ApigeeProxy an ApigeeProduct).
            var components = engine.resources().stream().filter(r -> tokens.contains(r.type()) && STACK_URN.equals(r.parent())).toList();
            assertThat(components).hasSize(84);
            // Each Construct's children went to its own component, none to another's.
            for (var c : components) {
                assertThat(engine.resources()).filteredOn(r -> c.urn().equals(r.parent())).isNotEmpty()
                        .allSatisfy(r -> assertThat(r.name()).startsWith(c.name()));
            }
        }
    }
}
