package dev.apigeegke.provider;

import dev.apigeegke.plugin.PluginMain;
import dev.apigeegke.provider.grpc.ApigeeProvider;
import java.io.IOException;

/**
 * {@code pulumi-resource-apigee}: the engine starts it with its own address as the argument, reads
 * the provider's port from the first line of stdout, and talks gRPC to it (see {@link PluginMain}).
 */
public final class Main {
    private Main() {
    }

    /** Starts the plugin; {@code args} are the engine's address and possibly flags such as {@code --logtostderr}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        PluginMain.serve("apigee provider", new ApigeeProvider(), args);
    }
}
