package dev.apigeegke.crds.gke.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;

/** The {@code spec.securityPolicy} of a {@code BackendConfig}. */
public final class BackendConfigSpecSecurityPolicyArgs extends ResourceArgs {

    /** Arguments with nothing set. */
    public static final BackendConfigSpecSecurityPolicyArgs Empty = new BackendConfigSpecSecurityPolicyArgs();

    @Import(name = "name", required = true)
    private Output<String> name;

    /** The name of the Cloud Armor security policy. */
    public Output<String> name() {
        return this.name;
    }

    private BackendConfigSpecSecurityPolicyArgs() {
    }

    private BackendConfigSpecSecurityPolicyArgs(BackendConfigSpecSecurityPolicyArgs $) {
        this.name = $.name;
    }

    /** Starts a builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding a copy of {@code defaults}. */
    public static Builder builder(BackendConfigSpecSecurityPolicyArgs defaults) {
        return new Builder(defaults);
    }

    /** Builder of {@link BackendConfigSpecSecurityPolicyArgs}. */
    public static final class Builder {
        private BackendConfigSpecSecurityPolicyArgs $;

        /** Starts with nothing set. */
        public Builder() {
            $ = new BackendConfigSpecSecurityPolicyArgs();
        }

        /** Starts with a copy of {@code defaults}. */
        public Builder(BackendConfigSpecSecurityPolicyArgs defaults) {
            $ = new BackendConfigSpecSecurityPolicyArgs(Objects.requireNonNull(defaults));
        }

        /** Sets the name of the Cloud Armor security policy. Required. */
        public Builder name(Output<String> name) {
            $.name = name;
            return this;
        }

        /** Sets the name of the Cloud Armor security policy. Required. */
        public Builder name(String name) {
            return name(Output.of(name));
        }

        /** Checks that every required field is set (as the CRD schema requires) and returns the arguments. */
        public BackendConfigSpecSecurityPolicyArgs build() {
            if ($.name == null) {
                throw new MissingRequiredPropertyException("BackendConfigSpecSecurityPolicyArgs", "name");
            }
            return $;
        }
    }
}
