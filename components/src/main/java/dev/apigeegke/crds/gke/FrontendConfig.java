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
 * A GKE {@code FrontendConfig}: load balancer frontend settings of an Ingress, attached through the
 * Ingress annotation {@code networking.gke.io/v1beta1.FrontendConfig}.
 *
 * <p>The inputs are typed; the spec is not read back, so there is no {@code spec} output.
 */
@ResourceType(type = "kubernetes:networking.gke.io/v1beta1:FrontendConfig")
public class FrontendConfig extends CustomResource {
    @Export(name = "apiVersion", refs = {String.class}, tree = "[0]")
    private Output<String> apiVersion;

    /** The API version, always {@code networking.gke.io/v1beta1}. */
    public Output<String> apiVersion() {
        return this.apiVersion;
    }

    @Export(name = "kind", refs = {String.class}, tree = "[0]")
    private Output<String> kind;

    /** The kind, always {@code FrontendConfig}. */
    public Output<String> kind() {
        return this.kind;
    }

    @Export(name = "metadata", refs = {ObjectMeta.class}, tree = "[0]")
    private Output<ObjectMeta> metadata;

    /** The object metadata as stored by the API server. */
    public Output<ObjectMeta> metadata() {
        return this.metadata;
    }

    /** Creates a FrontendConfig with empty arguments. */
    public FrontendConfig(String name) {
        this(name, FrontendConfigArgs.Empty);
    }

    /** Creates a FrontendConfig with default resource options. */
    public FrontendConfig(String name, @Nullable FrontendConfigArgs args) {
        this(name, args, null);
    }

    /** Creates a FrontendConfig; {@code apiVersion} and {@code kind} are always overridden. */
    public FrontendConfig(String name, @Nullable FrontendConfigArgs args, @Nullable CustomResourceOptions options) {
        super("kubernetes:networking.gke.io/v1beta1:FrontendConfig", name, makeArgs(args), makeResourceOptions(options, Codegen.empty()));
    }

    private FrontendConfig(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        super("kubernetes:networking.gke.io/v1beta1:FrontendConfig", name, null, makeResourceOptions(options, id));
    }

    private static FrontendConfigArgs makeArgs(@Nullable FrontendConfigArgs args) {
        var builder = args == null ? FrontendConfigArgs.builder() : FrontendConfigArgs.builder(args);
        return builder
            .apiVersion("networking.gke.io/v1beta1")
            .kind("FrontendConfig")
            .build();
    }

    private static CustomResourceOptions makeResourceOptions(@Nullable CustomResourceOptions options, @Nullable Output<String> id) {
        // Pins the kubernetes provider plugin to the version of the SDK these classes compile against.
        var defaultOptions = CustomResourceOptions.builder()
            .version(Utilities.getVersion())
            .build();
        return CustomResourceOptions.merge(defaultOptions, options, id);
    }

    /** Reads the state of an existing FrontendConfig with the given provider id ({@code namespace/name}). */
    public static FrontendConfig get(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        return new FrontendConfig(name, id, options);
    }
}
