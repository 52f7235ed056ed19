package dev.apigeegke.crds.gke.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** The {@code spec.redirectToHttps} of a {@code FrontendConfig}. */
public final class FrontendConfigSpecRedirectToHttpsArgs extends ResourceArgs {

    /** Arguments with nothing set. */
    public static final FrontendConfigSpecRedirectToHttpsArgs Empty = new FrontendConfigSpecRedirectToHttpsArgs();

    @Import(name = "enabled", required = true)
    private Output<Boolean> enabled;

    /** Whether HTTP requests are redirected to HTTPS. */
    public Output<Boolean> enabled() {
        return this.enabled;
    }

    @Import(name = "responseCodeName")
    private @Nullable Output<String> responseCodeName;

    /** The redirect status, such as {@code MOVED_PERMANENTLY_DEFAULT} or {@code PERMANENT_REDIRECT}. */
    public Optional<Output<String>> responseCodeName() {
        return Optional.ofNullable(this.responseCodeName);
    }

    private FrontendConfigSpecRedirectToHttpsArgs() {
    }

    private FrontendConfigSpecRedirectToHttpsArgs(FrontendConfigSpecRedirectToHttpsArgs $) {
        this.enabled = $.enabled;
        this.responseCodeName = $.responseCodeName;
    }

    /** Starts a builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding a copy of {@code defaults}. */
    public static Builder builder(FrontendConfigSpecRedirectToHttpsArgs defaults) {
        return new Builder(defaults);
    }

    /** Builder of {@link FrontendConfigSpecRedirectToHttpsArgs}. */
    public static final class Builder {
        private FrontendConfigSpecRedirectToHttpsArgs $;

        /** Starts with nothing set. */
        public Builder() {
            $ = new FrontendConfigSpecRedirectToHttpsArgs();
        }

        /** Starts with a copy of {@code defaults}. */
        public Builder(FrontendConfigSpecRedirectToHttpsArgs defaults) {
            $ = new FrontendConfigSpecRedirectToHttpsArgs(Objects.requireNonNull(defaults));
        }

        /** Sets whether HTTP requests are redirected to HTTPS. Required. */
        public Builder enabled(Output<Boolean> enabled) {
            $.enabled = enabled;
            return this;
        }

        /** Sets whether HTTP requests are redirected to HTTPS. Required. */
        public Builder enabled(Boolean enabled) {
            return enabled(Output.of(enabled));
        }

        /** Sets the redirect status, such as {@code MOVED_PERMANENTLY_DEFAULT} or {@code PERMANENT_REDIRECT}. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder responseCodeName(@Nullable Output<String> responseCodeName) {
            $.responseCodeName = responseCodeName;
            return this;
        }

        /** Sets the redirect status, such as {@code MOVED_PERMANENTLY_DEFAULT} or {@code PERMANENT_REDIRECT}. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder responseCodeName(String responseCodeName) {
            return responseCodeName(Output.of(responseCodeName));
        }

        /** Checks that every required field is set (as the CRD schema requires) and returns the arguments. */
        public FrontendConfigSpecRedirectToHttpsArgs build() {
            if ($.enabled == null) {
                throw new MissingRequiredPropertyException("FrontendConfigSpecRedirectToHttpsArgs", "enabled");
            }
            return $;
        }
    }
}
