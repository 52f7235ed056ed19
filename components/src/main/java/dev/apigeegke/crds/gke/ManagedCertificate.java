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
 * A GKE {@code ManagedCertificate}: a Google-managed TLS certificate, attached to an Ingress through the
 * annotation {@code networking.gke.io/managed-certificates}.
 *
 * <p>The inputs are typed; the spec is not read back, so there is no {@code spec} output.
 */
@ResourceType(type = "kubernetes:networking.gke.io/v1:ManagedCertificate")
public class ManagedCertificate extends CustomResource {
    @Export(name = "apiVersion", refs = {String.class}, tree = "[0]")
    private Output<String> apiVersion;

    /** The API version, always {@code networking.gke.io/v1}. */
    public Output<String> apiVersion() {
        return this.apiVersion;
    }

    @Export(name = "kind", refs = {String.class}, tree = "[0]")
    private Output<String> kind;

    /** The kind, always {@code ManagedCertificate}. */
    public Output<String> kind() {
        return this.kind;
    }

    @Export(name = "metadata", refs = {ObjectMeta.class}, tree = "[0]")
    private Output<ObjectMeta> metadata;

    /** The object metadata as stored by the API server. */
    public Output<ObjectMeta> metadata() {
        return this.metadata;
    }

    /** Creates a ManagedCertificate with empty arguments. */
    public ManagedCertificate(String name) {
        this(name, ManagedCertificateArgs.Empty);
    }

    /** Creates a ManagedCertificate with default resource options. */
    public ManagedCertificate(String name, @Nullable ManagedCertificateArgs args) {
        this(name, args, null);
    }

    /** Creates a ManagedCertificate; {@code apiVersion} and {@code kind} are always overridden. */
    public ManagedCertificate(String name, @Nullable ManagedCertificateArgs args, @Nullable CustomResourceOptions options) {
        super("kubernetes:networking.gke.io/v1:ManagedCertificate", name, makeArgs(args), makeResourceOptions(options, Codegen.empty()));
    }

    private ManagedCertificate(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        super("kubernetes:networking.gke.io/v1:ManagedCertificate", name, null, makeResourceOptions(options, id));
    }

    private static ManagedCertificateArgs makeArgs(@Nullable ManagedCertificateArgs args) {
        var builder = args == null ? ManagedCertificateArgs.builder() : ManagedCertificateArgs.builder(args);
        return builder
            .apiVersion("networking.gke.io/v1")
            .kind("ManagedCertificate")
            .build();
    }

    private static CustomResourceOptions makeResourceOptions(@Nullable CustomResourceOptions options, @Nullable Output<String> id) {
        // Pins the kubernetes provider plugin to the version of the SDK these classes compile against.
        var defaultOptions = CustomResourceOptions.builder()
            .version(Utilities.getVersion())
            .build();
        return CustomResourceOptions.merge(defaultOptions, options, id);
    }

    /** Reads the state of an existing ManagedCertificate with the given provider id ({@code namespace/name}). */
    public static ManagedCertificate get(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        return new ManagedCertificate(name, id, options);
    }
}
