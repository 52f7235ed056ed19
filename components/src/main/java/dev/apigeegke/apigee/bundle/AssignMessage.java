package dev.apigeegke.apigee.bundle;

import dev.apigeegke.core.Problems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Changes the headers of the request on its way to the target ({@code <AssignMessage>} assigning to the
 * existing {@code request}): removes headers, such as the API key the target must not see, then sets
 * others. Header values are Apigee message templates: {@code {client_id}} inserts a flow variable, and
 * an unresolved variable fails the request rather than sending an empty header. Values are stored in
 * the bundle in clear: never put a secret in one; reference a flow variable instead.
 */
public final class AssignMessage extends PolicyBase implements Policy {
    private final Map<String, String> setHeaders;
    private final List<String> removedHeaders;

    private AssignMessage(String name, Map<String, String> setHeaders, List<String> removedHeaders) {
        super(name);
        this.setHeaders = setHeaders;
        this.removedHeaders = removedHeaders;
    }

    /** A policy named {@code name} (e.g. {@code AM-target-headers}) that changes nothing yet. */
    public static AssignMessage toTarget(String name) {
        return new AssignMessage(name, Map.of(), List.of());
    }

    @Override
    public AssignMessage withName(String name) {
        return new AssignMessage(name, setHeaders, removedHeaders);
    }

    /** Sets header {@code name} to {@code value}, replacing any value the request had (and any set before). */
    public AssignMessage setHeader(String name, String value) {
        var headers = new LinkedHashMap<>(setHeaders);
        headers.put(name, value);
        return new AssignMessage(name(), Collections.unmodifiableMap(headers), removedHeaders);
    }

    /** Removes header {@code name} from the request. */
    public AssignMessage removeHeader(String name) {
        var headers = new ArrayList<>(removedHeaders);
        headers.add(name);
        return new AssignMessage(name(), setHeaders, Collections.unmodifiableList(headers));
    }

    /** The headers set, in the order given. */
    public Map<String, String> setHeaders() {
        return setHeaders;
    }

    /** The headers removed, in the order given. */
    public List<String> removedHeaders() {
        return removedHeaders;
    }

    @Override
    public void validate(Problems problems, String argument) {
        Rules.checkPolicyName(problems, argument + ".name", name());
        problems.check(!setHeaders.isEmpty() || !removedHeaders.isEmpty(), argument, name(),
                "this policy changes nothing: add setHeader(name, value) or removeHeader(name)");
        var removed = new HashMap<String, Integer>();
        for (int i = 0; i < removedHeaders.size(); i++) {
            String header = removedHeaders.get(i);
            String at = argument + ".removeHeader[" + i + "]";
            Rules.checkHeaderName(problems, at, header);
            if (header != null && removed.putIfAbsent(Rules.lower(header), i) != null) {
                problems.add(at, header, "removed twice (header names ignore case); remove it once");
            }
        }
        var set = new HashMap<String, String>();
        for (Map.Entry<String, String> header : setHeaders.entrySet()) {
            String at = argument + ".setHeader[" + header.getKey() + "]";
            Rules.checkHeaderName(problems, at, header.getKey());
            String value = header.getValue();
            problems.check(value != null && !value.isEmpty() && Rules.isSingleLine(value), at, value,
                    "a non-empty value on one line (no control characters); to drop a header use removeHeader");
            if (header.getKey() == null) {
                continue;
            }
            String lower = Rules.lower(header.getKey());
            String other = set.putIfAbsent(lower, header.getKey());
            if (other != null) {
                problems.add(at, header.getKey(), "also set as \"" + other + "\" (header names ignore case); set it once");
            }
            if (removed.containsKey(lower)) {
                problems.add(at, header.getKey(), "this header is also removed; either set it or remove it");
            }
        }
    }

    @Override
    XmlElement toXml() {
        var policy = root("AssignMessage");
        if (!removedHeaders.isEmpty()) {
            var headers = XmlElement.of("Headers");
            removedHeaders.forEach(h -> headers.add(XmlElement.of("Header").attr("name", h)));
            policy.add(XmlElement.of("Remove").add(headers));
        }
        if (!setHeaders.isEmpty()) {
            var headers = XmlElement.of("Headers");
            setHeaders.forEach((h, value) -> headers.add(XmlElement.of("Header").attr("name", h).text(value)));
            policy.add(XmlElement.of("Set").add(headers));
        }
        // Naming the message "request" is what createNew="false" means; an empty AssignTo is flagged by apigeelint (PO012).
        return policy.leaf("IgnoreUnresolvedVariables", false)
                .add(XmlElement.of("AssignTo").attr("createNew", false).attr("transport", "http").attr("type", "request")
                        .text("request"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AssignMessage that && Objects.equals(name(), that.name())
                && setHeaders.equals(that.setHeaders) && removedHeaders.equals(that.removedHeaders);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name(), setHeaders, removedHeaders);
    }

    @Override
    public String toString() {
        return "AssignMessage[name=" + name() + ", setHeaders=" + setHeaders.keySet() + ", removedHeaders=" + removedHeaders + "]";
    }
}
