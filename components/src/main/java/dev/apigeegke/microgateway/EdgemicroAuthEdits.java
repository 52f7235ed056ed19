package dev.apigeegke.microgateway;

import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import org.codehaus.stax2.XMLInputFactory2;

/**
 * The two edits {@code edgemicro configure} makes to the bundle before importing it, made here on the XML itself:
 * the JavaCallout property {@code org.noncps} and the proxy endpoint's virtual hosts. Each file is copied event by
 * event through Woodstox, so everything but the replaced elements (comments, order, indentation) stays as Apigee wrote
 * it and only the edited file changes.
 */
final class EdgemicroAuthEdits {
    /** The products callout: {@code Products} reads {@code org.noncps} from its properties, "false" when absent. */
    static final String CALLOUT = "apiproxy/policies/JavaCallout.xml";
    static final String ENDPOINT = "apiproxy/proxies/default.xml";
    static final String NONCPS = "org.noncps";

    private static final String INDENT = "    ";
    private static final XMLInputFactory INPUT = input();
    private static final WstxOutputFactory OUTPUT = output();
    private static final XMLEventFactory EVENTS = XMLEventFactory.newFactory();

    private EdgemicroAuthEdits() {
    }

    /** {@code JavaCallout.xml} with {@code <Property name="org.noncps">true</Property>} in place of any earlier one. */
    static byte[] noncps(byte[] callout) {
        return replaceChildren(callout, CALLOUT, List.of("JavaCallout", "Properties"),
                child -> child.getName().getLocalPart().equals("Property") && NONCPS.equals(attribute(child, "name")),
                List.of(new Child("Property", Map.of("name", NONCPS), "true")));
    }

    /** {@code proxies/default.xml} with one {@code <VirtualHost>} per host, where the bundle's own stood. */
    static byte[] virtualHosts(byte[] endpoint, List<String> hosts) {
        return replaceChildren(endpoint, ENDPOINT, List.of("ProxyEndpoint", "HTTPProxyConnection"),
                child -> child.getName().getLocalPart().equals("VirtualHost"),
                hosts.stream().map(host -> new Child("VirtualHost", Map.of(), host)).toList());
    }

    /** An element with text to write. */
    private record Child(String name, Map<String, String> attributes, String text) {
    }

    /**
     * Copies {@code xml}, leaving out the children of the element at {@code parentPath} that {@code replaced} picks and
     * writing {@code children} where the first of them was (or last in the parent, when none was), each on its own line.
     */
    private static byte[] replaceChildren(byte[] xml, String file, List<String> parentPath, Predicate<StartElement> replaced,
            List<Child> children) {
        var out = new ByteArrayOutputStream();
        String parentIndent = null;
        try {
            var reader = INPUT.createXMLEventReader(new ByteArrayInputStream(xml));
            XMLEventWriter writer = OUTPUT.createXMLEventWriter(out, StandardCharsets.UTF_8.name());
            var path = new ArrayList<String>();
            String lastSpace = "";
            String pendingSpace = null;
            boolean written = false;
            int skipping = 0;
            while (reader.hasNext()) {
                XMLEvent event = reader.nextEvent();
                if (skipping > 0) {
                    skipping += event.isStartElement() ? 1 : event.isEndElement() ? -1 : 0;
                    continue;
                }
                boolean inParent = path.equals(parentPath);
                if (inParent && event.isCharacters() && event.asCharacters().isWhiteSpace()) {
                    // Held back: the line break before a replaced child goes with it.
                    pendingSpace = (pendingSpace == null ? "" : pendingSpace) + event.asCharacters().getData();
                    continue;
                }
                if (inParent && event.isStartElement() && replaced.test(event.asStartElement())) {
                    if (!written) {
                        write(writer, children, pendingSpace == null ? "\n" + parentIndent + INDENT : pendingSpace);
                        written = true;
                    }
                    pendingSpace = null;
                    skipping = 1;
                    continue;
                }
                if (inParent && event.isEndElement() && !written) {
                    write(writer, children, parentIndent + INDENT);
                    written = true;
                    if (pendingSpace == null) {
                        pendingSpace = parentIndent;
                    }
                }
                if (pendingSpace != null) {
                    writer.add(EVENTS.createSpace(pendingSpace));
                    pendingSpace = null;
                }
                writer.add(event);
                if (event.isStartElement()) {
                    path.add(event.asStartElement().getName().getLocalPart());
                    if (path.equals(parentPath)) {
                        parentIndent = lastSpace;
                    }
                } else if (event.isEndElement()) {
                    path.remove(path.size() - 1);
                }
                lastSpace = event.isCharacters() && event.asCharacters().isWhiteSpace() ? event.asCharacters().getData() : "";
            }
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot edit " + file + " of the edgemicro-auth bundle: " + e.getMessage(), e);
        }
        if (parentIndent == null) {
            throw new IllegalStateException(file + " of the edgemicro-auth bundle (npm microgateway-edgeauth "
                    + EdgemicroAuthFiles.VERSION + ") has no <" + String.join("><", parentPath) + ">, where the edit belongs");
        }
        return out.toByteArray();
    }

    private static void write(XMLEventWriter writer, List<Child> children, String indent) throws XMLStreamException {
        for (Child child : children) {
            writer.add(EVENTS.createSpace(indent));
            writer.add(EVENTS.createStartElement("", "", child.name()));
            for (var attribute : child.attributes().entrySet()) {
                writer.add(EVENTS.createAttribute(attribute.getKey(), attribute.getValue()));
            }
            writer.add(EVENTS.createCharacters(child.text()));
            writer.add(EVENTS.createEndElement("", "", child.name()));
        }
    }

    private static String attribute(StartElement element, String name) {
        Attribute attribute = element.getAttributeByName(new QName(name));
        return attribute == null ? null : attribute.getValue();
    }

    private static XMLInputFactory input() {
        var factory = new WstxInputFactory();
        // The bundle carries no DTD; refusing one keeps entity expansion out.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // The line break after the XML declaration and at the end is part of the file.
        factory.setProperty(XMLInputFactory2.P_REPORT_PROLOG_WHITESPACE, true);
        return factory;
    }

    private static WstxOutputFactory output() {
        var factory = new WstxOutputFactory();
        factory.setProperty(WstxOutputProperties.P_USE_DOUBLE_QUOTES_IN_XML_DECL, true);
        return factory;
    }
}
