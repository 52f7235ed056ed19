package dev.apigeegke.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.resources.ComponentResourceOptions;
import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.cluster.GkeClusterArgs;
import dev.apigeegke.ingress.ArmoredIngress;
import dev.apigeegke.ingress.ArmoredIngressArgs;
import dev.apigeegke.ingress.IngressBackend;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.TypeTokens;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.workload.Microservice;
import dev.apigeegke.workload.MicroserviceArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks on the plan of every pattern's sample stack and its variants: which provider each resource goes through,
 * where each resource sits in the tree, and what a replacement of a resource with a fixed name does.
 */
class PlanChecksTest {
    private static final String CLUSTER = "gcp:container/cluster:Cluster";
    private static final String K8S_PROVIDER = TypeTokens.PROVIDER_PREFIX + TypeTokens.KUBERNETES;
    private static final String STACK = "pulumi:pulumi:Stack";

    static Stream<PatternPlans.Variant> variants() {
        return PatternPlans.variants().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyKubernetesObjectGoesThroughItsClustersProvider(PatternPlans.Variant variant) {
        var plan = PatternPlans.run(variant).plan();
        var cluster = plan.ofType(CLUSTER);
        assertThat(cluster).hasSize(1);
        var objects = plan.resources().stream().filter(Plan.Resource::isKubernetesObject).toList();
        assertThat(objects).hasSizeGreaterThan(3);
        assertThat(bindings(plan)).as("the cluster each Kubernetes object is deployed to")
                .containsOnlyKeys(objects.stream().map(Plan.Resource::urn).toList())
                .allSatisfy((object, clusterUrn) -> assertThat(clusterUrn).as(object).isEqualTo(cluster.get(0).urn()));
        assertThat(plan.providers()).noneMatch(p -> p.pkg().equals(TypeTokens.KUBERNETES) && p.isDefault());
    }

    @Test
    void withTwoClustersEachProviderServesItsOwnClustersObjects() {
        var plan = Harness.preview(ctx -> {
            for (String name : List.of("east", "west")) {
                var cluster = new GkeCluster(name, GkeClusterArgs.builder().project("my-project")
                        .location(name.equals("east") ? "europe-west1" : "us-west1").build());
                var onCluster = ComponentResourceOptions.builder().providers(cluster.provider()).build();
                new Microservice(name + "-orders", MicroserviceArgs.builder().image(IMAGE).port(8080).build(), onCluster);
                new ArmoredIngress(name + "-ingress", ArmoredIngressArgs.builder().project("my-project")
                        .allowlist(List.of("203.0.113.0/24"))
                        .backend(IngressBackend.builder().name("orders").selector(Microservice.selectorFor(name + "-orders"))
                                .targetPort(8080).paths("/orders").build())
                        .build(), onCluster);
            }
        });
        var bindings = bindings(plan);
        var clusterOf = plan.ofType(CLUSTER).stream().collect(Collectors.toMap(Plan.Resource::urn, Plan.Resource::name));
        assertThat(clusterOf).hasSize(2);
        var objects = plan.resources().stream().filter(Plan.Resource::isKubernetesObject).toList();
        assertThat(objects).hasSize(2 * 5);
        for (var object : objects) {
            // Each object is under the component that was given its cluster's provider: east-orders, east-ingress...
            String component = plan.resources().stream().filter(r -> r.urn().equals(object.parent())).findFirst()
                    .orElseThrow().name();
            assertThat(clusterOf.get(bindings.get(object.urn()))).as(object.urn())
                    .isEqualTo(component.substring(0, component.indexOf('-')));
        }
    }

    private static final String IMAGE = "us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0";

    /**
     * The cluster each Kubernetes object of {@code plan} goes to, by the object's URN: the object names an explicit
     * Kubernetes provider of the plan, whose kubeconfig comes from exactly one cluster (and from nothing else).
     */
    private static Map<String, String> bindings(Plan plan) {
        var byUrn = plan.resources().stream().collect(Collectors.toMap(Plan.Resource::urn, Function.identity()));
        var bindings = new TreeMap<String, String>();
        for (var object : plan.resources().stream().filter(Plan.Resource::isKubernetesObject).toList()) {
            assertThat(object.providerUrn()).as(object.urn() + " names an explicit provider, not the default").isNotNull();
            var provider = byUrn.get(object.providerUrn());
            assertThat(provider).as(object.urn() + "'s provider is a resource of the plan").isNotNull();
            assertThat(provider.type()).isEqualTo(K8S_PROVIDER);
            var kubeconfigFrom = provider.propertyDependencies().get("kubeconfig");
            assertThat(kubeconfigFrom).as(provider.urn() + "'s kubeconfig comes from one cluster").hasSize(1);
            assertThat(byUrn.get(kubeconfigFrom.get(0)).type()).isEqualTo(CLUSTER);
            bindings.put(object.urn(), kubeconfigFrom.get(0));
        }
        return bindings;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void gcpAndApigeeResourcesGoThroughTheDefaultProvidersConfiguredFromTheStack(PatternPlans.Variant variant) {
        var run = PatternPlans.run(variant);
        var plan = run.plan();
        for (String pkg : List.of("gcp", "apigee")) {
            var resources = plan.resources().stream()
                    .filter(r -> r.custom() && TypeTokens.packageOf(r.type()).equals(pkg)).toList();
            assertThat(resources).as(pkg + " resources").isNotEmpty()
                    .allSatisfy(r -> assertThat(r.providerUrn()).as(r.urn()).isNull());
            var providers = plan.providers().stream().filter(p -> p.pkg().equals(pkg)).toList();
            assertThat(providers).as("the " + pkg + " providers").singleElement().satisfies(p -> {
                assertThat(p.isDefault()).isTrue();
                assertThat(p.users()).isEqualTo(resources.size());
                assertThat(p.inputs()).isEqualTo(stackKeys(run.config(), pkg));
            });
        }
        assertThat(stackKeys(run.config(), "gcp")).containsOnlyKeys("project", "region");
    }

    /** The stack's keys in {@code pkg}'s namespace, without the namespace. */
    private static Map<String, Object> stackKeys(Map<String, String> config, String pkg) {
        var keys = new TreeMap<String, Object>();
        config.forEach((k, v) -> {
            if (k.startsWith(pkg + ":")) {
                keys.put(k.substring(pkg.length() + 1), v);
            }
        });
        return keys;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyResourceSitsUnderTheComponentItsReadmeSaysCreatesIt(PatternPlans.Variant variant) {
        var plan = PatternPlans.run(variant).plan();
        var byUrn = plan.resources().stream().collect(Collectors.toMap(Plan.Resource::urn, Function.identity()));
        var stack = plan.ofType(STACK);
        assertThat(stack).hasSize(1);
        for (var r : plan.resources()) {
            if (r.parent() == null) {
                assertThat(r.type()).as(r.urn()).isEqualTo(STACK);
                continue;
            }
            var parent = byUrn.get(r.parent());
            assertThat(parent).as(r.urn() + "'s parent").isNotNull();
            // The engine's chain: the parent's, then the type; the stack's own type is left out.
            assertThat(qualifiedType(r.urn())).as(r.urn()).isEqualTo(TypeTokens.qualifiedType(parent.urn(), r.type()));
            if (r.custom()) {
                assertThat(parent.type()).as(r.urn() + " sits under a component, not the stack").isNotEqualTo(STACK);
            }
        }
        var documented = DocumentedChildren.read();
        var undocumented = new ArrayList<String>();
        for (var component : plan.resources().stream().filter(r -> !r.custom() && !r.type().equals(STACK)).toList()) {
            var rows = documented.of(component.type());
            assertThat(rows).as(component.type() + " has a `| child` table in its README").isNotNull();
            for (var child : owned(plan, component)) {
                if (rows.stream().noneMatch(row -> row.matches(child, component.name()))) {
                    undocumented.add(child.urn());
                }
            }
        }
        assertThat(undocumented).as("resources their component's README does not list").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theClusterComponentOwnsTheClusterItsNodesTheirAccountAndTheProvider(PatternPlans.Variant variant) {
        var plan = PatternPlans.run(variant).plan();
        var cluster = plan.ofType(GkeCluster.TYPE);
        assertThat(cluster).hasSize(1);
        assertThat(owned(plan, cluster.get(0))).extracting(Plan.Resource::type).containsExactlyInAnyOrder(
                CLUSTER, "gcp:container/nodePool:NodePool", "gcp:serviceaccount/account:Account",
                "gcp:projects/iAMMember:IAMMember", "gcp:projects/iAMMember:IAMMember", K8S_PROVIDER);
    }

    /** A component's resources: its children, and the custom resources under them (the node account's IAM members). */
    private static List<Plan.Resource> owned(Plan plan, Plan.Resource component) {
        var owned = new ArrayList<Plan.Resource>();
        var parents = new ArrayList<>(List.of(component.urn()));
        while (!parents.isEmpty()) {
            String parent = parents.remove(0);
            for (var r : plan.resources()) {
                if (parent.equals(r.parent())) {
                    owned.add(r);
                    if (r.custom()) {
                        parents.add(r.urn());
                    }
                }
            }
        }
        return owned;
    }

    /** The type part of a URN: {@code urn:pulumi:<stack>::<project>::<parent types$type>::<name>}. */
    private static String qualifiedType(String urn) {
        return urn.split("::", 4)[2];
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyReplacementOfAFixedNameDeletesTheOldResourceFirst(PatternPlans.Variant variant) {
        var plan = PatternPlans.run(variant).plan();
        var findings = FixedNames.of(plan);
        // Every Kubernetes object, every gcp resource but the IAM members, every Apigee entity has a fixed name.
        assertThat(findings).extracting(f -> f.resource().type()).contains(CLUSTER, "gcp:serviceaccount/account:Account",
                "kubernetes:apps/v1:Deployment", "apigee:index:ApiProxy");
        assertThat(findings).filteredOn(f -> f.coveredBy().isEmpty())
                .as("fixed names a replacement would create again while the old resource holds them")
                .extracting(f -> f.resource().urn() + " (" + f.name() + ")").isEmpty();
    }

    @Test
    void theFixedNameRuleFlagsAnAccountAndAMapThatWouldCollide() {
        var account = new Plan.Resource("urn:a", "gcp:serviceaccount/account:Account", "a", "urn:c", true,
                Map.of("accountId", "a-nodes"), null);
        var vault = new Plan.Resource("urn:m", "apigee:index:KeyValueMap", "m", "urn:c", true,
                Map.of("name", "microgateway", "environment", "test", "encrypted", true), null);
        var pool = new Plan.Resource("urn:p", "gcp:container/nodePool:NodePool", "p", "urn:c", true,
                Map.of("name", "a-nodes"), null);
        var product = new Plan.Resource("urn:d", "apigee:index:ApiProduct", "d", "urn:c", true, Map.of("name", "d"), null);
        var findings = FixedNames.of(new Plan("p", "s", List.of(account, vault, pool, product), Map.of(), Map.of()));
        assertThat(findings).filteredOn(f -> f.coveredBy().isEmpty()).extracting(f -> f.resource().urn())
                .containsExactly("urn:a", "urn:m");
    }
}
