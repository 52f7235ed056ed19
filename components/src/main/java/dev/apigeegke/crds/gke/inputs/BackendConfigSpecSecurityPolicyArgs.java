package dev.apigeegke.crds.gke.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** The {@code spec.securityPolicy} of a {@code BackendConfig}. */
public final class BackendConfigSpecSecurityPolicyArgs extends ResourceArgs {

    /** Arguments with nothing set. */
    public static final BackendConfigSpecSecurityPolicyArgs Empty = new BackendConfigSpecSecurityPolicyArgs();

    @Import(name = "name")
    private @Nullable Output<String> name;

    /** The name of the Cloud Armor security policy. */
    public Optional<Output<String>> name() {
        return Optional.ofNullable(this.name);
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

        /** Sets the name of the Cloud Armor security policy. */
        public Builder name(@Nullable Output<String> name) {
            $.name = name;
            return this;
        }

        /** Sets the name of the Cloud Armor security policy. */
        public Builder name(String name) {
            return name(Output.of(name));
        }

        /** Returns the arguments built so far. */
        public BackendConfigSpecSecurityPolicyArgs build() {
            return $;
        }
    }
}
