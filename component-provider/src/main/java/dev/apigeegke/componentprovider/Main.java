package dev.apigeegke.componentprovider;

import dev.apigeegke.internal.sdk.SdkTaskRunnerWorkaround;
import dev.apigeegke.plugin.PluginMain;
import java.io.IOException;

/**
 * {@code pulumi-resource-apigee-gke}: the apigee-gke components served to Pulumi programs in any language. The engine
 * starts it with its own address as the argument and reads its port from the first line of stdout (see
 * {@link PluginMain}); each component a program declares arrives as a {@code Construct} call.
 */
public final class Main {
    private Main() {
    }

    /** Starts the plugin; {@code args} are the engine's address and possibly flags such as {@code --logtostderr}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        SdkTaskRunnerWorkaround.apply();
        var engine = PluginMain.engineAddress("apigee-gke component provider", args)
                .map(a -> a.getHostString() + ":" + a.getPort())
                .orElse("");
        PluginMain.serve("apigee-gke component provider", new ComponentProviderService(engine), args);
    }
}
