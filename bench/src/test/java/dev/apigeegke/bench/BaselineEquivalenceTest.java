package dev.apigeegke.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.preview.Plan;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The benchmark's baselines are only a fair comparison if they declare what the components declare: the
 * same custom resources, inputs (secrets included), providers and stack outputs, and no components.
 */
class BaselineEquivalenceTest {

    @ParameterizedTest(name = "{0} × {1}")
    @CsvSource({"pattern1, 1", "pattern1, 4", "pattern2, 1", "pattern2, 4", "pattern3, 1", "pattern3, 4"})
    void baselineDeclaresTheSameResourcesWithoutComponents(String pattern, int services) throws Exception {
        var pair = Pair.record(new Workload(pattern, services), Repo.root());

        assertThat(Equivalence.differences(pair.components(), pair.baseline())).isEmpty();
        var baseline = pair.baseline().plan().resources();
        assertThat(baseline).filteredOn(r -> !r.custom()).extracting(Plan.Resource::type).containsExactly("pulumi:pulumi:Stack");
        assertThat(pair.components().plan().resources()).filteredOn(r -> r.type().startsWith("apigee-gke:index:")).isNotEmpty();
        // Every service's Deployment is there, on both sides.
        assertThat(baseline).filteredOn(r -> r.type().equals("kubernetes:apps/v1:Deployment")).extracting(Plan.Resource::name)
                .contains(Workload.serviceName(pattern, 0), Workload.serviceName(pattern, services - 1));
    }

    @Test
    void aChangedInputOrAPlainSecretIsADifference() throws Exception {
        var pair = Pair.record(new Workload("pattern3", 2), Repo.root());
        var components = pair.components();

        var changed = withInput(components, "kubernetes:apps/v1:Deployment", "svc001", "kind", "StatefulSet");
        assertThat(Equivalence.differences(components, changed))
                .containsExactly("kubernetes:apps/v1:Deployment::svc001 inputs.kind: components \"Deployment\", baseline \"StatefulSet\"");

        // The recorded plan shows secrets as markers: a secret sent in clear is a difference even if the value is equal.
        var secret = components.plan().get("kubernetes:core/v1:Secret", "apigee-p3-svc000-mgw-credentials");
        @SuppressWarnings("unchecked")
        var stringData = new HashMap<>((Map<String, Object>) secret.inputs().get("stringData"));
        stringData.put("mgw-org", "my-apigee-org");
        var plain = withInput(components, secret.type(), secret.name(), "stringData", stringData);
        assertThat(Equivalence.differences(components, plain)).singleElement().asString()
                .contains("stringData.mgw-org: components \"[secret]\", baseline \"my-apigee-org\"");
    }

    @Test
    void aMissingResourceIsADifference() throws Exception {
        var pair = Pair.record(new Workload("pattern1", 1), Repo.root());
        var plan = pair.baseline().plan();
        var fewer = plan.resources().stream().filter(r -> !r.type().equals("gcp:compute/globalAddress:GlobalAddress")).toList();
        var baseline = new Recording(new Plan(plan.project(), plan.stack(), fewer, plan.outputs(), plan.componentOutputs()),
                pair.baseline().inputs());

        assertThat(Equivalence.differences(pair.components(), baseline))
                .containsExactly("gcp:compute/globalAddress:GlobalAddress::apigee-p1-ingress-ip: missing from the baseline");
    }

    /** {@code recording} with one input of one resource replaced, in the plan the engine saw. */
    private static Recording withInput(Recording recording, String type, String name, String key, Object value) {
        var plan = recording.plan();
        List<Plan.Resource> resources = plan.resources().stream().map(r -> {
            if (!r.type().equals(type) || !r.name().equals(name)) {
                return r;
            }
            var inputs = new LinkedHashMap<>(r.inputs());
            inputs.put(key, value);
            return new Plan.Resource(r.urn(), r.type(), r.name(), r.parent(), r.custom(), inputs, r.provider());
        }).toList();
        return new Recording(new Plan(plan.project(), plan.stack(), resources, plan.outputs(), plan.componentOutputs()),
                recording.inputs());
    }
}
