package dev.apigeegke.examples.pattern1;

import static dev.apigeegke.testing.Harness.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.test.Mocks;
import dev.apigeegke.apigee.bundle.HealthMonitor;
import dev.apigeegke.examples.common.Samples;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.testing.BundleFiles;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.testing.Node;
import dev.apigeegke.testing.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * Pattern 1 across clusters ({@code apigee-gke:clusters}), run as {@code Pattern1::stack} on the sample stack
 * Pulumi.pattern1-multi.yaml with 1, 2 and 5 clusters: each cluster's resources on its own provider, the proxy's
 * target servers and load balancer, every cluster's Cloud Armor allowlist, draining, the checkers, and bad input.
 */
public class Pattern1ClustersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWN = "apigee-gke:";
    private static final String PROXY = "apigee-p1-api";
    /** Five clusters in the stack's order, which is not alphabetical: the load balancer keeps it. */
    private static final List<String[]> FIVE = List.of(new String[] {"eu", "europe-west1"}, new String[] {"us", "us-central1"},
            new String[] {"asia", "asia-southeast1"}, new String[] {"au", "australia-southeast1"},
            new String[] {"sa", "southamerica-east1"});

    @TempDir
    static Path out;

    /** The first {@code count} of {@link #FIVE}, weighted 1, 2, 3... */
    private static List<Map<String, Object>> clusters(int count) {
        var clusters = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < count; i++) {
            var cluster = new LinkedHashMap<String, Object>();
            cluster.put("name", FIVE.get(i)[0]);
            cluster.put("location", FIVE.get(i)[1]);
            cluster.put("weight", i + 1);
            clusters.add(cluster);
        }
        return clusters;
    }

    private static List<String> names(int count) {
        return FIVE.subList(0, count).stream().map(c -> c[0]).toList();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample stack's configuration with its clusters replaced by {@code clusters}, then {@code changes} (null removes). */
    private static TreeMap<String, String> config(String stackFile, List<Map<String, Object>> clusters, Map<String, String> changes) {
        try {
            var config = new TreeMap<>(StackFile.read(Repo.root().resolve(stackFile), "apigee-gke").config());
            if (clusters != null) {
                config.put(OWN + "clusters", json(clusters));
            }
            changes.forEach((key, value) -> {
                if (value == null) {
                    config.remove(key);
                } else {
                    config.put(key, value);
                }
            });
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TreeMap<String, String> config(List<Map<String, Object>> clusters, Map<String, String> changes) {
        return config("Pulumi.pattern1-multi.yaml", clusters, changes);
    }

    private static OfflineEngine.Result preview(Map<String, String> config) {
        return OfflineEngine.run("apigee-gke", "pattern1-multi", config, java.util.Set.of(), Pattern1::stack);
    }

    private static Plan plan(Map<String, String> config) {
        var result = preview(config);
        assertThat(result.errors()).as("program errors").isEmpty();
        return result.plan();
    }

    /** An update against the fake cloud, whose Ingress address for each GlobalAddress is {@code address(name)}. */
    private static Plan deploy(Map<String, String> config, Function<String, String> address) {
        var cloud = new Harness.FakeCloud();
        Mocks mocks = args -> {
            if (!args.type.equals("gcp:compute/globalAddress:GlobalAddress")) {
                return cloud.newResourceAsync(args);
            }
            var state = new java.util.HashMap<String, Object>(args.inputs);
            state.put("address", address.apply(args.name));
            return CompletableFuture.completedFuture(Mocks.ResourceResult.of(Optional.of(args.name + "-id"), state));
        };
        var result = OfflineEngine.run("apigee-gke", "pattern1-multi", config, java.util.Set.of(), Pattern1::stack, false, mocks);
        assertThat(result.errors()).as("program errors").isEmpty();
        return result.plan();
    }

    /** The files of the proxy's bundle, the ApiProxy's {@code bundle} input, by path in the zip. */
    private static Map<String, String> bundleFiles(Plan plan) {
        return BundleFiles.of((String) plan.get("apigee:index:ApiProxy", PROXY).inputs().get("bundle"));
    }

    /** The bundle's one target endpoint, parsed. */
    private static Document targetEndpoint(Plan plan) throws Exception {
        var files = bundleFiles(plan);
        var targets = files.keySet().stream().filter(f -> f.startsWith("apiproxy/targets/")).toList();
        assertThat(targets).hasSize(1);
        return BundleFiles.xml(files.get(targets.get(0)));
    }

    private static String xpath(Document doc, String expression) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expression, doc);
    }

    private static List<String> xpaths(Document doc, String expression) {
        return BundleFiles.texts(doc, expression);
    }

    private static final String LB = "/TargetEndpoint/HTTPTargetConnection/LoadBalancer";
    private static final String MONITOR = "/TargetEndpoint/HTTPTargetConnection/HealthMonitor";

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void eachClusterHasItsClusterServicesAndArmoredIngressOnItsOwnProvider(int count) {
        var plan = plan(config(clusters(count), count == 1 ? singleCluster() : Map.of()));
        assertThat(plan.ofType("apigee-gke:index:GkeCluster")).extracting(Plan.Resource::name)
                .containsExactlyInAnyOrderElementsOf(names(count).stream().map(n -> "apigee-p1-" + n).toList());
        assertThat(plan.ofType("apigee-gke:index:ArmoredIngress")).extracting(Plan.Resource::name)
                .containsExactlyInAnyOrderElementsOf(names(count).stream().map(n -> "apigee-p1-" + n + "-ingress").toList());
        assertThat(plan.ofType("apigee-gke:index:Microservice")).extracting(Plan.Resource::name)
                .containsExactlyInAnyOrderElementsOf(names(count).stream()
                        .flatMap(n -> java.util.stream.Stream.of(n + "-orders", n + "-catalog")).toList());
        for (String name : names(count)) {
            String prefix = "apigee-p1-" + name;
            var component = plan.get("apigee-gke:index:GkeCluster", prefix);
            assertThat(plan.get("gcp:container/cluster:Cluster", prefix).parent()).isEqualTo(component.urn());
            assertThat(plan.get("gcp:container/nodePool:NodePool", prefix + "-nodes").parent()).isEqualTo(component.urn());
            assertThat(plan.get("gcp:serviceaccount/account:Account", prefix + "-nodes").parent()).isEqualTo(component.urn());
            var provider = plan.get("pulumi:providers:kubernetes", prefix + "-k8s");
            assertThat(provider.parent()).isEqualTo(component.urn());
            assertThat(at(plan.get("gcp:container/cluster:Cluster", prefix).inputs(), "location"))
                    .isEqualTo(FIVE.get(names(count).indexOf(name))[1]);
            var ingress = plan.get("apigee-gke:index:ArmoredIngress", prefix + "-ingress");
            for (String child : List.of("gcp:compute/globalAddress:GlobalAddress/" + prefix + "-ingress-ip",
                    "gcp:compute/securityPolicy:SecurityPolicy/" + prefix + "-ingress-armor",
                    "kubernetes:networking.k8s.io/v1:Ingress/" + prefix + "-ingress")) {
                String[] typeName = child.split("/(?=[^/]+$)");
                assertThat(plan.get(typeName[0], typeName[1]).parent()).as(child).isEqualTo(ingress.urn());
            }
            for (String service : List.of("orders", "catalog")) {
                var microservice = plan.get("apigee-gke:index:Microservice", name + "-" + service);
                var deployment = plan.ofType("kubernetes:apps/v1:Deployment").stream()
                        .filter(d -> d.parent().equals(microservice.urn())).toList();
                assertThat(deployment).hasSize(1);
                assertThat(at(deployment.get(0).inputs(), "metadata", "name")).as("its name in Kubernetes").isEqualTo(service);
                assertThat(deployment.get(0).provider()).startsWith(provider.urn() + "::");
            }
            // The Ingress's Services, BackendConfigs and NetworkPolicies, and the Ingress itself, on this cluster.
            var onIngress = plan.resources().stream().filter(Plan.Resource::isKubernetesObject)
                    .filter(r -> r.parent().equals(ingress.urn())).toList();
            assertThat(onIngress).hasSize(7).allSatisfy(r -> assertThat(r.provider()).startsWith(provider.urn() + "::"));
        }
        assertThat(plan.resources()).filteredOn(Plan.Resource::isKubernetesObject).hasSize(9 * count);
    }

    /** A one-cluster list: the load-balancing keys of the sample, which need several clusters, removed. */
    private static Map<String, String> singleCluster() {
        var changes = new LinkedHashMap<String, String>();
        for (String key : List.of("loadBalancer", "maxFailures", "healthPath", "healthIntervalSec")) {
            changes.put(OWN + key, null);
        }
        return changes;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5})
    void aTargetServerPerClusterAndEnvironmentAndTheLoadBalancerInTheStacksOrder(int count) throws Exception {
        var plan = plan(config(clusters(count), Map.of(OWN + "apigeeEnvironments", "[\"test\",\"prod\"]")));
        var expected = new ArrayList<String>();
        for (String name : names(count)) {
            for (String env : List.of("test", "prod")) {
                var server = plan.get("apigee:index:TargetServer", PROXY + "-target-" + name + "-" + env).inputs();
                assertThat(server).containsEntry("name", PROXY + "-" + name).containsEntry("environment", env)
                        .containsEntry("enabled", true);
                expected.add(PROXY + "-target-" + name + "-" + env);
            }
        }
        assertThat(plan.ofType("apigee:index:TargetServer")).extracting(Plan.Resource::name).containsExactlyInAnyOrderElementsOf(expected);
        var target = targetEndpoint(plan);
        assertThat(xpaths(target, LB + "/Server/@name")).containsExactlyElementsOf(names(count).stream().map(n -> PROXY + "-" + n).toList());
        assertThat(xpath(target, LB + "/Algorithm")).isEqualTo("Weighted");
        assertThat(xpaths(target, LB + "/Server/Weight")).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, count).mapToObj(Integer::toString).toList());
        assertThat(xpaths(target, LB + "/Server/IsFallback")).isEmpty();
        assertFailuresAndMonitor(target, 3, 5, "/orders");
    }

    /** The failures that take a cluster out of rotation, and the monitor probing {@code path} that puts it back. */
    private static void assertFailuresAndMonitor(Document target, int maxFailures, int intervalSec, String path) throws Exception {
        assertThat(xpath(target, LB + "/MaxFailures")).isEqualTo(Integer.toString(maxFailures));
        assertThat(xpath(target, MONITOR + "/IsEnabled")).isEqualTo("true");
        assertThat(xpath(target, MONITOR + "/IntervalInSec")).isEqualTo(Integer.toString(intervalSec));
        assertThat(xpath(target, MONITOR + "/HTTPMonitor/Request/Path")).isEqualTo(path);
    }

    @Test
    void theFallbackClusterIsTheOnlyFallbackServerAndRoundRobinHasNoWeights() throws Exception {
        var clusters = clusters(3);
        clusters.forEach(c -> c.remove("weight"));
        var config = config(clusters, Map.of(OWN + "loadBalancer", "RoundRobin", OWN + "fallbackCluster", "us",
                OWN + "healthPath", "/catalog/health", OWN + "healthIntervalSec", "30", OWN + "maxFailures", "2"));
        var target = targetEndpoint(plan(config));
        assertThat(xpath(target, LB + "/Algorithm")).isEqualTo("RoundRobin");
        assertThat(xpaths(target, LB + "/Server[IsFallback='true']/@name")).containsExactly(PROXY + "-us");
        assertThat(xpaths(target, LB + "/Server/IsFallback")).containsExactly("true");
        assertThat(xpaths(target, LB + "/Server/Weight")).isEmpty();
        assertFailuresAndMonitor(target, 2, 30, "/catalog/health");
    }

    @Test
    void withoutLoadBalancingKeysTheProxyRoundRobinsWithTheDocumentedDefaults() throws Exception {
        var clusters = clusters(2);
        clusters.forEach(c -> c.remove("weight"));
        var target = targetEndpoint(plan(config(clusters, singleCluster())));
        assertThat(xpath(target, LB + "/Algorithm")).isEqualTo("RoundRobin");
        // The health path defaults to the first service's: one the Ingress routes (its default backend answers 404).
        assertFailuresAndMonitor(target, Pattern1Clusters.DEFAULT_MAX_FAILURES, HealthMonitor.DEFAULT_INTERVAL_SEC, "/orders");
    }

    @Test
    void everyClustersCloudArmorPolicyAdmitsExactlyTheAllowlistAndDeniesTheRest() {
        var allowlist = List.of("203.0.113.0/24", "198.51.100.16/28", "2001:db8:1200::/48");
        var plan = plan(config(clusters(5), Map.of(OWN + "allowlist", json(allowlist))));
        for (String name : names(5)) {
            var rules = (List<?>) plan.get("gcp:compute/securityPolicy:SecurityPolicy", "apigee-p1-" + name + "-ingress-armor")
                    .inputs().get("rules");
            List<Object> allowed = rules.stream().filter(r -> "allow".equals(at(r, "action")))
                    .flatMap(r -> ((List<?>) at(r, "match", "config", "srcIpRanges")).stream()).map(Object.class::cast).toList();
            assertThat(allowed).as(name).containsExactlyInAnyOrderElementsOf(List.<Object>copyOf(allowlist));
            var last = rules.get(rules.size() - 1);
            assertThat(at(last, "action")).isEqualTo("deny(403)");
            assertThat(at(last, "match", "config", "srcIpRanges")).isEqualTo(List.of("*"));
            assertThat(at(last, "priority")).isEqualTo(2147483647L);
        }
    }

    @Test
    void theBundleHashStaysTheSameWhenOnlyAnIngressAddressChanges() throws Exception {
        var config = config(clusters(3), Map.of());
        var before = deploy(config, name -> "34.120.7.7");
        var after = deploy(config, name -> name.startsWith("apigee-p1-us-") ? "34.120.9.9" : "34.120.7.7");
        assertThat(before.get("apigee:index:TargetServer", PROXY + "-target-us-test").inputs()).containsEntry("host", "34.120.7.7");
        assertThat(after.get("apigee:index:TargetServer", PROXY + "-target-us-test").inputs()).containsEntry("host", "34.120.9.9");
        assertThat(after.outputs().get("bundleHash")).isEqualTo(before.outputs().get("bundleHash")).isNotNull();
        assertThat(after.get("apigee:index:ApiProxy", PROXY).inputs().get("bundle"))
                .isEqualTo(before.get("apigee:index:ApiProxy", PROXY).inputs().get("bundle"));
    }

    @Test
    void aOneClusterListRendersASingleServerWithoutMaxFailuresOrHealthMonitor() throws Exception {
        var plan = plan(config(clusters(1), singleCluster()));
        var target = targetEndpoint(plan);
        assertThat(xpaths(target, LB + "/*")).hasSize(1);
        assertThat(xpaths(target, LB + "/Server/@name")).containsExactly(PROXY + "-eu");
        assertThat(xpaths(target, LB + "/MaxFailures")).isEmpty();
        assertThat(xpaths(target, MONITOR)).isEmpty();
        assertThat(plan.ofType("apigee:index:TargetServer")).extracting(Plan.Resource::name).containsExactly(PROXY + "-target-eu-test");
    }

    @Test
    void weightZeroDrainsAClusterAndKeepsAllItsResources() throws Exception {
        var serving = plan(config(clusters(3), Map.of()));
        var clusters = clusters(3);
        clusters.get(1).put("weight", 0);
        var drained = plan(config(clusters, Map.of()));
        assertThat(drained.get("apigee:index:TargetServer", PROXY + "-target-us-test").inputs()).containsEntry("enabled", false);
        assertThat(drained.get("apigee:index:TargetServer", PROXY + "-target-eu-test").inputs()).containsEntry("enabled", true);
        assertThat(drained.get("apigee:index:TargetServer", PROXY + "-target-asia-test").inputs()).containsEntry("enabled", true);
        assertThat(drained.resources()).extracting(r -> r.type() + " " + r.name())
                .containsExactlyInAnyOrderElementsOf(serving.resources().stream().map(r -> r.type() + " " + r.name()).toList());
        // Still in the load balancer's list, disabled as a target server rather than removed from the bundle.
        assertThat(xpaths(targetEndpoint(drained), LB + "/Server/@name")).contains(PROXY + "-us");
    }

    @Test
    void everyBundlePassesApigeelintAndEveryClustersManifestsTheKubernetesSchemas() throws Exception {
        var plans = new LinkedHashMap<String, Plan>();
        plans.put("one", plan(config(clusters(1), singleCluster())));
        plans.put("two", plan(config(clusters(2), Map.of())));
        plans.put("five", plan(config(clusters(5), Map.of())));
        var withFallback = clusters(3);
        withFallback.forEach(c -> c.remove("weight"));
        plans.put("fallback", plan(config(withFallback, Map.of(OWN + "loadBalancer", "RoundRobin", OWN + "fallbackCluster", "asia"))));
        var bundles = new LinkedHashMap<String, List<String>>();
        var manifests = new LinkedHashMap<String, List<String>>();
        var counts = new LinkedHashMap<String, Integer>();
        for (var entry : plans.entrySet()) {
            Path bundle = out.resolve("bundles").resolve(entry.getKey());
            for (var file : bundleFiles(entry.getValue()).entrySet()) {
                Path target = bundle.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            bundles.put(entry.getKey(), List.of(bundle.resolve("apiproxy").toString()));
            Path dir = Files.createDirectories(out.resolve("manifests").resolve(entry.getKey()));
            counts.put(entry.getKey(), Harness.writeManifests(entry.getValue(), dir));
            manifests.put(entry.getKey(), List.of(dir.toString()));
        }
        var lint = Node.check("lint-bundles.mjs", bundles);
        var schemas = Node.check("validate-manifests.mjs", manifests);
        for (String name : plans.keySet()) {
            var report = lint.report(name);
            assertThat(report.path("files").size()).as(name + " files linted").isGreaterThanOrEqualTo(9);
            var findings = new ArrayList<String>();
            report.path("files").forEach(f -> f.path("messages").forEach(m -> findings.add(f.path("filePath").asText()
                    .replaceAll(".*/apiproxy/", "") + ": " + m.path("severity").asInt() + " " + m.path("ruleId").asText() + " "
                    + m.path("message").asText())));
            assertThat(findings).as(name + " apigeelint errors and warnings").isEmpty();
            var checked = schemas.report(name);
            assertThat(checked.get("errors")).as(checked.toPrettyString()).isEmpty();
            assertThat(checked.get("checked").asInt()).as(name).isEqualTo(counts.get(name)).isEqualTo(9 * Map.of("one", 1, "two", 2,
                    "five", 5, "fallback", 3).get(name));
        }
    }

    private static Map<String, Object> cluster(String name, String location, Object... more) {
        var cluster = new LinkedHashMap<String, Object>();
        cluster.put("name", name);
        cluster.put("location", location);
        for (int i = 0; i < more.length; i += 2) {
            cluster.put((String) more[i], more[i + 1]);
        }
        return cluster;
    }

    /** The one report's problem lines; fails unless the run stopped before registering any resource. */
    private static List<String> problems(OfflineEngine.Result result) {
        assertThat(result.ok()).as("the program should have failed").isFalse();
        assertThat(result.errors()).as("one report").hasSize(1);
        assertThat(result.plan().resources()).extracting(Plan.Resource::type).containsOnly("pulumi:pulumi:Stack");
        var lines = result.errors().get(0).lines().toList();
        assertThat(lines.get(0)).startsWith("stack configuration: ");
        return lines.subList(1, lines.size()).stream().map(String::strip).toList();
    }

    /** {@code problems} has one naming {@code key}, showing {@code value}, with a fix saying {@code fix}. */
    private static void assertProblem(List<String> problems, String key, String value, String fix) {
        assertThat(problems).as(key).anySatisfy(line -> assertThat(line).startsWith("- " + key + " = ").contains(value)
                .satisfies(l -> assertThat(l.substring(l.indexOf(": ", key.length()) + 2)).contains(fix)));
    }

    @Test
    void eachMistakeInTheClustersIsReportedUnderItsStackKeyBeforeAnyResource() {
        assertProblem(problems(preview(config(List.of(cluster("eu", "europe-west1"), cluster("eu", "us-central1")), Map.of()))),
                "apigee-gke:clusters[1].name", "\"eu\"", "name each cluster once");
        assertProblem(problems(preview(config(List.of(cluster("a", "europe-west1", "prefix", "shop"),
                        cluster("b", "europe-west1", "prefix", "shop")), Map.of()))),
                "apigee-gke:clusters[1].prefix", "\"shop\"", "GKE names clusters uniquely per location");
        assertProblem(problems(preview(config(List.of(cluster("a", "europe-west1", "prefix", "shop"),
                        cluster("b", "us-central1", "prefix", "shop")), Map.of()))),
                "apigee-gke:clusters[1].prefix", "\"shop\"", "unique in the whole project");
        assertProblem(problems(preview(config(List.of(cluster("eu", "europe-west1"), cluster("us", "us-central1", "weight", -1)),
                        Map.of()))), "apigee-gke:clusters[1].weight", "-1", "or more");
        assertProblem(problems(preview(config(List.of(cluster("eu", "europe-west1", "weight", 0),
                        cluster("us", "us-central1", "weight", 0)), Map.of()))), "apigee-gke:clusters", "weight 0",
                "give at least one cluster");
        assertProblem(problems(preview(config(List.of(cluster("eu", "europe-west1"), cluster("us", "us-central1", "weight", 2)),
                        Map.of(OWN + "loadBalancer", "RoundRobin")))), "apigee-gke:clusters[1].weight", "2",
                "loadBalancer Weighted");
        assertProblem(problems(preview(config(clusters(2), Map.of(OWN + "fallbackCluster", "mars")))),
                "apigee-gke:fallbackCluster", "\"mars\"", "[eu, us]");
        assertProblem(problems(preview(config(List.of(cluster("eu", "europe-west1", "zone", "b"), cluster("us", "us-central1")),
                        Map.of()))), "apigee-gke:clusters[0].zone", "\"b\"", "not a cluster setting");
        assertProblem(problems(preview(config(clusters(2), Map.of(OWN + "domains", "[\"api.example.com\"]")))),
                "apigee-gke:domains", "api.example.com", "apigee-gke:clusters[i].domains");
        assertProblem(problems(preview(config(clusters(2), Map.of(OWN + "healthPath", "/nowhere")))),
                "apigee-gke:healthPath", "\"/nowhere\"", "a path the Ingresses route");
    }

    @ParameterizedTest
    @ValueSource(strings = {"loadBalancer=Weighted", "fallbackCluster=eu", "healthPath=/orders", "healthIntervalSec=10"})
    void loadBalancingKeysWithoutClustersAreReported(String setting) {
        String[] keyValue = setting.split("=");
        var result = preview(config("Pulumi.pattern1.yaml", null, Map.of(OWN + keyValue[0], keyValue[1])));
        assertProblem(problems(result), OWN + keyValue[0], keyValue[1], "list them in apigee-gke:clusters");
    }

    @Test
    void severalMistakesInTheClustersAreReportedAtOnce() {
        var clusters = List.of(cluster("eu", "europe-west1", "zone", "b"),
                cluster("us", "mars-central1", "weight", -1, "machineType", "e2-tiny"), cluster("eu", "asia-southeast1"));
        var problems = problems(preview(config(clusters, Map.of(OWN + "fallbackCluster", "mars", OWN + "healthPath", "/nowhere",
                OWN + "domains", "[\"api.example.com\"]"))));
        assertProblem(problems, "apigee-gke:clusters[0].zone", "\"b\"", "not a cluster setting");
        assertProblem(problems, "apigee-gke:clusters[1].weight", "-1", "or more");
        assertProblem(problems, "apigee-gke:clusters[2].name", "\"eu\"", "name each cluster once");
        assertProblem(problems, "apigee-gke:fallbackCluster", "\"mars\"", "the name of one of");
        assertProblem(problems, "apigee-gke:healthPath", "\"/nowhere\"", "a path the Ingresses route");
        assertProblem(problems, "apigee-gke:domains", "api.example.com", "apigee-gke:clusters[i].domains");
        // The cluster's own arguments' problem too, though the reader found another cluster setting wrong.
        assertProblem(problems, "apigee-gke:clusters[1].machineType", "\"e2-tiny\"", "predefined type");
        assertThat(problems).as("these seven and nothing else").hasSize(7);
    }

    @Test
    void anUnknownAlgorithmIsOneProblemNotAlsoEveryWeight() {
        var problems = problems(preview(config(List.of(cluster("eu", "europe-west1", "weight", 2),
                cluster("us", "us-central1", "weight", 1)), Map.of(OWN + "loadBalancer", "Fastest"))));
        assertProblem(problems, "apigee-gke:loadBalancer", "\"Fastest\"", "RoundRobin");
        assertThat(problems).hasSize(1);
    }

    @Test
    void theClustersServeTheSamePathsAndTakeAWellFormedLocation() {
        var services = List.of(Map.of("name", "orders", "image", Samples.HELLO_APP_1, "path", "/orders"),
                Map.of("name", "billing", "image", Samples.HELLO_APP_2, "path", "/billing"));
        var problems = problems(preview(config(List.of(cluster("eu", "europe-west1"),
                cluster("us", "us-central1", "services", services), cluster("asia", "asia_southeast1")), Map.of())));
        assertProblem(problems, "apigee-gke:clusters[1].services", "/billing", "each serves the same paths");
        assertProblem(problems, "apigee-gke:clusters[2].location", "\"asia_southeast1\"", "");
        assertThat(problems).hasSize(2);
    }
}
