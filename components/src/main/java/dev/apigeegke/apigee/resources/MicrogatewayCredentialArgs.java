package dev.apigeegke.apigee.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;

/** The arguments of {@link MicrogatewayCredential}. */
public final class MicrogatewayCredentialArgs extends ResourceArgs {

    @Import(name = "environment", required = true)
    private Output<String> environment;

    /** The Apigee Edge environment the gateway serves. */
    public Output<String> environment() {
        return this.environment;
    }

    private MicrogatewayCredentialArgs() {
    }

    private MicrogatewayCredentialArgs(MicrogatewayCredentialArgs $) {
        this.environment = $.environment;
    }

    /** Starts a builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding a copy of {@code defaults}. */
    public static Builder builder(MicrogatewayCredentialArgs defaults) {
        return new Builder(defaults);
    }

    /** Builder of {@link MicrogatewayCredentialArgs}. */
    public static final class Builder {
        private MicrogatewayCredentialArgs $;

        /** Starts with nothing set. */
        public Builder() {
            $ = new MicrogatewayCredentialArgs();
        }

        /** Starts with a copy of {@code defaults}. */
        public Builder(MicrogatewayCredentialArgs defaults) {
            $ = new MicrogatewayCredentialArgs(Objects.requireNonNull(defaults));
        }

        /**
         * Sets the Apigee Edge environment the gateway serves; changing it registers a new key and revokes the old one.
         * Required.
         */
        public Builder environment(Output<String> environment) {
            $.environment = environment;
            return this;
        }

        /**
         * Sets the Apigee Edge environment the gateway serves; changing it registers a new key and revokes the old one.
         * Required.
         */
        public Builder environment(String environment) {
            return environment(Output.of(environment));
        }

        /** Checks that every required input is set and returns the arguments. */
        public MicrogatewayCredentialArgs build() {
            if ($.environment == null) {
                throw new MissingRequiredPropertyException("MicrogatewayCredentialArgs", "environment");
            }
            return $;
        }
    }
}
