/**
 * One handler per Apigee resource type, mapping the resource's properties (as the package schema,
 * {@link dev.apigeegke.provider.schema.ProviderSchema}, lists them) to management API calls through
 * {@link dev.apigeegke.provider.api.ApigeeClient}; the gRPC layer handles secrets and previews.
 */
package dev.apigeegke.provider.resources;
