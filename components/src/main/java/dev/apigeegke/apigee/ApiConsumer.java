package dev.apigeegke.apigee;

import dev.apigeegke.core.Problems;
import java.util.regex.Pattern;

/**
 * A developer and an app whose key the {@link ApigeeProxy}'s product grants.
 *
 * @param email     the developer's email (their id on Apigee)
 * @param firstName the developer's first name
 * @param lastName  the developer's last name
 * @param appName   the app's name
 */
public record ApiConsumer(String email, String firstName, String lastName, String appName) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern APP = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    void validate(Problems problems) {
        problems.check(email != null && EMAIL.matcher(email).matches(), "consumer.email", email, "a developer email such as team@example.com");
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
