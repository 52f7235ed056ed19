package dev.apigeegke.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MachineTypesTest {

    /** An empty vCPUs cell: the name has no known shape; an empty memory cell: the shape's memory is not listed. */
    @ParameterizedTest(name = "{0}: {1} vCPUs, {2} GiB")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # machine type          | vCPUs | memory GiB
        # predefined types
        e2-standard-2           | 2     | 8
        e2-standard-4           | 4     | 16
        e2-standard-8           | 8     | 32
        e2-standard-16          | 16    | 64
        e2-standard-32          | 32    | 128
        e2-highmem-2            | 2     | 16
        e2-highmem-4            | 4     | 32
        e2-highcpu-4            | 4     | 4
        n2-standard-2           | 2     | 8
        n2-standard-4           | 4     | 16
        n2-standard-8           | 8     | 32
        n2-standard-16          | 16    | 64
        n1-standard-1           | 1     | -
        n2d-highmem-16          | 16    | -
        c3-highcpu-176          | 176   | -
        t2d-standard-1          | 1     | -
        m1-ultramem-40          | 40    | -
        # with local SSD
        c3-standard-4-lssd      | 4     | -
        c3d-highmem-8-lssd      | 8     | -
        # custom types
        custom-4-8192           | 4     | -
        n2-custom-8-16384       | 8     | -
        n2d-custom-2-4096-ext   | 2     | -
        e2-custom-6-12288       | 6     | -
        # shared-core types count below their burst: e2-medium bursts to 2 vCPUs but sustains 1, so it never
        # passes a 2-vCPU sizing; their memory is not listed, their allocatable differs
        e2-micro                | 0     | -
        e2-small                | 0     | -
        e2-medium               | 1     | -
        f1-micro                | 0     | -
        g1-small                | 0     | -
        # names of no known shape
        ''                      | -     | -
        big                     | -     | -
        e2-standard             | -     | -
        e2-standard-two         | -     | -
        E2-STANDARD-2           | -     | -
        e2-standard-2-ssd       | -     | -
        custom-4                | -     | -
        e2-custom-medium-4096   | -     | -
        a2-highgpu-1g           | -     | -
        # more vCPUs than an int holds (read as a number, it threw): no known shape
        e2-standard-99999999999 | -     | -
        custom-99999999999-1024 | -     | -
        """)
    void readsTheShapeOfAMachineTypeFromItsName(String machineType, Integer vcpus, Double memoryGib) {
        assertThat(MachineTypes.vcpus(machineType)).isEqualTo(vcpus == null ? OptionalInt.empty() : OptionalInt.of(vcpus));
        assertThat(MachineTypes.memoryGib(machineType))
                .isEqualTo(memoryGib == null ? OptionalDouble.empty() : OptionalDouble.of(memoryGib));
    }

    @Test
    void everyListedShapeHasItsKindsMemoryPerVcpu() {
        // Compute Engine: standard 4 GiB per vCPU, highmem 8, highcpu 1 (E2 and N2).
        var perVcpu = Map.of("standard", 4.0, "highmem", 8.0, "highcpu", 1.0);
        assertThat(MachineTypes.withKnownMemory()).hasSize(12).allSatisfy(type -> {
            String kind = type.split("-")[1];
            assertThat(MachineTypes.memoryGib(type).orElseThrow())
                    .as(type).isEqualTo(perVcpu.get(kind) * MachineTypes.vcpus(type).orElseThrow());
        });
    }
}
