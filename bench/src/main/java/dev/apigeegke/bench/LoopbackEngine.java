package dev.apigeegke.bench;

import com.google.protobuf.Empty;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass;
import pulumirpc.Resource;
import pulumirpc.ResourceMonitorGrpc;

/**
 * The two gRPC services a Pulumi program talks to (the resource monitor and the engine), on loopback, doing
 * what a preview does: every resource gets its inputs back as state, no id. A real program process connects
 * to it through the same environment variables the Pulumi CLI sets, so what is measured is the program's own
 * start and registration work, without the CLI and without any cloud.
 */
final class LoopbackEngine implements AutoCloseable {
    /** Feature flags the monitor says yes to; others are answered no. */
    private static final Set<String> FEATURES = Set.of("secrets", "resourceReferences");

    private final Server server;
    private final AtomicLong firstRegistration = new AtomicLong();
    private final AtomicLong firstCustom = new AtomicLong();
    private final ConcurrentLinkedQueue<String> registered = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private volatile String root = "";

    LoopbackEngine() throws IOException {
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(new Monitor())
                .addService(new Engine())
                .build()
                .start();
    }

    /** The address to give the program in PULUMI_MONITOR and PULUMI_ENGINE. */
    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    /** Clears what the previous program left. */
    void reset() {
        firstRegistration.set(0);
        firstCustom.set(0);
        registered.clear();
        errors.clear();
        root = "";
    }

    /** {@link System#nanoTime()} when the first resource (the stack) was registered, or 0. */
    long firstRegistrationNanos() {
        return firstRegistration.get();
    }

    /** {@link System#nanoTime()} when the first custom (cloud or Kubernetes) resource was registered, or 0. */
    long firstCustomNanos() {
        return firstCustom.get();
    }

    /** The type::name of every registered resource. */
    List<String> registered() {
        return List.copyOf(registered);
    }

    /** The errors the program logged. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {
        @Override
        public void supportsFeature(Resource.SupportsFeatureRequest request, StreamObserver<Resource.SupportsFeatureResponse> response) {
            reply(response, Resource.SupportsFeatureResponse.newBuilder().setHasSupport(FEATURES.contains(request.getId())).build());
        }

        @Override
        public void registerResource(Resource.RegisterResourceRequest request, StreamObserver<Resource.RegisterResourceResponse> response) {
            long now = System.nanoTime();
            firstRegistration.compareAndSet(0, now);
            if (request.getCustom()) {
                firstCustom.compareAndSet(0, now);
            }
            registered.add(request.getType() + "::" + request.getName());
            String urn = "urn:pulumi:bench::bench::" + request.getType() + "::" + request.getName();
            reply(response, Resource.RegisterResourceResponse.newBuilder().setUrn(urn).setObject(request.getObject()).build());
        }

        @Override
        public void registerResourceOutputs(Resource.RegisterResourceOutputsRequest request, StreamObserver<Empty> response) {
            reply(response, Empty.getDefaultInstance());
        }

        @Override
        public void invoke(Resource.ResourceInvokeRequest request, StreamObserver<Resource.ResourceInvokeResponse> response) {
            reply(response, Resource.ResourceInvokeResponse.getDefaultInstance());
        }

        @Override
        public void signalAndWaitForShutdown(Empty request, StreamObserver<Empty> response) {
            reply(response, Empty.getDefaultInstance());
        }
    }

    private final class Engine extends EngineGrpc.EngineImplBase {
        @Override
        public void log(EngineOuterClass.LogRequest request, StreamObserver<Empty> response) {
            if (request.getSeverity() == EngineOuterClass.LogSeverity.ERROR) {
                errors.add(request.getMessage());
            }
            reply(response, Empty.getDefaultInstance());
        }

        @Override
        public void getRootResource(EngineOuterClass.GetRootResourceRequest request,
                                    StreamObserver<EngineOuterClass.GetRootResourceResponse> response) {
            reply(response, EngineOuterClass.GetRootResourceResponse.newBuilder().setUrn(root).build());
        }

        @Override
        public void setRootResource(EngineOuterClass.SetRootResourceRequest request,
                                    StreamObserver<EngineOuterClass.SetRootResourceResponse> response) {
            root = request.getUrn();
            reply(response, EngineOuterClass.SetRootResourceResponse.getDefaultInstance());
        }
    }

    private static <T> void reply(StreamObserver<T> observer, T value) {
        observer.onNext(value);
        observer.onCompleted();
    }
}
