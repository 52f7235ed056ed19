package dev.apigeegke.cluster;

import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Reads the vCPU count from a Compute Engine machine type name. */
final class MachineTypes {
    /** Shared-core types: a fraction of a vCPU sustained, so they never meet a 2-vCPU sizing. */
    private static final Map<String, Integer> SHARED_CORE = Map.of(
            "e2-micro", 0, "e2-small", 0, "e2-medium", 1, "f1-micro", 0, "g1-small", 0);
    /** {@code <family>-<kind>-<vcpus>[-lssd]}, e.g. e2-standard-2, n2d-highmem-16, c3-standard-4-lssd. */
    private static final Pattern PREDEFINED = Pattern.compile("[a-z][a-z0-9]*-[a-z]+-(\\d+)(-lssd)?");
    /** {@code [<family>-]custom-<vcpus>-<memoryMb>[-ext]}. */
    private static final Pattern CUSTOM = Pattern.compile("([a-z][a-z0-9]*-)?custom-(\\d+)-\\d+(-ext)?");

    private MachineTypes() {
    }

    /** The vCPUs of {@code machineType}, or empty when the name has none of the known shapes. */
    static OptionalInt vcpus(String machineType) {
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
}
