package dev.apigeegke.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The files of a proxy bundle as an {@code ApiProxy}'s {@code bundle} input carries it (a base64 zip), read back. */
public final class BundleFiles {
    private BundleFiles() {
    }

    /** The files of the bundle {@code base64}, by path in the zip. */
    public static Map<String, String> of(String base64) {
        var files = new TreeMap<String, String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** {@code text}, an XML file of a bundle, parsed. */
    public static Document xml(String text) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + text, e);
        }
    }

    /** The text of every node {@code xpath} selects in {@code document}, in document order. */
    public static List<String> texts(Document document, String xpath) {
        try {
            var nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
            var values = new ArrayList<String>();
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(nodes.item(i).getTextContent());
            }
            return values;
        } catch (Exception e) {
            throw new AssertionError(xpath, e);
        }
    }
}
