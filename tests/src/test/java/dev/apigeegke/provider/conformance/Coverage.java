package dev.apigeegke.provider.conformance;

import dev.apigeegke.provider.api.ApigeePlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which operations the provider tests used and whether every exchange of each conformed, for the line printed
 * once at the end of the run and written to {@code tests/target/conformance.txt}.
 */
final class Coverage implements AutoCloseable {
    /** Exchanges and nonconforming exchanges of one operation. */
    private static final class Count {
        final Operation operation;
        int exchanges;
        int nonconforming;
        int tolerated;

        Count(Operation operation) {
            this.operation = operation;
        }
    }

    private final Map<ApigeePlatform, Map<String, Count>> used = new TreeMap<>();
    private final Map<ApigeePlatform, Integer> unmatched = new TreeMap<>();

    synchronized void add(Verdict verdict) {
        ApigeePlatform flavor = verdict.exchange().platform();
        if (verdict.operation() == null) {
            unmatched.merge(flavor, 1, Integer::sum);
            return;
        }
        Count count = used.computeIfAbsent(flavor, f -> new TreeMap<>())
                .computeIfAbsent(verdict.operation().id(), id -> new Count(verdict.operation()));
        count.exchanges++;
        if (!verdict.conforms()) {
            count.nonconforming++;
        }
        if (!verdict.tolerated().isEmpty()) {
            count.tolerated++;
        }
    }

    /**
     * {@code Apigee X: 26 operations used, 26 conformant; Apigee Edge: 21 operations used, 21 conformant, and 4 target
     * server operations outside the published description, 4 conformant ...}, each group of unpublished operations
     * apart, target servers first.
     */
    synchronized String line() {
        List<String> parts = new ArrayList<>();
        for (ApigeePlatform flavor : List.of(ApigeePlatform.X, ApigeePlatform.EDGE)) {
            var counts = used.getOrDefault(flavor, Map.of()).values();
            StringBuilder part = new StringBuilder(flavor == ApigeePlatform.X ? "Apigee X: " : "Apigee Edge: ")
                    .append(count(counts, true, false)).append(" operations used, ")
                    .append(count(counts, true, true)).append(" conformant");
            Map<String, List<Count>> unpublished = new TreeMap<>(
                    Comparator.comparing((String what) -> !what.equals(Unpublished.WHAT)).thenComparing(Comparator.naturalOrder()));
            counts.stream().filter(c -> !c.operation.published())
                    .forEach(c -> unpublished.computeIfAbsent(Unpublished.what(c.operation), w -> new ArrayList<>()).add(c));
            unpublished.forEach((what, group) -> part.append(", and ").append(count(group, false, false)).append(' ')
                    .append(what).append(", ").append(count(group, false, true)).append(" conformant"));
            int tolerated = counts.stream().mapToInt(c -> c.tolerated).sum();
            if (tolerated > 0) {
                part.append(" (").append(tolerated).append(tolerated == 1 ? " answer" : " answers")
                        .append(" with a tolerated deviation)");
            }
            int none = unmatched.getOrDefault(flavor, 0);
            if (none > 0) {
                part.append("; ").append(none).append(none == 1 ? " request" : " requests").append(" matching no operation");
            }
            parts.add(part.toString());
        }
        return String.join("; ", parts);
    }

    private static long count(Collection<Count> counts, boolean published, boolean conformantOnly) {
        return counts.stream().filter(c -> c.operation.published() == published && (!conformantOnly || c.nonconforming == 0))
                .count();
    }

    /** The line and, per operation, its template and how many exchanges used it. */
    synchronized String report() {
        StringBuilder out = new StringBuilder(line()).append('\n');
        used.forEach((flavor, counts) -> counts.values().forEach(c -> out.append(flavor).append("  ")
                .append(c.operation.label()).append("  ").append(c.exchanges).append(" exchanges, ")
                .append(c.nonconforming == 0 ? "all conformant" : c.nonconforming + " not conformant")
                .append(c.tolerated == 0 ? "" : ", " + c.tolerated + " with a tolerated deviation").append('\n')));
        Tolerances.ALL.forEach(t -> out.append("tolerated: ").append(t.flavor()).append(' ').append(t.operation())
                .append(": ").append(t.violation()).append(": ").append(t.reason()).append('\n'));
        return out.toString();
    }

    /** At the end of the run: prints the line and writes the report. */
    @Override
    public void close() {
        if (used.isEmpty() && unmatched.isEmpty()) {
            return;
        }
        System.out.println("Conformance to the published Apigee API descriptions: " + line());
        Path file = Path.of(System.getProperty("repo.root", ".."), "tests", "target", "conformance.txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, report());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
