package dev.apigeegke.componentprovider;

import com.google.protobuf.Empty;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import pulumirpc.Plugin.PluginInfo;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.ConfigureResponse;
import pulumirpc.Provider.ConstructRequest;
import pulumirpc.Provider.ConstructResponse;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.Provider.GetSchemaResponse;
import pulumirpc.ResourceProviderGrpc;

/**
 * The component provider's gRPC service. It serves the hand-written schema, accepts secrets and resource references but
 * not output values (so an input the engine does not know yet arrives as an unknown, never as a known null, and its
 * dependencies arrive apart in {@code inputDependencies}), and runs every {@code Construct} in a deployment of its own
 * (see {@link Construction}), so that the engine may call it for several components at once.
 */
public final class ComponentProviderService extends ResourceProviderGrpc.ResourceProviderImplBase {
    private final String engineAddress;
    private final ComponentSchema schema;

    /** A service whose components log to the engine at {@code engineAddress} ({@code host:port}). */
    public ComponentProviderService(String engineAddress) {
        this.engineAddress = engineAddress;
        this.schema = ComponentSchema.get();
    }

    @Override
    public void getPluginInfo(Empty request, StreamObserver<PluginInfo> out) {
        out.onNext(PluginInfo.newBuilder().setVersion(schema.version()).build());
        out.onCompleted();
    }

    @Override
    public void getSchema(GetSchemaRequest request, StreamObserver<GetSchemaResponse> out) {
        out.onNext(GetSchemaResponse.newBuilder().setSchema(schema.text()).build());
        out.onCompleted();
    }

    /** The package has no configuration of its own: whatever the engine sends is accepted as it is. */
    @Override
    public void checkConfig(CheckRequest request, StreamObserver<CheckResponse> out) {
        out.onNext(CheckResponse.newBuilder().setInputs(request.getNews()).build());
        out.onCompleted();
    }

    @Override
    public void diffConfig(pulumirpc.Provider.DiffRequest request, StreamObserver<DiffResponse> out) {
        out.onNext(DiffResponse.newBuilder().setChanges(DiffResponse.DiffChanges.DIFF_NONE).build());
        out.onCompleted();
    }

    @Override
    public void configure(ConfigureRequest request, StreamObserver<ConfigureResponse> out) {
        out.onNext(ConfigureResponse.newBuilder()
                .setAcceptSecrets(true)
                .setAcceptResources(true)
                .setSupportsPreview(true)
                // Output values would turn an unknown input into a known null in the Java SDK's decoding.
                .setAcceptOutputs(false)
                .build());
        out.onCompleted();
    }

    @Override
    public void construct(ConstructRequest request, StreamObserver<ConstructResponse> out) {
        if (request.getParent().isEmpty()) {
            out.onError(Status.INVALID_ARGUMENT.withDescription("a component needs a parent: the engine sends the stack's URN")
                    .asRuntimeException());
            return;
        }
        Construction.start(request, engineAddress, schema).whenComplete((response, error) -> {
            if (error != null) {
                out.onError(Construction.status(error).asRuntimeException());
            } else {
                out.onNext(response);
                out.onCompleted();
            }
        });
    }

    @Override
    public void cancel(Empty request, StreamObserver<Empty> out) {
        out.onNext(Empty.getDefaultInstance());
        out.onCompleted();
    }
}
