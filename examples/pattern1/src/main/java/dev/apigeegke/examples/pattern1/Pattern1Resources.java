package dev.apigeegke.examples.pattern1;

import dev.apigeegke.apigee.ApigeeProxy;
import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.ingress.ArmoredIngress;
import dev.apigeegke.workload.Microservice;
import java.util.List;

/**
 * What pattern 1 declared, for programs and tests that build on it.
 *
 * @param cluster  the GKE cluster
 * @param services the sample microservices
 * @param ingress  the armored Ingress in front of them
 * @param api      the Apigee proxy, product and sample app targeting the Ingress
 */
public record Pattern1Resources(GkeCluster cluster, List<Microservice> services, ArmoredIngress ingress, ApigeeProxy api) {
}
