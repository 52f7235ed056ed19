package dev.apigeegke.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The program-speed benchmark: each pattern with N microservices, its components program against the
 * baseline, one fresh JVM per workload; writes {@code samples.csv}, {@code summary.csv}, {@code summary.json}
 * and {@code summary.md} to the output directory and prints the table. Run through {@code bench/run}.
 */
public final class Bench {
    static final String USAGE = """
            usage: bench/run [--patterns pattern1,pattern2,pattern3] [--services 1,10,100,500]
                             [--runs 5] [--warmup 2] [--heap 2g] [--out bench/results] [--project-dir .]
                             [--profile]   (also: where the components program's CPU time goes, from JFR)""";

    /** The young generation's fixed size in every measured JVM. */
    static final String YOUNG = "64m";

    private Bench() {
    }

    /** The benchmark's settings. */
    record Settings(List<String> patterns, List<Integer> services, int runs, int warmup, String heap, Path out, Path projectDir,
                    boolean profile) {
        static Settings parse(String[] args) {
            var patterns = Workload.PATTERNS;
            var services = List.of(1, 10, 100, 500);
            int runs = 5;
            int warmup = 2;
            String heap = "2g";
            Path out = Path.of("bench/results");
            Path dir = Path.of(".");
            boolean profile = false;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--profile")) {
                    profile = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + ": a value is needed\n" + USAGE);
                }
                String value = args[++i];
                switch (flag) {
                    case "--patterns" -> patterns = Arrays.asList(value.split(","));
                    case "--services" -> services = Arrays.stream(value.split(",")).map(v -> positive(flag, v)).toList();
                    case "--runs" -> runs = positive(flag, value);
                    case "--warmup" -> warmup = nonNegative(flag, value);
                    case "--heap" -> heap = value;
                    case "--out" -> out = Path.of(value);
                    case "--project-dir" -> dir = Path.of(value);
                    default -> throw new IllegalArgumentException(flag + ": unknown option\n" + USAGE);
                }
            }
            for (String p : patterns) {
                if (!Workload.PATTERNS.contains(p)) {
                    throw new IllegalArgumentException("--patterns " + p + ": use names from " + Workload.PATTERNS);
                }
            }
            return new Settings(List.copyOf(patterns), List.copyOf(services), runs, warmup, heap, out, dir, profile);
        }

        static int positive(String flag, String value) {
            int n = nonNegative(flag, value);
            if (n < 1) {
                throw new IllegalArgumentException(flag + " " + value + ": use a whole number of at least 1");
            }
            return n;
        }

        private static int nonNegative(String flag, String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(flag + " " + value + ": use a whole number");
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        var machine = Machine.current();
        System.out.println("Machine: " + machine.describe());
        var samples = new ArrayList<Sample>();
        var profiles = new LinkedHashMap<Workload, Map<String, Integer>>();
        for (String pattern : settings.patterns()) {
            for (int n : settings.services()) {
                System.out.printf("%s × %d services: %d warm-up + %d measured runs of each program...%n",
                        pattern, n, settings.warmup(), settings.runs());
                var workload = new Workload(pattern, n);
                samples.addAll(fork(settings, workload, false).samples());
                if (settings.profile()) {
                    System.out.printf("%s × %d services: profiling the components program...%n", pattern, n);
                    profiles.put(workload, fork(settings, workload, true).profile());
                }
            }
        }
        var summary = Summary.of(samples);
        write(settings, machine, samples, summary);
        System.out.println();
        System.out.print(summary.table());
        System.out.println();
        if (settings.profile()) {
            String table = profileTable(profiles);
            Files.writeString(settings.out().resolve("profile.md"), table);
            System.out.print(table);
            System.out.println();
        }
        System.out.println("Results: " + settings.out().toAbsolutePath().normalize());
    }

    /** What a forked runner printed: samples, or with profiling the CPU samples per category. */
    record Forked(List<Sample> samples, Map<String, Integer> profile) {
    }

    /** Runs one workload in a fresh JVM with the same classpath and a fixed heap. */
    static Forked fork(Settings settings, Workload workload, boolean profile) throws IOException, InterruptedException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A fixed young generation, so that the peak heap follows what the program holds rather than how
        // large the collector lets the young generation grow.
        var command = List.of(javaBin, "-Xms" + settings.heap(), "-Xmx" + settings.heap(), "-Xmn" + YOUNG,
                "-cp", System.getProperty("java.class.path"),
                Runner.class.getName(), workload.pattern(), Integer.toString(workload.services()),
                Integer.toString(settings.warmup()), Integer.toString(settings.runs()),
                settings.projectDir().toAbsolutePath().toString(), profile ? "profile" : "measure");
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var samples = new ArrayList<Sample>();
        var categories = new TreeMap<String, Integer>();
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith(Runner.PREFIX)) {
                    samples.add(Sample.parse(line.substring(Runner.PREFIX.length())));
                } else if (line.startsWith(Runner.PROFILE_PREFIX)) {
                    String rest = line.substring(Runner.PROFILE_PREFIX.length());
                    int comma = rest.lastIndexOf(',');
                    categories.put(rest.substring(0, comma), Integer.parseInt(rest.substring(comma + 1)));
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(workload + ": the runner exited with " + exit);
        }
        return new Forked(samples, categories);
    }

    /** The share of the components program's CPU samples per category, one row per workload (Markdown). */
    static String profileTable(Map<Workload, Map<String, Integer>> profiles) {
        var categories = List.of(Profile.LIBRARY, Profile.RENDERING, Profile.RUNNER_STRINGS, Profile.SDK, Profile.ENGINE, Profile.JDK);
        var out = new StringBuilder("| components program | CPU samples |");
        categories.forEach(c -> out.append(' ').append(c).append(" |"));
        out.append("\n|---|---:|").append("---:|".repeat(categories.size())).append('\n');
        profiles.forEach((workload, counts) -> {
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            out.append("| ").append(workload).append(" | ").append(total).append(" |");
            categories.forEach(c -> out.append(String.format(java.util.Locale.ROOT, " %.1f %% |",
                    total == 0 ? 0.0 : 100.0 * counts.getOrDefault(c, 0) / total)));
            out.append('\n');
        });
        return out.toString();
    }

    private static void write(Settings settings, Machine machine, List<Sample> samples, Summary summary) throws IOException {
        Files.createDirectories(settings.out());
        var raw = new StringBuilder("pattern,services,variant,run,wall_ms,peak_heap_mib,resources,custom_resources\n");
        samples.forEach(s -> raw.append(s.line()).append('\n'));
        Files.writeString(settings.out().resolve("samples.csv"), raw);
        Files.writeString(settings.out().resolve("summary.csv"), summary.csv());
        Files.writeString(settings.out().resolve("summary.md"), summary.table());
        var json = new LinkedHashMap<String, Object>();
        json.put("date", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        json.put("machine", machine);
        json.put("settings", Map.of("runs", settings.runs(), "warmup", settings.warmup(), "heap", settings.heap(), "young", YOUNG,
                "patterns", settings.patterns(), "services", settings.services()));
        json.put("rows", summary.rows());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(settings.out().resolve("summary.json").toFile(), json);
    }
}
