package dev.apigeegke.apigee.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** The arguments of {@link ApiProxy}. */
public final class ApiProxyArgs extends ResourceArgs {

    @Import(name = "name", required = true)
    private Output<String> name;

    /** The proxy's name on Apigee. */
    public Output<String> name() {
        return this.name;
    }

    @Import(name = "bundle", required = true)
    private Output<String> bundle;

    /** The proxy bundle: a zip holding {@code apiproxy/}, base64-encoded; watch {@code bundleHash} in diffs, not this. */
    public Output<String> bundle() {
        return this.bundle;
    }

    @Import(name = "bundleHash", required = true)
    private Output<String> bundleHash;

    /** The SHA-256 of the bundle zip in lowercase hex; a new hash means a new bundle, and is the diff to watch. */
    public Output<String> bundleHash() {
        return this.bundleHash;
    }

    @Import(name = "environments", required = true)
    private Output<List<String>> environments;

    /** The environments the imported revision is deployed to. */
    public Output<List<String>> environments() {
        return this.environments;
    }

    @Import(name = "serviceAccount")
    private @Nullable Output<String> serviceAccount;

    /**
     * The service account the deployments run as, on Apigee X only (rejected on Edge); unset, deployments get none.
     * Changing it deploys the current revision again.
     */
    public Optional<Output<String>> serviceAccount() {
        return Optional.ofNullable(this.serviceAccount);
    }

    @Import(name = "adoptExisting")
    private @Nullable Output<Boolean> adoptExisting;

    /**
     * Whether create may take over a proxy of this name that already exists on Apigee, importing the bundle as its
     * next revision (the stack then owns the whole proxy: destroy deletes it with every revision). Unset or false,
     * create refuses and names the {@code pulumi import} command.
     */
    public Optional<Output<Boolean>> adoptExisting() {
        return Optional.ofNullable(this.adoptExisting);
    }

    private ApiProxyArgs() {
    }

    private ApiProxyArgs(ApiProxyArgs $) {
        this.name = $.name;
        this.bundle = $.bundle;
        this.bundleHash = $.bundleHash;
        this.environments = $.environments;
        this.serviceAccount = $.serviceAccount;
        this.adoptExisting = $.adoptExisting;
    }

    /** Starts a builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding a copy of {@code defaults}. */
    public static Builder builder(ApiProxyArgs defaults) {
        return new Builder(defaults);
    }

    /** Builder of {@link ApiProxyArgs}. */
    public static final class Builder {
        private ApiProxyArgs $;

        /** Starts with nothing set. */
        public Builder() {
            $ = new ApiProxyArgs();
        }

        /** Starts with a copy of {@code defaults}. */
        public Builder(ApiProxyArgs defaults) {
            $ = new ApiProxyArgs(Objects.requireNonNull(defaults));
        }

        /** Sets the proxy's name on Apigee. Required. */
        public Builder name(Output<String> name) {
            $.name = name;
            return this;
        }

        /** Sets the proxy's name on Apigee. Required. */
        public Builder name(String name) {
            return name(Output.of(name));
        }

        /** Sets the proxy bundle: a zip holding {@code apiproxy/}, base64-encoded; watch {@code bundleHash} in diffs, not this. Required. */
        public Builder bundle(Output<String> bundle) {
            $.bundle = bundle;
            return this;
        }

        /** Sets the proxy bundle: a zip holding {@code apiproxy/}, base64-encoded; watch {@code bundleHash} in diffs, not this. Required. */
        public Builder bundle(String bundle) {
            return bundle(Output.of(bundle));
        }

        /** Sets the SHA-256 of the bundle zip in lowercase hex; a new hash means a new bundle, and is the diff to watch. Required. */
        public Builder bundleHash(Output<String> bundleHash) {
            $.bundleHash = bundleHash;
            return this;
        }

        /** Sets the SHA-256 of the bundle zip in lowercase hex; a new hash means a new bundle, and is the diff to watch. Required. */
        public Builder bundleHash(String bundleHash) {
            return bundleHash(Output.of(bundleHash));
        }

        /** Sets the environments the imported revision is deployed to. Required. */
        public Builder environments(Output<List<String>> environments) {
            $.environments = environments;
            return this;
        }

        /** Sets the environments the imported revision is deployed to. Required. */
        public Builder environments(List<String> environments) {
            return environments(Output.of(environments));
        }

        /** Sets the environments the imported revision is deployed to. Required. */
        public Builder environments(String... environments) {
            return environments(List.of(environments));
        }

        /** Sets the service account the deployments run as, on Apigee X only. Default: unset, deployments get none. */
        public Builder serviceAccount(@Nullable Output<String> serviceAccount) {
            $.serviceAccount = serviceAccount;
            return this;
        }

        /** Sets the service account the deployments run as, on Apigee X only. Default: unset, deployments get none. */
        public Builder serviceAccount(String serviceAccount) {
            return serviceAccount(Output.of(serviceAccount));
        }

        /** Sets whether create may take over an existing proxy of this name. Default: unset, so create refuses and names the {@code pulumi import} command. */
        public Builder adoptExisting(@Nullable Output<Boolean> adoptExisting) {
            $.adoptExisting = adoptExisting;
            return this;
        }

        /** Sets whether create may take over an existing proxy of this name. Default: unset, so create refuses and names the {@code pulumi import} command. */
        public Builder adoptExisting(Boolean adoptExisting) {
            return adoptExisting(Output.of(adoptExisting));
        }

        /** Checks that every required input is set and returns the arguments. */
        public ApiProxyArgs build() {
            if ($.name == null) {
                throw new MissingRequiredPropertyException("ApiProxyArgs", "name");
            }
            if ($.bundle == null) {
                throw new MissingRequiredPropertyException("ApiProxyArgs", "bundle");
            }
            if ($.bundleHash == null) {
                throw new MissingRequiredPropertyException("ApiProxyArgs", "bundleHash");
            }
            if ($.environments == null) {
                throw new MissingRequiredPropertyException("ApiProxyArgs", "environments");
            }
            return $;
        }
    }
}
