package dev.apigeegke.plugin;

import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The plugin's gRPC server: the provider and the standard health service on a loopback port the OS
 * chooses, so two plugins never collide and nothing outside the machine can reach the provider.
 */
public final class PluginServer {
    /** The health service's Check method; its messages are handled as bytes, as grpc-services is not a dependency. */
    public static final MethodDescriptor<byte[], byte[]> HEALTH_CHECK = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("grpc.health.v1.Health/Check")
            .setRequestMarshaller(Bytes.INSTANCE)
            .setResponseMarshaller(Bytes.INSTANCE)
            .build();
    /** {@code HealthCheckResponse{status: SERVING}} in protobuf wire format: field 1, varint 1. */
    public static final byte[] SERVING = {0x08, 0x01};

    private final Server server;

    private PluginServer(Server server) {
        this.server = server;
    }

    /** Starts serving {@code provider} on 127.0.0.1 at a port the OS chooses. */
    public static PluginServer start(BindableService provider) throws IOException {
        var health = ServerServiceDefinition.builder("grpc.health.v1.Health")
                .addMethod(HEALTH_CHECK, ServerCalls.asyncUnaryCall((request, out) -> {
                    out.onNext(SERVING);
                    out.onCompleted();
                }))
                .build();
        var server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(provider)
                .addService(health)
                .maxInboundMessageSize(256 * 1024 * 1024) // proxy bundles travel base64-encoded inside the inputs
                .build()
                .start();
        return new PluginServer(server);
    }

    /** The port the server listens on. */
    public int port() {
        return server.getPort();
    }

    /** Stops taking calls, lets the ones in flight finish for up to 30 seconds, then stops. */
    public void shutdown() {
        server.shutdown();
        try {
            if (!server.awaitTermination(30, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until the server has stopped. */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    private enum Bytes implements MethodDescriptor.Marshaller<byte[]> {
        INSTANCE;

        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
