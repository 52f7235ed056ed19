/**
 * The Pulumi resource provider protocol for Apigee: {@link dev.apigeegke.provider.grpc.ApigeeProvider} dispatches the
 * engine's calls to the resource handlers; Diff, secrets and unknowns (and previews), the engine's property structs,
 * error statuses and the provider configuration each have their own class beside it; and
 * {@link dev.apigeegke.plugin.PluginServer} serves it on loopback.
 */
package dev.apigeegke.provider.grpc;
