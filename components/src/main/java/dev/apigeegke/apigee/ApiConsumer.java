package dev.apigeegke.apigee;

import dev.apigeegke.core.Problems;
import java.util.regex.Pattern;

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
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern APP = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    /** The sample consumer: developer "Sample Consumer" at {@code email}, with the app {@code appName}. */
    public static ApiConsumer sample(String email, String appName) {
        return new ApiConsumer(email, "Sample", "Consumer", appName);
    }

    /** Records a problem under {@code argument} unless {@code email} is a developer email Apigee accepts. */
    public static void checkEmail(Problems problems, String argument, String email) {
        problems.check(email != null && EMAIL.matcher(email).matches(), argument, email, "a developer email such as team@example.com");
    }

    void validate(Problems problems) {
        checkEmail(problems, "consumer.email", email);
        problems.check(firstName != null && !firstName.isBlank(), "consumer.firstName", firstName, "the developer's first name");
        problems.check(lastName != null && !lastName.isBlank(), "consumer.lastName", lastName, "the developer's last name");
        problems.check(appName != null && APP.matcher(appName).matches(), "consumer.appName", appName,
                "an app name: letters, digits, '.', '_', '-', starting with a letter or digit");
    }

    /** The developer's user name on Apigee: the email's local part. */
    String userName() {
        return email.substring(0, email.indexOf('@'));
    }
}
