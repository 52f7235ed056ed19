package dev.apigeegke.crds.gke.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** The {@code spec.customRequestHeaders} of a {@code BackendConfig}. */
public final class BackendConfigSpecCustomRequestHeadersArgs extends ResourceArgs {

    /** Arguments with nothing set. */
    public static final BackendConfigSpecCustomRequestHeadersArgs Empty = new BackendConfigSpecCustomRequestHeadersArgs();

    @Import(name = "headers")
    private @Nullable Output<List<String>> headers;

    /** The added headers, each as {@code Name:Value}. */
    public Optional<Output<List<String>>> headers() {
        return Optional.ofNullable(this.headers);
    }

    private BackendConfigSpecCustomRequestHeadersArgs() {
    }

    private BackendConfigSpecCustomRequestHeadersArgs(BackendConfigSpecCustomRequestHeadersArgs $) {
        this.headers = $.headers;
    }

    /** Starts a builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding a copy of {@code defaults}. */
    public static Builder builder(BackendConfigSpecCustomRequestHeadersArgs defaults) {
        return new Builder(defaults);
    }

    /** Builder of {@link BackendConfigSpecCustomRequestHeadersArgs}. */
    public static final class Builder {
        private BackendConfigSpecCustomRequestHeadersArgs $;

        /** Starts with nothing set. */
        public Builder() {
            $ = new BackendConfigSpecCustomRequestHeadersArgs();
        }

        /** Starts with a copy of {@code defaults}. */
        public Builder(BackendConfigSpecCustomRequestHeadersArgs defaults) {
            $ = new BackendConfigSpecCustomRequestHeadersArgs(Objects.requireNonNull(defaults));
        }

        /** Sets the added headers, each as {@code Name:Value}. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder headers(@Nullable Output<List<String>> headers) {
            $.headers = headers;
            return this;
        }

        /** Sets the added headers, each as {@code Name:Value}. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder headers(List<String> headers) {
            return headers(Output.of(headers));
        }

        /** Sets the added headers, each as {@code Name:Value}. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder headers(String... headers) {
            return headers(List.of(headers));
        }

        /** Returns the arguments built so far. */
        public BackendConfigSpecCustomRequestHeadersArgs build() {
            return $;
        }
    }
}
