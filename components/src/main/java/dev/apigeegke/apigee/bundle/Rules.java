package dev.apigeegke.apigee.bundle;

import dev.apigeegke.core.Problems;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Apigee and HTTP naming rules shared by the policies, flows and the proxy model. */
final class Rules {
    /** Apigee policy and flow names. */
    static final Pattern POLICY_NAME = Pattern.compile("[A-Za-z0-9._-]{1,255}");
    /** An HTTP field name (RFC 9110 token). */
    static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}");
    /** The HTTP methods a flow or CORS policy can name. */
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private Rules() {
    }

    static void checkPolicyName(Problems problems, String argument, String name) {
        problems.check(name != null && POLICY_NAME.matcher(name).matches(), argument, name,
                "a policy name: letters, digits, '-', '_' and '.', at most 255 characters (Apigee's policy name rules)");
    }

    static void checkHeaderName(Problems problems, String argument, String name) {
        problems.check(name != null && TOKEN.matcher(name).matches(), argument, name,
                "an HTTP header name such as x-api-key: letters, digits and !#$%&'*+.^_`|~- without spaces or ':'");
    }

    static void checkMethods(Problems problems, String argument, List<String> methods) {
        var seen = new ArrayList<String>();
        for (int i = 0; i < methods.size(); i++) {
            String method = methods.get(i);
            if (method == null || !METHODS.contains(method)) {
                problems.add(argument + "[" + i + "]", method, "one of " + String.join(", ", METHODS) + " (uppercase)");
            } else if (seen.contains(method)) {
                problems.add(argument + "[" + i + "]", method, "listed twice; name each method once");
            } else {
                seen.add(method);
            }
        }
    }

    /** True when {@code text} has only characters XML 1.0 can carry, tabs and line breaks included. */
    static boolean isXmlText(String text) {
        return text.codePoints().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF));
    }

    /** True when {@code text} is XML text on one line: no control characters at all. */
    static boolean isSingleLine(String text) {
        return isXmlText(text) && text.codePoints().noneMatch(c -> c < 0x20 || c == 0x7F);
    }

    /** True for an absolute http(s) URL with a host and no query, fragment or credentials. */
    static boolean isTargetUrl(String url) {
        if (url == null) {
            return false;
        }
        try {
            var uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null
                    && isSingleLine(url);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** An unmodifiable copy that keeps null entries, so validation can report them instead of failing. */
    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
