package dev.apigeegke.internal.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compute Engine machine shapes: the vCPU count read from a machine type's name (the cluster's sizing check), and
 * the memory of the types whose shape is listed here (the command line's capacity estimate).
 */
public final class MachineTypes {
    /** Shared-core types: a fraction of a vCPU sustained, so they never meet a 2-vCPU sizing. */
    private static final Map<String, Integer> SHARED_CORE = Map.of(
            "e2-micro", 0, "e2-small", 0, "e2-medium", 1, "f1-micro", 0, "g1-small", 0);
    /** {@code <family>-<kind>-<vcpus>[-lssd]}, e.g. e2-standard-2, n2d-highmem-16, c3-standard-4-lssd; at most 4 digits of vCPUs (the largest type has 416). */
    private static final Pattern PREDEFINED = Pattern.compile("[a-z][a-z0-9]*-[a-z]+-(\\d{1,4})(-lssd)?");
    /** {@code [<family>-]custom-<vcpus>-<memoryMb>[-ext]}. */
    private static final Pattern CUSTOM = Pattern.compile("([a-z][a-z0-9]*-)?custom-(\\d{1,4})-\\d+(-ext)?");
    /**
     * Memory (GiB) of the types whose whole shape is known, in the order the capacity estimate lists them;
     * shared-core types are left out: their allocatable differs.
     */
    private static final Map<String, Integer> MEMORY_GIB = memory(
            "e2-standard-2", 8, "e2-standard-4", 16, "e2-standard-8", 32, "e2-standard-16", 64,
            "e2-standard-32", 128, "e2-highmem-2", 16, "e2-highmem-4", 32, "e2-highcpu-4", 4,
            "n2-standard-2", 8, "n2-standard-4", 16, "n2-standard-8", 32, "n2-standard-16", 64);

    private MachineTypes() {
    }

    /** The vCPUs of {@code machineType}, or empty when the name has none of the known shapes. */
    public static OptionalInt vcpus(String machineType) {
        if (SHARED_CORE.containsKey(machineType)) {
            return OptionalInt.of(SHARED_CORE.get(machineType));
        }
        var custom = CUSTOM.matcher(machineType);
        if (custom.matches()) {
            return OptionalInt.of(Integer.parseInt(custom.group(2)));
        }
        var predefined = PREDEFINED.matcher(machineType);
        if (predefined.matches()) {
            return OptionalInt.of(Integer.parseInt(predefined.group(1)));
        }
        return OptionalInt.empty();
    }

    /** The memory of {@code machineType}, GiB, or empty when its shape is not listed here. */
    public static OptionalDouble memoryGib(String machineType) {
        Integer gib = MEMORY_GIB.get(machineType);
        return gib == null ? OptionalDouble.empty() : OptionalDouble.of(gib);
    }

    /** The types whose memory is listed here, in order. */
    public static Set<String> withKnownMemory() {
        return Collections.unmodifiableSet(MEMORY_GIB.keySet());
    }

    private static Map<String, Integer> memory(Object... typeThenGib) {
        var m = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < typeThenGib.length; i += 2) {
            m.put((String) typeThenGib[i], (Integer) typeThenGib[i + 1]);
        }
        return m;
    }
}
