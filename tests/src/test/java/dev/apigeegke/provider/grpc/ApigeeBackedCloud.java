package dev.apigeegke.provider.grpc;

import com.google.protobuf.Struct;
import com.pulumi.test.Mocks;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.testing.ApigeeEmulator;
import dev.apigeegke.testing.Harness;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The cloud a program's {@code pulumi up} meets when its Apigee resources are really created: every
 * {@code apigee:index:*} resource the program registers goes through this repository's provider (Check, then Create,
 * over its gRPC interface, as the engine calls it) against the Apigee emulator, and the program receives the outputs
 * the provider returned, so that values Apigee or the provider make (consumer keys, generated keys and certificates,
 * a gateway's credentials) flow into the resources that use them. Everything else answers as {@link Harness.FakeCloud}
 * does. The SDK registers a resource once its inputs are resolved, so the resources a resource's inputs come from are
 * created before it, as the engine would.
 */
public final class ApigeeBackedCloud implements Mocks, AutoCloseable {
    /** A resource the provider created: what a destroy needs. */
    private record Created(String type, String id, Struct outputs) {
    }

    private final ProviderHarness provider;
    private final Harness.FakeCloud cloud = new Harness.FakeCloud();
    private final List<Created> created = new ArrayList<>();

    private ApigeeBackedCloud(ProviderHarness provider) {
        this.provider = provider;
    }

    /**
     * A provider configured for a new emulated organization of {@code platform}. The test class must run with
     * {@link dev.apigeegke.provider.conformance.ConformanceExtension}, which judges every exchange.
     */
    public static ApigeeBackedCloud start(ApigeePlatform platform) {
        return new ApigeeBackedCloud(ProviderHarness.configured(platform));
    }

    /** The emulated organization, to inspect what the program made or to set it up before the run. */
    public ApigeeEmulator apigee() {
        return provider.apigee;
    }

    /** The organization's name. */
    public String organization() {
        return ProviderHarness.ORG;
    }

    /** The types of the Apigee resources created, in the order they were created. */
    public synchronized List<String> createdTypes() {
        return created.stream().map(Created::type).toList();
    }

    @Override
    public synchronized CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        if (!args.type.startsWith("apigee:index:")) {
            return cloud.newResourceAsync(args);
        }
        // Mock inputs carry numbers as Double and secrets unwrapped: as plain values they are what the engine would
        // send once it has resolved them (the provider's schema marks its secret inputs itself).
        var inputs = ProviderHarness.value(args.inputs).getStructValue();
        var response = provider.create(args.type, provider.checked(args.type, inputs), false);
        created.add(new Created(args.type, response.getId(), response.getProperties()));
        return CompletableFuture.completedFuture(
                ResourceResult.of(Optional.of(response.getId()), ProviderHarness.plain(response.getProperties())));
    }

    /** {@code pulumi destroy} of what the run created, the last created first. */
    public synchronized void destroy() {
        for (int i = created.size() - 1; i >= 0; i--) {
            var c = created.get(i);
            provider.delete(c.type(), c.id(), c.outputs());
        }
        created.clear();
    }

    @Override
    public void close() {
        provider.close();
    }
}
