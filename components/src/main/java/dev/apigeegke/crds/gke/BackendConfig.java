package dev.apigeegke.crds.gke;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.kubernetes.Utilities;
import com.pulumi.kubernetes.meta.v1.outputs.ObjectMeta;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

/**
 * A GKE {@code BackendConfig}: load balancer settings of the backend services of a Service, attached
 * through the Service annotation {@code cloud.google.com/backend-config}.
 *
 * <p>The inputs are typed; the spec is not read back, so there is no {@code spec} output.
 */
@ResourceType(type = "kubernetes:cloud.google.com/v1:BackendConfig")
public class BackendConfig extends CustomResource {
    @Export(name = "apiVersion", refs = {String.class}, tree = "[0]")
    private Output<String> apiVersion;

    /** The API version, always {@code cloud.google.com/v1}. */
    public Output<String> apiVersion() {
        return this.apiVersion;
    }

    @Export(name = "kind", refs = {String.class}, tree = "[0]")
    private Output<String> kind;

    /** The kind, always {@code BackendConfig}. */
    public Output<String> kind() {
        return this.kind;
    }

    @Export(name = "metadata", refs = {ObjectMeta.class}, tree = "[0]")
    private Output<ObjectMeta> metadata;

    /** The object metadata as stored by the API server. */
    public Output<ObjectMeta> metadata() {
        return this.metadata;
    }

    /** Creates a BackendConfig with empty arguments. */
    public BackendConfig(String name) {
        this(name, BackendConfigArgs.Empty);
    }

    /** Creates a BackendConfig with default resource options. */
    public BackendConfig(String name, @Nullable BackendConfigArgs args) {
        this(name, args, null);
    }

    /** Creates a BackendConfig; {@code apiVersion} and {@code kind} are always overridden. */
    public BackendConfig(String name, @Nullable BackendConfigArgs args, @Nullable CustomResourceOptions options) {
        super("kubernetes:cloud.google.com/v1:BackendConfig", name, makeArgs(args), makeResourceOptions(options, Codegen.empty()));
    }

    private BackendConfig(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        super("kubernetes:cloud.google.com/v1:BackendConfig", name, null, makeResourceOptions(options, id));
    }

    private static BackendConfigArgs makeArgs(@Nullable BackendConfigArgs args) {
        var builder = args == null ? BackendConfigArgs.builder() : BackendConfigArgs.builder(args);
        return builder
            .apiVersion("cloud.google.com/v1")
            .kind("BackendConfig")
            .build();
    }

    private static CustomResourceOptions makeResourceOptions(@Nullable CustomResourceOptions options, @Nullable Output<String> id) {
        // Pins the kubernetes provider plugin to the version of the SDK these classes compile against.
        var defaultOptions = CustomResourceOptions.builder()
            .version(Utilities.getVersion())
            .build();
        return CustomResourceOptions.merge(defaultOptions, options, id);
    }

    /** Reads the state of an existing BackendConfig with the given provider id ({@code namespace/name}). */
    public static BackendConfig get(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        return new BackendConfig(name, id, options);
    }
}
