package dev.apigeegke.apigee.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * A key value map of one Apigee environment and its entries, which proxies deployed there read with the
 * KeyValueMapOperations policy.
 *
 * <p>The entries are a secret input: their values reach Apigee and the state (encrypted) but never an output. The
 * state keeps, per entry, a keyed hash ({@code entryHashes}) that tells a changed value without reading it back, so
 * a changed value updates that entry alone.
 */
@ResourceType(type = "apigee:index:KeyValueMap")
public class KeyValueMap extends CustomResource {
    @Export(name = "environment", refs = {String.class}, tree = "[0]")
    private Output<String> environment;

    /** The environment the map belongs to. */
    public Output<String> environment() {
        return this.environment;
    }

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    /** The map's name, which KeyValueMapOperations policies name in {@code mapIdentifier}. */
    public Output<String> name() {
        return this.name;
    }

    @Export(name = "encrypted", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> encrypted;

    /** Whether Apigee encrypts the values and hides them from the management API. */
    public Output<Boolean> encrypted() {
        return this.encrypted;
    }

    @Export(name = "entryHashes", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private Output<Map<String,String>> entryHashes;

    /**
     * For each entry key, the HMAC-SHA256 of the entry under {@link #hashKey()}, in hex; {@code unknown} for an entry
     * found on Apigee whose value Apigee hides and this stack did not set.
     */
    public Output<Map<String,String>> entryHashes() {
        return this.entryHashes;
    }

    @Export(name = "hashKey", refs = {String.class}, tree = "[0]")
    private Output<String> hashKey;

    /** The random key of {@link #entryHashes()}, made when the map is created; a secret. */
    public Output<String> hashKey() {
        return this.hashKey;
    }

    /** Creates a KeyValueMap with default resource options. */
    public KeyValueMap(String name, KeyValueMapArgs args) {
        this(name, args, null);
    }

    /** Creates a KeyValueMap. */
    public KeyValueMap(String name, KeyValueMapArgs args, @Nullable CustomResourceOptions options) {
        super("apigee:index:KeyValueMap", name, args, makeResourceOptions(options, Codegen.empty()));
    }

    private KeyValueMap(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        super("apigee:index:KeyValueMap", name, null, makeResourceOptions(options, id));
    }

    private static CustomResourceOptions makeResourceOptions(@Nullable CustomResourceOptions options, @Nullable Output<String> id) {
        // The identity inputs on Apigee (replaceOnChanges in the provider's schema), declared as generated SDKs do.
        var defaultOptions = ApigeePlugin.defaults(List.of("environment", "name", "encrypted"))
            .additionalSecretOutputs(List.of("hashKey"))
            .build();
        return CustomResourceOptions.merge(defaultOptions, options, id);
    }

    /** Reads the state of an existing KeyValueMap with the given provider id ({@code environment/name}). */
    public static KeyValueMap get(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        return new KeyValueMap(name, id, options);
    }
}
