package dev.apigeegke.apigee.bundle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * A small XML element tree: attributes in insertion order, then either text or child elements.
 * {@link XmlWriter} turns it into bytes through a StAX writer, which does all escaping.
 */
final class XmlElement {
    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<XmlElement> children = new ArrayList<>();
    private @Nullable String text;

    private XmlElement(String name) {
        this.name = name;
    }

    static XmlElement of(String name) {
        return new XmlElement(name);
    }

    XmlElement attr(String attribute, Object value) {
        attributes.put(attribute, String.valueOf(value));
        return this;
    }

    XmlElement text(Object value) {
        if (!children.isEmpty()) {
            throw new IllegalStateException(name + " has child elements; mixed content is not supported");
        }
        this.text = String.valueOf(value);
        return this;
    }

    /** Adds {@code child} and returns this element. */
    XmlElement add(XmlElement child) {
        if (text != null) {
            throw new IllegalStateException(name + " has text; mixed content is not supported");
        }
        children.add(child);
        return this;
    }

    /** Adds a child element holding only {@code value} and returns this element. */
    XmlElement leaf(String child, Object value) {
        return add(of(child).text(value));
    }

    String name() {
        return name;
    }

    Map<String, String> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    List<XmlElement> children() {
        return Collections.unmodifiableList(children);
    }

    @Nullable
    String text() {
        return text;
    }
}
