package dev.apigeegke.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each CPU sample is charged to the first frame from the top that is not the JDK's. */
class ProfileTest {

    @Test
    void chargesTheFirstNonJdkFrame() {
        assertThat(Profile.categorize(List.of("java.util.HashMap.put", "dev.apigeegke.workload.Microservice.<init>",
                "com.pulumi.resources.Resource.<init>"))).isEqualTo(Profile.LIBRARY);
        assertThat(Profile.categorize(List.of("java.lang.String.format", "com.pulumi.serialization.internal.Serializer.serializeAsync",
                "dev.apigeegke.workload.Microservice.<init>"))).isEqualTo(Profile.SDK);
        assertThat(Profile.categorize(List.of("com.ctc.wstx.sw.BaseStreamWriter.writeStartElement",
                "dev.apigeegke.apigee.bundle.BundleRenderer.render"))).isEqualTo(Profile.RENDERING);
        assertThat(Profile.categorize(List.of("dev.apigeegke.preview.PropertyValues.of", "com.pulumi.test.internal.MockMonitor.registerResourceAsync")))
                .isEqualTo(Profile.ENGINE);
        assertThat(Profile.categorize(List.of("java.lang.Thread.run"))).isEqualTo(Profile.JDK);
    }

    @Test
    void theRunnersDebugStringsAreTheirOwnCategory() {
        assertThat(Profile.categorize(List.of("java.util.Arrays.copyOf", "java.lang.StringBuilder.append",
                "java.util.concurrent.ConcurrentHashMap.toString", "java.lang.String.format",
                "com.pulumi.deployment.internal.DeploymentImpl$DefaultRunner.checkForTasks",
                "dev.apigeegke.workload.Microservice.<init>"))).isEqualTo(Profile.RUNNER_STRINGS);
    }
}
