package dev.apigeegke.apigee.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * An Apigee API proxy (Edge or X): imports a bundle as a new revision and deploys that revision to
 * every listed environment.
 *
 * <p>{@code bundle} is the whole zip in base64, too large to read in a diff. {@code bundleHash} is the
 * property to watch: it changes exactly when the zip does, so a changed bundle shows as a one-line
 * diff.
 */
@ResourceType(type = "apigee:index:ApiProxy")
public class ApiProxy extends CustomResource {
    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    /** The proxy's name on Apigee. */
    public Output<String> name() {
        return this.name;
    }

    @Export(name = "bundleHash", refs = {String.class}, tree = "[0]")
    private Output<String> bundleHash;

    /** The SHA-256 of the bundle zip the current revision was imported from. */
    public Output<String> bundleHash() {
        return this.bundleHash;
    }

    @Export(name = "environments", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> environments;

    /** The environments the imported revision is deployed to. */
    public Output<List<String>> environments() {
        return this.environments;
    }

    @Export(name = "revision", refs = {String.class}, tree = "[0]")
    private Output<String> revision;

    /** The revision the bundle was imported as. */
    public Output<String> revision() {
        return this.revision;
    }

    @Export(name = "deployedRevisions", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private Output<Map<String,String>> deployedRevisions;

    /** The revision deployed in each environment, by environment name. */
    public Output<Map<String,String>> deployedRevisions() {
        return this.deployedRevisions;
    }

    @Export(name = "serviceAccount", refs = {String.class}, tree = "[0]")
    private Output</* @Nullable */ String> serviceAccount;

    /** The service account the deployments run as (Apigee X), as Apigee reports it. */
    public Output<Optional<String>> serviceAccount() {
        return Codegen.optional(this.serviceAccount);
    }

    /** Creates an ApiProxy with default resource options. */
    public ApiProxy(String name, ApiProxyArgs args) {
        this(name, args, null);
    }

    /** Creates an ApiProxy. */
    public ApiProxy(String name, ApiProxyArgs args, @Nullable CustomResourceOptions options) {
        super("apigee:index:ApiProxy", name, args, makeResourceOptions(options, Codegen.empty()));
    }

    private ApiProxy(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        super("apigee:index:ApiProxy", name, null, makeResourceOptions(options, id));
    }

    private static CustomResourceOptions makeResourceOptions(@Nullable CustomResourceOptions options, @Nullable Output<String> id) {
        // The identity inputs on Apigee (replaceOnChanges in the provider's schema), declared as generated SDKs do.
        var defaultOptions = ApigeePlugin.defaults(List.of("name"))
            .build();
        return CustomResourceOptions.merge(defaultOptions, options, id);
    }

    /** Reads the state of an existing ApiProxy with the given provider id (the proxy name). */
    public static ApiProxy get(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        return new ApiProxy(name, id, options);
    }
}
