package dev.apigeegke.internal.validation;

import dev.apigeegke.core.Problems;
import java.util.regex.Pattern;

/**
 * Apigee's names: the organization and its environments, and the proxies, API products, developer apps and
 * Apigee X instances in it. Every component that takes one checks it here, so one value gets one rule and one
 * message wherever it is given.
 *
 * <p>Organizations and environments are DNS labels because they become host names: {@code ORG-ENV.apigee.net} on
 * Edge, the gateway's {@code ORG-ENV-config.yaml} and edgemicro-auth URLs. A proxy name takes {@code A-Za-z0-9._-}
 * (the import call's {@code name} in the Edge OpenAPI description and the {@code apigee:v1} discovery document);
 * product and app names take the same characters, starting with a letter or digit (as Edge requires of an app), a
 * subset of what Apigee allows ({@code $}, {@code %} and spaces too), because those would have to be URL-encoded in
 * every management call that names them. An Apigee X instance
 * id is {@code [a-z][-a-z0-9]{0,30}[a-z0-9]} (Instance.name in the discovery document). At most 255 characters each.
 */
public final class ApigeeNames {
    private static final Pattern NAME = Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern PROXY = Pattern.compile("[A-Za-z0-9._-]{1,255}");
    private static final Pattern RESOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
    private static final Pattern INSTANCE = Pattern.compile("[a-z]([-a-z0-9]{0,30}[a-z0-9])?");
    private static final String PROXY_RULE = "letters, digits, '.', '_' and '-', at most 255 characters";
    private static final String RESOURCE_RULE = "letters, digits, '.', '_' and '-', starting with a letter or digit, at most 255 characters";
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

    /** Records a problem under {@code argument} unless {@code name} is an API proxy name; whether it is one. */
    public static boolean checkProxy(Problems problems, String argument, String name) {
        boolean valid = name != null && PROXY.matcher(name).matches();
        problems.check(valid, argument, name, "a proxy name: " + PROXY_RULE);
        return valid;
    }

    /** Records a problem under {@code argument} unless {@code name} is an API product name. */
    public static void checkProduct(Problems problems, String argument, String name) {
        problems.check(isResource(name), argument, name, "a product name: " + RESOURCE_RULE);
    }

    /** Records a problem under {@code argument} unless {@code name} is a developer app name. */
    public static void checkApp(Problems problems, String argument, String name) {
        problems.check(isResource(name), argument, name, "an app name: " + RESOURCE_RULE);
    }

    /** Records a problem under {@code argument} unless {@code instance} is an Apigee X instance id. */
    public static void checkInstance(Problems problems, String argument, String instance) {
        problems.check(instance != null && INSTANCE.matcher(instance).matches(), argument, instance,
                "the Apigee X instance to reserve the addresses on: its id, lowercase letters, digits and '-', starting with a "
                        + "letter, at most 32 characters");
    }

    private static boolean isResource(String name) {
        return name != null && RESOURCE.matcher(name).matches();
    }
}
