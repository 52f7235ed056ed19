/**
 * A typed model of an Apigee API proxy and its rendering into a bundle.
 *
 * <p>{@link dev.apigeegke.apigee.bundle.ProxyModel} describes the proxy: base path, target, the
 * {@link dev.apigeegke.apigee.bundle.Policy policies} of its pre-flow and its conditional
 * {@link dev.apigeegke.apigee.bundle.Flow flows}, for Apigee Edge or X, or as an Edge Microgateway
 * ({@code edgemicro_}) proxy; building it validates everything at once.
 * {@link dev.apigeegke.apigee.bundle.BundleRenderer} renders the standard {@code apiproxy/} layout
 * with Woodstox and zips it deterministically into a {@link dev.apigeegke.apigee.bundle.ProxyBundle},
 * whose sha256 changes exactly when the proxy does.
 */
package dev.apigeegke.apigee.bundle;
