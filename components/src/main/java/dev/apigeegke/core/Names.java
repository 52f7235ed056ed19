package dev.apigeegke.core;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Naming rules shared by the components. Child resources are named {@code <component>-<suffix>}
 * and never get random suffixes, so names are part of each component's contract.
 */
public final class Names {
    /** GCP resource names and Kubernetes DNS-1123 labels share this shape. */
    private static final Pattern LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    /** Kubernetes DNS-1123 subdomain (Deployments, Services, Secrets...). */
    private static final Pattern SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private Names() {
    }

    /** The name of a child resource of component {@code parent}. */
    public static String child(String parent, String suffix) {
        return parent + "-" + suffix;
    }

    /**
     * Checks that {@code value} can name GCP resources and Kubernetes objects once {@code longestSuffix}
     * is appended: lowercase letters, digits and hyphens, starting with a letter, at most 63 characters.
     */
    public static void checkLabel(Problems problems, String argument, String value, int longestSuffix) {
        if (value == null || value.isEmpty()) {
            problems.add(argument, value, "a name is required: lowercase letters, digits and '-', starting with a letter");
            return;
        }
        if (!LABEL.matcher(value).matches()) {
            problems.add(argument, value, "use lowercase letters, digits and '-', starting with a letter and not ending with '-' (GCP and Kubernetes naming rules)");
        } else if (value.length() + longestSuffix > 63) {
            problems.add(argument, value, "too long: with the longest child suffix it must stay within 63 characters; use at most "
                    + (63 - longestSuffix) + " characters");
        }
    }

    /** Checks a Kubernetes object name or namespace-scoped name (DNS-1123 subdomain). */
    public static void checkSubdomain(Problems problems, String argument, String value) {
        if (value == null || value.isEmpty() || value.length() > 253 || !SUBDOMAIN.matcher(value).matches()) {
            problems.add(argument, value, "use a Kubernetes name: lowercase letters, digits, '-' and '.', at most 253 characters");
        }
    }

    /** True when {@code value} is a DNS-1123 label (a Kubernetes namespace or Service name). */
    public static boolean isLabel(String value) {
        return value != null && value.length() <= 63 && LABEL.matcher(value).matches();
    }

    /**
     * Requires a list of names that each become resource names: at least one, each a label, none repeated.
     * The components check the longer names they derive from these.
     *
     * @throws InvalidArgumentsException naming {@code argument}, with every problem found
     */
    public static void requireNameList(String argument, List<String> names) {
        var problems = new Problems(argument);
        if (names.isEmpty()) {
            problems.add(argument, "[]", "list at least one");
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < names.size(); i++) {
            checkLabel(problems, argument + "[" + i + "].name", names.get(i), 0);
            if (!seen.add(names.get(i))) {
                problems.add(argument + "[" + i + "].name", names.get(i), "names must be distinct: each becomes resource names");
            }
        }
        problems.throwIfAny();
    }
}
