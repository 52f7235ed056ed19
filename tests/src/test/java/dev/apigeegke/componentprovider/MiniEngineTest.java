package dev.apigeegke.componentprovider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.componentprovider.testing.MiniEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.TypeTokens;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.ResourceMonitorGrpc;

/**
 * The mini-engine as a program sees it, driven here over gRPC as a language SDK drives it: the URNs it hands out, the
 * ids and outputs of custom resources, and a remote component turned into a Construct of the component provider.
 */
class MiniEngineTest {
    private static final String STACK_URN = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";

    private static Value string(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    private static RegisterResourceRequest stack() {
        return RegisterResourceRequest.newBuilder().setType(TypeTokens.ROOT_STACK).setName("proj-dev").build();
    }

    private static RegisterResourceRequest cluster(String location) {
        return RegisterResourceRequest.newBuilder().setType(GkeCluster.TYPE).setName("c1").setParent(STACK_URN)
                .setRemote(true)
                .setObject(Struct.newBuilder().putFields("project", string("my-project")).putFields("location", string(location)))
                .build();
    }

    private interface Program {
        void run(ResourceMonitorGrpc.ResourceMonitorBlockingStub monitor);
    }

    private static MiniEngine run(boolean preview, Program program) throws Exception {
        var engine = MiniEngine.start("proj", "dev", preview, Map.of("gcp:project", "my-project"), Set.of(),
                MiniEngine.inProcess());
        ManagedChannel channel = Grpc.newChannelBuilder(engine.address(), InsecureChannelCredentials.create()).build();
        try {
            program.run(ResourceMonitorGrpc.newBlockingStub(channel));
        } finally {
            channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
        return engine;
    }

    @Test
    void customResourcesGetTheirIdAndInputsBackAndUrnsAsTheEngineBuildsThem() throws Exception {
        var provider = RegisterResourceRequest.newBuilder().setType("pulumi:providers:kubernetes").setName("k8s")
                .setParent(STACK_URN).setCustom(true)
                .setObject(Struct.newBuilder().putFields("kubeconfig", string("apiVersion: v1"))).build();
        for (boolean preview : new boolean[] {true, false}) {
            try (var engine = run(preview, monitor -> {
                assertThat(monitor.registerResource(stack()).getUrn()).isEqualTo(STACK_URN);
                var response = monitor.registerResource(provider);
                assertThat(response.getUrn()).isEqualTo("urn:pulumi:dev::proj::pulumi:providers:kubernetes::k8s");
                assertThat(response.getId()).isEqualTo(preview ? Plan.ENGINE_UNKNOWN : "k8s-id");
                assertThat(response.getObject()).isEqualTo(provider.getObject());
                assertThatThrownBy(() -> monitor.registerResource(provider))
                        .isInstanceOf(StatusRuntimeException.class).hasMessageContaining("Duplicate resource URN");
            })) {
                assertThat(engine.resources()).extracting(Plan.Resource::urn).containsExactlyInAnyOrder(
                        STACK_URN, "urn:pulumi:dev::proj::pulumi:providers:kubernetes::k8s");
                assertThat(engine.rootUrn()).isEqualTo(STACK_URN);
            }
        }
    }

    @Test
    void aRemoteComponentIsConstructedByTheComponentProviderUnderItsOwnUrn() throws Exception {
        try (var engine = run(true, monitor -> {
            monitor.registerResource(stack());
            var response = monitor.registerResource(cluster("europe-west1"));
            assertThat(response.getUrn()).isEqualTo("urn:pulumi:dev::proj::apigee-gke:index:GkeCluster::c1");
            assertThat(response.getObject().getFieldsMap()).containsKeys("clusterName", "endpoint", "kubeconfig");
        })) {
            assertThat(engine.remoteRegistrations()).extracting(Plan.Resource::urn)
                    .containsExactly("urn:pulumi:dev::proj::apigee-gke:index:GkeCluster::c1");
            var component = engine.resources().stream().filter(r -> r.type().equals(GkeCluster.TYPE)).findFirst().orElseThrow();
            assertThat(component.parent()).isEqualTo(STACK_URN);
            assertThat(component.custom()).isFalse();
            assertThat(engine.resources()).filteredOn(r -> r.type().equals("gcp:container/cluster:Cluster"))
                    .singleElement().satisfies(r -> {
                        assertThat(r.urn()).isEqualTo(
                                "urn:pulumi:dev::proj::apigee-gke:index:GkeCluster$gcp:container/cluster:Cluster::c1");
                        assertThat(r.inputs()).containsEntry("project", "my-project").containsEntry("location", "europe-west1");
                    });
            assertThat(engine.outputsOf(component.urn())).get().satisfies(outputs ->
                    assertThat(outputs).containsEntry("clusterName", "c1").containsEntry("kubeconfig", Plan.UNKNOWN));
        }
    }

    @Test
    void aFailedConstructFailsTheRegistrationWithTheProvidersMessage() throws Exception {
        try (var engine = run(true, monitor -> {
            monitor.registerResource(stack());
            assertThatThrownBy(() -> monitor.registerResource(cluster("nowhere")))
                    .isInstanceOf(StatusRuntimeException.class).hasMessageContaining("location").hasMessageContaining("nowhere");
        })) {
            assertThat(engine.resources()).extracting(Plan.Resource::type).containsExactly(TypeTokens.ROOT_STACK);
            assertThat(engine.log()).anySatisfy(entry -> assertThat(entry.message()).contains("nowhere"));
        }
    }
}
