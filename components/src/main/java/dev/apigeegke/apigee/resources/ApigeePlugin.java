package dev.apigeegke.apigee.resources;

import com.pulumi.resources.CustomResourceOptions;
import java.util.List;

/**
 * The Apigee provider plugin the resources of this package need, as a generated SDK declares it on every registration:
 * its version, so that the engine picks (and names the default provider after) the plugin these classes match, and
 * where the engine downloads it from when it is not installed.
 */
public final class ApigeePlugin {
    /** The plugin's version: the provider's schema version, which its {@code GetPluginInfo} reports. */
    public static final String VERSION = "0.1.0";
    /** Where the engine finds the plugin's release archives (a GitHub release of this project). */
    public static final String DOWNLOAD_URL = "github://api.github.com/apigee-gke/apigee-gke";

    private ApigeePlugin() {
    }

    /** The options every registration of a resource of this package starts from. */
    static CustomResourceOptions.Builder defaults(List<String> replaceOnChanges) {
        return CustomResourceOptions.builder()
                .version(VERSION)
                .pluginDownloadURL(DOWNLOAD_URL)
                .replaceOnChanges(replaceOnChanges);
    }
}
