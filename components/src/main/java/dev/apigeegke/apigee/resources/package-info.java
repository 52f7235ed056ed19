/**
 * Typed Pulumi custom resources for the Apigee management API, which neither a Pulumi provider nor the
 * GCP SDK covers: {@link dev.apigeegke.apigee.resources.ApiProxy} (bundle import and deployment),
 * {@link dev.apigeegke.apigee.resources.TargetServer}, {@link dev.apigeegke.apigee.resources.ApiProduct},
 * {@link dev.apigeegke.apigee.resources.Developer}, {@link dev.apigeegke.apigee.resources.DeveloperApp},
 * {@link dev.apigeegke.apigee.resources.KeyValueMap} (an environment's key value map, its entries a secret input), and
 * for Edge Microgateway {@link dev.apigeegke.apigee.resources.RsaKeyPair} (a key pair and its self-signed certificate,
 * made by the provider) and {@link dev.apigeegke.apigee.resources.MicrogatewayCredential} (the gateway's registered
 * key and secret).
 *
 * <p>The classes have the shape Pulumi's Java code generator gives provider SDKs: each type registers
 * under the token {@code apigee:index:<Type>}, and its inputs and outputs carry the property names the
 * {@code apigee} provider plugin reads and returns, so these names are the contract with that plugin.
 * Required inputs are checked when the arguments are built; optional inputs left unset are not sent. The inputs that
 * identify a resource on Apigee are declared {@code replaceOnChanges}, the consumer credentials, the
 * key value map's hash key, the key pair's private key and the gateway's key and secret
 * {@code additionalSecretOutputs}, and the key value map's entries are made secret when its
 * arguments are built, as in a generated SDK. The provider's package schema is the description these
 * classes follow: a test compares every property (name, type, required, secret, replace on change, default) with it.
 *
 * <p>No plugin version is set on these resources: the engine resolves the {@code apigee} plugin by
 * name, from the package part of the type token, so a {@code pulumi-resource-apigee} plugin must be
 * installed or on the {@code PATH} wherever a program that uses them runs.
 */
package dev.apigeegke.apigee.resources;
