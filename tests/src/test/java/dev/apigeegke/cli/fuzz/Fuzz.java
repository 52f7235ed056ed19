package dev.apigeegke.cli.fuzz;

import java.util.ArrayList;
import java.util.List;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * How the properties here run, on QuickTheories: a set number of examples from a random seed, and a failure shrunk
 * for a bounded number of cycles (each one a preview run) so that it is reported in seconds. QuickTheories prints
 * the seed of a failing run; {@code -Dfuzz.seed=<seed>} (e.g.
 * {@code mvn -B -ntp verify -Dtest=BadStackFileTest -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.seed=123})
 * runs the same examples again, to reproduce a failure seen in CI.
 */
final class Fuzz {
    /** The system property that fixes the seed. */
    static final String SEED = "fuzz.seed";
    /** Enough for a bad file to lose its unrelated parts, few enough that a failing property reports in seconds. */
    private static final int SHRINK_CYCLES = 40;

    private Fuzz() {
    }

    /** A theory of {@code examples} examples, shrunk boundedly, from the seed {@value #SEED} gives or a random one. */
    static QuickTheory qt(int examples) {
        var theory = QuickTheory.qt().withExamples(examples).withShrinkCycles(SHRINK_CYCLES);
        String seed = System.getProperty(SEED);
        return seed == null || seed.isBlank() ? theory : theory.withFixedSeed(Long.parseLong(seed.strip()));
    }

    /** One of {@code values}, each equally likely; shrinks towards the first. */
    static <T> Gen<T> pick(List<? extends T> values) {
        return Generate.pick(new ArrayList<T>(values));
    }

    /** Always {@code value} (which may be null: YAML's null). */
    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    /** A value of one of {@code gens}, each equally likely; shrinks towards the first. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        return oneOf(List.of(gens));
    }

    /** A value of one of {@code gens}, each equally likely; shrinks towards the first. */
    static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> gens) {
        return Generate.pick(new ArrayList<Gen<? extends T>>(gens)).flatMap(gen -> gen);
    }
}
