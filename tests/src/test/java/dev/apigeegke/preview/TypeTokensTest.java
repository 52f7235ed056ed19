package dev.apigeegke.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.gcp.compute.SecurityPolicy;
import com.pulumi.gcp.compute.SecurityPolicyArgs;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import dev.apigeegke.crds.gke.ManagedCertificate;
import dev.apigeegke.crds.gke.ManagedCertificateArgs;
import dev.apigeegke.testing.Harness;
import org.junit.jupiter.api.Test;

/** The plan readers find resources by the token each class registers with, read from the class itself. */
class TypeTokensTest {

    private static Plan plan() {
        return Harness.preview(ctx -> {
            var k8s = new Provider("k8s", ProviderArgs.builder().build());
            var onCluster = CustomResourceOptions.builder().provider(k8s).build();
            new Deployment("app", DeploymentArgs.builder().build(), onCluster);
            new ManagedCertificate("cert", ManagedCertificateArgs.builder().build(), onCluster);
            new SecurityPolicy("armor", SecurityPolicyArgs.builder().build());
        });
    }

    @Test
    void aClassesTokenIsTheTypeItsResourcesAreRegisteredWith() {
        var plan = plan();
        assertThat(plan.get(TypeTokens.of(Deployment.class), "app").custom()).isTrue();
        assertThat(plan.get(TypeTokens.of(ManagedCertificate.class), "cert").custom()).isTrue();
        assertThat(plan.get(TypeTokens.of(SecurityPolicy.class), "armor").custom()).isTrue();
    }

    @Test
    void kubernetesObjectsAreTheKubernetesPackagesResourcesButNotItsProvider() {
        var plan = plan();
        assertThat(plan.resources()).filteredOn(Plan.Resource::isKubernetesObject).extracting(Plan.Resource::name)
                .containsExactlyInAnyOrder("app", "cert");
        assertThat(plan.resources()).filteredOn(r -> r.name().equals("k8s")).singleElement()
                .satisfies(provider -> assertThat(provider.custom()).isTrue());
    }

    @Test
    void aClassWithoutAResourceTypeIsRefusedByName() {
        assertThatThrownBy(() -> TypeTokens.of(CustomResource.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CustomResource.class.getName());
    }

    @Test
    void thePackageIsTheTokensFirstPart() {
        assertThat(TypeTokens.packageOf(TypeTokens.of(SecurityPolicy.class))).isEqualTo("gcp");
        assertThat(TypeTokens.KUBERNETES).isEqualTo(TypeTokens.packageOf(TypeTokens.of(ManagedCertificate.class)));
    }
}
