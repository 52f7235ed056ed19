package dev.apigeegke.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.cli.Patterns;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.StackFile;
import org.junit.jupiter.api.Test;

/**
 * The start benchmark runs the real program process against the loopback engine over gRPC, as the Pulumi CLI
 * would: it must register what the offline preview shows, in order (the stack first), and exit cleanly.
 */
class StartBenchTest {

    @Test
    void prebuiltJarRegistersPattern1ThroughTheLoopbackEngine() throws Exception {
        try (var engine = new LoopbackEngine()) {
            var start = StartBench.measure(engine, StartBench.prebuiltJar(Repo.root()), 0);

            assertThat(engine.registered()).first().isEqualTo("pulumi:pulumi:Stack::apigee-gke-pattern1");
            assertThat(engine.registered()).contains("gcp:container/cluster:Cluster::apigee-p1",
                    "kubernetes:apps/v1:Deployment::orders", "apigee:index:ApiProxy::apigee-p1-api");
            var stack = StackFile.read(Repo.root().resolve("Pulumi.pattern1.yaml"), "apigee-gke");
            var offline = OfflineEngine.run("apigee-gke", "pattern1", stack.config(), stack.secretKeys(), Patterns::selected);
            assertThat(start.registrations()).isEqualTo(offline.plan().resources().size());
            assertThat(start.firstRegistrationMs()).isPositive();
            assertThat(start.firstCustomMs()).isGreaterThanOrEqualTo(start.firstRegistrationMs());
            assertThat(start.exitMs()).isGreaterThan(start.firstCustomMs());
            assertThat(engine.errors()).isEmpty();
        }
    }
}
