package dev.apigeegke.crds.gke;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ResourceArgs;
import dev.apigeegke.crds.gke.inputs.FrontendConfigSpecArgs;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** The arguments of {@link FrontendConfig}. */
public final class FrontendConfigArgs extends ResourceArgs {

    /** Arguments with nothing set. */
    public static final FrontendConfigArgs Empty = new FrontendConfigArgs();

    @Import(name = "apiVersion")
    private @Nullable Output<String> apiVersion;

    /** The API version; the resource forces {@code networking.gke.io/v1beta1}. */
    public Optional<Output<String>> apiVersion() {
        return Optional.ofNullable(this.apiVersion);
    }

    @Import(name = "kind")
    private @Nullable Output<String> kind;

    /** The kind; the resource forces {@code FrontendConfig}. */
    public Optional<Output<String>> kind() {
        return Optional.ofNullable(this.kind);
    }

    @Import(name = "metadata")
    private @Nullable Output<ObjectMetaArgs> metadata;

    /** The standard object metadata. */
    public Optional<Output<ObjectMetaArgs>> metadata() {
        return Optional.ofNullable(this.metadata);
    }

    @Import(name = "spec")
    private @Nullable Output<FrontendConfigSpecArgs> spec;

    /** The desired frontend settings. */
    public Optional<Output<FrontendConfigSpecArgs>> spec() {
        return Optional.ofNullable(this.spec);
    }

    private FrontendConfigArgs() {
    }

    private FrontendConfigArgs(FrontendConfigArgs $) {
        this.apiVersion = $.apiVersion;
        this.kind = $.kind;
        this.metadata = $.metadata;
        this.spec = $.spec;
    }

    /** Starts a builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding a copy of {@code defaults}. */
    public static Builder builder(FrontendConfigArgs defaults) {
        return new Builder(defaults);
    }

    /** Builder of {@link FrontendConfigArgs}. */
    public static final class Builder {
        private FrontendConfigArgs $;

        /** Starts with nothing set. */
        public Builder() {
            $ = new FrontendConfigArgs();
        }

        /** Starts with a copy of {@code defaults}. */
        public Builder(FrontendConfigArgs defaults) {
            $ = new FrontendConfigArgs(Objects.requireNonNull(defaults));
        }

        /** Sets the API version; the resource forces {@code networking.gke.io/v1beta1}. Default: the value the resource forces. */
        public Builder apiVersion(@Nullable Output<String> apiVersion) {
            $.apiVersion = apiVersion;
            return this;
        }

        /** Sets the API version; the resource forces {@code networking.gke.io/v1beta1}. Default: the value the resource forces. */
        public Builder apiVersion(String apiVersion) {
            return apiVersion(Output.of(apiVersion));
        }

        /** Sets the kind; the resource forces {@code FrontendConfig}. Default: the value the resource forces. */
        public Builder kind(@Nullable Output<String> kind) {
            $.kind = kind;
            return this;
        }

        /** Sets the kind; the resource forces {@code FrontendConfig}. Default: the value the resource forces. */
        public Builder kind(String kind) {
            return kind(Output.of(kind));
        }

        /** Sets the standard object metadata. Default: unset, so it is not sent (the Kubernetes provider then names the object after the resource). */
        public Builder metadata(@Nullable Output<ObjectMetaArgs> metadata) {
            $.metadata = metadata;
            return this;
        }

        /** Sets the standard object metadata. Default: unset, so it is not sent (the Kubernetes provider then names the object after the resource). */
        public Builder metadata(ObjectMetaArgs metadata) {
            return metadata(Output.of(metadata));
        }

        /** Sets the desired frontend settings. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder spec(@Nullable Output<FrontendConfigSpecArgs> spec) {
            $.spec = spec;
            return this;
        }

        /** Sets the desired frontend settings. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder spec(FrontendConfigSpecArgs spec) {
            return spec(Output.of(spec));
        }

        /** Returns the arguments built so far. */
        public FrontendConfigArgs build() {
            return $;
        }
    }
}
