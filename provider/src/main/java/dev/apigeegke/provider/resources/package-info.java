/**
 * One handler per Apigee resource type, mapping the resource's properties to management API calls
 * through {@link dev.apigeegke.provider.api.ApigeeClient}; the gRPC layer handles secrets and previews.
 */
package dev.apigeegke.provider.resources;
