package dev.apigeegke.provider.resources;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.SAXException;

/** What the provider reads from an API proxy bundle zip before sending it. */
final class ProxyBundle {
    private ProxyBundle() {
    }

    /** The bundle's bytes; line breaks in the base64 are allowed, other stray characters are not. */
    static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
    }

    /** Why Apigee would reject the zip ("Bundle is invalid. Empty bundle"), or null. */
    static String problem(byte[] zip) {
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            int files = 0;
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory() && e.getName().startsWith("apiproxy/")) {
                    files++;
                }
            }
            return files > 0 ? null
                    : "'bundle' holds no files under apiproxy/; Apigee would answer \"Bundle is invalid. Empty bundle\"";
        } catch (IOException e) {
            return "'bundle' is not a zip file: " + e.getMessage();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The base paths the bundle's proxy endpoints ({@code apiproxy/proxies/*.xml}) serve, an endpoint without
     * {@code <BasePath>} serving {@code /} as on Apigee; empty when the zip or an endpoint cannot be read.
     */
    static Optional<Set<String>> basePaths(byte[] zip) {
        Set<String> paths = new TreeSet<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory() && e.getName().startsWith("apiproxy/proxies/") && e.getName().endsWith(".xml")) {
                    var factory = DocumentBuilderFactory.newInstance();
                    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                    var found = factory.newDocumentBuilder().parse(new ByteArrayInputStream(in.readAllBytes()))
                            .getElementsByTagName("BasePath");
                    paths.add(found.getLength() == 0 ? "/" : found.item(0).getTextContent().strip());
                }
            }
        } catch (IOException | ParserConfigurationException | SAXException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(paths);
    }
}
