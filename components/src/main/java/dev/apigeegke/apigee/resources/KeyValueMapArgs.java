package dev.apigeegke.apigee.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.internal.Codegen;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** The arguments of {@link KeyValueMap}. */
public final class KeyValueMapArgs extends ResourceArgs {

    @Import(name = "environment", required = true)
    private Output<String> environment;

    /** The environment the map belongs to. */
    public Output<String> environment() {
        return this.environment;
    }

    @Import(name = "name", required = true)
    private Output<String> name;

    /** The map's name, which KeyValueMapOperations policies name in {@code mapIdentifier}. */
    public Output<String> name() {
        return this.name;
    }

    @Import(name = "encrypted")
    private @Nullable Output<Boolean> encrypted;

    /** Whether Apigee encrypts the values and hides them from the management API; default {@code true}. */
    public Optional<Output<Boolean>> encrypted() {
        return Optional.ofNullable(this.encrypted);
    }

    @Import(name = "entries")
    private @Nullable Output<Map<String,String>> entries;

    /** The entries, by key; a secret. */
    public Optional<Output<Map<String,String>>> entries() {
        return Optional.ofNullable(this.entries);
    }

    private KeyValueMapArgs() {
    }

    private KeyValueMapArgs(KeyValueMapArgs $) {
        this.environment = $.environment;
        this.name = $.name;
        this.encrypted = $.encrypted;
        this.entries = $.entries;
    }

    /** Starts a builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding a copy of {@code defaults}. */
    public static Builder builder(KeyValueMapArgs defaults) {
        return new Builder(defaults);
    }

    /** Builder of {@link KeyValueMapArgs}. */
    public static final class Builder {
        private KeyValueMapArgs $;

        /** Starts with nothing set. */
        public Builder() {
            $ = new KeyValueMapArgs();
        }

        /** Starts with a copy of {@code defaults}. */
        public Builder(KeyValueMapArgs defaults) {
            $ = new KeyValueMapArgs(Objects.requireNonNull(defaults));
        }

        /** Sets the environment the map belongs to; changing it replaces the map. Required. */
        public Builder environment(Output<String> environment) {
            $.environment = environment;
            return this;
        }

        /** Sets the environment the map belongs to; changing it replaces the map. Required. */
        public Builder environment(String environment) {
            return environment(Output.of(environment));
        }

        /** Sets the map's name (letters, digits, spaces and {@code . _ - $ %}); changing it replaces the map. Required. */
        public Builder name(Output<String> name) {
            $.name = name;
            return this;
        }

        /** Sets the map's name (letters, digits, spaces and {@code . _ - $ %}); changing it replaces the map. Required. */
        public Builder name(String name) {
            return name(Output.of(name));
        }

        /**
         * Sets whether Apigee encrypts the values and hides them from the management API; changing it replaces the
         * map. Apigee X and hybrid refuse {@code false}. Default: {@code true}.
         */
        public Builder encrypted(@Nullable Output<Boolean> encrypted) {
            $.encrypted = encrypted;
            return this;
        }

        /**
         * Sets whether Apigee encrypts the values and hides them from the management API; changing it replaces the
         * map. Apigee X and hybrid refuse {@code false}. Default: {@code true}.
         */
        public Builder encrypted(Boolean encrypted) {
            return encrypted(Output.of(encrypted));
        }

        /**
         * Sets the entries, by key, each value a non-empty string; they are sent as a secret whether or not the
         * output given is one. Default: unset, the map has no entries.
         */
        public Builder entries(@Nullable Output<Map<String,String>> entries) {
            $.entries = entries;
            return this;
        }

        /**
         * Sets the entries, by key, each value a non-empty string; they are sent as a secret. Default: unset, the map
         * has no entries.
         */
        public Builder entries(Map<String,String> entries) {
            return entries(Output.of(entries));
        }

        /** Checks that every required input is set, applies the defaults, marks the entries secret, and returns the arguments. */
        public KeyValueMapArgs build() {
            if ($.environment == null) {
                throw new MissingRequiredPropertyException("KeyValueMapArgs", "environment");
            }
            if ($.name == null) {
                throw new MissingRequiredPropertyException("KeyValueMapArgs", "name");
            }
            $.encrypted = Codegen.booleanProp("encrypted").output().arg($.encrypted).def(true).getNullable();
            // The schema marks the entries secret: the values are secrets from the moment the program sets them.
            $.entries = $.entries == null ? null : Codegen.secret($.entries);
            return $;
        }
    }
}
