package dev.apigeegke.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The benchmark's results per workload: each program's median wall time and peak heap over the measured
 * runs, the cost per resource, and the ratio components / baseline.
 *
 * @param rows one row per pattern and number of services, in order
 */
public record Summary(List<Row> rows) {

    /**
     * One workload's figures.
     *
     * @param pattern           the pattern
     * @param services          its number of microservices
     * @param runs              measured runs per program
     * @param custom            custom resources (the same for both programs)
     * @param componentResources resources the components program registers (components and stack included)
     * @param components        the components program
     * @param baseline          the baseline program
     * @param control           the baseline with as many empty components, or null when not measured
     */
    public record Row(String pattern, int services, int runs, int custom, int componentResources,
                      Figures components, Figures baseline, Figures control) {
        /** Median wall time of the components program over that of the baseline. */
        @JsonProperty("ratio")
        public double ratio() {
            return components.medianMillis() / baseline.medianMillis();
        }

        /** The control over the baseline: what registering the component resources costs in the SDK alone. */
        @JsonProperty("controlRatio")
        public double controlRatio() {
            return control == null ? Double.NaN : control.medianMillis() / baseline.medianMillis();
        }

        /** The components program over the control: what the library's code adds beyond that. */
        @JsonProperty("libraryRatio")
        public double libraryRatio() {
            return control == null ? Double.NaN : components.medianMillis() / control.medianMillis();
        }
    }

    /**
     * One program's figures over its measured runs.
     *
     * @param medianMillis   median wall time
     * @param minMillis      fastest run
     * @param maxMillis      slowest run
     * @param medianHeapMb   median peak heap, MiB
     * @param perResourceMs  median wall time per custom resource
     */
    public record Figures(double medianMillis, double minMillis, double maxMillis, double medianHeapMb,
                          double perResourceMs) {
        static Figures of(List<Sample> samples, int custom) {
            var wall = samples.stream().map(Sample::wallMillis).sorted().toList();
            var heap = samples.stream().map(Sample::peakHeapMb).sorted().toList();
            double median = median(wall);
            return new Figures(median, wall.get(0), wall.get(wall.size() - 1), median(heap), median / custom);
        }
    }

    /** The median of sorted {@code values}: the middle one, or the mean of the two middle ones. */
    static double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Summarizes {@code samples}; every workload needs samples of both programs, with the same custom resources. */
    public static Summary of(List<Sample> samples) {
        Map<String, List<Sample>> byWorkload = samples.stream().collect(Collectors.groupingBy(
                s -> s.pattern() + "/" + s.services(), TreeMap::new, Collectors.toList()));
        var rows = new ArrayList<Row>();
        for (var group : byWorkload.values()) {
            var components = group.stream().filter(s -> s.variant() == Variant.COMPONENTS).toList();
            var baseline = group.stream().filter(s -> s.variant() == Variant.BASELINE).toList();
            var control = group.stream().filter(s -> s.variant() == Variant.CONTROL).toList();
            var first = group.get(0);
            if (components.isEmpty() || baseline.isEmpty()) {
                throw new IllegalArgumentException(first.pattern() + " × " + first.services() + ": samples of both programs are needed");
            }
            int custom = components.get(0).custom();
            if (group.stream().anyMatch(s -> s.custom() != custom)) {
                throw new IllegalArgumentException(first.pattern() + " × " + first.services()
                        + ": the programs declared different numbers of custom resources");
            }
            rows.add(new Row(first.pattern(), first.services(), Math.min(components.size(), baseline.size()), custom,
                    components.get(0).resources(), Figures.of(components, custom), Figures.of(baseline, custom),
                    control.isEmpty() ? null : Figures.of(control, custom)));
        }
        rows.sort(Comparator.comparing(Row::pattern).thenComparingInt(Row::services));
        return new Summary(List.copyOf(rows));
    }

    /** The rows as CSV, with a header line. */
    public String csv() {
        var out = new StringBuilder("pattern,services,runs,custom_resources,component_program_resources,"
                + "components_median_ms,components_min_ms,components_max_ms,components_peak_heap_mib,components_ms_per_resource,"
                + "baseline_median_ms,baseline_min_ms,baseline_max_ms,baseline_peak_heap_mib,baseline_ms_per_resource,"
                + "control_median_ms,control_min_ms,control_max_ms,control_peak_heap_mib,control_ms_per_resource,"
                + "ratio,control_ratio,library_ratio\n");
        for (var r : rows) {
            out.append(String.join(",", r.pattern(), i(r.services()), i(r.runs()), i(r.custom()), i(r.componentResources()),
                    f(r.components()), f(r.baseline()), r.control() == null ? ",,,," : f(r.control()),
                    fmt("%.3f", r.ratio()), r.control() == null ? "" : fmt("%.3f", r.controlRatio()),
                    r.control() == null ? "" : fmt("%.3f", r.libraryRatio()))).append('\n');
        }
        return out.toString();
    }

    /** The table printed and kept in docs/benchmarks.md (Markdown). */
    public String table() {
        var out = new StringBuilder("| pattern | services | resources: custom + components | components, ms | baseline, ms "
                + "| baseline + empty components, ms | components / baseline | empty components / baseline "
                + "| components / (baseline + empty components) | ms per resource: components / baseline "
                + "| peak heap MiB: components / baseline |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var r : rows) {
            out.append("| ").append(r.pattern()).append(" | ").append(r.services())
                    .append(" | ").append(r.custom()).append(" + ").append(r.componentResources() - r.custom() - 1)
                    .append(" | ").append(fmt("%.0f", r.components().medianMillis()))
                    .append(" | ").append(fmt("%.0f", r.baseline().medianMillis()))
                    .append(" | ").append(r.control() == null ? "–" : fmt("%.0f", r.control().medianMillis()))
                    .append(" | ").append(fmt("%.2f", r.ratio()))
                    .append(" | ").append(r.control() == null ? "–" : fmt("%.2f", r.controlRatio()))
                    .append(" | ").append(r.control() == null ? "–" : fmt("%.2f", r.libraryRatio()))
                    .append(" | ").append(fmt("%.2f", r.components().perResourceMs())).append(" / ")
                    .append(fmt("%.2f", r.baseline().perResourceMs()))
                    .append(" | ").append(fmt("%.0f", r.components().medianHeapMb())).append(" / ")
                    .append(fmt("%.0f", r.baseline().medianHeapMb())).append(" |\n");
        }
        return out.toString();
    }

    private static String f(Figures x) {
        return String.join(",", fmt("%.3f", x.medianMillis()), fmt("%.3f", x.minMillis()), fmt("%.3f", x.maxMillis()),
                fmt("%.1f", x.medianHeapMb()), fmt("%.4f", x.perResourceMs()));
    }

    private static String i(int value) {
        return Integer.toString(value);
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
