package dev.apigeegke.internal.validation;

import dev.apigeegke.core.Problems;
import java.util.regex.Pattern;

/**
 * The names that identify where an API lives in Apigee: the organization and its environments. Every component
 * that takes them checks them here, so one value gets one rule and one message wherever it is given.
 * They are DNS labels because they become host names: {@code ORG-ENV.apigee.net} on Edge, the gateway's
 * {@code ORG-ENV-config.yaml} and edgemicro-auth URLs.
 */
public final class ApigeeNames {
    private static final Pattern NAME = Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final String RULE = "lowercase letters, digits and '-', starting with a letter and not ending with '-', "
            + "at most 63 characters (it becomes part of host names such as ORG-ENV.apigee.net)";

    private ApigeeNames() {
    }

    /** Records a problem under {@code argument} unless {@code organization} is an Apigee organization name. */
    public static void checkOrganization(Problems problems, String argument, String organization) {
        problems.check(isName(organization), argument, organization, "the Apigee organization name, e.g. my-org: " + RULE);
    }

    /** Records a problem under {@code argument} unless {@code environment} is an Apigee environment name. */
    public static void checkEnvironment(Problems problems, String argument, String environment) {
        problems.check(isName(environment), argument, environment, "an Apigee environment name, e.g. test: " + RULE);
    }

    /** Whether {@code name} is an organization or environment name as the checks above accept it. */
    public static boolean isName(String value) {
        return value != null && NAME.matcher(value).matches();
    }
}
