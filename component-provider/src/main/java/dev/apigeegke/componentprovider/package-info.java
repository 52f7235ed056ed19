/**
 * The component provider plugin {@code pulumi-resource-apigee-gke}: the apigee-gke components, served over Pulumi's
 * provider protocol so that TypeScript, Python, Go, C# and YAML programs can declare them. Its schema
 * ({@code schema.json} beside these classes) is hand-written; {@link dev.apigeegke.componentprovider.Components} maps
 * each type token to the component's Java constructor, and {@link dev.apigeegke.componentprovider.InputBinder} turns a
 * Construct request's inputs into the component's arguments through their builders.
 */
package dev.apigeegke.componentprovider;
