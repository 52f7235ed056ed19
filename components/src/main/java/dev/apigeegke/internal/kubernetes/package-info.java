/** How this library's Kubernetes objects are handed to the Kubernetes provider; not API. */
package dev.apigeegke.internal.kubernetes;
