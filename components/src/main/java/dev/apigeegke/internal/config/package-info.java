/**
 * Not the library's API: how the pattern programs read their stack configuration (every problem collected, each
 * named by its stack key). Components take plain arguments, never stack keys; may change in any release.
 */
package dev.apigeegke.internal.config;
