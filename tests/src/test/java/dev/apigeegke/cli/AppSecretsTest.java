package dev.apigeegke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.Mocks;
import dev.apigeegke.apigee.resources.DeveloperApp;
import dev.apigeegke.apigee.resources.DeveloperAppArgs;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.testing.Harness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class AppSecretsTest {
    private static final String KEY = "Xk2mJ8qLr5NvT0aZcW4yHb7uEf1gPd3s";
    private static final String SECRET = "Qw9eRt6yUi3oPa1s";

    /**
     * Stands in for the engine and the apigee provider. The provider answers a DeveloperApp with its key in
     * clear; the engine then marks secret every output the registration named in additionalSecretOutputs.
     * The SDK's mock monitor skips that step and mocks never see the options, so the options each
     * resource was constructed with are captured by {@link #secretOutputsOfEachResource()}.
     */
    private static final class ApigeeEngine implements Mocks {
        private final Map<String, List<String>> secretOutputs = new ConcurrentHashMap<>();

        ResourceTransformation secretOutputsOfEachResource() {
            return args -> {
                var options = (CustomResourceOptions) args.options();
                secretOutputs.put(args.resource().pulumiResourceName(), options.getAdditionalSecretOutputs());
                return Optional.empty();
            };
        }

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            var state = new HashMap<String, Object>(args.inputs);
            if (args.type.equals("apigee:index:DeveloperApp")) {
                state.put("appId", "app-1");
                state.put("consumerKey", KEY);
                state.put("consumerSecret", SECRET);
            }
            for (var name : secretOutputs.getOrDefault(args.name, List.of())) {
                state.computeIfPresent(name, (k, value) -> Output.ofSecret(value));
            }
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), state));
        }
    }

    private static OfflineEngine.Result deployApp() {
        var engine = new ApigeeEngine();
        return OfflineEngine.run(Harness.PROJECT, Harness.STACK, Map.of(), Set.of(), ctx -> {
            var app = new DeveloperApp("app",
                    DeveloperAppArgs.builder().developerEmail("team@example.com").name("orders-app").apiProducts("orders-product").build(),
                    CustomResourceOptions.builder().resourceTransformations(engine.secretOutputsOfEachResource()).build());
            ctx.export("appId", app.appId());
            ctx.export("consumerKey", app.consumerKey());
            ctx.export("consumerSecret", app.consumerSecret());
            ctx.export("authorization", app.consumerKey().applyValue(key -> "apikey " + key));
        }, false, engine);
    }

    @Test
    void consumerKeyAndSecretAreSecretOutputsOfADeveloperApp() {
        var result = deployApp();
        assertThat(result.errors()).isEmpty();
        assertThat(result.plan().outputs())
                .containsEntry("consumerKey", Harness.SECRET)
                .containsEntry("consumerSecret", Harness.SECRET)
                .containsEntry("authorization", Harness.SECRET)
                // Only the declared outputs are secret: the app id stays readable.
                .containsEntry("appId", "app-1");
    }

    @Test
    void thePlanJsonNeverHoldsTheKeyOrSecretInClear() throws Exception {
        var result = deployApp();
        assertThat(result.errors()).isEmpty();
        var json = PlanWriter.json(result.plan());
        assertThat(json).doesNotContain(KEY).doesNotContain(SECRET).contains(Harness.SECRET);
    }
}
