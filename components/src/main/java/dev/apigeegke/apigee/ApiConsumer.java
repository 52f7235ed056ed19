package dev.apigeegke.apigee;

import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.validation.ApigeeNames;
import dev.apigeegke.internal.validation.Emails;

/**
 * A developer and an app whose key an {@link ApigeeProduct} (or {@link ApigeeProxy}'s product) grants.
 *
 * @param email     the developer's email (their id on Apigee)
 * @param firstName the developer's first name
 * @param lastName  the developer's last name
 * @param appName   the app's name
 */
public record ApiConsumer(String email, String firstName, String lastName, String appName) {
    /** The sample developer's email the pattern programs use unless the stack sets another. */
    public static final String SAMPLE_EMAIL = "sample-consumer@example.com";

    /** The sample consumer: developer "Sample Consumer" at {@code email}, with the app {@code appName}. */
    public static ApiConsumer sample(String email, String appName) {
        return new ApiConsumer(email, "Sample", "Consumer", appName);
    }

    /**
     * Records a problem under {@code argument} unless {@code email} is a developer email Apigee accepts; the case is
     * checked where the flavor is known (Apigee X keeps developer emails in lowercase only).
     */
    public static void checkEmail(Problems problems, String argument, String email) {
        Emails.checkDeveloper(problems, argument, email, false);
    }

    void validate(Problems problems) {
        checkEmail(problems, "consumer.email", email);
        problems.check(firstName != null && !firstName.isBlank(), "consumer.firstName", firstName, "the developer's first name");
        problems.check(lastName != null && !lastName.isBlank(), "consumer.lastName", lastName, "the developer's last name");
        ApigeeNames.checkApp(problems, "consumer.appName", appName);
    }

    /** The developer's user name on Apigee: the email's local part. */
    String userName() {
        return email.substring(0, email.indexOf('@'));
    }
}
