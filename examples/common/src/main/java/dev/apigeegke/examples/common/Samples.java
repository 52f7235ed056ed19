package dev.apigeegke.examples.common;

import dev.apigeegke.apigee.ApiConsumer;

/** The sample workload the pattern programs deploy unless given services of their own. */
public final class Samples {
    /** The first sample image. */
    public static final String HELLO_APP_1 = "us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0";
    /** The second sample image. */
    public static final String HELLO_APP_2 = "us-docker.pkg.dev/google-samples/containers/gke/hello-app:2.0";
    /** The port the sample images serve on. */
    public static final int PORT = 8080;
    /** The namespace the sample services run in: Kubernetes' {@code default}, as a Microservice's by default. */
    public static final String NAMESPACE = "default";
    /** The path on which the sample images answer 200 without credentials. */
    public static final String HEALTH_PATH = "/";

    private Samples() {
    }

    /** The sample consumer of a stack: developer "Sample Consumer" at {@code email}, app {@code <prefix>-sample-app}. */
    public static ApiConsumer consumer(String email, String prefix) {
        return ApiConsumer.sample(email, prefix + "-sample-app");
    }
}
