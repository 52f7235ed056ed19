package dev.apigeegke.cli.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigeegke.preview.Plan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private static final String U = "urn:pulumi:s::p::";

    private static Durations.Entry entry(double create, double settle, boolean firstRequest) {
        return new Durations.Entry(create, create, settle, "serving", null, firstRequest, true, "test", "2026-12-01");
    }

    private static final Durations DURATIONS = new Durations("test", Map.of(
            "t:short", entry(5, 0, false),
            "t:mid", entry(7, 0, false),
            "t:long", entry(20, 0, false),
            "t:lb", entry(11, 100, true),
            "pulumi:providers:kubernetes", entry(1, 0, false),
            "kubernetes:apps/v1:Deployment", entry(90, 0, true),
            "kubernetes:core/v1:Service", entry(12, 0, false)));

    private static Plan.Resource custom(String name, String type, String parent, String provider, String... deps) {
        return new Plan.Resource(U + type + "::" + name, type, name, parent, true, Map.of(), provider, List.of(deps), List.of());
    }

    private static Plan plan(Plan.Resource... resources) {
        return new Plan("p", "s", List.of(resources), Map.of(), Map.of());
    }

    private static Schedule.Step step(Schedule s, String name) {
        return s.steps().stream().filter(st -> st.resource().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aResourceWaitsForAFreeWorkerWhenParallelismBinds() {
        var p = plan(custom("a", "t:long", null, null), custom("b", "t:long", null, null), custom("c", "t:long", null, null));
        var two = Schedule.of(p, DURATIONS, 2);
        assertThat(step(two, "c").start()).isEqualTo(20);
        assertThat(two.pulumiUp()).isEqualTo(40);
        assertThat(Schedule.of(p, DURATIONS, 3).pulumiUp()).isEqualTo(20);
    }

    @Test
    void tiesStartInUrnOrder() {
        var p = plan(custom("c", "t:short", null, null), custom("a", "t:short", null, null), custom("b", "t:short", null, null));
        var one = Schedule.of(p, DURATIONS, 1);
        assertThat(one.steps()).extracting(s -> s.resource().name()).containsExactly("a", "b", "c");
        assertThat(one.steps()).extracting(Schedule.Step::start).containsExactly(0.0, 5.0, 10.0);
    }

    @Test
    void aChainRunsOneAfterAnotherAndIsTheCriticalPath() {
        var a = custom("a", "t:short", null, null);
        var b = custom("b", "t:mid", null, null, a.urn());
        var c = custom("c", "t:lb", null, null, b.urn());
        var side = custom("side", "t:short", null, null);
        var s = Schedule.of(plan(a, b, c, side), DURATIONS, 8);
        assertThat(s.steps()).extracting(Schedule.Step::start).contains(0.0, 5.0, 12.0);
        assertThat(s.criticalPath()).extracting(st -> st.resource().name()).containsExactly("a", "b", "c");
        assertThat(s.pulumiUp()).isEqualTo(23);
        assertThat(s.firstRequestAt()).as("c serves after its settle time").isEqualTo(123);
    }

    @Test
    void aDependencyOnAComponentWaitsForEveryCustomResourceUnderIt() {
        var component = new Plan.Resource(U + "c:Comp::comp", "c:Comp", "comp", null, false, Map.of(), null);
        var inner = new Plan.Resource(U + "c:Comp$c:Inner::inner", "c:Inner", "inner", component.urn(), false, Map.of(), null);
        var slow = custom("slow", "t:long", inner.urn(), null);
        var quick = custom("quick", "t:short", component.urn(), null);
        var waiter = custom("waiter", "t:short", null, null, component.urn());
        var s = Schedule.of(plan(component, inner, slow, quick, waiter), DURATIONS, 8);
        assertThat(step(s, "waiter").start()).isEqualTo(20);
        assertThat(s.steps()).extracting(st -> st.resource().name()).doesNotContain("comp", "inner");
    }

    @Test
    void aResourceWaitsForTheExplicitProviderItUsesButNotForADefaultProvider() {
        var cluster = custom("cluster", "t:long", null, null);
        var provider = custom("k8s", "pulumi:providers:kubernetes", null, null, cluster.urn());
        var object = custom("object", "t:short", null, provider.urn() + "::04da6b54-80e4-46f7-96ec-b56ff0331ba9");
        var apigee = custom("api", "t:short", null, U + "pulumi:providers:apigee::default_1_0_0::id");
        var s = Schedule.of(plan(cluster, provider, object, apigee), DURATIONS, 8);
        assertThat(step(s, "k8s").start()).isEqualTo(20);
        assertThat(step(s, "object").start()).isEqualTo(21);
        assertThat(step(s, "api").start()).isZero();
        assertThat(s.criticalPath()).extracting(st -> st.resource().name()).containsExactly("cluster", "k8s", "object");
    }

    @Test
    void aResourceWaitsForItsCustomParent() {
        var account = custom("account", "t:mid", null, null);
        var member = custom("member", "t:short", account.urn(), null);
        assertThat(step(Schedule.of(plan(account, member), DURATIONS, 8), "member").start()).isEqualTo(7);
    }

    @Test
    void aServiceCreatedWhileItsPodsRollOutEndsWithTheRollout() {
        var labels = Map.<String, Object>of("app", "orders");
        var deployment = new Plan.Resource(U + "kubernetes:apps/v1:Deployment::orders", "kubernetes:apps/v1:Deployment",
                "orders", null, true, Map.of("spec", Map.of("template", Map.of("metadata", Map.of("labels", labels)))),
                null, List.of(), List.of());
        var service = new Plan.Resource(U + "kubernetes:core/v1:Service::orders", "kubernetes:core/v1:Service",
                "orders", null, true, Map.of("spec", Map.of("selector", labels)), null, List.of(), List.of());
        var other = new Plan.Resource(U + "kubernetes:core/v1:Service::other", "kubernetes:core/v1:Service",
                "other", null, true, Map.of("spec", Map.of("selector", Map.of("app", "catalog"))), null, List.of(), List.of());
        var s = Schedule.of(plan(deployment, service, other), DURATIONS, 8);
        assertThat(step(s, "orders").end()).isEqualTo(90);
        assertThat(s.steps()).filteredOn(st -> st.resource().urn().equals(service.urn()))
                .singleElement().satisfies(st -> assertThat(st.end()).isEqualTo(90));
        assertThat(step(s, "other").end()).as("selects no pod of the plan").isEqualTo(12);
    }

    @Test
    void aCertificateProvisionsOnlyOnceTheLoadBalancerHasItsIp() {
        var durations = new Durations("test", Map.of(
                "t:lb", entry(11, 100, true),
                "t:cert", new Durations.Entry(2, 2, 1000, "Active", "t:lb", true, true, "test", "2026-12-01")));
        var lb = custom("lb", "t:lb", null, null);
        var cert = custom("cert", "t:cert", null, null);
        var s = Schedule.of(plan(lb, cert), durations, 8);
        assertThat(s.firstRequestAt()).isEqualTo(1011);
        assertThat(s.firstRequest()).extracting(st -> st.resource().name()).containsExactly("lb", "cert");
    }

    @Test
    void aTypeWithoutAnEntryIsRefusedNotGuessed() {
        var p = plan(custom("x", "t:unlisted", null, null));
        assertThatThrownBy(() -> Schedule.of(p, DURATIONS, 4)).isInstanceOf(Durations.Missing.class)
                .hasMessageContaining("t:unlisted");
    }

    @Test
    void theDefaultParallelismIsPulumiParallelElseFourTimesTheProcessors() {
        int cpus4 = 4 * Runtime.getRuntime().availableProcessors();
        assertThat(Schedule.defaultParallel(Map.of("PULUMI_PARALLEL", "7"))).isEqualTo(7);
        assertThat(Schedule.defaultParallel(Map.of("PULUMI_PARALLEL", "0"))).isEqualTo(cpus4);
        assertThat(Schedule.defaultParallel(Map.of("PULUMI_PARALLEL", "many"))).isEqualTo(cpus4);
        assertThat(Schedule.defaultParallel(Map.of())).isEqualTo(cpus4);
    }

    @Test
    void aCycleIsReportedNotLoopedOn() {
        var a = custom("a", "t:short", null, null, U + "t:short::b");
        var b = custom("b", "t:short", null, null, a.urn());
        assertThatThrownBy(() -> Schedule.of(plan(a, b), DURATIONS, 2)).hasMessageContaining("cycle");
    }
}
