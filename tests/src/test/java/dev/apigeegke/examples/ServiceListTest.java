package dev.apigeegke.examples;

import static dev.apigeegke.testing.Harness.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import dev.apigeegke.examples.pattern1.Pattern1;
import dev.apigeegke.examples.pattern1.Pattern1Config;
import dev.apigeegke.examples.pattern2.Pattern2;
import dev.apigeegke.examples.gateway.GatewayStackSettings;
import dev.apigeegke.examples.pattern3.Pattern3;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.testing.Repo;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each pattern program takes the list of services to deploy: checked before any resource, then one set per service. */
class ServiceListTest {
    private static final String IMAGE = "us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0";

    /** The name of service {@code i}: svc-000, svc-001, ... */
    private static String serviceName(int i) {
        return String.format("svc-%03d", i);
    }

    private static OfflineEngine.Result run(String pattern, Consumer<Context> program) throws Exception {
        var stack = StackFile.read(Repo.root().resolve("Pulumi." + pattern + ".yaml"), "apigee-gke");
        return OfflineEngine.run("apigee-gke", pattern, stack.config(), stack.secretKeys(), program);
    }

    @Test
    void duplicateOrMissingServicesAreRejectedBeforeAnyResource() throws Exception {
        var duplicate = run("pattern1", ctx -> Pattern1.build(ctx, Pattern1Config.from(ctx), List.of(
                new Pattern1.Service("orders", IMAGE, "/orders"), new Pattern1.Service("orders", IMAGE, "/orders2"))));
        assertThat(duplicate.errors()).singleElement().asString()
                .contains("services[1].name").contains("orders").contains("distinct");
        assertThat(duplicate.plan().resources()).extracting(Plan.Resource::type).containsExactly("pulumi:pulumi:Stack");

        var none = run("pattern2", ctx -> Pattern2.build(ctx, GatewayStackSettings.from(ctx, Pattern2.DEFAULT_PREFIX), List.of()));
        assertThat(none.errors()).singleElement().asString().contains("services").contains("list at least one");

        var badName = run("pattern3", ctx -> Pattern3.build(ctx, GatewayStackSettings.from(ctx, Pattern3.DEFAULT_PREFIX),
                List.of(new Pattern3.Service("Orders_v2", IMAGE, true))));
        assertThat(badName.errors()).singleElement().asString().contains("services[0].name").contains("Orders_v2");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceGetsItsResources() throws Exception {
        var services = IntStream.range(0, 7).mapToObj(i -> new Pattern2.Service(serviceName(i), IMAGE)).toList();
        var result = run("pattern2", ctx -> Pattern2.build(ctx, GatewayStackSettings.from(ctx, Pattern2.DEFAULT_PREFIX), services));
        assertThat(result.errors()).isEmpty();
        var plan = result.plan();
        assertThat(plan.ofType("kubernetes:apps/v1:Deployment")).hasSize(7 + 1);
        // A proxy per route, the health check's, and edgemicro-auth (the sample stack brings no key: the program sets it up).
        assertThat(plan.ofType("apigee:index:ApiProxy")).hasSize(7 + 1 + 1);
        // The product lists every route's proxy and edgemicro-auth.
        var product = plan.ofType("apigee:index:ApiProduct").get(0);
        assertThat((List<Object>) product.inputs().get("proxies")).hasSize(7 + 1).contains("edgemicro_svc-006", "edgemicro-auth");
    }

    @Test
    void pattern3SubscribesTheOneSampleAppToEveryKeyedService() throws Exception {
        // Every other service requires a key, the first one does. No '-' in the names: the part before the first one
        // names the sidecars' local proxy, and must differ from service to service.
        var services = IntStream.range(0, 5).mapToObj(i -> new Pattern3.Service(serviceName(i).replace("-", ""), IMAGE, i % 2 == 0)).toList();
        var result = run("pattern3", ctx -> Pattern3.build(ctx, GatewayStackSettings.from(ctx, Pattern3.DEFAULT_PREFIX), services));
        assertThat(result.errors()).isEmpty();
        var plan = result.plan();
        assertThat(plan.ofType("apigee:index:ApiProduct")).hasSize(5);
        assertThat(plan.ofType("apigee:index:Developer")).hasSize(1);
        var app = plan.ofType("apigee:index:DeveloperApp");
        assertThat(app).hasSize(1);
        assertThat(at(app.get(0).inputs(), "apiProducts"))
                .isEqualTo(List.of("apigee-p3-svc000", "apigee-p3-svc002", "apigee-p3-svc004"));
    }
}
