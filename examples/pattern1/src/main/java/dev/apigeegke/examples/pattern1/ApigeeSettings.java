package dev.apigeegke.examples.pattern1;

import dev.apigeegke.apigee.ApiConsumer;
import dev.apigeegke.apigee.bundle.ProxyModel;
import dev.apigeegke.examples.common.StackReader;
import java.util.List;
import java.util.Optional;

/**
 * Pattern 1's Apigee settings: the Apigee provider's {@code apigee:flavor} and {@code apigee:organization},
 * and the {@code apigee-gke:*} keys below.
 *
 * @param flavor         {@code apigee:flavor}: {@code edge} (default) or {@code x}
 * @param organization   {@code apigee:organization} (required)
 * @param environments   {@code apigee-gke:apigeeEnvironments} (required, a list)
 * @param hostname       {@code apigee-gke:apigeeHostname}: required on X (the environment group's host)
 * @param quotaCount     {@code apigee-gke:quotaCount}: requests per app per quota unit (default 1000)
 * @param quotaTimeUnit  {@code apigee-gke:quotaTimeUnit}: minute, hour (default), day or month
 * @param spikeArrest    {@code apigee-gke:spikeArrest}: the proxy's spike-arrest rate (default {@value dev.apigeegke.examples.common.StackReader#DEFAULT_SPIKE_ARREST})
 * @param consumerEmail  {@code apigee-gke:consumerEmail}: the sample developer (default {@value dev.apigeegke.apigee.ApiConsumer#SAMPLE_EMAIL})
 */
public record ApigeeSettings(
        ProxyModel.Flavor flavor,
        String organization,
        List<String> environments,
        Optional<String> hostname,
        int quotaCount,
        String quotaTimeUnit,
        String spikeArrest,
        String consumerEmail) {

    static final int DEFAULT_QUOTA = 1000;
    static final String DEFAULT_QUOTA_UNIT = "hour";

    /** Edge settings with every default, for {@code organization} and {@code environments}. */
    public static ApigeeSettings edge(String organization, List<String> environments) {
        return new ApigeeSettings(ProxyModel.Flavor.EDGE, organization, environments, Optional.empty(),
                DEFAULT_QUOTA, DEFAULT_QUOTA_UNIT, StackReader.DEFAULT_SPIKE_ARREST, ApiConsumer.SAMPLE_EMAIL);
    }
}
