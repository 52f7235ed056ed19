package dev.apigeegke.apigee;

import com.pulumi.core.Output;
import dev.apigeegke.core.InvalidArgumentsException;
import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.validation.ApigeeNames;
import dev.apigeegke.internal.validation.Distinct;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.Nullable;

/**
 * Arguments of {@link ApigeeProduct}. Every optional argument documents its default; {@link Builder#build()}
 * validates them all and reports every problem at once.
 */
public final class ApigeeProductArgs {
    private final String name;
    private final String displayName;
    private final @Nullable String description;
    private final List<String> environments;
    private final List<String> proxies;
    private final @Nullable ProductQuota quota;
    private final String approvalType;
    private final String access;
    private final List<String> apiResources;
    private final @Nullable ApiConsumer consumer;
    private final @Nullable String consumerName;
    private final List<Output<String>> otherProducts;

    private ApigeeProductArgs(ApigeeProductArgs other, List<Output<String>> otherProducts) {
        this.name = other.name;
        this.displayName = other.displayName;
        this.description = other.description;
        this.environments = other.environments;
        this.proxies = other.proxies;
        this.quota = other.quota;
        this.approvalType = other.approvalType;
        this.access = other.access;
        this.apiResources = other.apiResources;
        this.consumer = other.consumer;
        this.consumerName = other.consumerName;
        this.otherProducts = List.copyOf(otherProducts);
    }

    private ApigeeProductArgs(Builder b) {
        this.name = b.name;
        this.displayName = b.displayName != null ? b.displayName : b.name;
        this.description = b.description;
        this.environments = b.environments;
        // Edge Microgateway checks keys and tokens through edgemicro-auth: its products must list it.
        this.proxies = !b.microgateway ? b.proxies : Stream.concat(b.proxies.stream(),
                Stream.of(ApigeeProduct.MICROGATEWAY_AUTH_PROXY)).toList();
        this.quota = b.quota;
        this.approvalType = b.approvalType;
        this.access = b.access;
        this.apiResources = b.apiResources;
        this.consumer = b.consumer;
        this.consumerName = b.consumerName;
        this.otherProducts = b.otherProducts;
    }

    /** A builder of {@link ApigeeProductArgs}, every optional argument at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The product's name on Apigee. */
    public String name() {
        return name;
    }

    /** The name shown to developers; default: the product's name. */
    public String displayName() {
        return displayName;
    }

    /** The description shown to developers; default: none. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** The environments in which the product's keys work. */
    public List<String> environments() {
        return environments;
    }

    /** The proxies the product grants, {@code edgemicro-auth} last for Edge Microgateway's products. */
    public List<String> proxies() {
        return proxies;
    }

    /** The quota the product grants each app; default: none. */
    public Optional<ProductQuota> quota() {
        return Optional.ofNullable(quota);
    }

    /** Key approval; default {@code auto}. */
    public String approvalType() {
        return approvalType;
    }

    /** The product's access attribute; default {@code public}. */
    public String access() {
        return access;
    }

    /** The resource paths the product grants; default {@code /} and {@code /**}. */
    public List<String> apiResources() {
        return apiResources;
    }

    /** The developer and app subscribed to the product; default: none. */
    public Optional<ApiConsumer> consumer() {
        return Optional.ofNullable(consumer);
    }

    /** The stem of the consumer's resource names; default: the component's name. */
    public Optional<String> consumerName() {
        return Optional.ofNullable(consumerName);
    }

    /** Products of other components the consumer's app subscribes to after this one; default: none. */
    public List<Output<String>> otherProducts() {
        return otherProducts;
    }

    /**
     * These arguments with the consumer's app also subscribed to {@code productNames}: validate everything before
     * any resource exists, then add the names of products declared since.
     *
     * @throws InvalidArgumentsException when there is no consumer to subscribe
     */
    public ApigeeProductArgs withOtherProducts(List<Output<String>> productNames) {
        var problems = new Problems("ApigeeProductArgs");
        checkOtherProducts(problems, productNames, consumer);
        problems.throwIfAny();
        return new ApigeeProductArgs(this, productNames);
    }

    private static void checkOtherProducts(Problems problems, List<Output<String>> productNames, @Nullable ApiConsumer consumer) {
        problems.check(productNames.isEmpty() || consumer != null, "otherProducts", productNames.size(),
                "only a consumer's app subscribes to other products: give consumer(...) or remove otherProducts");
    }

    /** Builder of {@link ApigeeProductArgs}. */
    public static final class Builder {
        private String name;
        private @Nullable String displayName;
        private @Nullable String description;
        private List<String> environments = List.of();
        private List<String> proxies = List.of();
        private boolean microgateway;
        private @Nullable ProductQuota quota;
        private String approvalType = ApigeeProductDefaults.APPROVAL;
        private String access = ApigeeProductDefaults.ACCESS;
        private List<String> apiResources = ApigeeProductDefaults.API_RESOURCES;
        private @Nullable ApiConsumer consumer;
        private @Nullable String consumerName;
        private List<Output<String>> otherProducts = List.of();

        private Builder() {
        }

        /** The product's name on Apigee (required): letters, digits, '.', '_', '-'. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The name shown to developers. Default: the product's name. */
        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        /** The description shown to developers. Default: none (none is sent). */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** The environments in which the product's keys work (at least one). Required. */
        public Builder environments(List<String> environments) {
            // A copy that keeps a null entry, so that build() reports it instead of a NullPointerException here.
            this.environments = environments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(environments));
            return this;
        }

        /** The proxies the product grants (at least one, unless {@link #microgateway(boolean)}). Default: none. */
        public Builder proxies(List<String> proxies) {
            this.proxies = proxies == null ? List.of() : List.copyOf(proxies);
            return this;
        }

        /**
         * An Edge Microgateway product: it also lists {@code edgemicro-auth}, the proxy through which the gateway
         * checks keys and tokens. Default: false.
         */
        public Builder microgateway(boolean microgateway) {
            this.microgateway = microgateway;
            return this;
        }

        /** The quota the product grants each app. Default: none (no quota on the product). */
        public Builder quota(ProductQuota quota) {
            this.quota = quota;
            return this;
        }

        /** Key approval: {@code auto} or {@code manual}. Default: {@code auto}, keys work as soon as they are issued. */
        public Builder approvalType(String approvalType) {
            this.approvalType = approvalType;
            return this;
        }

        /** The product's access attribute: {@code public}, {@code private} or {@code internal}. Default: {@code public}. */
        public Builder access(String access) {
            this.access = access;
            return this;
        }

        /** Resource paths the product grants. Default: {@code /} and {@code /**} (every path of its proxies). */
        public Builder apiResources(List<String> apiResources) {
            this.apiResources = apiResources == null ? List.of() : List.copyOf(apiResources);
            return this;
        }

        /** A developer and app to create, subscribed to the product (the sample consumer). Default: none. */
        public Builder consumer(ApiConsumer consumer) {
            this.consumer = consumer;
            return this;
        }

        /**
         * The stem of the consumer's resource names, {@code <consumerName>-developer} and {@code <consumerName>-app}.
         * Default: the component's name. A consumer subscribed to several products names itself, not after one of them.
         */
        public Builder consumerName(String consumerName) {
            this.consumerName = consumerName;
            return this;
        }

        /**
         * Products of other components (their {@link ApigeeProduct#productName}) the consumer's app also subscribes
         * to, after this one. Default: none; needs a consumer.
         */
        public Builder otherProducts(List<Output<String>> productNames) {
            this.otherProducts = productNames == null ? List.of() : List.copyOf(productNames);
            return this;
        }

        /** Validates every argument and reports all problems in one {@link InvalidArgumentsException}. */
        public ApigeeProductArgs build() {
            var problems = new Problems("ApigeeProductArgs");
            checkProduct(problems, "name");
            checkEnvironments(problems, environments);
            problems.check(!proxies.isEmpty() || microgateway, "proxies", proxies,
                    "list the proxies the product grants, or set microgateway(true) for an Edge Microgateway product");
            for (int i = 0; i < proxies.size(); i++) {
                ApigeeNames.checkProxy(problems, "proxies[" + i + "]", proxies.get(i));
            }
            Distinct.check(problems, "proxies", proxies);
            problems.check(displayName == null || !displayName.isBlank(), "displayName", displayName,
                    "a name to show developers, or leave it unset for the product's name");
            problems.check(consumerName == null || !consumerName.isBlank(), "consumerName", consumerName,
                    "a resource name stem, or leave it unset for the component's name");
            checkOtherProducts(problems, otherProducts, consumer);
            problems.throwIfAny();
            return validated();
        }

        /**
         * Checks, in this order, the name (under {@code nameArgument}), quota, approval type, access, resource paths
         * and consumer: the checks {@link ApigeeProxyArgs} runs for the product it declares.
         */
        void checkProduct(Problems problems, String nameArgument) {
            ApigeeNames.checkProduct(problems, nameArgument, name);
            if (quota != null) {
                quota.validate(problems);
            }
            problems.check(approvalType != null && ApigeeProductDefaults.APPROVALS.contains(approvalType), "approvalType",
                    approvalType, "auto or manual");
            problems.check(access != null && ApigeeProductDefaults.ACCESSES.contains(access), "access", access,
                    "public, private or internal");
            problems.check(!apiResources.isEmpty(), "apiResources", apiResources, "grant at least one path, e.g. /**");
            for (int i = 0; i < apiResources.size(); i++) {
                String path = apiResources.get(i);
                problems.check(path != null && path.startsWith("/"), "apiResources[" + i + "]", path,
                        "a path starting with '/', e.g. /orders/**");
            }
            if (consumer != null) {
                consumer.validate(problems);
            }
        }

        /** The arguments, once {@link #checkProduct} and the caller's own checks found nothing. */
        ApigeeProductArgs validated() {
            return new ApigeeProductArgs(this);
        }
    }

    /** Checks the environments a proxy or product is deployed to: at least one, each an environment name. */
    static void checkEnvironments(Problems problems, List<String> environments) {
        problems.check(!environments.isEmpty(), "environments", environments, "name at least one environment to deploy to, e.g. test");
        for (int i = 0; i < environments.size(); i++) {
            ApigeeNames.checkEnvironment(problems, "environments[" + i + "]", environments.get(i));
        }
        Distinct.check(problems, "environments", environments);
    }
}
