package dev.apigeegke.apigee.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** The arguments of {@link Developer}. */
public final class DeveloperArgs extends ResourceArgs {

    @Import(name = "email", required = true)
    private Output<String> email;

    /** The developer's email, their id on Apigee; on Apigee X it must be in lowercase. */
    public Output<String> email() {
        return this.email;
    }

    @Import(name = "firstName", required = true)
    private Output<String> firstName;

    /** The developer's first name. */
    public Output<String> firstName() {
        return this.firstName;
    }

    @Import(name = "lastName", required = true)
    private Output<String> lastName;

    /** The developer's last name. */
    public Output<String> lastName() {
        return this.lastName;
    }

    @Import(name = "userName", required = true)
    private Output<String> userName;

    /** The developer's user name. */
    public Output<String> userName() {
        return this.userName;
    }

    @Import(name = "attributes")
    private @Nullable Output<Map<String,String>> attributes;

    /** Custom attributes of the developer. */
    public Optional<Output<Map<String,String>>> attributes() {
        return Optional.ofNullable(this.attributes);
    }

    private DeveloperArgs() {
    }

    private DeveloperArgs(DeveloperArgs $) {
        this.email = $.email;
        this.firstName = $.firstName;
        this.lastName = $.lastName;
        this.userName = $.userName;
        this.attributes = $.attributes;
    }

    /** Starts a builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding a copy of {@code defaults}. */
    public static Builder builder(DeveloperArgs defaults) {
        return new Builder(defaults);
    }

    /** Builder of {@link DeveloperArgs}. */
    public static final class Builder {
        private DeveloperArgs $;

        /** Starts with nothing set. */
        public Builder() {
            $ = new DeveloperArgs();
        }

        /** Starts with a copy of {@code defaults}. */
        public Builder(DeveloperArgs defaults) {
            $ = new DeveloperArgs(Objects.requireNonNull(defaults));
        }

        /** Sets the developer's email, their id on Apigee; on Apigee X it must be in lowercase. Required. */
        public Builder email(Output<String> email) {
            $.email = email;
            return this;
        }

        /** Sets the developer's email, their id on Apigee; on Apigee X it must be in lowercase. Required. */
        public Builder email(String email) {
            return email(Output.of(email));
        }

        /** Sets the developer's first name. Required. */
        public Builder firstName(Output<String> firstName) {
            $.firstName = firstName;
            return this;
        }

        /** Sets the developer's first name. Required. */
        public Builder firstName(String firstName) {
            return firstName(Output.of(firstName));
        }

        /** Sets the developer's last name. Required. */
        public Builder lastName(Output<String> lastName) {
            $.lastName = lastName;
            return this;
        }

        /** Sets the developer's last name. Required. */
        public Builder lastName(String lastName) {
            return lastName(Output.of(lastName));
        }

        /** Sets the developer's user name. Required. */
        public Builder userName(Output<String> userName) {
            $.userName = userName;
            return this;
        }

        /** Sets the developer's user name. Required. */
        public Builder userName(String userName) {
            return userName(Output.of(userName));
        }

        /** Sets custom attributes of the developer. Default: unset, so it is not sent and Apigee applies its own default. */
        public Builder attributes(@Nullable Output<Map<String,String>> attributes) {
            $.attributes = attributes;
            return this;
        }

        /** Sets custom attributes of the developer. Default: unset, so it is not sent and Apigee applies its own default. */
        public Builder attributes(Map<String,String> attributes) {
            return attributes(Output.of(attributes));
        }

        /** Checks that every required input is set and returns the arguments. */
        public DeveloperArgs build() {
            if ($.email == null) {
                throw new MissingRequiredPropertyException("DeveloperArgs", "email");
            }
            if ($.firstName == null) {
                throw new MissingRequiredPropertyException("DeveloperArgs", "firstName");
            }
            if ($.lastName == null) {
                throw new MissingRequiredPropertyException("DeveloperArgs", "lastName");
            }
            if ($.userName == null) {
                throw new MissingRequiredPropertyException("DeveloperArgs", "userName");
            }
            return $;
        }
    }
}
