package dev.apigeegke.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine a benchmark ran on, as recorded with its results.
 *
 * @param cpu       the processor model (from /proc/cpuinfo where there is one)
 * @param cores     processors available to the JVM
 * @param memoryGib physical memory
 * @param os        operating system and architecture
 * @param java      Java runtime name and version
 */
public record Machine(String cpu, int cores, double memoryGib, String os, String java) {

    /** This machine. */
    public static Machine current() {
        var bean = ManagementFactory.getOperatingSystemMXBean();
        double memory = bean instanceof com.sun.management.OperatingSystemMXBean sun
                ? sun.getTotalMemorySize() / (1024.0 * 1024 * 1024) : 0;
        return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(),
                Math.round(memory * 10) / 10.0,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** One line for people. */
    public String describe() {
        return String.format(Locale.ROOT, "%s, %d cores, %.1f GiB RAM, %s, %s", cpu, cores, memoryGib, os, java);
    }
}
