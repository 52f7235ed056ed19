package dev.apigeegke.apigee.bundle;

import javax.annotation.Nullable;

/**
 * What every {@link Policy} shares: its name, the attributes and display name of its root element,
 * and how it renders into its file {@code apiproxy/policies/<name>.xml}.
 */
abstract class PolicyBase {
    private final String name;

    PolicyBase(String name) {
        this.name = name;
    }

    /** The policy's name: its file name, its step name and its {@code name} attribute. */
    public String name() {
        return name;
    }

    /** The policy document. */
    abstract XmlElement toXml();

    /** A condition every step of this policy carries, or null to run it unconditionally. */
    @Nullable
    String stepCondition() {
        return null;
    }

    /**
     * The root element of a policy of Apigee type {@code type}. The display name equals the file name,
     * which Apigee's linter (PO008) expects, and failures stop the flow rather than being ignored.
     */
    XmlElement root(String type) {
        return XmlElement.of(type)
                .attr("continueOnError", "false")
                .attr("enabled", "true")
                .attr("name", name)
                .leaf("DisplayName", name);
    }
}
