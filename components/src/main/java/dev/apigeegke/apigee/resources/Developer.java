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
 * An Apigee developer: the owner of apps, identified by email.
 */
@ResourceType(type = "apigee:index:Developer")
public class Developer extends CustomResource {
    @Export(name = "email", refs = {String.class}, tree = "[0]")
    private Output<String> email;

    /** The developer's email, their id on Apigee; on Apigee X it must be in lowercase. */
    public Output<String> email() {
        return this.email;
    }

    @Export(name = "firstName", refs = {String.class}, tree = "[0]")
    private Output<String> firstName;

    /** The developer's first name. */
    public Output<String> firstName() {
        return this.firstName;
    }

    @Export(name = "lastName", refs = {String.class}, tree = "[0]")
    private Output<String> lastName;

    /** The developer's last name. */
    public Output<String> lastName() {
        return this.lastName;
    }

    @Export(name = "userName", refs = {String.class}, tree = "[0]")
    private Output<String> userName;

    /** The developer's user name. */
    public Output<String> userName() {
        return this.userName;
    }

    @Export(name = "attributes", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private Output</* @Nullable */ Map<String,String>> attributes;

    /** Custom attributes of the developer. */
    public Output<Optional<Map<String,String>>> attributes() {
        return Codegen.optional(this.attributes);
    }

    @Export(name = "developerId", refs = {String.class}, tree = "[0]")
    private Output<String> developerId;

    /** The id Apigee gave the developer. */
    public Output<String> developerId() {
        return this.developerId;
    }

    /** Creates a Developer with default resource options. */
    public Developer(String name, DeveloperArgs args) {
        this(name, args, null);
    }

    /** Creates a Developer. */
    public Developer(String name, DeveloperArgs args, @Nullable CustomResourceOptions options) {
        super("apigee:index:Developer", name, args, makeResourceOptions(options, Codegen.empty()));
    }

    private Developer(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        super("apigee:index:Developer", name, null, makeResourceOptions(options, id));
    }

    private static CustomResourceOptions makeResourceOptions(@Nullable CustomResourceOptions options, @Nullable Output<String> id) {
        // The identity inputs on Apigee (replaceOnChanges in the provider's schema), declared as generated SDKs do.
        var defaultOptions = ApigeePlugin.defaults(List.of("email"))
            .build();
        return CustomResourceOptions.merge(defaultOptions, options, id);
    }

    /** Reads the state of an existing Developer with the given provider id (the developer's email). */
    public static Developer get(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        return new Developer(name, id, options);
    }
}
