package dev.apigeegke.provider.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.examples.pattern3.Pattern3;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.testing.Repo;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pattern 3's Apigee side for the sample stack ({@code Pulumi.pattern3.yaml}), driven through the provider's gRPC
 * interface as {@code pulumi up} drives it, against the emulator of Apigee Edge: each product lists its service's local
 * proxy, and Edge validates the proxies a product lists when the product is created. The organization already has
 * {@code edgemicro-auth}, as after {@code edgemicro configure}, and the stack brings that run's key and secret.
 */
@ExtendWith(ConformanceExtension.class)
class Pattern3ApigeeSideTest {
    private static List<EngineRun.Declared> apigeeSide() {
        StackFile stack;
        try {
            stack = StackFile.read(Repo.root().resolve("Pulumi.pattern3.yaml"), Harness.PROJECT);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        var config = new java.util.TreeMap<>(stack.config());
        config.put("apigee-gke:microgatewayKey", "key-of-a-configure-run");
        config.put("apigee-gke:microgatewaySecret", "secret-of-a-configure-run");
        var result = OfflineEngine.run(Harness.PROJECT, "pattern3", config,
                java.util.Set.of("apigee-gke:microgatewayKey", "apigee-gke:microgatewaySecret"), Pattern3::stack,
                false, new Harness.FakeCloud());
        assertThat(result.errors()).as("pattern 3's program errors").isEmpty();
        return ProviderCallsTest.apigeeSide(result.plan());
    }

    /** The organization's edgemicro-auth proxy, deployed to the stack's environment. */
    private static EngineRun.Declared edgemicroAuth() {
        return new EngineRun.Declared(ProviderHarness.urn("apigee:index:ApiProxy", "edgemicro-auth"), "apigee:index:ApiProxy",
                ProviderHarness.proxyInputs("edgemicro-auth", "https://example.com", "test"));
    }

    @Test
    void edgeAcceptsEveryProductOnceItsLocalProxyIsDeployed() {
        try (var h = ProviderHarness.configured(ApigeePlatform.EDGE)) {
            var engine = new EngineRun(h);
            engine.up(List.of(edgemicroAuth()));
            var declared = apigeeSide();
            // Each local proxy comes before the product that lists it: the product waits for it.
            var order = declared.stream().map(EngineRun.Declared::urn).map(u -> u.substring(u.lastIndexOf("::") + 2)).toList();
            assertThat(order.indexOf("apigee-p3-orders-proxy")).isLessThan(order.indexOf("apigee-p3-orders-product"));
            assertThat(order.indexOf("apigee-p3-catalog-proxy")).isLessThan(order.indexOf("apigee-p3-catalog-product"));

            engine.up(declared);
            assertThat(h.apigee.deployedRevision("test", "edgemicro_ORDERS")).isPresent();
            assertThat(h.apigee.deployedRevision("test", "edgemicro_CATALOG")).isPresent();
            assertThat(h.apigee.requests("POST", "/apiproducts")).hasSize(2);
        }
    }

    @Test
    void edgeRefusesAProductWhoseLocalProxyIsNotThere() {
        try (var h = ProviderHarness.configured(ApigeePlatform.EDGE)) {
            var engine = new EngineRun(h);
            engine.up(List.of(edgemicroAuth()));
            var withoutProxies = apigeeSide().stream().filter(d -> !d.type().equals("apigee:index:ApiProxy")).toList();
            var refused = ProviderHarness.failure(() -> engine.up(withoutProxies));
            assertThat(refused.getMessage()).contains("Invalid apiproxy edgemicro_CATALOG").contains("keymanagement.service.InvalidProxy");
        }
    }
}
