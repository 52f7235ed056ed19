package dev.apigeegke.provider.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import dev.apigeegke.examples.pattern1.Pattern1;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import dev.apigeegke.provider.conformance.PublishedOperations;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How many management API calls, and which, each {@code pulumi} command makes on pattern 1's Apigee side: the
 * resources the sample stack ({@code Pulumi.pattern1.yaml}) declares, with the inputs it gives them, driven through the
 * provider's gRPC interface as the engine drives it, against the emulator. Each call is named by the published
 * operation the conformance judge finds for it. The counts are pinned, so a change in them shows here; the table is
 * written to {@code tests/target/provider-calls.md}, and {@code docs/provider.md} must hold it as written.
 */
@ExtendWith(ConformanceExtension.class)
class ProviderCallsTest {
    private static final String PATTERN = "pattern1";
    /** What the X stack adds to the sample stack: the flavor, and the environment group's host X requires. */
    private static final Map<String, String> X = Map.of("apigee:flavor", "x", "apigee-gke:apigeeHostname", "api.example.com");
    /** A new spike-arrest rate changes the proxy bundle and nothing else. */
    private static final Map<String, String> NEW_BUNDLE = Map.of("apigee-gke:spikeArrest", "60ps");
    private static final List<String> COMMANDS = List.of("`pulumi up` from empty", "no-op `pulumi up`",
            "`pulumi refresh`", "bundle change, `pulumi up`", "`pulumi destroy`");
    private static final Map<ApigeePlatform, List<Measured>> MEASURED = new TreeMap<>();

    /**
     * What one command made.
     *
     * @param provider the engine's calls of the provider ({@code Check}, {@code Diff}, ...), sorted
     * @param api      the management API calls as {@code METHOD operation}, in the order they were made
     */
    record Measured(List<String> provider, List<String> api) {
    }

    /** The calls of each command of {@link #COMMANDS} on {@code platform}, in that order, measured once per run. */
    private static synchronized List<Measured> measured(ApigeePlatform platform) {
        return MEASURED.computeIfAbsent(platform, p -> measure(p, p == ApigeePlatform.X ? X : Map.of()));
    }

    private static List<Measured> measure(ApigeePlatform platform, Map<String, String> overrides) {
        var measured = new ArrayList<Measured>();
        try (var h = ProviderHarness.configured(platform)) {
            var engine = new EngineRun(h);
            Consumer<Runnable> count = command -> {
                h.apigee.clearRequests();
                engine.takeCalls();
                command.run();
                measured.add(new Measured(engine.takeCalls().stream().sorted().toList(), h.apigee.requests().stream()
                        .map(r -> r.method() + " " + PublishedOperations.idOf(platform, r)).toList()));
            };
            var declared = apigeeSide(plan(overrides));
            var changed = apigeeSide(plan(with(overrides, NEW_BUNDLE)));
            count.accept(() -> engine.up(declared));
            count.accept(() -> engine.up(declared));
            count.accept(engine::refresh);
            count.accept(() -> engine.up(changed));
            count.accept(engine::destroy);
        }
        return measured;
    }

    /** {@code n} times {@code call}. */
    private static List<String> times(int n, String call) {
        return java.util.Collections.nCopies(n, call);
    }

    private static List<String> sorted(List<?>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).map(String::valueOf).sorted().toList();
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        var out = new TreeMap<>(a);
        out.putAll(b);
        return out;
    }

    /** Pattern 1's plan for the sample stack with {@code overrides}, GCP answering as a real project would. */
    private static Plan plan(Map<String, String> overrides) {
        StackFile stack;
        try {
            stack = StackFile.read(Repo.root().resolve("Pulumi." + PATTERN + ".yaml"), Harness.PROJECT);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        var result = OfflineEngine.run(Harness.PROJECT, PATTERN, with(stack.config(), overrides), stack.secretKeys(),
                Pattern1::stack, false, new Harness.FakeCloud());
        assertThat(result.errors()).as("pattern 1's program errors").isEmpty();
        return result.plan();
    }

    /** The Apigee resources with their inputs, each after every Apigee resource it waits for, else in plan order. */
    static List<EngineRun.Declared> apigeeSide(Plan plan) {
        var byUrn = new LinkedHashMap<String, Plan.Resource>();
        plan.resources().forEach(r -> byUrn.put(r.urn(), r));
        var apigee = plan.resources().stream().filter(r -> r.custom() && r.type().startsWith("apigee:index:")).toList();
        var waitsFor = new LinkedHashMap<String, Set<String>>();
        for (var r : apigee) {
            var deps = new HashSet<String>();
            for (var dep : r.dependencies()) {
                // A component stands for every resource under it.
                apigee.stream().filter(a -> a.urn().equals(dep) || descends(a, dep, byUrn)).forEach(a -> deps.add(a.urn()));
            }
            deps.remove(r.urn());
            waitsFor.put(r.urn(), deps);
        }
        var ordered = new LinkedHashSet<String>();
        while (ordered.size() < apigee.size()) {
            var ready = apigee.stream().filter(r -> !ordered.contains(r.urn()) && ordered.containsAll(waitsFor.get(r.urn())))
                    .findFirst().orElseThrow(() -> new AssertionError("the Apigee resources wait for each other: " + waitsFor));
            ordered.add(ready.urn());
        }
        var out = new ArrayList<EngineRun.Declared>();
        for (var urn : ordered) {
            var r = byUrn.get(urn);
            assertThat(r.inputs().toString()).as(urn + " inputs known and in clear")
                    .doesNotContain(Plan.SECRET).doesNotContain(Plan.UNKNOWN);
            var inputs = Struct.newBuilder();
            r.inputs().forEach((k, v) -> inputs.putFields(k, ProviderHarness.value(v)));
            out.add(new EngineRun.Declared(urn, r.type(), inputs.build()));
        }
        return out;
    }

    private static boolean descends(Plan.Resource r, String ancestor, Map<String, Plan.Resource> byUrn) {
        for (var parent = r.parent(); parent != null; parent = byUrn.containsKey(parent) ? byUrn.get(parent).parent() : null) {
            if (parent.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** What the engine calls for the five resources in each command: the same on both platforms. */
    private static final List<List<String>> ENGINE = List.of(
            sorted(times(10, "Check"), times(5, "Create (preview)"), times(5, "Create")),
            sorted(times(10, "Check"), times(10, "Diff")),
            times(5, "Read"),
            sorted(times(10, "Check"), times(10, "Diff"), List.of("Update (preview)", "Update")),
            times(5, "Delete"));

    @Test
    void onEdgeTheSampleStacksNoOpUpMakesNoCallAndEveryCommandMakesThePinnedCalls() {
        var measured = measured(ApigeePlatform.EDGE);
        assertThat(measured.get(1).api()).as("a no-op up calls nothing, so writes nothing").isEmpty();
        assertThat(measured).extracting(Measured::provider).isEqualTo(ENGINE);
        assertThat(measured).extracting(m -> sorted(m.api())).containsExactly(
                sorted(List.of("POST createDeveloper", "POST createTargetServer", "GET getAPIProxy", "POST createAPIProxy", "POST deployAPIProxy",
                        "GET getAPIProxyRevisionDeploymentsEnv", "POST createAPIProduct", "POST createDeveloperApp")),
                List.of(),
                sorted(List.of("GET getDeveloper", "GET getTargetServer", "GET getAPIProxy", "GET getAPIProxyDeploymentEnv",
                        "GET getAPIProduct", "GET getDeveloperApp")),
                sorted(List.of("GET getAPIProxy", "POST createAPIProxy", "GET getAPIProxyDeploymentEnv", "POST deployAPIProxy",
                        "GET getAPIProxyRevisionDeploymentsEnv", "DELETE deleteAPIProxyRevisionDeploymentsEnv")),
                sorted(List.of("DELETE deleteDeveloperApp", "DELETE deleteAPIProduct", "DELETE deleteAPIProxyRevisionDeploymentsEnv",
                        "GET getAPIProxyDeploymentEnv", "DELETE deleteAPIProxy", "DELETE deleteTargetServer",
                        "DELETE deleteDeveloper")));
    }

    @Test
    void onXTheSampleStacksNoOpUpMakesNoCallAndEveryCommandMakesThePinnedCalls() {
        var measured = measured(ApigeePlatform.X);
        assertThat(measured.get(1).api()).as("a no-op up calls nothing, so writes nothing").isEmpty();
        assertThat(measured).extracting(Measured::provider).isEqualTo(ENGINE);
        var o = "apigee.organizations.";
        assertThat(measured).extracting(m -> sorted(m.api())).containsExactly(
                sorted(List.of("POST " + o + "developers.create", "POST " + o + "environments.targetservers.create",
                        "GET " + o + "apis.get", "POST " + o + "apis.create", "POST " + o + "environments.apis.revisions.deploy",
                        "GET " + o + "environments.apis.revisions.getDeployments", "POST " + o + "apiproducts.create",
                        "POST " + o + "developers.apps.create")),
                List.of(),
                sorted(List.of("GET " + o + "developers.get", "GET " + o + "environments.targetservers.get",
                        "GET " + o + "apis.get", "GET " + o + "environments.apis.deployments.list", "GET " + o + "apiproducts.get",
                        "GET " + o + "developers.apps.get")),
                sorted(List.of("GET " + o + "apis.get", "POST " + o + "apis.create", "GET " + o + "environments.apis.deployments.list",
                        "POST " + o + "environments.apis.revisions.deploy", "GET " + o + "environments.apis.revisions.getDeployments",
                        "DELETE " + o + "environments.apis.revisions.undeploy")),
                sorted(List.of("DELETE " + o + "developers.apps.delete", "DELETE " + o + "apiproducts.delete",
                        "DELETE " + o + "environments.apis.revisions.undeploy", "GET " + o + "environments.apis.deployments.list",
                        "DELETE " + o + "apis.delete", "DELETE " + o + "environments.targetservers.delete",
                        "DELETE " + o + "developers.delete")));
    }

    @Test
    void theProviderPageShowsTheMeasuredCalls() throws IOException {
        var table = table(measured(ApigeePlatform.EDGE), measured(ApigeePlatform.X));
        var file = Repo.root().resolve("tests/target/provider-calls.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, table);
        assertThat(Files.readString(Repo.root().resolve("docs/provider.md")))
                .as("docs/provider.md holds the table this test wrote to " + file).contains(table);
    }

    /**
     * Both platforms' calls as one Markdown table: a row per pair of operations the two make at the same point of
     * the same command (Edge's, then X's), a column per command, then the totals.
     */
    static String table(List<Measured> edge, List<Measured> x) {
        var rows = new LinkedHashMap<String, int[]>();
        for (int c = 0; c < COMMANDS.size(); c++) {
            var e = edge.get(c).api();
            var g = x.get(c).api();
            assertThat(g).as(COMMANDS.get(c) + ": the same number of calls on both platforms").hasSameSizeAs(e);
            for (int i = 0; i < e.size(); i++) {
                var method = e.get(i).substring(0, e.get(i).indexOf(' '));
                assertThat(g.get(i)).as(COMMANDS.get(c) + ", call " + (i + 1)).startsWith(method + " ");
                var row = "| " + method + " `" + e.get(i).substring(method.length() + 1) + "` · `"
                        + g.get(i).substring(method.length() + 1) + "` |";
                rows.computeIfAbsent(row, r -> new int[COMMANDS.size()])[c]++;
            }
        }
        var out = new StringBuilder("| call (Edge · X operation) | ").append(String.join(" | ", COMMANDS)).append(" |\n|---|")
                .append("---:|".repeat(COMMANDS.size())).append('\n');
        rows.forEach((row, counts) -> {
            out.append(row);
            for (int n : counts) {
                out.append(' ').append(n).append(" |");
            }
            out.append('\n');
        });
        out.append("| **all calls** |");
        edge.forEach(m -> out.append(" **").append(m.api().size()).append("** |"));
        out.append("\n| **writes** (not GET) |");
        edge.forEach(m -> out.append(" **").append(m.api().stream().filter(c -> !c.startsWith("GET ")).count()).append("** |"));
        out.append("\n| engine → provider |");
        edge.forEach(m -> out.append(' ').append(summary(m.provider())).append(" |"));
        return out.append('\n').toString();
    }

    /** {@code 10 Check, 10 Diff}. */
    private static String summary(List<String> calls) {
        var counts = new LinkedHashMap<String, Integer>();
        calls.forEach(c -> counts.merge(c, 1, Integer::sum));
        var parts = new ArrayList<String>();
        counts.forEach((c, n) -> parts.add(n + " " + c));
        return String.join(", ", parts);
    }
}
