package dev.apigeegke.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MachineTypesTest {

    @ParameterizedTest
    @CsvSource({
        "e2-standard-2, 2",
        "n1-standard-1, 1",
        "n2d-highmem-16, 16",
        "c3-highcpu-176, 176",
        "t2d-standard-1, 1",
        "m1-ultramem-40, 40",
    })
    void readsTheVcpusOfPredefinedTypes(String machineType, int vcpus) {
        assertThat(MachineTypes.vcpus(machineType)).hasValue(vcpus);
    }

    @ParameterizedTest
    @CsvSource({
        "c3-standard-4-lssd, 4",
        "c3d-highmem-8-lssd, 8",
    })
    void readsTheVcpusOfTypesWithLocalSsd(String machineType, int vcpus) {
        assertThat(MachineTypes.vcpus(machineType)).hasValue(vcpus);
    }

    @ParameterizedTest
    @CsvSource({
        "custom-4-8192, 4",
        "n2-custom-8-16384, 8",
        "n2d-custom-2-4096-ext, 2",
        "e2-custom-6-12288, 6",
    })
    void readsTheVcpusOfCustomTypes(String machineType, int vcpus) {
        assertThat(MachineTypes.vcpus(machineType)).hasValue(vcpus);
    }

    @ParameterizedTest
    @CsvSource({
        "e2-micro, 0",
        "e2-small, 0",
        "e2-medium, 1",
        "f1-micro, 0",
        "g1-small, 0",
    })
    void countsSharedCoreTypesBelowTheirBurstVcpus(String machineType, int vcpus) {
        // e2-medium bursts to 2 vCPUs but sustains 1; it must never pass a 2-vCPU sizing.
        assertThat(MachineTypes.vcpus(machineType)).hasValue(vcpus);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "big", "e2-standard", "e2-standard-two", "E2-STANDARD-2", "e2-standard-2-ssd", "custom-4",
        "e2-custom-medium-4096", "a2-highgpu-1g"})
    void knowsNothingAboutNamesOfNoKnownShape(String machineType) {
        assertThat(MachineTypes.vcpus(machineType)).isEmpty();
    }

    @Test
    void everyListedShapeHasItsKindsMemoryPerVcpu() {
        // Compute Engine: standard 4 GiB per vCPU, highmem 8, highcpu 1 (E2 and N2).
        var perVcpu = Map.of("standard", 4.0, "highmem", 8.0, "highcpu", 1.0);
        assertThat(MachineTypes.withKnownMemory()).isNotEmpty().allSatisfy(type -> {
            String kind = type.split("-")[1];
            assertThat(MachineTypes.memoryGib(type).orElseThrow())
                    .as(type).isEqualTo(perVcpu.get(kind) * MachineTypes.vcpus(type).orElseThrow());
        });
        assertThat(MachineTypes.memoryGib("e2-medium")).isEmpty();
    }
}
