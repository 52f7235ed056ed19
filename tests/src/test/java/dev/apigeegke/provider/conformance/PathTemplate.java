package dev.apigeegke.provider.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path template of a description, from the root of the host: the discovery document's {@code flatPath} after
 * its base ({@code v1/organizations/{organizationsId}/apis}) or an OpenAPI path after its server's path
 * ({@code /v1/organizations/{org_name}/apis}). Each variable stands for part of one segment.
 *
 * @param text     the template as written, base included
 * @param segments its segments
 */
record PathTemplate(String text, List<Segment> segments) {
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /**
     * One segment: literal text around variables, e.g. {@code apis}, {@code {apisId}} or {@code {natAddressesId}:activate}.
     *
     * @param text    as written
     * @param pattern what it matches in a raw (still percent-encoded) request segment
     * @param names   its variables, in order
     */
    record Segment(String text, Pattern pattern, List<String> names) {
        boolean literal() {
            return names.isEmpty();
        }
    }

    /** The template {@code base + template}, e.g. base {@code /v1} and template {@code /organizations/{org_name}}. */
    static PathTemplate parse(String base, String template) {
        String joined = (base.endsWith("/") ? base : base + "/") + (template.startsWith("/") ? template.substring(1) : template);
        List<Segment> segments = new ArrayList<>();
        for (String part : split(joined)) {
            Matcher m = VARIABLE.matcher(part);
            StringBuilder regex = new StringBuilder();
            List<String> names = new ArrayList<>();
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(part.substring(last, m.start()))).append("(.+?)");
                names.add(m.group(1));
                last = m.end();
            }
            regex.append(Pattern.quote(part.substring(last)));
            segments.add(new Segment(part, Pattern.compile(regex.toString()), List.copyOf(names)));
        }
        return new PathTemplate(joined, List.copyOf(segments));
    }

    /** The non-empty segments of a raw path. */
    static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** The raw (still encoded) value of each variable when {@code rawSegments} fit this template. */
    Optional<Map<String, String>> match(List<String> rawSegments) {
        if (rawSegments.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Matcher m = segments.get(i).pattern().matcher(rawSegments.get(i));
            if (!m.matches()) {
                return Optional.empty();
            }
            for (int g = 0; g < segments.get(i).names().size(); g++) {
                values.put(segments.get(i).names().get(g), m.group(g + 1));
            }
        }
        return Optional.of(values);
    }

    /**
     * Whether this template is more specific than {@code other} for the same path: the first segment where one is
     * literal and the other is not decides ({@code keys/create} before {@code keys/{consumer_key}}).
     */
    boolean moreSpecificThan(PathTemplate other) {
        for (int i = 0; i < segments.size() && i < other.segments.size(); i++) {
            boolean mine = segments.get(i).literal();
            boolean theirs = other.segments.get(i).literal();
            if (mine != theirs) {
                return mine;
            }
        }
        return false;
    }
}
