package dev.apigeegke.apigee.bundle;

import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLOutputFactory2;
import org.codehaus.stax2.XMLStreamWriter2;

/**
 * Writes an {@link XmlElement} tree as a UTF-8 document with an XML declaration, indented by four
 * spaces, through Woodstox. Woodstox escapes text and attribute values and rejects names and
 * characters XML cannot carry, so no markup is ever assembled by hand.
 */
final class XmlWriter {
    private static final String INDENT = "    ";
    private static final WstxOutputFactory FACTORY = factory();

    private XmlWriter() {
    }

    static byte[] write(XmlElement root) {
        var out = new ByteArrayOutputStream();
        try {
            var writer = (XMLStreamWriter2) FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            writer.writeSpace("\n");
            element(writer, root, 0);
            writer.writeSpace("\n");
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot render <" + root.name() + ">: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter2 writer, XmlElement element, int depth) throws XMLStreamException {
        boolean empty = element.text() == null && element.children().isEmpty();
        if (empty) {
            writer.writeEmptyElement(element.name());
        } else {
            writer.writeStartElement(element.name());
        }
        for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
            writer.writeAttribute(attribute.getKey(), attribute.getValue());
        }
        if (empty) {
            return;
        }
        if (element.text() != null) {
            writer.writeCharacters(element.text());
        } else {
            for (XmlElement child : element.children()) {
                writer.writeSpace("\n" + INDENT.repeat(depth + 1));
                element(writer, child, depth + 1);
            }
            writer.writeSpace("\n" + INDENT.repeat(depth));
        }
        writer.writeEndElement();
    }

    private static WstxOutputFactory factory() {
        var factory = new WstxOutputFactory();
        factory.setProperty(WstxOutputProperties.P_USE_DOUBLE_QUOTES_IN_XML_DECL, true);
        factory.setProperty(WstxOutputProperties.P_OUTPUT_VALIDATE_STRUCTURE, true);
        factory.setProperty(WstxOutputProperties.P_OUTPUT_VALIDATE_CONTENT, true);
        factory.setProperty(WstxOutputProperties.P_OUTPUT_VALIDATE_NAMES, true);
        factory.setProperty(XMLOutputFactory2.P_AUTOMATIC_EMPTY_ELEMENTS, false);
        return factory;
    }
}
