/**
 * Not the library's API: deterministic YAML and JSON rendering shared by the components and the command line's
 * manifests; may change in any release.
 */
package dev.apigeegke.internal.render;
