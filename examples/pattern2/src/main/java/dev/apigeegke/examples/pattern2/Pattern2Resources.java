package dev.apigeegke.examples.pattern2;

import dev.apigeegke.apigee.MicrogatewayProxies;
import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.ingress.ArmoredIngress;
import dev.apigeegke.microgateway.MicrogatewayService;
import dev.apigeegke.microgateway.MicrogatewaySetup;
import dev.apigeegke.workload.Microservice;
import java.util.List;
import java.util.Optional;

/**
 * What pattern 2 declared.
 *
 * @param cluster  the GKE cluster
 * @param services the sample microservices
 * @param gateway  Edge Microgateway as a Service
 * @param ingress  the armored Ingress in front of the gateway
 * @param apis     the edgemicro_ proxies on Apigee, one per service and one for the health check, and the product
 * @param setup    what {@code edgemicro configure} would have created (edgemicro-auth, signing key, credential);
 *                 empty when the stack brings its own key and secret
 */
public record Pattern2Resources(GkeCluster cluster, List<Microservice> services, MicrogatewayService gateway,
                                ArmoredIngress ingress, MicrogatewayProxies apis, Optional<MicrogatewaySetup> setup) {
}
