package dev.apigeegke.bench;

import dev.apigeegke.internal.sdk.SdkTaskRunnerWorkaround;
import dev.apigeegke.preview.StackFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pattern 1 across clusters against the single-cluster program: {@code bench/run clusters [--clusters 5] [--services 20]
 * [--runs 5] [--warmup 2] [--heap 2g] [--out bench/results] [--project-dir .]}. One fresh JVM runs both components
 * programs in turn, each round starting with the other; writes {@code clusters.csv} (every run) and {@code clusters.md}
 * (medians, ms per custom resource) to the output directory and prints the table.
 */
public final class ClusterBench {
    static final String USAGE = """
            usage: bench/run clusters [--clusters 5] [--services 20] [--runs 5] [--warmup 2] [--heap 2g]
                                      [--out bench/results] [--project-dir .]""";
    /** The label of the multi-cluster program's samples. */
    static final String MULTI = "pattern1-multi";

    private ClusterBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("measure")) {
            measure(new ClusterWorkload(Integer.parseInt(args[1]), Integer.parseInt(args[2])), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Path.of(args[5]));
            return;
        }
        int clusters = 5;
        int services = 20;
        var rest = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            if ((args[i].equals("--clusters") || args[i].equals("--services")) && i + 1 < args.length) {
                int n = Bench.Settings.positive(args[i], args[i + 1]);
                if (args[i].equals("--clusters")) {
                    clusters = n;
                } else {
                    services = n;
                }
                i++;
            } else {
                rest.add(args[i]);
            }
        }
        Bench.Settings settings;
        ClusterWorkload workload;
        try {
            settings = Bench.Settings.parse(rest.toArray(String[]::new));
            workload = new ClusterWorkload(clusters, services);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        System.out.println("Machine: " + Machine.current().describe());
        System.out.printf("%s against pattern1 × %d: %d warm-up + %d measured runs of each program...%n",
                workload, services, settings.warmup(), settings.runs());
        var samples = fork(settings, workload);
        Files.createDirectories(settings.out());
        var raw = new StringBuilder("pattern,services,variant,run,wall_ms,peak_heap_mib,resources,custom_resources\n");
        samples.forEach(s -> raw.append(s.line()).append('\n'));
        Files.writeString(settings.out().resolve("clusters.csv"), raw);
        String table = table(samples, workload);
        Files.writeString(settings.out().resolve("clusters.md"), table);
        System.out.println();
        System.out.print(table);
        System.out.println("Results: " + settings.out().toAbsolutePath().normalize());
    }

    private static List<Sample> fork(Bench.Settings settings, ClusterWorkload workload) throws IOException, InterruptedException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = List.of(javaBin, "-Xms" + settings.heap(), "-Xmx" + settings.heap(), "-Xmn" + Bench.YOUNG,
                "-cp", System.getProperty("java.class.path"), ClusterBench.class.getName(), "measure",
                Integer.toString(workload.clusters()), Integer.toString(workload.services()),
                Integer.toString(settings.warmup()), Integer.toString(settings.runs()),
                settings.projectDir().toAbsolutePath().toString());
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var samples = new ArrayList<Sample>();
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith(Runner.PREFIX)) {
                    samples.add(Sample.parse(line.substring(Runner.PREFIX.length())));
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(workload + ": the runner exited with " + exit);
        }
        return samples;
    }

    /** In this JVM: both programs in turn, printing a sample line per measured run. */
    private static void measure(ClusterWorkload workload, int warmup, int runs, Path dir) throws IOException {
        SdkTaskRunnerWorkaround.apply();
        String project = StackFile.projectName(dir);
        var single = workload.single();
        var singleStack = single.stackFile(dir);
        var multiStack = workload.stackFile(dir);
        for (int round = 0; round < warmup + runs; round++) {
            for (int k = 0; k < 2; k++) {
                // Each round starts with the other program, so that neither always runs first.
                Sample sample = (round + k) % 2 == 0
                        ? Runner.measure(single.pattern(), single.services(), Variant.COMPONENTS,
                        single.program(Variant.COMPONENTS, null), project, single.pattern(), singleStack, round - warmup)
                        : Runner.measure(MULTI, workload.services(), Variant.COMPONENTS, workload.program(), project,
                        single.pattern(), multiStack, round - warmup);
                if (round >= warmup) {
                    System.out.println(Runner.PREFIX + sample.line());
                }
            }
        }
    }

    /** The two programs' medians and cost per custom resource (Markdown), and the ratio of those costs. */
    static String table(List<Sample> samples, ClusterWorkload workload) {
        var single = samples.stream().filter(s -> !s.pattern().equals(MULTI)).toList();
        var multi = samples.stream().filter(s -> s.pattern().equals(MULTI)).toList();
        if (single.isEmpty() || multi.isEmpty()) {
            throw new IllegalArgumentException(workload + ": samples of both programs are needed");
        }
        var singleFigures = Summary.Figures.of(single, single.get(0).custom());
        var multiFigures = Summary.Figures.of(multi, multi.get(0).custom());
        return "| pattern 1 program | clusters × services | runs | resources: custom + components | median, ms | min–max, ms "
                + "| ms per resource | peak heap MiB |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
                + row("one cluster (`Pulumi.pattern1.yaml`)", 1, workload.services(), single, singleFigures)
                + row("across clusters (`apigee-gke:clusters`)", workload.clusters(), workload.services(), multi, multiFigures)
                + String.format(Locale.ROOT, "%nms per resource, across clusters / one cluster: %.2f%n",
                multiFigures.perResourceMs() / singleFigures.perResourceMs());
    }

    private static String row(String program, int clusters, int services, List<Sample> samples, Summary.Figures f) {
        var first = samples.get(0);
        return String.format(Locale.ROOT, "| %s | %d × %d | %d | %d + %d | %.0f | %.0f–%.0f | %.2f | %.0f |%n", program,
                clusters, services, samples.size(), first.custom(), first.resources() - first.custom() - 1,
                f.medianMillis(), f.minMillis(), f.maxMillis(), f.perResourceMs(), f.medianHeapMb());
    }
}
