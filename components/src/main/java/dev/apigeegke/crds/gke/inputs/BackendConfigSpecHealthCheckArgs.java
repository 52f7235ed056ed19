package dev.apigeegke.crds.gke.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** The {@code spec.healthCheck} of a {@code BackendConfig}. */
public final class BackendConfigSpecHealthCheckArgs extends ResourceArgs {

    /** Arguments with nothing set. */
    public static final BackendConfigSpecHealthCheckArgs Empty = new BackendConfigSpecHealthCheckArgs();

    @Import(name = "checkIntervalSec")
    private @Nullable Output<Integer> checkIntervalSec;

    /** The seconds between two probes. */
    public Optional<Output<Integer>> checkIntervalSec() {
        return Optional.ofNullable(this.checkIntervalSec);
    }

    @Import(name = "timeoutSec")
    private @Nullable Output<Integer> timeoutSec;

    /** The seconds a probe waits for its response. */
    public Optional<Output<Integer>> timeoutSec() {
        return Optional.ofNullable(this.timeoutSec);
    }

    @Import(name = "healthyThreshold")
    private @Nullable Output<Integer> healthyThreshold;

    /** The consecutive successes that mark a backend healthy. */
    public Optional<Output<Integer>> healthyThreshold() {
        return Optional.ofNullable(this.healthyThreshold);
    }

    @Import(name = "unhealthyThreshold")
    private @Nullable Output<Integer> unhealthyThreshold;

    /** The consecutive failures that mark a backend unhealthy. */
    public Optional<Output<Integer>> unhealthyThreshold() {
        return Optional.ofNullable(this.unhealthyThreshold);
    }

    @Import(name = "type")
    private @Nullable Output<String> type;

    /** The probe protocol: {@code HTTP}, {@code HTTPS} or {@code HTTP2}. */
    public Optional<Output<String>> type() {
        return Optional.ofNullable(this.type);
    }

    @Import(name = "requestPath")
    private @Nullable Output<String> requestPath;

    /** The request path of the probes. */
    public Optional<Output<String>> requestPath() {
        return Optional.ofNullable(this.requestPath);
    }

    @Import(name = "port")
    private @Nullable Output<Integer> port;

    /** The port probed, when it is not the serving port. */
    public Optional<Output<Integer>> port() {
        return Optional.ofNullable(this.port);
    }

    private BackendConfigSpecHealthCheckArgs() {
    }

    private BackendConfigSpecHealthCheckArgs(BackendConfigSpecHealthCheckArgs $) {
        this.checkIntervalSec = $.checkIntervalSec;
        this.timeoutSec = $.timeoutSec;
        this.healthyThreshold = $.healthyThreshold;
        this.unhealthyThreshold = $.unhealthyThreshold;
        this.type = $.type;
        this.requestPath = $.requestPath;
        this.port = $.port;
    }

    /** Starts a builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding a copy of {@code defaults}. */
    public static Builder builder(BackendConfigSpecHealthCheckArgs defaults) {
        return new Builder(defaults);
    }

    /** Builder of {@link BackendConfigSpecHealthCheckArgs}. */
    public static final class Builder {
        private BackendConfigSpecHealthCheckArgs $;

        /** Starts with nothing set. */
        public Builder() {
            $ = new BackendConfigSpecHealthCheckArgs();
        }

        /** Starts with a copy of {@code defaults}. */
        public Builder(BackendConfigSpecHealthCheckArgs defaults) {
            $ = new BackendConfigSpecHealthCheckArgs(Objects.requireNonNull(defaults));
        }

        /** Sets the seconds between two probes. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder checkIntervalSec(@Nullable Output<Integer> checkIntervalSec) {
            $.checkIntervalSec = checkIntervalSec;
            return this;
        }

        /** Sets the seconds between two probes. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder checkIntervalSec(Integer checkIntervalSec) {
            return checkIntervalSec(Output.of(checkIntervalSec));
        }

        /** Sets the seconds a probe waits for its response. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder timeoutSec(@Nullable Output<Integer> timeoutSec) {
            $.timeoutSec = timeoutSec;
            return this;
        }

        /** Sets the seconds a probe waits for its response. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder timeoutSec(Integer timeoutSec) {
            return timeoutSec(Output.of(timeoutSec));
        }

        /** Sets the consecutive successes that mark a backend healthy. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder healthyThreshold(@Nullable Output<Integer> healthyThreshold) {
            $.healthyThreshold = healthyThreshold;
            return this;
        }

        /** Sets the consecutive successes that mark a backend healthy. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder healthyThreshold(Integer healthyThreshold) {
            return healthyThreshold(Output.of(healthyThreshold));
        }

        /** Sets the consecutive failures that mark a backend unhealthy. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder unhealthyThreshold(@Nullable Output<Integer> unhealthyThreshold) {
            $.unhealthyThreshold = unhealthyThreshold;
            return this;
        }

        /** Sets the consecutive failures that mark a backend unhealthy. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder unhealthyThreshold(Integer unhealthyThreshold) {
            return unhealthyThreshold(Output.of(unhealthyThreshold));
        }

        /** Sets the probe protocol: {@code HTTP}, {@code HTTPS} or {@code HTTP2}. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder type(@Nullable Output<String> type) {
            $.type = type;
            return this;
        }

        /** Sets the probe protocol: {@code HTTP}, {@code HTTPS} or {@code HTTP2}. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder type(String type) {
            return type(Output.of(type));
        }

        /** Sets the request path of the probes. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder requestPath(@Nullable Output<String> requestPath) {
            $.requestPath = requestPath;
            return this;
        }

        /** Sets the request path of the probes. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder requestPath(String requestPath) {
            return requestPath(Output.of(requestPath));
        }

        /** Sets the port probed, when it is not the serving port. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder port(@Nullable Output<Integer> port) {
            $.port = port;
            return this;
        }

        /** Sets the port probed, when it is not the serving port. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder port(Integer port) {
            return port(Output.of(port));
        }

        /** Returns the arguments built so far. */
        public BackendConfigSpecHealthCheckArgs build() {
            return $;
        }
    }
}
