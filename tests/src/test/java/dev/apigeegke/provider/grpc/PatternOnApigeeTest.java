package dev.apigeegke.provider.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.examples.pattern1.Pattern1;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.testing.Repo;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pattern 1's program, from its sample stack, with its Apigee side really created: each Apigee resource goes through
 * the provider to the emulated organization and the program gets back what the provider returned
 * ({@link ApigeeBackedCloud}). What the program declares must pass the provider's Check and the organization's rules,
 * and every exchange the published description of its platform.
 */
@ExtendWith(ConformanceExtension.class)
class PatternOnApigeeTest {

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void patternOnesApigeeSideIsCreatedOnAnEmptyOrganizationAndDestroyedWithoutATrace(ApigeePlatform platform) throws Exception {
        var stack = StackFile.read(Repo.root().resolve("Pulumi.pattern1.yaml"), Harness.PROJECT);
        var config = new HashMap<>(stack.config());
        if (platform == ApigeePlatform.X) {
            config.putAll(Map.of("apigee:flavor", "x", "apigee-gke:apigeeHostname", "api.example.com"));
        }
        try (var cloud = ApigeeBackedCloud.start(platform)) {
            var result = OfflineEngine.run(Harness.PROJECT, "pattern1", config, stack.secretKeys(), Pattern1::stack, false, cloud);

            assertThat(result.errors()).isEmpty();
            assertThat(cloud.createdTypes()).containsExactlyInAnyOrder("apigee:index:Developer", "apigee:index:TargetServer",
                    "apigee:index:ApiProxy", "apigee:index:ApiProduct", "apigee:index:DeveloperApp");
            var proxy = (String) result.plan().ofType("apigee:index:ApiProxy").get(0).inputs().get("name");
            assertThat(cloud.apigee().deployedRevision("test", proxy)).contains(1);
            // The sample app's consumer key is the one the organization issued, and the stack exports it as a secret.
            assertThat(result.plan().outputs().get("consumerKey")).isEqualTo(Harness.SECRET);

            cloud.destroy();
            assertThat(cloud.apigee().deployedRevision("test", proxy)).isEmpty();
            assertThat(cloud.apigee().revisions(proxy)).isEmpty();
        }
    }
}
