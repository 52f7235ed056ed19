package dev.apigeegke.apigee.bundle;

import dev.apigeegke.core.Problems;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A conditional flow of the proxy endpoint: requests whose path suffix (the path after the base path)
 * matches {@code pathPattern} and whose verb is one of {@code verbs} run {@code policies}, in order,
 * after the pre-flow. Patterns use Apigee's {@code MatchesPath}: {@code *} matches one path segment,
 * {@code **} any number, e.g. {@code /orders/**}; a pattern ending in {@code /**} also matches its prefix
 * ({@code /orders}), as an Ingress {@code Prefix} path does. When a proxy has flows, requests no flow matches
 * are answered 404 without reaching the target.
 *
 * @param name        the flow's name: letters, digits, '-', '_' and '.'
 * @param pathPattern the path suffix pattern, starting with '/'
 * @param verbs       the HTTP methods (uppercase) the flow matches; empty for every method
 * @param policies    the policies run for matching requests; may be empty
 */
public record Flow(String name, String pathPattern, List<String> verbs, List<Policy> policies) {
    private static final Pattern PATH_PATTERN = Pattern.compile("/[A-Za-z0-9._~*/:@%+,;=-]*");

    /** Copies the lists, so a flow does not change with the lists it was made from. */
    public Flow {
        verbs = Rules.copy(verbs);
        policies = Rules.copy(policies);
    }

    /** The flow's condition, e.g. {@code (proxy.pathsuffix MatchesPath "/orders/**") and (request.verb = "GET")}. */
    public String condition() {
        // One JavaRegex term for "prefix or below" keeps the condition within apigeelint's complexity limit.
        String path = pathPattern.endsWith("/**") && pathPattern.length() > 3
                ? "(proxy.pathsuffix JavaRegex \"" + regex(pathPattern.substring(0, pathPattern.length() - 3)) + "(/.*)?\")"
                : "(proxy.pathsuffix MatchesPath \"" + pathPattern + "\")";
        if (verbs.isEmpty()) {
            return path;
        }
        return path + " and (" + verbs.stream().map(v -> "request.verb = \"" + v + "\"").collect(Collectors.joining(" or ")) + ")";
    }

    /** A MatchesPath prefix as a Java regex: {@code *} one segment, {@code **} any, everything else literal. */
    private static String regex(String prefix) {
        var out = new StringBuilder();
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c == '*') {
                boolean twice = i + 1 < prefix.length() && prefix.charAt(i + 1) == '*';
                out.append(twice ? ".*" : "[^/]*");
                i += twice ? 1 : 0;
            } else if (".+()[]{}^$|?\\".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Records every problem with this flow and its policies under {@code argument}, e.g. {@code flows[0]}. */
    public void validate(Problems problems, String argument) {
        problems.check(name != null && Rules.POLICY_NAME.matcher(name).matches(), argument + ".name", name,
                "a flow name: letters, digits, '-', '_' and '.', at most 255 characters");
        problems.check(pathPattern != null && PATH_PATTERN.matcher(pathPattern).matches(), argument + ".pathPattern", pathPattern,
                "a path pattern relative to the base path, starting with '/', e.g. /orders or /orders/** "
                        + "(* is one segment, ** any number; no spaces, quotes or braces)");
        Rules.checkMethods(problems, argument + ".verbs", verbs);
        for (int i = 0; i < policies.size(); i++) {
            Policy policy = policies.get(i);
            if (policy == null) {
                problems.add(argument + ".policies[" + i + "]", null, "remove the null entry");
            } else {
                policy.validate(problems, argument + ".policies[" + i + "]");
            }
        }
    }
}
