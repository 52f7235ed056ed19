package dev.apigeegke.project;

import dev.apigeegke.testing.Repo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The project's POMs as Maven reads them for what a release publishes: the parent and each module, with the metadata
 * a module inherits from the parent and the parent's properties resolved, the way Maven builds the effective model.
 */
final class Poms {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private Poms() {
    }

    /** One POM: its folder (relative to the repository root, "" for the parent) and its root element. */
    record Pom(String folder, Element project) {
        /** The text of the child element at this path (e.g. "scm", "url"), not inherited. */
        Optional<String> own(String... path) {
            Element e = project;
            for (String name : path) {
                e = child(e, name);
                if (e == null) {
                    return Optional.empty();
                }
            }
            return Optional.of(e.getTextContent().strip());
        }

        String artifactId() {
            return own("artifactId").orElseThrow();
        }

        /** The value of a property this POM declares itself. */
        Optional<String> property(String name) {
            return own("properties", name);
        }

        /** The modules it lists, in its own list and in its profiles'. */
        List<String> modules() {
            var modules = new ArrayList<String>();
            collect(project, modules);
            Element profiles = child(project, "profiles");
            for (Element profile : children(profiles, "profile")) {
                collect(profile, modules);
            }
            return modules;
        }

        /** The dev.apigeegke artifacts it depends on outside the test scope. */
        List<String> projectDependencies() {
            var names = new ArrayList<String>();
            for (Element d : children(child(project, "dependencies"), "dependency")) {
                if (text(d, "groupId").equals("dev.apigeegke") && !text(d, "scope").equals("test")) {
                    names.add(text(d, "artifactId"));
                }
            }
            return names;
        }

        Element element(String name) {
            return child(project, name);
        }

        private static void collect(Element owner, List<String> modules) {
            for (Element m : children(child(owner, "modules"), "module")) {
                modules.add(m.getTextContent().strip());
            }
        }
    }

    /** The parent POM at the repository root. */
    static Pom parent() {
        return read("");
    }

    /** Every module of the reactor, the profiles' included, by folder. */
    static Map<String, Pom> modules() {
        var modules = new LinkedHashMap<String, Pom>();
        for (String folder : parent().modules()) {
            modules.put(folder, read(folder));
        }
        return modules;
    }

    /** The project's version (the parent's, which every module repeats in its parent reference). */
    static String version() {
        return parent().own("version").orElseThrow();
    }

    /** Whether a module publishes to Maven Central: it does unless its publish.skip is true. */
    static boolean published(Pom pom) {
        return !resolve(pom, pom.property("publish.skip").orElse(parent().property("publish.skip").orElse("false")))
                .equals("true");
    }

    /**
     * A value as Maven resolves it for the module: its own properties, then the parent's, then the project's version;
     * an unknown property stays written as it is, so that a check of the value fails on it.
     */
    static String resolve(Pom pom, String value) {
        String current = value;
        for (int depth = 0; depth < 10 && PROPERTY.matcher(current).find(); depth++) {
            Matcher m = PROPERTY.matcher(current);
            var out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                Optional<String> found = name.equals("project.version") ? Optional.of(version())
                        : pom.property(name).or(() -> parent().property(name));
                m.appendReplacement(out, Matcher.quoteReplacement(found.orElse(m.group())));
            }
            m.appendTail(out);
            current = out.toString();
        }
        return current;
    }

    private static Pom read(String folder) {
        Path file = Repo.root().resolve(folder).resolve("pom.xml");
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new Pom(folder, factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    static List<Element> children(Element parent, String name) {
        var found = new ArrayList<Element>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent().strip();
    }
}
