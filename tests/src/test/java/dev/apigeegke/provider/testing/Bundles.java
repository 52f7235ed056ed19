package dev.apigeegke.provider.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * What the emulator reads from an imported bundle: the base paths it serves, the route an Edge Microgateway proxy
 * gives the gateway, and what Apigee X would reject.
 */
final class Bundles {
    private static final String POLICIES = "apiproxy/policies/";
    private static final String PROXIES = "apiproxy/proxies/";

    /**
     * The route Apigee's microgateway bootstrap lists for a proxy: its proxy endpoint and base path, and the target
     * endpoint the unconditional route rule names with its URL; the URL is {@code "null"} when that target has none
     * (a target server, or no target at all), which is how the bootstrap writes it and why the gateway drops such a
     * proxy ({@code targetEndpoint.url === "null"} in microgateway-config).
     */
    record Route(String proxyEndpoint, String basePath, String targetEndpoint, String targetUrl) {
    }

    private Bundles() {
    }

    /** The XML files of the bundle, by path. */
    private static Map<String, Document> xmlFiles(byte[] zip) {
        Map<String, Document> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory() && e.getName().endsWith(".xml")) {
                    files.put(e.getName(), parse(in.readAllBytes()));
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        files.values().removeIf(d -> d == null);
        return files;
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return null;
        }
    }

    /** The base paths of the proxy endpoints; an endpoint without one serves {@code /}, as on Apigee. */
    static Set<String> basePaths(byte[] zip) {
        Set<String> paths = new LinkedHashSet<>();
        xmlFiles(zip).forEach((name, doc) -> {
            if (name.startsWith(PROXIES)) {
                var found = doc.getElementsByTagName("BasePath");
                paths.add(found.getLength() == 0 ? "/" : found.item(0).getTextContent().strip());
            }
        });
        return paths;
    }

    /** The route of the bundle's first proxy endpoint (by file name), or none when the bundle has no endpoint. */
    static Optional<Route> route(byte[] zip) {
        Map<String, Document> files = new TreeMap<>(xmlFiles(zip));
        return files.entrySet().stream().filter(f -> f.getKey().startsWith(PROXIES)).findFirst().map(f -> {
            Element endpoint = f.getValue().getDocumentElement();
            String basePath = text(endpoint, "BasePath").orElse("/");
            String unconditional = null;
            String conditional = null;
            var rules = endpoint.getElementsByTagName("RouteRule");
            for (int i = 0; i < rules.getLength(); i++) {
                Element rule = (Element) rules.item(i);
                String named = text(rule, "TargetEndpoint").orElse(null);
                if (named != null && text(rule, "Condition").isEmpty() && unconditional == null) {
                    unconditional = named;
                } else if (named != null && conditional == null) {
                    conditional = named;
                }
            }
            String target = unconditional != null ? unconditional : conditional != null ? conditional : "null";
            Document targetFile = files.get("apiproxy/targets/" + target + ".xml");
            String url = targetFile == null ? "null" : text(targetFile.getDocumentElement(), "URL").orElse("null");
            return new Route(endpoint.getAttribute("name"), basePath, target, url);
        });
    }

    private static Optional<String> text(Element parent, String tag) {
        var found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? Optional.empty() : Optional.of(found.item(0).getTextContent().strip());
    }

    /**
     * Apigee X validates every upload and answers 400 "bundle contains errors" with an
     * {@code edge.configstore.bundle.BadBundle} detail, one {filename, description} violation per problem. Two of its
     * rules: a policy lives in the file named after it, and every step names a policy of the bundle.
     */
    static ArrayNode xViolations(byte[] zip) {
        ArrayNode violations = Api.JSON.createArrayNode();
        Map<String, Document> files = xmlFiles(zip);
        List<String> policies = new ArrayList<>();
        files.forEach((name, doc) -> {
            if (name.startsWith(POLICIES)) {
                String expected = name.substring(POLICIES.length(), name.length() - ".xml".length());
                String declared = doc.getDocumentElement().getAttribute("name");
                policies.add(declared);
                if (!declared.equals(expected)) {
                    violation(violations, name, "The policy named \"" + declared + "\" must be in a file named "
                            + declared + ".xml.");
                }
            }
        });
        files.forEach((name, doc) -> {
            if (name.startsWith(PROXIES) || name.startsWith("apiproxy/targets/")) {
                var steps = doc.getElementsByTagName("Step");
                for (int i = 0; i < steps.getLength(); i++) {
                    var names = ((Element) steps.item(i)).getElementsByTagName("Name");
                    String step = names.getLength() == 0 ? "" : names.item(0).getTextContent().strip();
                    if (!policies.contains(step)) {
                        violation(violations, name, "Step \"" + step + "\" references a policy that is not in the bundle.");
                    }
                }
            }
        });
        return violations;
    }

    private static void violation(ArrayNode violations, String file, String description) {
        ObjectNode v = violations.addObject();
        v.put("filename", file).put("description", description);
    }
}
