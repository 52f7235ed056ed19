package dev.apigeegke.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A property path as Pulumi writes it in {@code ignoreChanges} and as the diff names inputs: keys joined by
 * {@code .}, list indexes and other keys in brackets ({@code rules[2].match}, {@code labels["app.kubernetes.io/name"]}),
 * {@code *} for any key or index.
 *
 * @param segments the keys and indexes, as text
 */
record PropertyPath(List<String> segments) {
    private static final String ANY = "*";

    /** Reads {@code path}; a malformed rest (an unclosed bracket) is taken as one key, as it cannot match anything else. */
    static PropertyPath parse(String path) {
        var segments = new ArrayList<String>();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[' && i + 1 < path.length() && path.charAt(i + 1) == '"') {
                var key = new StringBuilder();
                int j = i + 2;
                while (j < path.length() && path.charAt(j) != '"') {
                    if (path.charAt(j) == '\\' && j + 1 < path.length()) {
                        j++;
                    }
                    key.append(path.charAt(j++));
                }
                segments.add(key.toString());
                i = path.indexOf(']', j) < 0 ? path.length() : path.indexOf(']', j) + 1;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                segments.add(path.substring(i + 1, end < 0 ? path.length() : end));
                i = end < 0 ? path.length() : end + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                segments.add(path.substring(i, end));
                i = end;
            }
        }
        return new PropertyPath(List.copyOf(segments));
    }

    /** Whether {@code other} is this path or lies inside it: what ignoring this path ignores. */
    boolean covers(PropertyPath other) {
        if (other.segments.size() < segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            if (!segments.get(i).equals(ANY) && !segments.get(i).equals(other.segments.get(i))) {
                return false;
            }
        }
        return true;
    }
}
