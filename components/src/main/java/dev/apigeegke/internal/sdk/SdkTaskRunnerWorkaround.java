package dev.apigeegke.internal.sdk;

/**
 * Works around a scheduling hang of the Pulumi Java SDK 1.36.1: its runner waits for in-flight tasks by
 * re-submitting a polling task to {@code CompletableFuture}'s default pool. When that pool is the
 * ForkJoin common pool, the poller can keep re-running from a worker's own queue while a task queued
 * beneath it never runs (seen here: a program hung at 100% CPU in {@code DefaultRunner.loopUntilDone}).
 * With a common-pool parallelism of 1, JDK 17 to 24 run async tasks on a thread each, which cannot
 * starve; JDK 25 and later need a parallelism of 2 instead.
 */
public final class SdkTaskRunnerWorkaround {
    static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private SdkTaskRunnerWorkaround() {
    }

    /**
     * Sets the common pool's parallelism to the value that avoids the hang, unless the JVM was started with one;
     * call first thing in {@code main}, before anything touches {@code CompletableFuture}.
     */
    public static void apply() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, parallelismFor(Runtime.version().feature()));
        }
    }

    /** The parallelism that avoids the hang on Java {@code feature}. */
    static String parallelismFor(int feature) {
        return feature >= 25 ? "2" : "1";
    }
}
