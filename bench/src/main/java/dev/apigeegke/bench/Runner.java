package dev.apigeegke.bench;

import com.pulumi.Context;
import dev.apigeegke.internal.sdk.SdkTaskRunnerWorkaround;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.StackFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Measures one workload in this JVM (the benchmark starts one JVM per workload):
 * {@code Runner <pattern> <services> <warm-up runs> <measured runs> <project dir> [profile]}. First checks that
 * the baseline declares the same resources as the components program (exit 3 if not), then runs both programs
 * and the control in turn, each round starting with another, and prints a {@link Sample} line per measured run.
 * With {@code profile}, it instead runs the components program alone, recording its measured runs with Java
 * Flight Recorder, and prints where the CPU time went ({@link Profile}).
 */
public final class Runner {
    /** The prefix of every sample line on standard output. */
    static final String PREFIX = "sample,";
    /** The prefix of the profile lines: {@code profile,<category>,<samples>}. */
    static final String PROFILE_PREFIX = "profile,";

    private static final List<List<Variant>> ORDERS = List.of(
            List.of(Variant.COMPONENTS, Variant.BASELINE, Variant.CONTROL),
            List.of(Variant.BASELINE, Variant.CONTROL, Variant.COMPONENTS),
            List.of(Variant.CONTROL, Variant.COMPONENTS, Variant.BASELINE));

    private Runner() {
    }

    public static void main(String[] args) throws Exception {
        SdkTaskRunnerWorkaround.apply();
        var workload = new Workload(args[0], Integer.parseInt(args[1]));
        int warmup = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        Path dir = Path.of(args[4]);

        var pair = Pair.record(workload, dir);
        var differences = Equivalence.differences(pair.components(), pair.baseline());
        if (!differences.isEmpty()) {
            System.err.println(workload + ": the baseline does not declare the same resources:");
            differences.stream().limit(20).forEach(d -> System.err.println("  " + d));
            System.exit(3);
        }
        var stackFile = workload.stackFile(dir);
        String project = StackFile.projectName(dir);
        if (args.length > 5 && args[5].equals("profile")) {
            profile(workload, pair.artifacts(), project, stackFile, warmup, runs);
            return;
        }
        for (int round = 0; round < warmup + runs; round++) {
            // Each round starts with a different program, so that no program always runs first.
            var order = ORDERS.get(round % ORDERS.size());
            for (var variant : order) {
                var sample = measure(workload, variant, pair.artifacts(), project, stackFile, round - warmup);
                if (round >= warmup) {
                    System.out.println(PREFIX + sample.line());
                }
            }
        }
    }

    private static Sample measure(Workload workload, Variant variant, Artifacts artifacts, String project,
                                  StackFile stackFile, int run) {
        return measure(workload.pattern(), workload.services(), variant, workload.program(variant, artifacts), project,
                workload.pattern(), stackFile, run);
    }

    /** One run of {@code program} as stack {@code stack} on the offline engine, reported as {@code pattern × services}. */
    static Sample measure(String pattern, int services, Variant variant, Consumer<Context> program, String project,
                          String stack, StackFile stackFile, int run) {
        var pools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        var result = OfflineEngine.run(project, stack, stackFile.config(), stackFile.secretKeys(), program);
        long end = System.nanoTime();
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (!result.ok()) {
            throw new IllegalStateException(pattern + " × " + services + " " + variant.label() + ": " + result.errors());
        }
        var resources = result.plan().resources();
        return new Sample(pattern, services, variant, run, (end - start) / 1e6,
                peak / (1024.0 * 1024.0), resources.size(), (int) resources.stream().filter(r -> r.custom()).count());
    }

    private static void profile(Workload workload, Artifacts artifacts, String project, StackFile stackFile, int warmup, int runs)
            throws Exception {
        for (int i = 0; i < warmup; i++) {
            measure(workload, Variant.COMPONENTS, artifacts, project, stackFile, -1);
        }
        Path file = Files.createTempFile("apigee-gke-bench", ".jfr");
        try (var recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            for (int i = 0; i < runs; i++) {
                measure(workload, Variant.COMPONENTS, artifacts, project, stackFile, i);
            }
            recording.stop();
            recording.dump(file);
        }
        Profile.categories(file).forEach((category, count) -> System.out.println(PROFILE_PREFIX + category + "," + count));
        Files.delete(file);
    }
}
