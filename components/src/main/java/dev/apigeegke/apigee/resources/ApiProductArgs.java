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

/** The arguments of {@link ApiProduct}. */
public final class ApiProductArgs extends ResourceArgs {

    @Import(name = "name", required = true)
    private Output<String> name;

    /** The product's name on Apigee. */
    public Output<String> name() {
        return this.name;
    }

    @Import(name = "displayName")
    private @Nullable Output<String> displayName;

    /** The name shown to developers; unset, the product's name is sent (Apigee Edge requires one). */
    public Optional<Output<String>> displayName() {
        return Optional.ofNullable(this.displayName);
    }

    @Import(name = "description")
    private @Nullable Output<String> description;

    /** The description shown to developers; unset, none is sent. */
    public Optional<Output<String>> description() {
        return Optional.ofNullable(this.description);
    }

    @Import(name = "approvalType")
    private @Nullable Output<String> approvalType;

    /** How key requests are approved, {@code auto} or {@code manual}; unset, {@code auto} is sent, so keys work as soon as they are issued (Apigee Edge requires one). */
    public Optional<Output<String>> approvalType() {
        return Optional.ofNullable(this.approvalType);
    }

    @Import(name = "attributes")
    private @Nullable Output<Map<String,String>> attributes;

    /** Custom attributes; {@code access} ({@code public}, {@code private} or {@code internal}) decides who sees the product. */
    public Optional<Output<Map<String,String>>> attributes() {
        return Optional.ofNullable(this.attributes);
    }

    @Import(name = "apiResources")
    private @Nullable Output<List<String>> apiResources;

    /** The resource paths the product grants, relative to the proxies' base paths (e.g. {@code /**}); unset, all. */
    public Optional<Output<List<String>>> apiResources() {
        return Optional.ofNullable(this.apiResources);
    }

    @Import(name = "environments")
    private @Nullable Output<List<String>> environments;

    /** The environments in which the product's keys work. */
    public Optional<Output<List<String>>> environments() {
        return Optional.ofNullable(this.environments);
    }

    @Import(name = "proxies")
    private @Nullable Output<List<String>> proxies;

    /** The API proxies the product grants. */
    public Optional<Output<List<String>>> proxies() {
        return Optional.ofNullable(this.proxies);
    }

    @Import(name = "quota")
    private @Nullable Output<String> quota;

    /** The number of requests allowed per quota interval, e.g. {@code 1000}; unset, no quota. */
    public Optional<Output<String>> quota() {
        return Optional.ofNullable(this.quota);
    }

    @Import(name = "quotaInterval")
    private @Nullable Output<String> quotaInterval;

    /** The number of time units in one quota interval, e.g. {@code 1}. */
    public Optional<Output<String>> quotaInterval() {
        return Optional.ofNullable(this.quotaInterval);
    }

    @Import(name = "quotaTimeUnit")
    private @Nullable Output<String> quotaTimeUnit;

    /** The unit of the quota interval: {@code minute}, {@code hour}, {@code day} or {@code month}. */
    public Optional<Output<String>> quotaTimeUnit() {
        return Optional.ofNullable(this.quotaTimeUnit);
    }

    @Import(name = "scopes")
    private @Nullable Output<List<String>> scopes;

    /** The OAuth scopes the product grants. */
    public Optional<Output<List<String>>> scopes() {
        return Optional.ofNullable(this.scopes);
    }

    private ApiProductArgs() {
    }

    private ApiProductArgs(ApiProductArgs $) {
        this.name = $.name;
        this.displayName = $.displayName;
        this.description = $.description;
        this.approvalType = $.approvalType;
        this.attributes = $.attributes;
        this.apiResources = $.apiResources;
        this.environments = $.environments;
        this.proxies = $.proxies;
        this.quota = $.quota;
        this.quotaInterval = $.quotaInterval;
        this.quotaTimeUnit = $.quotaTimeUnit;
        this.scopes = $.scopes;
    }

    /** Starts a builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding a copy of {@code defaults}. */
    public static Builder builder(ApiProductArgs defaults) {
        return new Builder(defaults);
    }

    /** Builder of {@link ApiProductArgs}. */
    public static final class Builder {
        private ApiProductArgs $;

        /** Starts with nothing set. */
        public Builder() {
            $ = new ApiProductArgs();
        }

        /** Starts with a copy of {@code defaults}. */
        public Builder(ApiProductArgs defaults) {
            $ = new ApiProductArgs(Objects.requireNonNull(defaults));
        }

        /** Sets the product's name on Apigee. Required. */
        public Builder name(Output<String> name) {
            $.name = name;
            return this;
        }

        /** Sets the product's name on Apigee. Required. */
        public Builder name(String name) {
            return name(Output.of(name));
        }

        /** Sets the name shown to developers. Default: unset, and the provider sends the product's name (Apigee Edge requires one). */
        public Builder displayName(@Nullable Output<String> displayName) {
            $.displayName = displayName;
            return this;
        }

        /** Sets the name shown to developers. Default: unset, and the provider sends the product's name (Apigee Edge requires one). */
        public Builder displayName(String displayName) {
            return displayName(Output.of(displayName));
        }

        /** Sets the description shown to developers. Default: unset, none is sent. */
        public Builder description(@Nullable Output<String> description) {
            $.description = description;
            return this;
        }

        /** Sets the description shown to developers. Default: unset, none is sent. */
        public Builder description(String description) {
            return description(Output.of(description));
        }

        /** Sets how key requests are approved, {@code auto} or {@code manual}. Default: unset, and the provider sends {@code auto}, so keys work as soon as they are issued (Apigee Edge requires one). */
        public Builder approvalType(@Nullable Output<String> approvalType) {
            $.approvalType = approvalType;
            return this;
        }

        /** Sets how key requests are approved, {@code auto} or {@code manual}. Default: unset, and the provider sends {@code auto}, so keys work as soon as they are issued (Apigee Edge requires one). */
        public Builder approvalType(String approvalType) {
            return approvalType(Output.of(approvalType));
        }

        /** Sets custom attributes; {@code access} ({@code public}, {@code private} or {@code internal}) decides who sees the product. Default: unset, so it is not sent and Apigee applies its own default. */
        public Builder attributes(@Nullable Output<Map<String,String>> attributes) {
            $.attributes = attributes;
            return this;
        }

        /** Sets custom attributes; {@code access} ({@code public}, {@code private} or {@code internal}) decides who sees the product. Default: unset, so it is not sent and Apigee applies its own default. */
        public Builder attributes(Map<String,String> attributes) {
            return attributes(Output.of(attributes));
        }

        /** Sets the resource paths the product grants, relative to the proxies' base paths (e.g. {@code /**}). Default: unset, all. */
        public Builder apiResources(@Nullable Output<List<String>> apiResources) {
            $.apiResources = apiResources;
            return this;
        }

        /** Sets the resource paths the product grants, relative to the proxies' base paths (e.g. {@code /**}). Default: unset, all. */
        public Builder apiResources(List<String> apiResources) {
            return apiResources(Output.of(apiResources));
        }

        /** Sets the resource paths the product grants, relative to the proxies' base paths (e.g. {@code /**}). Default: unset, all. */
        public Builder apiResources(String... apiResources) {
            return apiResources(List.of(apiResources));
        }

        /** Sets the environments in which the product's keys work. Default: unset, so it is not sent and Apigee applies its own default. */
        public Builder environments(@Nullable Output<List<String>> environments) {
            $.environments = environments;
            return this;
        }

        /** Sets the environments in which the product's keys work. Default: unset, so it is not sent and Apigee applies its own default. */
        public Builder environments(List<String> environments) {
            return environments(Output.of(environments));
        }

        /** Sets the environments in which the product's keys work. Default: unset, so it is not sent and Apigee applies its own default. */
        public Builder environments(String... environments) {
            return environments(List.of(environments));
        }

        /** Sets the API proxies the product grants. Default: unset, so it is not sent and Apigee applies its own default. */
        public Builder proxies(@Nullable Output<List<String>> proxies) {
            $.proxies = proxies;
            return this;
        }

        /** Sets the API proxies the product grants. Default: unset, so it is not sent and Apigee applies its own default. */
        public Builder proxies(List<String> proxies) {
            return proxies(Output.of(proxies));
        }

        /** Sets the API proxies the product grants. Default: unset, so it is not sent and Apigee applies its own default. */
        public Builder proxies(String... proxies) {
            return proxies(List.of(proxies));
        }

        /** Sets the number of requests allowed per quota interval, e.g. {@code 1000}. Default: unset, no quota. */
        public Builder quota(@Nullable Output<String> quota) {
            $.quota = quota;
            return this;
        }

        /** Sets the number of requests allowed per quota interval, e.g. {@code 1000}. Default: unset, no quota. */
        public Builder quota(String quota) {
            return quota(Output.of(quota));
        }

        /** Sets the number of time units in one quota interval, e.g. {@code 1}. Default: unset, so it is not sent and Apigee applies its own default. */
        public Builder quotaInterval(@Nullable Output<String> quotaInterval) {
            $.quotaInterval = quotaInterval;
            return this;
        }

        /** Sets the number of time units in one quota interval, e.g. {@code 1}. Default: unset, so it is not sent and Apigee applies its own default. */
        public Builder quotaInterval(String quotaInterval) {
            return quotaInterval(Output.of(quotaInterval));
        }

        /** Sets the unit of the quota interval: {@code minute}, {@code hour}, {@code day} or {@code month}. Default: unset, so it is not sent and Apigee applies its own default. */
        public Builder quotaTimeUnit(@Nullable Output<String> quotaTimeUnit) {
            $.quotaTimeUnit = quotaTimeUnit;
            return this;
        }

        /** Sets the unit of the quota interval: {@code minute}, {@code hour}, {@code day} or {@code month}. Default: unset, so it is not sent and Apigee applies its own default. */
        public Builder quotaTimeUnit(String quotaTimeUnit) {
            return quotaTimeUnit(Output.of(quotaTimeUnit));
        }

        /** Sets the OAuth scopes the product grants. Default: unset, so it is not sent and Apigee applies its own default. */
        public Builder scopes(@Nullable Output<List<String>> scopes) {
            $.scopes = scopes;
            return this;
        }

        /** Sets the OAuth scopes the product grants. Default: unset, so it is not sent and Apigee applies its own default. */
        public Builder scopes(List<String> scopes) {
            return scopes(Output.of(scopes));
        }

        /** Sets the OAuth scopes the product grants. Default: unset, so it is not sent and Apigee applies its own default. */
        public Builder scopes(String... scopes) {
            return scopes(List.of(scopes));
        }

        /** Checks that every required input is set and returns the arguments. */
        public ApiProductArgs build() {
            if ($.name == null) {
                throw new MissingRequiredPropertyException("ApiProductArgs", "name");
            }
            return $;
        }
    }
}
