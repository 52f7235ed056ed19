package dev.apigeegke.crds.gke.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** The {@code spec} of a {@code FrontendConfig}. */
public final class FrontendConfigSpecArgs extends ResourceArgs {

    /** Arguments with nothing set. */
    public static final FrontendConfigSpecArgs Empty = new FrontendConfigSpecArgs();

    @Import(name = "sslPolicy")
    private @Nullable Output<String> sslPolicy;

    /** The name of the Compute Engine SSL policy of the target HTTPS proxy. */
    public Optional<Output<String>> sslPolicy() {
        return Optional.ofNullable(this.sslPolicy);
    }

    @Import(name = "redirectToHttps")
    private @Nullable Output<FrontendConfigSpecRedirectToHttpsArgs> redirectToHttps;

    /** The HTTP-to-HTTPS redirect of the HTTP frontend. */
    public Optional<Output<FrontendConfigSpecRedirectToHttpsArgs>> redirectToHttps() {
        return Optional.ofNullable(this.redirectToHttps);
    }

    private FrontendConfigSpecArgs() {
    }

    private FrontendConfigSpecArgs(FrontendConfigSpecArgs $) {
        this.sslPolicy = $.sslPolicy;
        this.redirectToHttps = $.redirectToHttps;
    }

    /** Starts a builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding a copy of {@code defaults}. */
    public static Builder builder(FrontendConfigSpecArgs defaults) {
        return new Builder(defaults);
    }

    /** Builder of {@link FrontendConfigSpecArgs}. */
    public static final class Builder {
        private FrontendConfigSpecArgs $;

        /** Starts with nothing set. */
        public Builder() {
            $ = new FrontendConfigSpecArgs();
        }

        /** Starts with a copy of {@code defaults}. */
        public Builder(FrontendConfigSpecArgs defaults) {
            $ = new FrontendConfigSpecArgs(Objects.requireNonNull(defaults));
        }

        /** Sets the name of the Compute Engine SSL policy of the target HTTPS proxy. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder sslPolicy(@Nullable Output<String> sslPolicy) {
            $.sslPolicy = sslPolicy;
            return this;
        }

        /** Sets the name of the Compute Engine SSL policy of the target HTTPS proxy. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder sslPolicy(String sslPolicy) {
            return sslPolicy(Output.of(sslPolicy));
        }

        /** Sets the HTTP-to-HTTPS redirect of the HTTP frontend. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder redirectToHttps(@Nullable Output<FrontendConfigSpecRedirectToHttpsArgs> redirectToHttps) {
            $.redirectToHttps = redirectToHttps;
            return this;
        }

        /** Sets the HTTP-to-HTTPS redirect of the HTTP frontend. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder redirectToHttps(FrontendConfigSpecRedirectToHttpsArgs redirectToHttps) {
            return redirectToHttps(Output.of(redirectToHttps));
        }

        /** Returns the arguments built so far. */
        public FrontendConfigSpecArgs build() {
            return $;
        }
    }
}
