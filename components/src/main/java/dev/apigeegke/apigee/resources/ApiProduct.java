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
 * An Apigee API product: the proxies, environments, quota and scopes that apps holding a key for it
 * may use.
 *
 * <p>An update sends every input, so an input taken out is cleared on Apigee; on Apigee X the fields the
 * provider does not manage ({@code operationGroup}, {@code graphqlOperationGroup}, {@code quotaCounterScope})
 * are read and sent back unchanged.
 */
@ResourceType(type = "apigee:index:ApiProduct")
public class ApiProduct extends CustomResource {
    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    /** The product's name on Apigee. */
    public Output<String> name() {
        return this.name;
    }

    @Export(name = "displayName", refs = {String.class}, tree = "[0]")
    private Output</* @Nullable */ String> displayName;

    /** The name shown to developers; unset, the product's name is sent (Apigee Edge requires one). */
    public Output<Optional<String>> displayName() {
        return Codegen.optional(this.displayName);
    }

    @Export(name = "description", refs = {String.class}, tree = "[0]")
    private Output</* @Nullable */ String> description;

    /** The description shown to developers; unset, none is sent. */
    public Output<Optional<String>> description() {
        return Codegen.optional(this.description);
    }

    @Export(name = "approvalType", refs = {String.class}, tree = "[0]")
    private Output</* @Nullable */ String> approvalType;

    /** How key requests are approved, {@code auto} or {@code manual}; unset, {@code auto} is sent, so keys work as soon as they are issued (Apigee Edge requires one). */
    public Output<Optional<String>> approvalType() {
        return Codegen.optional(this.approvalType);
    }

    @Export(name = "attributes", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private Output</* @Nullable */ Map<String,String>> attributes;

    /** Custom attributes; {@code access} ({@code public}, {@code private} or {@code internal}) decides who sees the product. */
    public Output<Optional<Map<String,String>>> attributes() {
        return Codegen.optional(this.attributes);
    }

    @Export(name = "apiResources", refs = {List.class, String.class}, tree = "[0,1]")
    private Output</* @Nullable */ List<String>> apiResources;

    /** The resource paths the product grants, relative to the proxies' base paths (e.g. {@code /**}); unset, all. */
    public Output<Optional<List<String>>> apiResources() {
        return Codegen.optional(this.apiResources);
    }

    @Export(name = "environments", refs = {List.class, String.class}, tree = "[0,1]")
    private Output</* @Nullable */ List<String>> environments;

    /** The environments in which the product's keys work. */
    public Output<Optional<List<String>>> environments() {
        return Codegen.optional(this.environments);
    }

    @Export(name = "proxies", refs = {List.class, String.class}, tree = "[0,1]")
    private Output</* @Nullable */ List<String>> proxies;

    /** The API proxies the product grants. */
    public Output<Optional<List<String>>> proxies() {
        return Codegen.optional(this.proxies);
    }

    @Export(name = "quota", refs = {String.class}, tree = "[0]")
    private Output</* @Nullable */ String> quota;

    /** The number of requests allowed per quota interval, e.g. {@code 1000}; unset, no quota. */
    public Output<Optional<String>> quota() {
        return Codegen.optional(this.quota);
    }

    @Export(name = "quotaInterval", refs = {String.class}, tree = "[0]")
    private Output</* @Nullable */ String> quotaInterval;

    /** The number of time units in one quota interval, e.g. {@code 1}. */
    public Output<Optional<String>> quotaInterval() {
        return Codegen.optional(this.quotaInterval);
    }

    @Export(name = "quotaTimeUnit", refs = {String.class}, tree = "[0]")
    private Output</* @Nullable */ String> quotaTimeUnit;

    /** The unit of the quota interval: {@code minute}, {@code hour}, {@code day} or {@code month}. */
    public Output<Optional<String>> quotaTimeUnit() {
        return Codegen.optional(this.quotaTimeUnit);
    }

    @Export(name = "scopes", refs = {List.class, String.class}, tree = "[0,1]")
    private Output</* @Nullable */ List<String>> scopes;

    /** The OAuth scopes the product grants. */
    public Output<Optional<List<String>>> scopes() {
        return Codegen.optional(this.scopes);
    }

    /** Creates an ApiProduct with default resource options. */
    public ApiProduct(String name, ApiProductArgs args) {
        this(name, args, null);
    }

    /** Creates an ApiProduct. */
    public ApiProduct(String name, ApiProductArgs args, @Nullable CustomResourceOptions options) {
        super("apigee:index:ApiProduct", name, args, makeResourceOptions(options, Codegen.empty()));
    }

    private ApiProduct(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        super("apigee:index:ApiProduct", name, null, makeResourceOptions(options, id));
    }

    private static CustomResourceOptions makeResourceOptions(@Nullable CustomResourceOptions options, @Nullable Output<String> id) {
        // The identity inputs on Apigee (replaceOnChanges in the provider's schema), declared as generated SDKs do.
        var defaultOptions = ApigeePlugin.defaults(List.of("name"))
            .build();
        return CustomResourceOptions.merge(defaultOptions, options, id);
    }

    /** Reads the state of an existing ApiProduct with the given provider id (the product name). */
    public static ApiProduct get(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        return new ApiProduct(name, id, options);
    }
}
