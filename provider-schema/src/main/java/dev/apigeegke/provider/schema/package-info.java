/**
 * The Pulumi package schema of the {@code apigee} provider ({@code schema.json} in this package) and a reader of it:
 * the one description of each Apigee resource's inputs, outputs, required inputs, secrets, defaults and the inputs
 * whose change replaces the resource. The provider serves it from {@code GetSchema} and takes its property lists from
 * it; the offline preview takes its Apigee replace rules from it; tests prove the typed Java resource classes equal it.
 */
package dev.apigeegke.provider.schema;
