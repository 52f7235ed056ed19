/**
 * The Pulumi resource provider protocol for Apigee: {@link dev.apigeegke.provider.grpc.ApigeeProvider}
 * answers the engine's calls and {@link dev.apigeegke.provider.grpc.PluginServer} serves it on loopback.
 */
package dev.apigeegke.provider.grpc;
