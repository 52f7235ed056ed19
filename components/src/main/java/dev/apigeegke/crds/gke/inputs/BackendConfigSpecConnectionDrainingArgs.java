package dev.apigeegke.crds.gke.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** The {@code spec.connectionDraining} of a {@code BackendConfig}. */
public final class BackendConfigSpecConnectionDrainingArgs extends ResourceArgs {

    /** Arguments with nothing set. */
    public static final BackendConfigSpecConnectionDrainingArgs Empty = new BackendConfigSpecConnectionDrainingArgs();

    @Import(name = "drainingTimeoutSec")
    private @Nullable Output<Integer> drainingTimeoutSec;

    /** The seconds in-flight requests get to finish when a backend is removed. */
    public Optional<Output<Integer>> drainingTimeoutSec() {
        return Optional.ofNullable(this.drainingTimeoutSec);
    }

    private BackendConfigSpecConnectionDrainingArgs() {
    }

    private BackendConfigSpecConnectionDrainingArgs(BackendConfigSpecConnectionDrainingArgs $) {
        this.drainingTimeoutSec = $.drainingTimeoutSec;
    }

    /** Starts a builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding a copy of {@code defaults}. */
    public static Builder builder(BackendConfigSpecConnectionDrainingArgs defaults) {
        return new Builder(defaults);
    }

    /** Builder of {@link BackendConfigSpecConnectionDrainingArgs}. */
    public static final class Builder {
        private BackendConfigSpecConnectionDrainingArgs $;

        /** Starts with nothing set. */
        public Builder() {
            $ = new BackendConfigSpecConnectionDrainingArgs();
        }

        /** Starts with a copy of {@code defaults}. */
        public Builder(BackendConfigSpecConnectionDrainingArgs defaults) {
            $ = new BackendConfigSpecConnectionDrainingArgs(Objects.requireNonNull(defaults));
        }

        /** Sets the seconds in-flight requests get to finish when a backend is removed. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder drainingTimeoutSec(@Nullable Output<Integer> drainingTimeoutSec) {
            $.drainingTimeoutSec = drainingTimeoutSec;
            return this;
        }

        /** Sets the seconds in-flight requests get to finish when a backend is removed. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder drainingTimeoutSec(Integer drainingTimeoutSec) {
            return drainingTimeoutSec(Output.of(drainingTimeoutSec));
        }

        /** Returns the arguments built so far. */
        public BackendConfigSpecConnectionDrainingArgs build() {
            return $;
        }
    }
}
