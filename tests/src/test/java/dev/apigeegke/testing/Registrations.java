package dev.apigeegke.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.logging.Level;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * Runs a program on the SDK's test engine and returns its registration requests whole, resource options included
 * ({@code replaceOnChanges}, {@code additionalSecretOutputs}), as the engine would receive them.
 */
public final class Registrations {
    private Registrations() {
    }

    /** The requests {@code program} sends, in order; fails the test if the program failed. */
    public static List<RegisterResourceRequest> of(Consumer<Context> program) {
        var requests = new ConcurrentLinkedQueue<RegisterResourceRequest>();
        Mocks mocks = args -> CompletableFuture.completedFuture(Mocks.ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
        var quiet = PulumiTestInternal.logger(Level.SEVERE);
        var log = PulumiTestInternal.mockLog(quiet);
        try {
            var test = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(Harness.PROJECT).stackName(Harness.STACK).preview(true).build())
                    .mocks(mocks)
                    .standardLogger(quiet)
                    .monitorDecorator(ignored -> new MockMonitor(mocks, log) {
                        @Override
                        public CompletableFuture<RegisterResourceResponse> registerResourceAsync(
                                com.pulumi.resources.Resource resource, RegisterResourceRequest request) {
                            requests.add(request);
                            return super.registerResourceAsync(resource, request);
                        }
                    })
                    .build();
            var result = test.runTest(program);
            assertThat(result.exceptions()).as("program errors").isEmpty();
            return List.copyOf(requests);
        } finally {
            PulumiTestInternal.cleanup();
        }
    }
}
