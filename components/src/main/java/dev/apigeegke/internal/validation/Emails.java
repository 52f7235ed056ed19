package dev.apigeegke.internal.validation;

import dev.apigeegke.core.Problems;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Email addresses: an Apigee developer's (its id in the organization) and a Google service account's. Every
 * component checks them here; the shape and the case rule are those the provider's Check applies.
 *
 * <p>Apigee X identifies a developer by an email that "has to be in lowercase only" (Developer.email in the
 * {@code apigee:v1} discovery document); Edge takes any case. A service account email ends in
 * {@code .iam.gserviceaccount.com} (user-managed) or {@code developer.gserviceaccount.com} (the Compute Engine default).
 */
public final class Emails {
    /** One '@', no spaces, a dot in the domain: the shape both Apigee flavors and IAM accept. */
    /** RFC 5321's longest forward path, 256 with its angle brackets: an address of at most 254 characters. */
    private static final int MAX_LENGTH = 254;
    /** RFC 5321's longest local part. */
    private static final int MAX_LOCAL_PART = 64;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern SERVICE_ACCOUNT =
            Pattern.compile("[^@\\s]+@[^@\\s]+\\.iam\\.gserviceaccount\\.com|[^@\\s]+@developer\\.gserviceaccount\\.com");

    private Emails() {
    }

    /**
     * What is wrong with {@code email} as an Apigee developer's email, or null when it is one; {@code lowercaseOnly}
     * for Apigee X, which keeps developer emails in lowercase only.
     */
    public static String developerProblem(String email, boolean lowercaseOnly) {
        if (email == null || !EMAIL.matcher(email).matches()) {
            return "a developer email such as team@example.com";
        }
        if (email.chars().anyMatch(c -> "\"(),:;<>[]{}\\".indexOf(c) >= 0)) {
            return "has a character an address's unquoted parts do not take (quotes, brackets, braces, ',', ':', ';'): "
                    + "give the address alone, e.g. team@example.com";
        }
        if (email.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT || Character.isISOControl(c))) {
            // A zero-width or direction mark makes an address that looks like another and is not it.
            return "has invisible characters (zero-width or direction marks): type the address anew, e.g. team@example.com";
        }
        if (email.lastIndexOf('@') > MAX_LOCAL_PART) {
            return "its part before the '@' is " + email.lastIndexOf('@') + " characters: at most " + MAX_LOCAL_PART + " (RFC 5321)";
        }
        if (email.length() > MAX_LENGTH) {
            return "is " + email.length() + " characters: an email address has at most " + MAX_LENGTH + " (RFC 5321)";
        }
        String lower = email.toLowerCase(Locale.ROOT);
        if (lowercaseOnly && !email.equals(lower)) {
            return "Apigee X keeps developer emails in lowercase only: use \"" + lower + "\"";
        }
        return null;
    }

    /** Records a problem under {@code argument} unless {@code email} is a developer email (see {@link #developerProblem}). */
    public static void checkDeveloper(Problems problems, String argument, String email, boolean lowercaseOnly) {
        String problem = developerProblem(email, lowercaseOnly);
        if (problem != null) {
            problems.add(argument, email, problem);
        }
    }

    /** Whether {@code email} is a Google service account's email. */
    public static boolean isServiceAccount(String email) {
        return email != null && SERVICE_ACCOUNT.matcher(email).matches();
    }
}
