package dev.apigeegke.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.gcp.compute.GlobalAddress;
import com.pulumi.gcp.compute.GlobalAddressArgs;
import com.pulumi.gcp.compute.SecurityPolicy;
import com.pulumi.gcp.compute.SecurityPolicyArgs;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The offline engine records what each registration asks of the engine, besides its inputs: the provider, what it
 * waits for and its options, as the Java SDK sends them; and the providers the resources use.
 */
class RegistrationRecordTest {
    private static final String PROJECT = "apigee-gke";
    private static final String STACK = "dev";

    /** A component, so that children inherit its provider and a dependency on it stands for what is under it. */
    static final class Group extends ComponentResource {
        Group(String name, ComponentResourceOptions options) {
            super("test:index:Group", name, options);
        }
    }

    private static Plan plan() {
        var result = OfflineEngine.run(PROJECT, STACK,
                Map.of("gcp:project", "my-project", "gcp:region", "europe-west1", "gcp:credentials", "{\"key\": 1}",
                        "apigee:organization", "my-org", "apigee:accessToken", "ya29.in-clear"),
                Set.of("gcp:credentials"), ctx -> {
                    var address = new GlobalAddress("ip", GlobalAddressArgs.builder().name("fixed-ip").build(),
                            CustomResourceOptions.builder().protect(true).deleteBeforeReplace(true).retainOnDelete(true)
                                    .ignoreChanges("labels").replaceOnChanges("name")
                                    .customTimeouts(CustomTimeouts.builder().create(Duration.ofMinutes(30))
                                            .delete(Duration.ofSeconds(90)).build())
                                    .aliases(Alias.builder().name("old-ip").build())
                                    .build());
                    var policy = new SecurityPolicy("armor", SecurityPolicyArgs.builder()
                            .description(address.address()).build(),
                            CustomResourceOptions.builder().additionalSecretOutputs("fingerprint").build());
                    var k8s = new Provider("k8s", ProviderArgs.builder().kubeconfig(Output.ofSecret("{}")).build(),
                            CustomResourceOptions.builder().dependsOn(policy).build());
                    var group = new Group("group", ComponentResourceOptions.builder().providers(k8s).build());
                    var first = new ConfigMap("first", ConfigMapArgs.builder()
                            .metadata(ObjectMetaArgs.builder().name("first").build()).build(),
                            CustomResourceOptions.builder().parent(group).build());
                    new ConfigMap("second", ConfigMapArgs.builder()
                            .metadata(ObjectMetaArgs.builder().name("second").build())
                            .data(first.metadata().applyValue(m -> Map.of("after", m.name().orElse("")))).build(),
                            CustomResourceOptions.builder().parent(group).dependsOn(address).build());
                    new ConfigMap("later", ConfigMapArgs.builder().build(),
                            CustomResourceOptions.builder().provider(k8s).dependsOn(group).build());
                });
        assertThat(result.errors()).isEmpty();
        return result.plan();
    }

    private static Plan.Resource named(Plan plan, String name) {
        return plan.resources().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyOptionIsRecordedAsSent() {
        var plan = plan();
        var options = named(plan, "ip").options();
        assertThat(options.protect()).isTrue();
        assertThat(options.deleteBeforeReplace()).isTrue();
        assertThat(options.retainOnDelete()).isTrue();
        assertThat(options.ignoreChanges()).containsExactly("labels");
        assertThat(options.replaceOnChanges()).containsExactly("name");
        // The SDK sends timeouts as Go durations, in nanoseconds.
        assertThat(options.customTimeouts()).isEqualTo(Map.of("create", "1800000000000ns", "delete", "90000000000ns"));
        assertThat(options.aliases()).extracting(Plan.Alias::name).containsExactly("old-ip");
        assertThat(named(plan, "armor").options().additionalSecretOutputs()).containsExactly("fingerprint");
        // Nothing set is nothing recorded.
        var plain = named(plan, "first").options();
        assertThat(plain.protect() || plain.deleteBeforeReplace() || plain.retainOnDelete()).isFalse();
        assertThat(plain.customTimeouts()).isEmpty();
    }

    @Test
    void dependenciesAreSplitIntoDependsOnAndInputs() {
        var plan = plan();
        var address = named(plan, "ip").urn();
        var policy = named(plan, "armor");
        // The address is known only once the cloud creates it: the input still depends on it, as in a real preview.
        assertThat(policy.inputs().get("description")).isEqualTo(Plan.UNKNOWN);
        assertThat(policy.propertyDependencies()).isEqualTo(Map.of("description", List.of(address)));
        assertThat(policy.dependsOn()).isEmpty();
        assertThat(named(plan, "k8s").dependsOn()).containsExactly(policy.urn());
        var second = named(plan, "second");
        assertThat(second.propertyDependencies()).isEqualTo(Map.of("data", List.of(named(plan, "first").urn())));
        assertThat(second.dependsOn()).containsExactly(address);
        // A dependency on a component is a dependency on every resource under it.
        assertThat(named(plan, "later").dependsOn()).containsExactlyInAnyOrder(named(plan, "first").urn(), second.urn());
    }

    @Test
    void providersAreThoseTheEngineWouldUse() {
        var plan = plan();
        var k8s = named(plan, "k8s").urn();
        // The component's provider reaches its children; a resource naming none gets its package's default provider.
        assertThat(named(plan, "first").providerUrn()).isEqualTo(k8s);
        assertThat(named(plan, "later").providerUrn()).isEqualTo(k8s);
        assertThat(named(plan, "ip").providerUrn()).isNull();
        var byUrn = plan.providers().stream().collect(java.util.stream.Collectors.toMap(Plan.Provider::urn, p -> p));
        var gcp = byUrn.get("urn:pulumi:dev::apigee-gke::pulumi:providers:gcp::default_7_0_0");
        assertThat(gcp).as("providers: %s", byUrn.keySet()).isNotNull();
        assertThat(gcp.isDefault()).isTrue();
        assertThat(gcp.users()).isEqualTo(2);
        // The stack's gcp: keys, the secret one masked.
        assertThat(gcp.inputs()).isEqualTo(Map.of("project", "my-project", "region", "europe-west1",
                "credentials", Plan.SECRET));
        var explicit = byUrn.get(k8s);
        assertThat(explicit.isDefault()).isFalse();
        assertThat(explicit.users()).isEqualTo(3);
        assertThat(explicit.inputs().get("kubeconfig")).isEqualTo(Plan.SECRET);
        // No apigee resource, so no apigee provider, although the stack configures one.
        assertThat(byUrn.values()).extracting(Plan.Provider::pkg).containsExactlyInAnyOrder("gcp", "kubernetes");
    }

    @Test
    void aDefaultProviderInputItsSchemaMarksSecretIsMaskedWhenTheStackHoldsItInClear() {
        var providers = OfflineEngine.providers(PROJECT, STACK,
                List.of(new Plan.Resource("urn:pulumi:dev::apigee-gke::apigee:index:Developer::dev",
                        "apigee:index:Developer", "dev", null, true, Map.of(), null)),
                Map.of("apigee:organization", "my-org", "apigee:accessToken", "ya29.in-clear", "gcp:project", "p"), Set.of());
        assertThat(providers).singleElement().satisfies(p -> {
            assertThat(p.urn()).isEqualTo("urn:pulumi:dev::apigee-gke::pulumi:providers:apigee::default");
            assertThat(p.inputs()).isEqualTo(Map.of("organization", "my-org", "accessToken", Plan.SECRET));
        });
    }
}
