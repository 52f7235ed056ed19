package dev.apigeegke.componentprovider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.cli.Patterns;
import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.componentprovider.testing.MiniEngine;
import dev.apigeegke.componentprovider.testing.TypeScriptProgram;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.preview.TypeTokens;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.testing.Repo;
import dev.apigeegke.workload.Microservice;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import pulumirpc.EngineOuterClass;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pattern 1 written in TypeScript (tests/node/consumers/typescript) against the component provider: run by the pinned
 * Node SDK against the {@link MiniEngine}, it declares what the Java pattern 1 program declares from the same stack,
 * resource for resource and input for input, secrets where the Java program has them.
 */
class TypeScriptPattern1Test {
    private static final String PROJECT = "apigee-gke";
    private static final String STACK = "pattern1";
    /** The kubernetes provider the TypeScript program declares itself, named as the cluster's own. */
    private static final String TS_PROVIDER = "urn:pulumi:pattern1::apigee-gke::pulumi:providers:kubernetes::apigee-p1-k8s";
    /** The cluster's own kubernetes provider, which the Java program's kubernetes objects use. */
    private static final String CLUSTER_PROVIDER =
            "urn:pulumi:pattern1::apigee-gke::" + GkeCluster.TYPE + "$pulumi:providers:kubernetes::apigee-p1-k8s";

    private static final String CLUSTER = "urn:pulumi:pattern1::apigee-gke::" + GkeCluster.TYPE + "::apigee-p1";
    private static final String NODE_POOL =
            "urn:pulumi:pattern1::apigee-gke::" + GkeCluster.TYPE + "$gcp:container/nodePool:NodePool::apigee-p1-nodes";
    private static final String MICROSERVICE = Microservice.TYPE + "$";

    @TempDir
    static Path compiled;
    private static TypeScriptProgram program;
    private static StackFile stack;

    @BeforeAll
    static void compile() throws Exception {
        program = TypeScriptProgram.compile("typescript", compiled);
        stack = sample();
    }

    /** The pattern 1 sample stack. */
    static StackFile sample() throws java.io.IOException {
        return StackFile.read(Repo.root().resolve("Pulumi.pattern1.yaml"), PROJECT);
    }

    private static Plan javaPlan(StackFile stack, boolean preview) {
        var result = preview
                ? OfflineEngine.run(PROJECT, STACK, stack.config(), stack.secretKeys(), Patterns.program(STACK))
                : OfflineEngine.run(PROJECT, STACK, stack.config(), stack.secretKeys(), Patterns.program(STACK), false,
                        new Harness.FakeCloud());
        assertThat(result.errors()).isEmpty();
        return result.plan();
    }

    @ParameterizedTest(name = "preview {0}")
    @ValueSource(booleans = {true, false})
    void theTypeScriptProgramDeclaresWhatTheJavaProgramDeclares(boolean preview) throws Exception {
        assertSameAsJava(program, stack, preview, MiniEngine.inProcess());
    }

    /**
     * Runs {@code program} (pattern 1 in TypeScript) on {@code stack} against a MiniEngine whose component provider
     * {@code launcher} starts, and checks that it declares what the Java program declares.
     */
    static void assertSameAsJava(TypeScriptProgram program, StackFile stack, boolean preview, MiniEngine.Launcher launcher)
            throws Exception {
        var java = javaPlan(stack, preview);
        try (var engine = MiniEngine.start(PROJECT, STACK, preview, stack.config(), stack.secretKeys(), launcher,
                MiniEngine.Cloud.of(new Harness.FakeCloud()))) {
            var run = program.run(engine, PROJECT, STACK, preview, stack.config(), stack.secretKeys());
            assertThat(run.exitCode()).as(run + "\n--- engine log\n" + engine.problems()).isZero();

            Map<String, Plan.Resource> expected = byUrn(java);
            Map<String, Plan.Resource> actual = engine.resources().stream()
                    .collect(Collectors.toMap(Plan.Resource::urn, Function.identity(), (a, b) -> a, TreeMap::new));
            var extra = new TreeSet<>(actual.keySet());
            extra.removeAll(expected.keySet());
            var missing = new TreeSet<>(expected.keySet());
            missing.removeAll(actual.keySet());
            assertThat(missing).as("declared by the Java program only").isEmpty();
            assertThat(extra).as("declared by the TypeScript program only").containsExactly(TS_PROVIDER);

            expected.forEach((urn, resource) -> {
                var ts = actual.get(urn);
                assertThat(ts.parent()).as(urn).isEqualTo(resource.parent());
                assertThat(ts.custom()).as(urn).isEqualTo(resource.custom());
                if (resource.custom()) {
                    assertThat(ts.inputs()).as(urn).isEqualTo(resource.inputs());
                }
            });
            // The program's own provider gets the cluster's kubeconfig, secret, as the cluster's own provider does.
            assertThat(actual.get(TS_PROVIDER).inputs()).isEqualTo(expected.get(CLUSTER_PROVIDER).inputs());

            // The kubernetes objects use the program's provider where the Java program's use the cluster's.
            expected.values().stream().filter(Plan.Resource::isKubernetesObject).forEach(resource -> {
                assertThat(resource.providerUrn()).as(resource.urn()).isEqualTo(CLUSTER_PROVIDER);
                assertThat(actual.get(resource.urn()).providerUrn()).as(resource.urn()).isEqualTo(TS_PROVIDER);
            });
            // The Java program's services wait for the node pool (GkeCluster.onNodes()); the TypeScript program's, given
            // dependsOn the cluster component, for the cluster and everything under it.
            expected.values().stream().filter(r -> r.isKubernetesObject() && r.urn().contains(MICROSERVICE)).forEach(resource -> {
                assertThat(resource.dependsOn()).as(resource.urn()).contains(NODE_POOL);
                assertThat(actual.get(resource.urn()).dependsOn()).as(resource.urn()).contains(CLUSTER);
            });

            var components = expected.values().stream().filter(r -> !r.custom() && !r.type().equals(TypeTokens.ROOT_STACK))
                    .map(Plan.Resource::urn).toList();
            assertThat(components).hasSize(6);
            for (String urn : components) {
                assertThat(engine.outputsOf(urn)).as(urn).get().isEqualTo(java.componentOutputs().get(urn));
            }
            var outputs = engine.outputsOf(engine.rootUrn()).orElseThrow();
            assertThat(outputs).isEqualTo(java.outputs());
            // What the stack exports in clear in an update (a preview does not know them yet) but these two.
            assertThat(outputs).containsEntry("kubeconfig", preview ? Plan.UNKNOWN : Plan.SECRET)
                    .containsEntry("consumerKey", preview ? Plan.UNKNOWN : Plan.SECRET);
        }
    }

    @Test
    void aComponentsRefusedInputReachesTheProgramAsOneMessageNamingItWithoutAStackTrace() throws Exception {
        var config = new TreeMap<>(stack.config());
        config.put("apigee-gke:location", "nowhere");
        try (var engine = MiniEngine.start(PROJECT, STACK, true, config, stack.secretKeys(), MiniEngine.inProcess())) {
            var run = program.run(engine, PROJECT, STACK, true, config, stack.secretKeys());

            assertThat(run.exitCode()).as(run.toString()).isNotZero();
            var errors = engine.log().stream().filter(e -> e.severity() == EngineOuterClass.LogSeverity.ERROR).toList();
            // The engine's report under the component: the provider's message, which names the input and its value.
            assertThat(errors).filteredOn(e -> e.urn().equals(CLUSTER)).singleElement().satisfies(e -> {
                assertThat(e.message()).startsWith("GkeCluster apigee-p1: ").contains("location", "\"nowhere\"");
                assertThat(e.message()).doesNotContain("\tat ", "Exception");
            });
            String message = errors.stream().filter(e -> e.urn().equals(CLUSTER)).findFirst().orElseThrow().message();
            // The program fails on it; nothing the provider logged carries a Java stack trace.
            assertThat(errors).filteredOn(e -> e.urn().isEmpty()).anySatisfy(e -> assertThat(e.message()).contains(message));
            assertThat(engine.log()).noneSatisfy(e -> assertThat(e.message()).containsPattern("\\sat (dev|com|java)\\."));
            assertThat(engine.resources()).extracting(Plan.Resource::type).doesNotContain(GkeCluster.TYPE);
        }
    }

    private static Map<String, Plan.Resource> byUrn(Plan plan) {
        return plan.resources().stream().collect(Collectors.toMap(Plan.Resource::urn, Function.identity(), (a, b) -> a,
                TreeMap::new));
    }
}
