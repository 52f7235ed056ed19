package dev.apigeegke.cli.capacity;

import dev.apigeegke.internal.cluster.MachineTypes;
import java.util.Set;

/** A machine type's shape and its GKE allocatable resources, computed from GKE's documented reservations. */
record Machine(String type, int vcpu, double memoryGib) {
    /** The machine of {@code type}, or null when its shape is not in {@link #known()}. */
    static Machine of(String type) {
        var memory = MachineTypes.memoryGib(type);
        return memory.isEmpty() ? null : new Machine(type, MachineTypes.vcpus(type).orElseThrow(), memory.getAsDouble());
    }

    /** The machine types whose shape is known. */
    static Set<String> known() {
        return MachineTypes.withKnownMemory();
    }

    /** CPU left to pods: 6% of the first core, 1% of the next, 0.5% of the next 2 and 0.25% above 4 are reserved. */
    double allocatableCpuMillis() {
        double c = vcpu;
        double reserved = 60 * Math.min(c, 1) + 10 * clamp(c - 1, 1) + 5 * clamp(c - 2, 2) + 2.5 * Math.max(c - 4, 0);
        return c * 1000 - reserved;
    }

    /** Memory left to pods, MiB: 25% of the first 4 GiB, 20% of the next 4, 10% of the next 8, 6% of the next 112, 2% above; minus 100 MiB eviction threshold. */
    double allocatableMemoryMib() {
        double m = memoryGib;
        double reservedGib = 0.25 * Math.min(m, 4) + 0.20 * clamp(m - 4, 4) + 0.10 * clamp(m - 8, 8)
                + 0.06 * clamp(m - 16, 112) + 0.02 * Math.max(m - 128, 0);
        return (m - reservedGib) * 1024 - 100;
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(v, max));
    }
}
