package dev.apigeegke.apigee.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** The arguments of {@link DeveloperApp}. */
public final class DeveloperAppArgs extends ResourceArgs {

    @Import(name = "developerEmail", required = true)
    private Output<String> developerEmail;

    /** The email of the developer who owns the app; on Apigee X it must be in lowercase. */
    public Output<String> developerEmail() {
        return this.developerEmail;
    }

    @Import(name = "name", required = true)
    private Output<String> name;

    /** The app's name, unique among the developer's apps. */
    public Output<String> name() {
        return this.name;
    }

    @Import(name = "apiProducts", required = true)
    private Output<List<String>> apiProducts;

    /** The API products the app's key grants. */
    public Output<List<String>> apiProducts() {
        return this.apiProducts;
    }

    @Import(name = "callbackUrl")
    private @Nullable Output<String> callbackUrl;

    /** The redirect URI of three-legged OAuth flows; unset, none. */
    public Optional<Output<String>> callbackUrl() {
        return Optional.ofNullable(this.callbackUrl);
    }

    @Import(name = "attributes")
    private @Nullable Output<Map<String,String>> attributes;

    /** Custom attributes of the app. */
    public Optional<Output<Map<String,String>>> attributes() {
        return Optional.ofNullable(this.attributes);
    }

    @Import(name = "keyExpiresIn")
    private @Nullable Output<Double> keyExpiresIn;

    /** How long the key issued when the app is created stays valid, in whole milliseconds: at most 2147483647 (about 24.8 days) on Apigee Edge, 9007199254740991 on Apigee X; -1 or unset, it never expires. Apigee cannot change a key's expiry: a later change is not applied and shows no diff (replace the app to issue a key with the new expiry). */
    public Optional<Output<Double>> keyExpiresIn() {
        return Optional.ofNullable(this.keyExpiresIn);
    }

    private DeveloperAppArgs() {
    }

    private DeveloperAppArgs(DeveloperAppArgs $) {
        this.developerEmail = $.developerEmail;
        this.name = $.name;
        this.apiProducts = $.apiProducts;
        this.callbackUrl = $.callbackUrl;
        this.attributes = $.attributes;
        this.keyExpiresIn = $.keyExpiresIn;
    }

    /** Starts a builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding a copy of {@code defaults}. */
    public static Builder builder(DeveloperAppArgs defaults) {
        return new Builder(defaults);
    }

    /** Builder of {@link DeveloperAppArgs}. */
    public static final class Builder {
        private DeveloperAppArgs $;

        /** Starts with nothing set. */
        public Builder() {
            $ = new DeveloperAppArgs();
        }

        /** Starts with a copy of {@code defaults}. */
        public Builder(DeveloperAppArgs defaults) {
            $ = new DeveloperAppArgs(Objects.requireNonNull(defaults));
        }

        /** Sets the email of the developer who owns the app; on Apigee X it must be in lowercase. Required. */
        public Builder developerEmail(Output<String> developerEmail) {
            $.developerEmail = developerEmail;
            return this;
        }

        /** Sets the email of the developer who owns the app; on Apigee X it must be in lowercase. Required. */
        public Builder developerEmail(String developerEmail) {
            return developerEmail(Output.of(developerEmail));
        }

        /** Sets the app's name, unique among the developer's apps. Required. */
        public Builder name(Output<String> name) {
            $.name = name;
            return this;
        }

        /** Sets the app's name, unique among the developer's apps. Required. */
        public Builder name(String name) {
            return name(Output.of(name));
        }

        /** Sets the API products the app's key grants. Required. */
        public Builder apiProducts(Output<List<String>> apiProducts) {
            $.apiProducts = apiProducts;
            return this;
        }

        /** Sets the API products the app's key grants. Required. */
        public Builder apiProducts(List<String> apiProducts) {
            return apiProducts(Output.of(apiProducts));
        }

        /** Sets the API products the app's key grants. Required. */
        public Builder apiProducts(String... apiProducts) {
            return apiProducts(List.of(apiProducts));
        }

        /** Sets the redirect URI of three-legged OAuth flows. Default: unset, none. */
        public Builder callbackUrl(@Nullable Output<String> callbackUrl) {
            $.callbackUrl = callbackUrl;
            return this;
        }

        /** Sets the redirect URI of three-legged OAuth flows. Default: unset, none. */
        public Builder callbackUrl(String callbackUrl) {
            return callbackUrl(Output.of(callbackUrl));
        }

        /** Sets custom attributes of the app. Default: unset, so it is not sent and Apigee applies its own default. */
        public Builder attributes(@Nullable Output<Map<String,String>> attributes) {
            $.attributes = attributes;
            return this;
        }

        /** Sets custom attributes of the app. Default: unset, so it is not sent and Apigee applies its own default. */
        public Builder attributes(Map<String,String> attributes) {
            return attributes(Output.of(attributes));
        }

        /** Sets how long the key issued when the app is created stays valid, in whole milliseconds: at most 2147483647 (about 24.8 days) on Apigee Edge, 9007199254740991 on Apigee X, or -1 for never; a later change is not applied, as Apigee cannot change a key's expiry (replace the app for a key with the new expiry). Default: unset, it never expires. */
        public Builder keyExpiresIn(@Nullable Output<Double> keyExpiresIn) {
            $.keyExpiresIn = keyExpiresIn;
            return this;
        }

        /** Sets how long the key issued when the app is created stays valid, in whole milliseconds: at most 2147483647 (about 24.8 days) on Apigee Edge, 9007199254740991 on Apigee X, or -1 for never; a later change is not applied, as Apigee cannot change a key's expiry (replace the app for a key with the new expiry). Default: unset, it never expires. */
        public Builder keyExpiresIn(Double keyExpiresIn) {
            return keyExpiresIn(Output.of(keyExpiresIn));
        }

        /** Sets how long the key issued when the app is created stays valid, in milliseconds, e.g. {@code Duration.ofDays(90).toMillis()}. Default: unset, it never expires. */
        public Builder keyExpiresIn(long millis) {
            return keyExpiresIn(Output.of((double) millis));
        }

        /** Checks that every required input is set and returns the arguments. */
        public DeveloperAppArgs build() {
            if ($.developerEmail == null) {
                throw new MissingRequiredPropertyException("DeveloperAppArgs", "developerEmail");
            }
            if ($.name == null) {
                throw new MissingRequiredPropertyException("DeveloperAppArgs", "name");
            }
            if ($.apiProducts == null) {
                throw new MissingRequiredPropertyException("DeveloperAppArgs", "apiProducts");
            }
            return $;
        }
    }
}
