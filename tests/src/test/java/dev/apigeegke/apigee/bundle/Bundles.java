package dev.apigeegke.apigee.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.core.Problems;
import dev.apigeegke.testing.Rejections;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Models, rendering and reading back for the bundle tests. */
final class Bundles {
    static final String PROXY = "apiproxy/proxies/default.xml";
    static final String TARGET = "apiproxy/targets/default.xml";

    private Bundles() {
    }

    /** An Edge proxy with every required argument. */
    static ProxyModel.Builder edge() {
        return ProxyModel.builder().name("orders").basePath("/orders").targetServer("orders-target");
    }

    /** An Apigee X proxy with every required argument. */
    static ProxyModel.Builder x() {
        return edge().flavor(ProxyModel.Flavor.X);
    }

    static ProxyBundle render(ProxyModel.Builder model) {
        return BundleRenderer.render(model.build());
    }

    /** The policy file of {@code name} in a bundle of an X proxy whose pre-flow is {@code preFlow}. */
    static Document policy(String name, Policy... preFlow) {
        return xml(render(x().preFlow(List.of(preFlow))), "apiproxy/policies/" + name + ".xml");
    }

    static Document xml(ProxyBundle bundle, String path) {
        assertThat(bundle.files()).containsKey(path);
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bundle.files().get(path)));
        } catch (Exception e) {
            throw new AssertionError(path + " is not well-formed XML", e);
        }
    }

    /** The string value of {@code xpath} in {@code document} ("" when nothing matches). */
    static String at(Document document, String xpath) {
        try {
            return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.STRING);
        } catch (Exception e) {
            throw new AssertionError(xpath, e);
        }
    }

    /** The string values of every node {@code xpath} selects, in document order. */
    static List<String> all(Document document, String xpath) {
        return each(document, xpath, Node::getTextContent);
    }

    /** The names of the elements {@code xpath} selects, in document order: the structure, where {@link #all} gives the text. */
    static List<String> names(Document document, String xpath) {
        return each(document, xpath, Node::getNodeName);
    }

    private static List<String> each(Document document, String xpath, Function<Node, String> value) {
        try {
            var nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
            var values = new ArrayList<String>();
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(value.apply(nodes.item(i)));
            }
            return values;
        } catch (Exception e) {
            throw new AssertionError(xpath, e);
        }
    }

    /** The problem lines {@code build} reports; fails when it succeeds. */
    static List<String> problems(Supplier<?> build) {
        return Rejections.problems(build::get);
    }

    /** The problem lines {@code policy} reports under {@code argument}. */
    static List<String> problems(Policy policy, String argument) {
        var problems = new Problems("test");
        policy.validate(problems, argument);
        return Rejections.lines(problems.list());
    }
}
