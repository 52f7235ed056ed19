package dev.apigeegke.apigee.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import javax.annotation.Nullable;

/**
 * A target server of one Apigee environment: a named backend host and port, so that proxy bundles name
 * their backend instead of hard-coding its address.
 */
@ResourceType(type = "apigee:index:TargetServer")
public class TargetServer extends CustomResource {
    @Export(name = "environment", refs = {String.class}, tree = "[0]")
    private Output<String> environment;

    /** The environment the target server belongs to. */
    public Output<String> environment() {
        return this.environment;
    }

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    /** The target server's name, which TargetEndpoints reference with {@code <Server name=...>}. */
    public Output<String> name() {
        return this.name;
    }

    @Export(name = "host", refs = {String.class}, tree = "[0]")
    private Output<String> host;

    /** The backend's host name or IP address. */
    public Output<String> host() {
        return this.host;
    }

    @Export(name = "port", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> port;

    /** The backend's port. */
    public Output<Integer> port() {
        return this.port;
    }

    @Export(name = "sslEnabled", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> sslEnabled;

    /** Whether Apigee connects to the backend over TLS; default {@code false}. */
    public Output<Boolean> sslEnabled() {
        return this.sslEnabled;
    }

    @Export(name = "enabled", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> enabled;

    /** Whether proxies may route to the target server; default {@code true}. */
    public Output<Boolean> enabled() {
        return this.enabled;
    }

    /** Creates a TargetServer with default resource options. */
    public TargetServer(String name, TargetServerArgs args) {
        this(name, args, null);
    }

    /** Creates a TargetServer. */
    public TargetServer(String name, TargetServerArgs args, @Nullable CustomResourceOptions options) {
        super("apigee:index:TargetServer", name, args, makeResourceOptions(options, Codegen.empty()));
    }

    private TargetServer(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        super("apigee:index:TargetServer", name, null, makeResourceOptions(options, id));
    }

    private static CustomResourceOptions makeResourceOptions(@Nullable CustomResourceOptions options, @Nullable Output<String> id) {
        // The identity inputs on Apigee (replaceOnChanges in the provider's schema), declared as generated SDKs do.
        var defaultOptions = ApigeePlugin.defaults(List.of("environment", "name"))
            .build();
        return CustomResourceOptions.merge(defaultOptions, options, id);
    }

    /** Reads the state of an existing TargetServer with the given provider id ({@code environment/name}). */
    public static TargetServer get(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        return new TargetServer(name, id, options);
    }
}
