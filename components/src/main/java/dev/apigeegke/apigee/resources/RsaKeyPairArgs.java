package dev.apigeegke.apigee.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.internal.Codegen;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** The arguments of {@link RsaKeyPair}. */
public final class RsaKeyPairArgs extends ResourceArgs {

    @Import(name = "commonName", required = true)
    private Output<String> commonName;

    /** The certificate's subject and issuer common name. */
    public Output<String> commonName() {
        return this.commonName;
    }

    @Import(name = "keyBits")
    private @Nullable Output<Integer> keyBits;

    /** The RSA key size in bits: 2048, 3072 or 4096; default 2048. */
    public Optional<Output<Integer>> keyBits() {
        return Optional.ofNullable(this.keyBits);
    }

    @Import(name = "validityDays")
    private @Nullable Output<Integer> validityDays;

    /** How many days the certificate is valid from its creation, 1 to 36500; default 3650. */
    public Optional<Output<Integer>> validityDays() {
        return Optional.ofNullable(this.validityDays);
    }

    private RsaKeyPairArgs() {
    }

    private RsaKeyPairArgs(RsaKeyPairArgs $) {
        this.commonName = $.commonName;
        this.keyBits = $.keyBits;
        this.validityDays = $.validityDays;
    }

    /** Starts a builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding a copy of {@code defaults}. */
    public static Builder builder(RsaKeyPairArgs defaults) {
        return new Builder(defaults);
    }

    /** Builder of {@link RsaKeyPairArgs}. */
    public static final class Builder {
        private RsaKeyPairArgs $;

        /** Starts with nothing set. */
        public Builder() {
            $ = new RsaKeyPairArgs();
        }

        /** Starts with a copy of {@code defaults}. */
        public Builder(RsaKeyPairArgs defaults) {
            $ = new RsaKeyPairArgs(Objects.requireNonNull(defaults));
        }

        /**
         * Sets the certificate's subject and issuer common name, 1 to 64 characters; changing it makes a new key pair.
         * Required.
         */
        public Builder commonName(Output<String> commonName) {
            $.commonName = commonName;
            return this;
        }

        /**
         * Sets the certificate's subject and issuer common name, 1 to 64 characters; changing it makes a new key pair.
         * Required.
         */
        public Builder commonName(String commonName) {
            return commonName(Output.of(commonName));
        }

        /**
         * Sets the RSA key size in bits, 2048, 3072 or 4096 (the provider's Check refuses others); changing it makes a
         * new key pair. Default: {@code 2048}.
         */
        public Builder keyBits(@Nullable Output<Integer> keyBits) {
            $.keyBits = keyBits;
            return this;
        }

        /**
         * Sets the RSA key size in bits, 2048, 3072 or 4096 (the provider's Check refuses others); changing it makes a
         * new key pair. Default: {@code 2048}.
         */
        public Builder keyBits(Integer keyBits) {
            return keyBits(Output.of(keyBits));
        }

        /**
         * Sets how many days the certificate is valid from its creation, 1 to 36500; changing it makes a new key pair.
         * Default: {@code 3650} (about ten years).
         */
        public Builder validityDays(@Nullable Output<Integer> validityDays) {
            $.validityDays = validityDays;
            return this;
        }

        /**
         * Sets how many days the certificate is valid from its creation, 1 to 36500; changing it makes a new key pair.
         * Default: {@code 3650} (about ten years).
         */
        public Builder validityDays(Integer validityDays) {
            return validityDays(Output.of(validityDays));
        }

        /** Checks that every required input is set, applies the defaults, and returns the arguments. */
        public RsaKeyPairArgs build() {
            if ($.commonName == null) {
                throw new MissingRequiredPropertyException("RsaKeyPairArgs", "commonName");
            }
            $.keyBits = Codegen.integerProp("keyBits").output().arg($.keyBits).def(2048).getNullable();
            $.validityDays = Codegen.integerProp("validityDays").output().arg($.validityDays).def(3650).getNullable();
            return $;
        }
    }
}
