package dev.apigeegke.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures the benchmark reports: medians, cost per resource, ratio, and the files' shape. */
class SummaryTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Summary.median(List.of(1.0, 2.0, 9.0))).isEqualTo(2.0);
        assertThat(Summary.median(List.of(1.0, 2.0, 4.0, 9.0))).isEqualTo(3.0);
        assertThatThrownBy(() -> Summary.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratioAndCostPerResourceComeFromTheMedians() {
        var samples = new ArrayList<Sample>();
        // Components: 110, 120, 500 (an outlier) ms; baseline: 100, 100, 90 ms; control 108, 105, 130 ms;
        // 50 custom resources, 60 in all (the stack and 9 components).
        double[] components = {110, 120, 500};
        double[] baseline = {100, 100, 90};
        double[] control = {108, 105, 130};
        for (int i = 0; i < 3; i++) {
            samples.add(new Sample("pattern1", 10, Variant.COMPONENTS, i, components[i], 100 + i, 60, 50));
            samples.add(new Sample("pattern1", 10, Variant.BASELINE, i, baseline[i], 80, 51, 50));
            samples.add(new Sample("pattern1", 10, Variant.CONTROL, i, control[i], 90, 60, 50));
        }
        samples.add(new Sample("pattern2", 1, Variant.COMPONENTS, 0, 30, 70, 37, 30));
        samples.add(new Sample("pattern2", 1, Variant.BASELINE, 0, 20, 70, 31, 30));

        var summary = Summary.of(samples);

        var row = summary.rows().get(0);
        assertThat(row.pattern()).isEqualTo("pattern1");
        assertThat(row.components().medianMillis()).isEqualTo(120.0);
        assertThat(row.components().maxMillis()).isEqualTo(500.0);
        assertThat(row.baseline().medianMillis()).isEqualTo(100.0);
        assertThat(row.ratio()).isCloseTo(1.2, within(1e-9));
        assertThat(row.components().perResourceMs()).isCloseTo(2.4, within(1e-9));
        assertThat(row.components().medianHeapMb()).isEqualTo(101.0);
        assertThat(row.controlRatio()).isCloseTo(1.08, within(1e-9));
        assertThat(row.libraryRatio()).isCloseTo(120.0 / 108.0, within(1e-9));
        assertThat(summary.rows().get(1).ratio()).isCloseTo(1.5, within(1e-9));
        assertThat(summary.rows().get(1).control()).isNull();

        var csv = summary.csv().lines().toList();
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0)).startsWith("pattern,services,runs,custom_resources,").endsWith(",ratio,control_ratio,library_ratio");
        assertThat(csv.get(1)).startsWith("pattern1,10,3,50,60,120.000,110.000,500.000,101.0,2.4000,100.000,")
                .endsWith(",108.000,105.000,130.000,90.0,2.1600,1.200,1.080,1.111");
        assertThat(csv.get(2)).endsWith(",,,,,1.500,,");
        assertThat(summary.table().lines())
                .contains("| pattern1 | 10 | 50 + 9 | 120 | 100 | 108 | 1.20 | 1.08 | 1.11 | 2.40 / 2.00 | 101 / 80 |",
                        "| pattern2 | 1 | 30 + 6 | 30 | 20 | – | 1.50 | – | – | 1.00 / 0.67 | 70 / 70 |");
    }

    @Test
    void bothProgramsAndTheSameResourcesAreRequired() {
        assertThatThrownBy(() -> Summary.of(List.of(new Sample("pattern1", 1, Variant.COMPONENTS, 0, 1, 1, 25, 20))))
                .hasMessageContaining("pattern1 × 1: samples of both programs are needed");
        assertThatThrownBy(() -> Summary.of(List.of(
                new Sample("pattern1", 1, Variant.COMPONENTS, 0, 1, 1, 25, 20),
                new Sample("pattern1", 1, Variant.BASELINE, 0, 1, 1, 20, 19))))
                .hasMessageContaining("different numbers of custom resources");
    }

    @Test
    void sampleLinesRoundTrip() {
        var sample = new Sample("pattern3", 500, Variant.BASELINE, 4, 12345.678, 321.5, 3001, 2999);
        assertThat(Sample.parse(sample.line())).isEqualTo(new Sample("pattern3", 500, Variant.BASELINE, 4, 12345.678, 321.5, 3001, 2999));
    }
}
