/**
 * Not the library's API: the workaround for the Pulumi Java SDK 1.36.1 task runner that the project's programs
 * apply first thing in {@code main}. Used by the project's own modules; may change in any release.
 */
package dev.apigeegke.internal.sdk;
