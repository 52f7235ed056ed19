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
 * An app of an Apigee developer and the key Apigee generates for it.
 *
 * <p>{@code consumerKey} and {@code consumerSecret} are secret outputs from the moment the provider
 * returns them: the engine encrypts them in the state and shows them as {@code [secret]}.
 */
@ResourceType(type = "apigee:index:DeveloperApp")
public class DeveloperApp extends CustomResource {
    @Export(name = "developerEmail", refs = {String.class}, tree = "[0]")
    private Output<String> developerEmail;

    /** The email of the developer who owns the app; on Apigee X it must be in lowercase. */
    public Output<String> developerEmail() {
        return this.developerEmail;
    }

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    /** The app's name, unique among the developer's apps. */
    public Output<String> name() {
        return this.name;
    }

    @Export(name = "apiProducts", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> apiProducts;

    /** The API products the app's key grants. */
    public Output<List<String>> apiProducts() {
        return this.apiProducts;
    }

    @Export(name = "callbackUrl", refs = {String.class}, tree = "[0]")
    private Output</* @Nullable */ String> callbackUrl;

    /** The redirect URI of three-legged OAuth flows; unset, none. */
    public Output<Optional<String>> callbackUrl() {
        return Codegen.optional(this.callbackUrl);
    }

    @Export(name = "attributes", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private Output</* @Nullable */ Map<String,String>> attributes;

    /** Custom attributes of the app. */
    public Output<Optional<Map<String,String>>> attributes() {
        return Codegen.optional(this.attributes);
    }

    @Export(name = "keyExpiresIn", refs = {Double.class}, tree = "[0]")
    private Output</* @Nullable */ Double> keyExpiresIn;

    /** How long the key issued when the app is created stays valid, in whole milliseconds: at most 2147483647 (about 24.8 days) on Apigee Edge, 9007199254740991 on Apigee X; -1 or unset, it never expires. Apigee cannot change a key's expiry: a later change is not applied and shows no diff (replace the app to issue a key with the new expiry). */
    public Output<Optional<Double>> keyExpiresIn() {
        return Codegen.optional(this.keyExpiresIn);
    }

    @Export(name = "appId", refs = {String.class}, tree = "[0]")
    private Output<String> appId;

    /** The id Apigee gave the app. */
    public Output<String> appId() {
        return this.appId;
    }

    @Export(name = "consumerKey", refs = {String.class}, tree = "[0]")
    private Output<String> consumerKey;

    /** The app's API key; a secret. */
    public Output<String> consumerKey() {
        return this.consumerKey;
    }

    @Export(name = "consumerSecret", refs = {String.class}, tree = "[0]")
    private Output<String> consumerSecret;

    /** The secret paired with the key for OAuth client credentials; a secret. */
    public Output<String> consumerSecret() {
        return this.consumerSecret;
    }

    /** Creates a DeveloperApp with default resource options. */
    public DeveloperApp(String name, DeveloperAppArgs args) {
        this(name, args, null);
    }

    /** Creates a DeveloperApp. */
    public DeveloperApp(String name, DeveloperAppArgs args, @Nullable CustomResourceOptions options) {
        super("apigee:index:DeveloperApp", name, args, makeResourceOptions(options, Codegen.empty()));
    }

    private DeveloperApp(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        super("apigee:index:DeveloperApp", name, null, makeResourceOptions(options, id));
    }

    private static CustomResourceOptions makeResourceOptions(@Nullable CustomResourceOptions options, @Nullable Output<String> id) {
        // The identity inputs on Apigee (replaceOnChanges in the provider's schema), declared as generated SDKs do.
        var defaultOptions = ApigeePlugin.defaults(List.of("developerEmail", "name"))
            .additionalSecretOutputs(List.of("consumerKey", "consumerSecret"))
            .build();
        return CustomResourceOptions.merge(defaultOptions, options, id);
    }

    /** Reads the state of an existing DeveloperApp with the given provider id ({@code developerEmail/name}). */
    public static DeveloperApp get(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        return new DeveloperApp(name, id, options);
    }
}
