package dev.apigeegke.cli.fuzz;

import java.util.ArrayList;
import java.util.List;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * How the properties here run, on QuickTheories: a set number of examples from a seed, and a failure shrunk for a
 * bounded number of cycles (each one a preview run) so that it is reported in seconds. By default the seed is
 * {@value #DEFAULT_SEED}, so that every build runs the same generated files and a build fails only for a change;
 * {@code -Dfuzz.seed=random} draws new ones (run it when changing validation: it finds what the fixed files do not),
 * and {@code -Dfuzz.seed=<seed>} (e.g.
 * {@code mvn -B -ntp verify -Dtest=BadStackFileTest -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.seed=123})
 * runs a failing run's examples again: QuickTheories prints its seed.
 */
final class Fuzz {
    /** The system property that fixes the seed. */
    static final String SEED = "fuzz.seed";
    /** The seed of every build's examples unless {@value #SEED} says otherwise. */
    static final long DEFAULT_SEED = 20261201L;
    /** Enough for a bad file to lose its unrelated parts, few enough that a failing property reports in seconds. */
    private static final int SHRINK_CYCLES = 40;

    private Fuzz() {
    }

    /** A theory of {@code examples} examples, shrunk boundedly, from the seed {@value #SEED} gives or the default. */
    static QuickTheory qt(int examples) {
        var theory = QuickTheory.qt().withExamples(examples).withShrinkCycles(SHRINK_CYCLES);
        String seed = System.getProperty(SEED, Long.toString(DEFAULT_SEED)).strip();
        return seed.equals("random") ? theory : theory.withFixedSeed(Long.parseLong(seed));
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
