package dev.apigeegke.provider.grpc;

import com.google.protobuf.Empty;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.internal.Constants;
import dev.apigeegke.plugin.PluginServer;
import dev.apigeegke.preview.PropertyValues;
import dev.apigeegke.provider.api.ApigeeClient;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.testing.ApigeeEmulator;
import dev.apigeegke.provider.testing.FakeTime;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateRequest;
import pulumirpc.Provider.UpdateResponse;
import pulumirpc.ResourceProviderGrpc.ResourceProviderBlockingStub;
import pulumirpc.ResourceProviderGrpc;

/**
 * The provider served by a real {@link PluginServer} on loopback, an Apigee emulator behind it, and a
 * blocking stub that makes the calls the engine makes. Wire values are built by hand here (not with the
 * provider's own converters) so the tests pin the protocol.
 */
final class ProviderHarness implements AutoCloseable {
    static final String SIG = Constants.SpecialSigKey;
    static final String SECRET_SIG = Constants.SpecialSecretSig;
    static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    static final String ORG = "acme";

    final ApigeeEmulator apigee;
    /** The clients' clock: retries and deployment polls wait on it, not in real time. */
    final FakeTime time = new FakeTime();
    final PluginServer server;
    final ManagedChannel channel;
    final ResourceProviderBlockingStub stub;

    private ProviderHarness(ApigeePlatform platform) throws IOException {
        apigee = ApigeeEmulator.start(platform, ORG).clock(time);
        // The configured client, on a clock that waits for retries and deployment polls without taking real time.
        server = PluginServer.start(new ApigeeProvider(c -> new ApigeeClient(c, time)));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        stub = ResourceProviderGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    /** A provider that is started but not configured. */
    static ProviderHarness start(ApigeePlatform platform) {
        try {
            return new ProviderHarness(platform);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A provider configured for the emulator (its management API and its Edge Microgateway services) with the
     * emulator's token, as a secret.
     */
    static ProviderHarness configured(ApigeePlatform platform) {
        var h = start(platform);
        h.stub.configure(ConfigureRequest.newBuilder().setAcceptSecrets(true)
                .setArgs(struct("flavor", platform == ApigeePlatform.X ? "x" : "edge", "organization", ORG,
                        "baseUrl", h.apigee.baseUrl().toString(), "accessToken", secret(ApigeeEmulator.TOKEN),
                        "microgatewayServicesUrl", h.apigee.microgatewayServicesUrl().toString()))
                .build());
        return h;
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdown();
        apigee.close();
    }

    // ---- the engine's calls ----

    static String urn(String type, String name) {
        return "urn:pulumi:dev::apigee-gke::" + type + "::" + name;
    }

    CheckResponse check(String type, Struct news) {
        return stub.check(CheckRequest.newBuilder().setUrn(urn(type, "r")).setType(type).setName("r").setNews(news).build());
    }

    /** Diff as the engine sends it: the old outputs, the old inputs, and the new (checked) inputs. */
    DiffResponse diff(String type, String id, Struct olds, Struct oldInputs, Struct news) {
        return stub.diff(DiffRequest.newBuilder().setUrn(urn(type, "r")).setType(type).setId(id)
                .setOlds(olds).setOldInputs(oldInputs).setNews(news).build());
    }

    /** Check's inputs, failing the test on any check failure. */
    Struct checked(String type, Struct news) {
        var response = check(type, news);
        if (response.getFailuresCount() > 0) {
            throw new AssertionError("check failures: " + response.getFailuresList());
        }
        return response.getInputs();
    }

    CreateResponse create(String type, Struct inputs, boolean preview) {
        return stub.create(CreateRequest.newBuilder().setUrn(urn(type, "r")).setType(type).setName("r")
                .setProperties(inputs).setPreview(preview).build());
    }

    UpdateResponse update(String type, String id, Struct olds, Struct news, boolean preview) {
        return stub.update(UpdateRequest.newBuilder().setUrn(urn(type, "r")).setType(type).setId(id)
                .setOlds(olds).setNews(news).setPreview(preview).build());
    }

    ReadResponse read(String type, String id, Struct state, Struct inputs) {
        return stub.read(ReadRequest.newBuilder().setUrn(urn(type, "r")).setType(type).setId(id)
                .setProperties(state).setInputs(inputs).build());
    }

    void delete(String type, String id, Struct state) {
        stub.delete(DeleteRequest.newBuilder().setUrn(urn(type, "r")).setType(type).setId(id).setProperties(state).build());
    }

    Empty cancel() {
        return stub.cancel(Empty.getDefaultInstance());
    }

    /** The error the engine would get from {@code call}, failing the test if the call succeeds. */
    static StatusRuntimeException failure(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("the call succeeded");
    }

    /** Creates the API products {@code products} and the developer jane@example.com, for apps to be created. */
    void productsAndJane(String... products) {
        for (var product : products) {
            create("apigee:index:ApiProduct", checked("apigee:index:ApiProduct", struct("name", product)), false);
        }
        create("apigee:index:Developer", checked("apigee:index:Developer", struct("email", "jane@example.com",
                "firstName", "Jane", "lastName", "Doe", "userName", "jane")), false);
    }

    // ---- wire values ----

    /** A struct from alternating keys and values (String, Number, Boolean, List, Map, Value, or null). */
    static Struct struct(Object... kv) {
        var b = Struct.newBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            b.putFields((String) kv[i], value(kv[i + 1]));
        }
        return b.build();
    }

    static Struct with(Struct base, Object... kv) {
        return base.toBuilder().putAllFields(struct(kv).getFieldsMap()).build();
    }

    static Struct without(Struct base, String key) {
        return base.toBuilder().removeFields(key).build();
    }

    static Value value(Object o) {
        if (o == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (o instanceof Value v) {
            return v;
        }
        if (o instanceof String s) {
            return Value.newBuilder().setStringValue(s).build();
        }
        if (o instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (o instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        }
        if (o instanceof List<?> l) {
            var lb = ListValue.newBuilder();
            l.forEach(e -> lb.addValues(value(e)));
            return Value.newBuilder().setListValue(lb).build();
        }
        if (o instanceof Map<?, ?> m) {
            var sb = Struct.newBuilder();
            m.forEach((k, e) -> sb.putFields((String) k, value(e)));
            return Value.newBuilder().setStructValue(sb).build();
        }
        throw new IllegalArgumentException(String.valueOf(o));
    }

    static Value secret(Object plain) {
        return PropertyValues.secret(value(plain));
    }

    static Value unknown() {
        return value(UNKNOWN);
    }

    static boolean isSecret(Value v) {
        return PropertyValues.isSecret(v);
    }

    /** The plain value inside a secret. */
    static Value revealed(Value v) {
        return isSecret(v) ? v.getStructValue().getFieldsOrThrow("value") : v;
    }

    static String str(Struct s, String key) {
        return revealed(s.getFieldsOrThrow(key)).getStringValue();
    }

    /** A struct as plain Java values (secrets revealed), for readable assertions. */
    static Map<String, Object> plain(Struct s) {
        var out = new LinkedHashMap<String, Object>();
        s.getFieldsMap().forEach((k, v) -> out.put(k, plain(v)));
        return out;
    }

    static Object plain(Value v) {
        v = revealed(v);
        return switch (v.getKindCase()) {
            case STRING_VALUE -> v.getStringValue();
            case NUMBER_VALUE -> v.getNumberValue();
            case BOOL_VALUE -> v.getBoolValue();
            case LIST_VALUE -> v.getListValue().getValuesList().stream().map(ProviderHarness::plain).toList();
            case STRUCT_VALUE -> plain(v.getStructValue());
            default -> null;
        };
    }

    // ---- bundles ----

    /** A minimal proxy bundle whose target is {@code url}. */
    static byte[] bundle(String name, String url) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            put(zip, "apiproxy/" + name + ".xml", "<APIProxy name=\"" + name + "\"/>");
            put(zip, "apiproxy/proxies/default.xml", "<ProxyEndpoint name=\"default\"><HTTPProxyConnection><BasePath>/"
                    + name + "</BasePath></HTTPProxyConnection><RouteRule name=\"default\"><TargetEndpoint>default"
                    + "</TargetEndpoint></RouteRule></ProxyEndpoint>");
            put(zip, "apiproxy/targets/default.xml", "<TargetEndpoint name=\"default\"><HTTPTargetConnection><URL>" + url
                    + "</URL></HTTPTargetConnection></TargetEndpoint>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ApiProxy inputs for a bundle pointing at {@code url}. */
    static Struct proxyInputs(String name, String url, String... envs) {
        var zip = bundle(name, url);
        return struct("name", name, "bundle", base64(zip), "bundleHash", sha256(zip), "environments", List.of(envs));
    }
}
