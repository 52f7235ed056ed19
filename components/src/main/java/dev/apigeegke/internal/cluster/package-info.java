/**
 * Not the library's API: Compute Engine machine shapes, shared by the cluster's sizing check and the command
 * line's capacity estimate; may change in any release.
 */
package dev.apigeegke.internal.cluster;
