package dev.apigeegke.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigeegke.preview.StackFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Program start for real previews: starts pattern 1's program as its own process the two ways the Pulumi
 * Java language host can (the prebuilt jar of the root project's {@code runtime.options.binary}, and
 * {@code mvn compile exec:java} in the standalone {@code examples/pattern1} project), connected to a
 * {@link LoopbackEngine}, and measures the time from process start to the first registration, to the first
 * custom resource and to the program's exit. Run through {@code bench/run start}.
 */
public final class StartBench {
    static final String USAGE = "usage: bench/run start [--runs 5] [--out bench/results] [--project-dir .]";
    private static final long TIMEOUT_MINUTES = 10;

    private StartBench() {
    }

    /** One way of starting the program: its command, folder, Pulumi project and stack file. */
    record Way(String name, List<String> command, Path dir, String project, Path stackFile) {
    }

    /** One measured start. */
    record Start(String way, int run, double firstRegistrationMs, double firstCustomMs, double exitMs, int registrations) {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        Path out = Path.of("bench/results");
        Path dir = Path.of(".");
        try {
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + ": a value is needed");
                }
                switch (args[i]) {
                    case "--runs" -> runs = Bench.Settings.positive(args[i], args[i + 1]);
                    case "--out" -> out = Path.of(args[i + 1]);
                    case "--project-dir" -> dir = Path.of(args[i + 1]);
                    default -> throw new IllegalArgumentException(args[i] + ": unknown option");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        dir = dir.toAbsolutePath().normalize();
        var ways = List.of(prebuiltJar(dir),
                new Way("Maven (mvn compile exec:java in examples/pattern1)",
                        List.of("mvn", "-B", "-q", "-o", "compile", "exec:java"),
                        dir.resolve("examples/pattern1"), StackFile.projectName(dir.resolve("examples/pattern1")),
                        dir.resolve("examples/pattern1/Pulumi.dev.yaml")));
        var machine = Machine.current();
        System.out.println("Machine: " + machine.describe());
        var starts = new ArrayList<Start>();
        try (var engine = new LoopbackEngine()) {
            for (int run = 0; run < runs; run++) {
                for (var way : ways) {
                    var start = measure(engine, way, run);
                    System.out.printf(Locale.ROOT, "%s run %d: first registration %.0f ms, first custom resource %.0f ms, exit %.0f ms%n",
                            way.name(), run, start.firstRegistrationMs(), start.firstCustomMs(), start.exitMs());
                    starts.add(start);
                }
            }
        }
        Files.createDirectories(out);
        var csv = new StringBuilder("way,run,first_registration_ms,first_custom_resource_ms,exit_ms,registrations\n");
        starts.forEach(s -> csv.append(String.format(Locale.ROOT, "\"%s\",%d,%.1f,%.1f,%.1f,%d%n", s.way(), s.run(),
                s.firstRegistrationMs(), s.firstCustomMs(), s.exitMs(), s.registrations())));
        Files.writeString(out.resolve("start.csv"), csv);
        String table = table(ways, starts);
        Files.writeString(out.resolve("start.md"), table);
        System.out.println();
        System.out.print(table);
    }

    /** The root project's way: the language host runs {@code java -jar} on the prebuilt jar. */
    static Way prebuiltJar(Path dir) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new Way("prebuilt jar (java -jar cli/target/apigee-gke.jar)",
                List.of(javaBin, "-jar", dir.resolve("cli/target/apigee-gke.jar").toString()),
                dir, StackFile.projectName(dir), dir.resolve("Pulumi.pattern1.yaml"));
    }

    /** Starts the program {@code way} says against {@code engine} and waits for it to exit. */
    static Start measure(LoopbackEngine engine, Way way, int run) throws IOException, InterruptedException {
        engine.reset();
        var stack = StackFile.read(way.stackFile(), way.project());
        var json = new ObjectMapper();
        var builder = new ProcessBuilder(way.command()).directory(way.dir().toFile());
        Map<String, String> env = builder.environment();
        env.put("PULUMI_MONITOR", engine.address());
        env.put("PULUMI_ENGINE", engine.address());
        env.put("PULUMI_PROJECT", way.project());
        env.put("PULUMI_STACK", "pattern1");
        env.put("PULUMI_ORGANIZATION", "organization");
        env.put("PULUMI_DRY_RUN", "true");
        env.put("PULUMI_ROOT_DIRECTORY", way.dir().toString());
        env.put("PULUMI_CONFIG", json.writeValueAsString(new HashMap<>(stack.config())));
        env.put("PULUMI_CONFIG_SECRET_KEYS", json.writeValueAsString(new TreeSet<>(stack.secretKeys())));
        File log = File.createTempFile("apigee-gke-start", ".log");
        builder.redirectErrorStream(true).redirectOutput(log);
        long begin = System.nanoTime();
        var process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(way.name() + ": no exit within " + TIMEOUT_MINUTES + " minutes; output in " + log);
        }
        long end = System.nanoTime();
        if (process.exitValue() != 0 || !engine.errors().isEmpty() || engine.firstCustomNanos() == 0) {
            throw new IllegalStateException(way.name() + ": exit " + process.exitValue() + ", errors " + engine.errors()
                    + "; output in " + log);
        }
        Files.deleteIfExists(log.toPath());
        return new Start(way.name(), run, (engine.firstRegistrationNanos() - begin) / 1e6,
                (engine.firstCustomNanos() - begin) / 1e6, (end - begin) / 1e6, engine.registered().size());
    }

    static String table(List<Way> ways, List<Start> starts) {
        var out = new StringBuilder("| how the language host starts the program | runs | first registration, ms | "
                + "first cloud resource, ms | program exit, ms | registrations |\n|---|---:|---:|---:|---:|---:|\n");
        for (var way : ways) {
            var mine = starts.stream().filter(s -> s.way().equals(way.name())).toList();
            out.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %d |%n", way.name(), mine.size(),
                    Summary.median(mine.stream().map(Start::firstRegistrationMs).sorted().toList()),
                    Summary.median(mine.stream().map(Start::firstCustomMs).sorted().toList()),
                    Summary.median(mine.stream().map(Start::exitMs).sorted().toList()),
                    mine.get(0).registrations()));
        }
        return out.toString();
    }
}
