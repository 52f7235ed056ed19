package dev.apigeegke.apigee.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.internal.Codegen;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** The arguments of {@link TargetServer}. */
public final class TargetServerArgs extends ResourceArgs {

    @Import(name = "environment", required = true)
    private Output<String> environment;

    /** The environment the target server belongs to. */
    public Output<String> environment() {
        return this.environment;
    }

    @Import(name = "name", required = true)
    private Output<String> name;

    /** The target server's name, which TargetEndpoints reference with {@code <Server name=...>}. */
    public Output<String> name() {
        return this.name;
    }

    @Import(name = "host", required = true)
    private Output<String> host;

    /** The backend's host name or IP address. */
    public Output<String> host() {
        return this.host;
    }

    @Import(name = "port", required = true)
    private Output<Integer> port;

    /** The backend's port. */
    public Output<Integer> port() {
        return this.port;
    }

    @Import(name = "sslEnabled")
    private @Nullable Output<Boolean> sslEnabled;

    /** Whether Apigee connects to the backend over TLS; default {@code false}. */
    public Optional<Output<Boolean>> sslEnabled() {
        return Optional.ofNullable(this.sslEnabled);
    }

    @Import(name = "enabled")
    private @Nullable Output<Boolean> enabled;

    /** Whether proxies may route to the target server; default {@code true}. */
    public Optional<Output<Boolean>> enabled() {
        return Optional.ofNullable(this.enabled);
    }

    private TargetServerArgs() {
    }

    private TargetServerArgs(TargetServerArgs $) {
        this.environment = $.environment;
        this.name = $.name;
        this.host = $.host;
        this.port = $.port;
        this.sslEnabled = $.sslEnabled;
        this.enabled = $.enabled;
    }

    /** Starts a builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding a copy of {@code defaults}. */
    public static Builder builder(TargetServerArgs defaults) {
        return new Builder(defaults);
    }

    /** Builder of {@link TargetServerArgs}. */
    public static final class Builder {
        private TargetServerArgs $;

        /** Starts with nothing set. */
        public Builder() {
            $ = new TargetServerArgs();
        }

        /** Starts with a copy of {@code defaults}. */
        public Builder(TargetServerArgs defaults) {
            $ = new TargetServerArgs(Objects.requireNonNull(defaults));
        }

        /** Sets the environment the target server belongs to. Required. */
        public Builder environment(Output<String> environment) {
            $.environment = environment;
            return this;
        }

        /** Sets the environment the target server belongs to. Required. */
        public Builder environment(String environment) {
            return environment(Output.of(environment));
        }

        /** Sets the target server's name, which TargetEndpoints reference with {@code <Server name=...>}. Required. */
        public Builder name(Output<String> name) {
            $.name = name;
            return this;
        }

        /** Sets the target server's name, which TargetEndpoints reference with {@code <Server name=...>}. Required. */
        public Builder name(String name) {
            return name(Output.of(name));
        }

        /** Sets the backend's host name or IP address. Required. */
        public Builder host(Output<String> host) {
            $.host = host;
            return this;
        }

        /** Sets the backend's host name or IP address. Required. */
        public Builder host(String host) {
            return host(Output.of(host));
        }

        /** Sets the backend's port. Required. */
        public Builder port(Output<Integer> port) {
            $.port = port;
            return this;
        }

        /** Sets the backend's port. Required. */
        public Builder port(Integer port) {
            return port(Output.of(port));
        }

        /** Sets whether Apigee connects to the backend over TLS. Default: {@code false}. */
        public Builder sslEnabled(@Nullable Output<Boolean> sslEnabled) {
            $.sslEnabled = sslEnabled;
            return this;
        }

        /** Sets whether Apigee connects to the backend over TLS. Default: {@code false}. */
        public Builder sslEnabled(Boolean sslEnabled) {
            return sslEnabled(Output.of(sslEnabled));
        }

        /** Sets whether proxies may route to the target server. Default: {@code true}. */
        public Builder enabled(@Nullable Output<Boolean> enabled) {
            $.enabled = enabled;
            return this;
        }

        /** Sets whether proxies may route to the target server. Default: {@code true}. */
        public Builder enabled(Boolean enabled) {
            return enabled(Output.of(enabled));
        }

        /** Checks that every required input is set, applies the defaults, and returns the arguments. */
        public TargetServerArgs build() {
            if ($.environment == null) {
                throw new MissingRequiredPropertyException("TargetServerArgs", "environment");
            }
            if ($.name == null) {
                throw new MissingRequiredPropertyException("TargetServerArgs", "name");
            }
            if ($.host == null) {
                throw new MissingRequiredPropertyException("TargetServerArgs", "host");
            }
            if ($.port == null) {
                throw new MissingRequiredPropertyException("TargetServerArgs", "port");
            }
            $.sslEnabled = Codegen.booleanProp("sslEnabled").output().arg($.sslEnabled).def(false).getNullable();
            $.enabled = Codegen.booleanProp("enabled").output().arg($.enabled).def(true).getNullable();
            return $;
        }
    }
}
