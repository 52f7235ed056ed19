/**
 * Not the library's API: the value rules (CIDR ranges, Kubernetes quantities, GCP and Kubernetes labels) the
 * components' argument builders check before any resource is registered; may change in any release.
 */
package dev.apigeegke.internal.validation;
