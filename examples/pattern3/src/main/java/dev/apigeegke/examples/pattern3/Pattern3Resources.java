package dev.apigeegke.examples.pattern3;

import dev.apigeegke.apigee.ApigeeProduct;
import dev.apigeegke.apigee.ApigeeProxy;
import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.ingress.ArmoredIngress;
import dev.apigeegke.microgateway.MicrogatewaySetup;
import dev.apigeegke.microgateway.MicrogatewaySidecar;
import dev.apigeegke.workload.Microservice;
import java.util.List;
import java.util.Optional;

/**
 * What pattern 3 declared.
 *
 * @param cluster      the GKE cluster
 * @param sidecars     the per-service gateway sidecars (credentials, NetworkPolicy, injection)
 * @param services     the sample microservices, sidecars injected
 * @param ingress      the armored Ingress routing to the sidecars
 * @param localProxies each service's local proxy on Apigee, which its product lists
 * @param products     each service's product on Apigee (the first keyed one's holds the sample app)
 * @param setup        what {@code edgemicro configure} would have created, shared by the sidecars; empty when the
 *                     stack brings its own key and secret
 */
public record Pattern3Resources(GkeCluster cluster, List<MicrogatewaySidecar> sidecars, List<Microservice> services,
                                ArmoredIngress ingress, List<ApigeeProxy> localProxies, List<ApigeeProduct> products,
                                Optional<MicrogatewaySetup> setup) {
}
