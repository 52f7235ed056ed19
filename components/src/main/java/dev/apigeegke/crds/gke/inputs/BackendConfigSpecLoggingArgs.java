package dev.apigeegke.crds.gke.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** The {@code spec.logging} of a {@code BackendConfig}. */
public final class BackendConfigSpecLoggingArgs extends ResourceArgs {

    /** Arguments with nothing set. */
    public static final BackendConfigSpecLoggingArgs Empty = new BackendConfigSpecLoggingArgs();

    @Import(name = "enable")
    private @Nullable Output<Boolean> enable;

    /** Whether the load balancer logs the requests to this backend service. */
    public Optional<Output<Boolean>> enable() {
        return Optional.ofNullable(this.enable);
    }

    @Import(name = "sampleRate")
    private @Nullable Output<Double> sampleRate;

    /** The fraction of requests logged, from 0.0 to 1.0. */
    public Optional<Output<Double>> sampleRate() {
        return Optional.ofNullable(this.sampleRate);
    }

    private BackendConfigSpecLoggingArgs() {
    }

    private BackendConfigSpecLoggingArgs(BackendConfigSpecLoggingArgs $) {
        this.enable = $.enable;
        this.sampleRate = $.sampleRate;
    }

    /** Starts a builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding a copy of {@code defaults}. */
    public static Builder builder(BackendConfigSpecLoggingArgs defaults) {
        return new Builder(defaults);
    }

    /** Builder of {@link BackendConfigSpecLoggingArgs}. */
    public static final class Builder {
        private BackendConfigSpecLoggingArgs $;

        /** Starts with nothing set. */
        public Builder() {
            $ = new BackendConfigSpecLoggingArgs();
        }

        /** Starts with a copy of {@code defaults}. */
        public Builder(BackendConfigSpecLoggingArgs defaults) {
            $ = new BackendConfigSpecLoggingArgs(Objects.requireNonNull(defaults));
        }

        /** Sets whether the load balancer logs the requests to this backend service. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder enable(@Nullable Output<Boolean> enable) {
            $.enable = enable;
            return this;
        }

        /** Sets whether the load balancer logs the requests to this backend service. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder enable(Boolean enable) {
            return enable(Output.of(enable));
        }

        /** Sets the fraction of requests logged, from 0.0 to 1.0. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder sampleRate(@Nullable Output<Double> sampleRate) {
            $.sampleRate = sampleRate;
            return this;
        }

        /** Sets the fraction of requests logged, from 0.0 to 1.0. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder sampleRate(Double sampleRate) {
            return sampleRate(Output.of(sampleRate));
        }

        /** Returns the arguments built so far. */
        public BackendConfigSpecLoggingArgs build() {
            return $;
        }
    }
}
