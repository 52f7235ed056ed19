package dev.apigeegke.apigee.bundle;

import java.util.Objects;

/**
 * Renders a {@link ProxyModel} into Apigee's bundle layout and zips it deterministically:
 * <pre>
 * apiproxy/&lt;name&gt;.xml              the APIProxy descriptor
 * apiproxy/proxies/default.xml      the ProxyEndpoint (pre-flow, flows, base path, route to the target)
 * apiproxy/targets/default.xml      the TargetEndpoint (target server, or URL for microgateway)
 * apiproxy/policies/&lt;policy&gt;.xml   one file per policy
 * </pre>
 * The XML is written by Woodstox (UTF-8, XML declaration, four-space indentation), and the zip holds
 * the files in path order with fixed timestamps, so equal models give byte-identical bundles.
 */
public final class BundleRenderer {
    private BundleRenderer() {
    }

    /** Renders {@code model}, which {@link ProxyModel.Builder#build()} has validated. */
    public static ProxyBundle render(ProxyModel model) {
        Objects.requireNonNull(model, "model");
        return ProxyBundle.of(model.name(), BundleXml.files(model));
    }
}
