package dev.apigeegke.provider.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Empty;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.ResourceProviderGrpc;

/** The shaded plugin jar started the way the engine starts it, serving what it bundles. */
class PluginProcessIT {
    private static final Path JAR = Path.of(System.getProperty("repo.root", ".."), "provider", "target",
            "pulumi-resource-apigee.jar");

    @Test
    void printsItsLoopbackPortAsTheFirstLineAndStopsWhenTheEngineGoesAway() throws Exception {
        assertThat(JAR).exists();
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process plugin;
        try (var engine = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            plugin = new ProcessBuilder(java, "-jar", JAR.toString(), "127.0.0.1:" + engine.getLocalPort())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                var stdout = new BufferedReader(new InputStreamReader(plugin.getInputStream(), StandardCharsets.UTF_8));
                var port = Integer.parseInt(stdout.readLine().strip());
                var channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
                try {
                    var stub = ResourceProviderGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
                    assertThat(stub.getPluginInfo(Empty.getDefaultInstance()).getVersion()).isEqualTo(ApigeeProvider.VERSION);
                    // A key pair needs no Apigee, only the certificate and PEM code the jar must carry.
                    stub.configure(ConfigureRequest.newBuilder().setArgs(ProviderHarness.struct("organization", "acme",
                            "accessToken", "unused-token", "baseUrl", "http://127.0.0.1:9/v1")).build());
                    var keyPair = stub.create(CreateRequest.newBuilder().setType("apigee:index:RsaKeyPair")
                            .setUrn(ProviderHarness.urn("apigee:index:RsaKeyPair", "signing"))
                            .setProperties(ProviderHarness.struct("commonName", "acme-test")).build());
                    assertThat(ProviderHarness.str(keyPair.getProperties(), "privateKeyPem"))
                            .startsWith("-----BEGIN RSA PRIVATE KEY-----");
                    assertThat(ProviderHarness.str(keyPair.getProperties(), "certificatePem"))
                            .startsWith("-----BEGIN CERTIFICATE-----");
                } finally {
                    channel.shutdownNow();
                }
            } catch (RuntimeException | Error e) {
                plugin.destroyForcibly();
                throw e;
            }
        }
        // The engine's address now refuses connections: the plugin notices within a few probes and exits.
        var exited = plugin.waitFor(40, TimeUnit.SECONDS);
        if (!exited) {
            plugin.destroyForcibly();
        }
        assertThat(exited).as("plugin exited after the engine went away").isTrue();
        assertThat(plugin.exitValue()).isZero();
        assertThat(Files.size(JAR)).isPositive();
    }
}
