package dev.apigeegke.crds.gke.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** The {@code spec} of a {@code BackendConfig}. */
public final class BackendConfigSpecArgs extends ResourceArgs {

    /** Arguments with nothing set. */
    public static final BackendConfigSpecArgs Empty = new BackendConfigSpecArgs();

    @Import(name = "securityPolicy")
    private @Nullable Output<BackendConfigSpecSecurityPolicyArgs> securityPolicy;

    /** The Cloud Armor security policy of the backend service. */
    public Optional<Output<BackendConfigSpecSecurityPolicyArgs>> securityPolicy() {
        return Optional.ofNullable(this.securityPolicy);
    }

    @Import(name = "timeoutSec")
    private @Nullable Output<Integer> timeoutSec;

    /** The backend service timeout in seconds. */
    public Optional<Output<Integer>> timeoutSec() {
        return Optional.ofNullable(this.timeoutSec);
    }

    @Import(name = "connectionDraining")
    private @Nullable Output<BackendConfigSpecConnectionDrainingArgs> connectionDraining;

    /** The connection draining settings of the backend service. */
    public Optional<Output<BackendConfigSpecConnectionDrainingArgs>> connectionDraining() {
        return Optional.ofNullable(this.connectionDraining);
    }

    @Import(name = "healthCheck")
    private @Nullable Output<BackendConfigSpecHealthCheckArgs> healthCheck;

    /** The load balancer health check of the backends. */
    public Optional<Output<BackendConfigSpecHealthCheckArgs>> healthCheck() {
        return Optional.ofNullable(this.healthCheck);
    }

    @Import(name = "logging")
    private @Nullable Output<BackendConfigSpecLoggingArgs> logging;

    /** The request logging of the load balancer for this backend service. */
    public Optional<Output<BackendConfigSpecLoggingArgs>> logging() {
        return Optional.ofNullable(this.logging);
    }

    @Import(name = "customRequestHeaders")
    private @Nullable Output<BackendConfigSpecCustomRequestHeadersArgs> customRequestHeaders;

    /** The headers the load balancer adds to the requests it forwards. */
    public Optional<Output<BackendConfigSpecCustomRequestHeadersArgs>> customRequestHeaders() {
        return Optional.ofNullable(this.customRequestHeaders);
    }

    private BackendConfigSpecArgs() {
    }

    private BackendConfigSpecArgs(BackendConfigSpecArgs $) {
        this.securityPolicy = $.securityPolicy;
        this.timeoutSec = $.timeoutSec;
        this.connectionDraining = $.connectionDraining;
        this.healthCheck = $.healthCheck;
        this.logging = $.logging;
        this.customRequestHeaders = $.customRequestHeaders;
    }

    /** Starts a builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding a copy of {@code defaults}. */
    public static Builder builder(BackendConfigSpecArgs defaults) {
        return new Builder(defaults);
    }

    /** Builder of {@link BackendConfigSpecArgs}. */
    public static final class Builder {
        private BackendConfigSpecArgs $;

        /** Starts with nothing set. */
        public Builder() {
            $ = new BackendConfigSpecArgs();
        }

        /** Starts with a copy of {@code defaults}. */
        public Builder(BackendConfigSpecArgs defaults) {
            $ = new BackendConfigSpecArgs(Objects.requireNonNull(defaults));
        }

        /** Sets the Cloud Armor security policy of the backend service. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder securityPolicy(@Nullable Output<BackendConfigSpecSecurityPolicyArgs> securityPolicy) {
            $.securityPolicy = securityPolicy;
            return this;
        }

        /** Sets the Cloud Armor security policy of the backend service. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder securityPolicy(BackendConfigSpecSecurityPolicyArgs securityPolicy) {
            return securityPolicy(Output.of(securityPolicy));
        }

        /** Sets the backend service timeout in seconds. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder timeoutSec(@Nullable Output<Integer> timeoutSec) {
            $.timeoutSec = timeoutSec;
            return this;
        }

        /** Sets the backend service timeout in seconds. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder timeoutSec(Integer timeoutSec) {
            return timeoutSec(Output.of(timeoutSec));
        }

        /** Sets the connection draining settings of the backend service. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder connectionDraining(@Nullable Output<BackendConfigSpecConnectionDrainingArgs> connectionDraining) {
            $.connectionDraining = connectionDraining;
            return this;
        }

        /** Sets the connection draining settings of the backend service. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder connectionDraining(BackendConfigSpecConnectionDrainingArgs connectionDraining) {
            return connectionDraining(Output.of(connectionDraining));
        }

        /** Sets the load balancer health check of the backends. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder healthCheck(@Nullable Output<BackendConfigSpecHealthCheckArgs> healthCheck) {
            $.healthCheck = healthCheck;
            return this;
        }

        /** Sets the load balancer health check of the backends. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder healthCheck(BackendConfigSpecHealthCheckArgs healthCheck) {
            return healthCheck(Output.of(healthCheck));
        }

        /** Sets the request logging of the load balancer for this backend service. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder logging(@Nullable Output<BackendConfigSpecLoggingArgs> logging) {
            $.logging = logging;
            return this;
        }

        /** Sets the request logging of the load balancer for this backend service. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder logging(BackendConfigSpecLoggingArgs logging) {
            return logging(Output.of(logging));
        }

        /** Sets the headers the load balancer adds to the requests it forwards. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder customRequestHeaders(@Nullable Output<BackendConfigSpecCustomRequestHeadersArgs> customRequestHeaders) {
            $.customRequestHeaders = customRequestHeaders;
            return this;
        }

        /** Sets the headers the load balancer adds to the requests it forwards. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder customRequestHeaders(BackendConfigSpecCustomRequestHeadersArgs customRequestHeaders) {
            return customRequestHeaders(Output.of(customRequestHeaders));
        }

        /** Returns the arguments built so far. */
        public BackendConfigSpecArgs build() {
            return $;
        }
    }
}
