package dev.apigeegke.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a program's CPU time goes, from a Java Flight Recorder recording: each execution sample is charged
 * to the first frame from the top that is not the JDK's, grouped as the library's own code, the libraries it
 * renders YAML and XML with, the Pulumi SDK (with its task runner's debug strings apart), and the offline
 * engine standing in for the Pulumi engine.
 */
final class Profile {
    static final String LIBRARY = "library code (components, args, validation)";
    static final String RENDERING = "library: YAML and XML rendering (Jackson, SnakeYAML, Woodstox)";
    static final String RUNNER_STRINGS = "SDK: task runner's debug strings (DefaultRunner.checkForTasks/registerTask)";
    static final String SDK = "SDK: serialization, outputs, registration (Pulumi, protobuf, gRPC, Guava, Gson)";
    static final String ENGINE = "offline engine standing in for the Pulumi engine";
    static final String JDK = "JDK only";
    /** How deep below the top the runner's debug-string frames are looked for. */
    private static final int RUNNER_DEPTH = 16;

    private Profile() {
    }

    /** Execution samples per category, from the recording at {@code jfr}. */
    static Map<String, Integer> categories(Path jfr) throws IOException {
        var counts = new TreeMap<String, Integer>();
        for (var event : RecordingFile.readAllEvents(jfr)) {
            if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                counts.merge(categorize(event.getStackTrace().getFrames().stream().map(Profile::name).toList()), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The category of a sample whose frames, top first, are {@code frames} ({@code class.method}). */
    static String categorize(List<String> frames) {
        for (int i = 0; i < Math.min(RUNNER_DEPTH, frames.size()); i++) {
            String f = frames.get(i);
            if (f.startsWith("com.pulumi.deployment.internal.DeploymentImpl$DefaultRunner.checkForTasks")
                    || f.startsWith("com.pulumi.deployment.internal.DeploymentImpl$DefaultRunner.registerTask")) {
                return RUNNER_STRINGS;
            }
        }
        for (String f : frames) {
            if (f.startsWith("java.") || f.startsWith("jdk.") || f.startsWith("sun.") || f.startsWith("com.sun.")) {
                continue;
            }
            if (f.startsWith("dev.apigeegke.bench.") || f.startsWith("dev.apigeegke.preview.")) {
                return ENGINE;
            }
            if (f.startsWith("dev.apigeegke.")) {
                return LIBRARY;
            }
            if (f.startsWith("com.fasterxml.") || f.startsWith("org.yaml.") || f.startsWith("com.ctc.") || f.startsWith("org.codehaus.")) {
                return RENDERING;
            }
            return SDK;
        }
        return JDK;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
