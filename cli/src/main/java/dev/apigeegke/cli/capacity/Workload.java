package dev.apigeegke.cli.capacity;

/**
 * One Deployment's requests: per replica of the main containers and of the gateway sidecars; its replicas
 * now ({@code spec.replicas}, or the HPA's minimum) and at most (the HPA's maximum, else the same).
 */
record Workload(String name, boolean gateway, long replicas, String replicasFrom, long maxReplicas,
                String maxReplicasFrom, double cpuMillis, double memoryMib, double sidecarCpuMillis,
                double sidecarMemoryMib) {
    /** One pod's CPU request, sidecars included, millicores. */
    double podCpu() {
        return cpuMillis + sidecarCpuMillis;
    }

    double podMemory() {
        return memoryMib + sidecarMemoryMib;
    }

    double totalCpu() {
        return replicas * podCpu();
    }

    double totalMemory() {
        return replicas * podMemory();
    }

    double maxCpu() {
        return maxReplicas * podCpu();
    }

    double maxMemory() {
        return maxReplicas * podMemory();
    }

    String kind() {
        return gateway ? "gateway" : "microservice";
    }
}
