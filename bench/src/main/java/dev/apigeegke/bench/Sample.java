package dev.apigeegke.bench;

/**
 * One measured run of a program.
 *
 * @param pattern     the pattern
 * @param services    its number of microservices
 * @param variant     components or baseline
 * @param run         the run's index among the measured runs (warm-up runs are not reported)
 * @param wallMillis  wall time of the whole run on the offline engine: start, every registration, finish
 * @param peakHeapMb  the heap's peak occupancy during the run (sum of the heap pools' peaks), in MiB
 * @param resources   every resource the program registered, components and the stack included
 * @param custom      the custom (cloud and Kubernetes) resources among them
 */
public record Sample(String pattern, int services, Variant variant, int run, double wallMillis, double peakHeapMb,
                     int resources, int custom) {

    /** One line of the runner's output. */
    String line() {
        return String.join(",", pattern, Integer.toString(services), variant.label(), Integer.toString(run),
                String.format(java.util.Locale.ROOT, "%.3f", wallMillis),
                String.format(java.util.Locale.ROOT, "%.1f", peakHeapMb),
                Integer.toString(resources), Integer.toString(custom));
    }

    /** Reads {@link #line()}. */
    static Sample parse(String line) {
        String[] f = line.split(",");
        return new Sample(f[0], Integer.parseInt(f[1]), Variant.valueOf(f[2].toUpperCase(java.util.Locale.ROOT)),
                Integer.parseInt(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]), Integer.parseInt(f[6]),
                Integer.parseInt(f[7]));
    }
}
