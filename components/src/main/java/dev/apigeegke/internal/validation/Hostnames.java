package dev.apigeegke.internal.validation;

import dev.apigeegke.core.Problems;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Host and domain names (RFC 1123): an Apigee X environment group's host, the domains of a Google-managed
 * certificate, Edge Microgateway's services host. Each rejection names its reason.
 *
 * <p>The rule: dot-separated labels of 1 to 63 letters, digits and '-', no label starting or ending with '-', at most
 * 253 characters in all, at least two labels (a name clients resolve on the internet), the last not all digits (that
 * would be an IPv4 address), no trailing dot, and lowercase (Kubernetes, GKE's ManagedCertificate and Apigee compare
 * names as written). A Google-managed certificate's domains take no wildcard ("Google-managed SSL certificates",
 * checked on December 1, 2026), so none of these names does.
 */
public final class Hostnames {
    private static final int LABEL_MAX = 63;
    private static final int NAME_MAX = 253;
    /** Either case: a name in capitals is told to be lowercased once every other rule holds. */
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?");

    private Hostnames() {
    }

    /** What is wrong with {@code host} as a host name, or null when it is one; {@code example} shows a valid one. */
    public static String problem(String host, String example) {
        String rule = "give a host name such as " + example;
        if (host == null || host.isEmpty()) {
            return rule;
        }
        if (host.contains("://")) {
            return "remove the scheme: " + rule;
        }
        if (host.contains("/")) {
            return "remove the path: " + rule;
        }
        if (host.contains(":")) {
            return "remove the port: " + rule;
        }
        if (host.contains("*")) {
            return "a wildcard is not a host name (a Google-managed certificate takes none): list each host, e.g. " + example;
        }
        if (host.endsWith(".")) {
            return "remove the trailing dot: write " + host.substring(0, host.length() - 1);
        }
        if (host.length() > NAME_MAX) {
            return "is " + host.length() + " characters: a host name has at most " + NAME_MAX;
        }
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2) {
            return "a single label: give the fully qualified name, e.g. " + example;
        }
        for (String label : labels) {
            String problem = labelProblem(label);
            if (problem != null) {
                return problem;
            }
        }
        String last = labels[labels.length - 1];
        if (last.chars().allMatch(Character::isDigit)) {
            return host.matches("[0-9.]+") ? "an IP address, not a host name: " + rule
                    : "the last label \"" + last + "\" is all digits, which no top-level domain is";
        }
        String lower = host.toLowerCase(Locale.ROOT);
        return host.equals(lower) ? null : "write it in lowercase: " + lower;
    }

    private static String labelProblem(String label) {
        if (label.isEmpty()) {
            return "an empty label (two dots in a row, or a leading dot)";
        }
        if (label.length() > LABEL_MAX) {
            return "the label " + label.substring(0, 8) + "... is " + label.length() + " characters: each dot-separated label has at most "
                    + LABEL_MAX;
        }
        if (!LABEL.matcher(label).matches()) {
            return label.startsWith("-") || label.endsWith("-")
                    ? "the label \"" + label + "\" starts or ends with '-'"
                    : "the label \"" + label + "\" has characters other than letters, digits and '-'";
        }
        return null;
    }

    /** Records a problem under {@code argument} unless {@code host} is a host name. */
    public static void check(Problems problems, String argument, String host, String example) {
        String problem = problem(host, example);
        if (problem != null) {
            problems.add(argument, host, problem);
        }
    }
}
