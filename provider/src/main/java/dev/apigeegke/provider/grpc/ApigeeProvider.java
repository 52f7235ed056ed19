package dev.apigeegke.provider.grpc;

import static dev.apigeegke.provider.grpc.ErrorMapping.reply;
import static dev.apigeegke.provider.grpc.PropertyStructs.fromStruct;
import static dev.apigeegke.provider.grpc.PropertyStructs.toStruct;
import static dev.apigeegke.provider.grpc.SecretsAndUnknowns.containsUnknown;
import static dev.apigeegke.provider.grpc.SecretsAndUnknowns.known;
import static dev.apigeegke.provider.grpc.SecretsAndUnknowns.revealAll;
import static dev.apigeegke.provider.grpc.SecretsAndUnknowns.secretKeys;
import static dev.apigeegke.provider.grpc.SecretsAndUnknowns.unknownKeys;
import static dev.apigeegke.provider.grpc.SecretsAndUnknowns.withSecrets;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import dev.apigeegke.provider.api.ApigeeClient;
import dev.apigeegke.provider.api.ApigeeConfig;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.resources.Checks;
import dev.apigeegke.provider.resources.Handlers;
import dev.apigeegke.provider.resources.ResourceHandler;
import dev.apigeegke.provider.schema.ProviderSchema;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import pulumirpc.Plugin.PluginInfo;
import pulumirpc.Provider.CheckFailure;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.ConfigureResponse;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.Provider.GetSchemaResponse;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateRequest;
import pulumirpc.Provider.UpdateResponse;
import pulumirpc.ResourceProviderGrpc;

/**
 * The {@code apigee} resource provider: the engine's gRPC calls, dispatched to one {@link ResourceHandler} per
 * resource type. What is the same for every type lives beside it: {@link InputDiff} (Diff),
 * {@link SecretsAndUnknowns} (secrets, unknowns and previews, which never call the management API),
 * {@link ErrorMapping} (failures as gRPC statuses) and {@link ProviderConfig} (the {@code apigee:*} config).
 */
public final class ApigeeProvider extends ResourceProviderGrpc.ResourceProviderImplBase {
    /** The plugin version: the schema's. */
    public static final String VERSION = ProviderSchema.get().version();

    private final Function<ApigeeConfig, ApigeeClient> clients;
    private volatile ApigeeClient client;
    /** The configured platform, for Check; null until a configuration says it. */
    private volatile ApigeePlatform platform;
    private volatile boolean cancelled;

    /** A provider that talks to the configured management API. */
    public ApigeeProvider() {
        this(ApigeeClient::new);
    }

    /** A provider whose client is made by {@code clients} from the configured {@link ApigeeConfig}. */
    public ApigeeProvider(Function<ApigeeConfig, ApigeeClient> clients) {
        this.clients = Objects.requireNonNull(clients);
    }

    /** The package schema, as served by GetSchema. */
    public static String schema() {
        return ProviderSchema.get().json();
    }

    // ---- plugin and config ----

    @Override
    public void getPluginInfo(Empty request, StreamObserver<PluginInfo> out) {
        reply(out, () -> PluginInfo.newBuilder().setVersion(VERSION).build());
    }

    @Override
    public void getSchema(GetSchemaRequest request, StreamObserver<GetSchemaResponse> out) {
        reply(out, () -> GetSchemaResponse.newBuilder().setSchema(schema()).build());
    }

    @Override
    public void checkConfig(CheckRequest request, StreamObserver<CheckResponse> out) {
        reply(out, () -> {
            var config = ProviderConfig.select(fromStruct(request.getNews()));
            var response = CheckResponse.newBuilder().setInputs(request.getNews());
            ProviderConfig.validate(known(config), unknownKeys(config)).forEach(f -> response.addFailures(failure(f)));
            return response.build();
        });
    }

    @Override
    public void diffConfig(DiffRequest request, StreamObserver<DiffResponse> out) {
        reply(out, () -> InputDiff.of(ProviderConfig.select(fromStruct(olds(request))),
                ProviderConfig.select(fromStruct(request.getNews())), ProviderConfig.KEYS, ProviderConfig.REPLACING));
    }

    @Override
    @SuppressWarnings("deprecation") // older engines send the config only in the variables map
    public void configure(ConfigureRequest request, StreamObserver<ConfigureResponse> out) {
        reply(out, () -> {
            var config = ProviderConfig.select(ProviderConfig.merge(fromStruct(request.getArgs()), request.getVariablesMap()));
            var unknown = unknownKeys(config);
            var failures = ProviderConfig.validate(known(config), unknown);
            if (!failures.isEmpty()) {
                var message = new StringBuilder("the apigee provider's configuration is invalid:");
                failures.forEach(f -> message.append("\n  - ").append(f.reason()));
                throw Status.INVALID_ARGUMENT.withDescription(message.toString()).asRuntimeException();
            }
            // Config computed by another resource is unknown during preview, which makes no API call anyway.
            client = unknown.isEmpty() ? clients.apply(ProviderConfig.toApigeeConfig(known(config))) : null;
            platform = unknown.contains("flavor") ? null : ProviderConfig.platform(known(config));
            return ConfigureResponse.newBuilder().setAcceptSecrets(true).setSupportsPreview(true)
                    .setAcceptResources(false).build();
        });
    }

    // ---- resources ----

    @Override
    public void check(CheckRequest request, StreamObserver<CheckResponse> out) {
        reply(out, () -> {
            var handler = handler(request.getType(), request.getUrn());
            var news = fromStruct(request.getNews());
            handler.defaults().forEach((k, v) -> {
                if (news.get(k) == null) {
                    news.put(k, v);
                }
            });
            var checks = new Checks(known(news), unknownKeys(news), platform);
            checks.required(handler.requiredInputs());
            handler.check(checks);
            var response = CheckResponse.newBuilder().setInputs(toStruct(news));
            checks.failures().forEach(f -> response.addFailures(failure(f)));
            for (var key : news.keySet()) {
                if (!key.startsWith("__") && !handler.inputs().contains(key)) {
                    response.addFailures(CheckFailure.newBuilder().setProperty(key).setReason("'" + key + "' is not an input of "
                            + handler.token() + "; its inputs are " + String.join(", ", handler.inputs())));
                }
            }
            return response.build();
        });
    }

    @Override
    public void diff(DiffRequest request, StreamObserver<DiffResponse> out) {
        reply(out, () -> {
            var handler = handler(request.getType(), request.getUrn());
            var olds = fromStruct(olds(request));
            var news = fromStruct(request.getNews());
            var diff = InputDiff.of(handler, olds, fromStruct(request.getOlds()), news);
            return diff.getReplacesCount() > 0 && handler.deleteBeforeReplace(revealAll(olds), revealAll(news))
                    ? diff.toBuilder().setDeleteBeforeReplace(true).build() : diff;
        });
    }

    @Override
    public void create(CreateRequest request, StreamObserver<CreateResponse> out) {
        reply(out, () -> {
            var handler = handler(request.getType(), request.getUrn());
            var inputs = fromStruct(request.getProperties());
            var secrets = secretKeys(handler, inputs);
            if (request.getPreview() || containsUnknown(inputs)) {
                SecretsAndUnknowns.requireKnownUnlessPreview(request.getPreview(), inputs);
                var outputs = SecretsAndUnknowns.previewCreate(handler, inputs);
                return CreateResponse.newBuilder().setProperties(toStruct(withSecrets(outputs, secrets))).build();
            }
            ResourceHandler.Created created;
            try {
                created = handler.create(client(), revealAll(inputs));
            } catch (ResourceHandler.PartiallyApplied p) {
                throw ErrorMapping.initFailed(p.id(), toStruct(withSecrets(p.outputs(), secrets)), p.failure());
            } catch (ResourceHandler.AlreadyOnApigee e) {
                throw ErrorMapping.alreadyOnApigee(e, handler.token(), request.getUrn());
            }
            return CreateResponse.newBuilder().setId(created.id())
                    .setProperties(toStruct(withSecrets(created.outputs(), secrets))).build();
        });
    }

    @Override
    public void read(ReadRequest request, StreamObserver<ReadResponse> out) {
        reply(out, () -> {
            var handler = handler(request.getType(), request.getUrn());
            var state = fromStruct(request.getProperties());
            var inputs = fromStruct(request.getInputs());
            var found = handler.read(client(), request.getId(), revealAll(state));
            if (found.isEmpty()) {
                return ReadResponse.newBuilder().setId("").build(); // gone: the engine drops it from the state
            }
            var outputs = found.get();
            var secrets = secretKeys(handler, state);
            secrets.addAll(secretKeys(handler, inputs));
            var newInputs = new LinkedHashMap<String, Object>(inputs);
            for (var key : handler.inputs()) {
                var importing = inputs.isEmpty();
                if (outputs.containsKey(key) && (importing || inputs.containsKey(key))) {
                    newInputs.put(key, outputs.get(key));
                } else if (!importing && handler.outputs().contains(key)) {
                    newInputs.remove(key); // gone from Apigee (or drifted): the next diff puts it back
                }
            }
            return ReadResponse.newBuilder().setId(request.getId())
                    .setProperties(toStruct(withSecrets(outputs, secrets)))
                    .setInputs(toStruct(withSecrets(newInputs, secrets))).build();
        });
    }

    @Override
    public void update(UpdateRequest request, StreamObserver<UpdateResponse> out) {
        reply(out, () -> {
            var handler = handler(request.getType(), request.getUrn());
            var olds = fromStruct(request.getOlds());
            var news = fromStruct(request.getNews());
            var secrets = secretKeys(handler, news);
            Map<String, Object> outputs;
            if (request.getPreview() || containsUnknown(news)) {
                SecretsAndUnknowns.requireKnownUnlessPreview(request.getPreview(), news);
                outputs = SecretsAndUnknowns.previewUpdate(handler, olds, news);
            } else {
                try {
                    outputs = handler.update(client(), request.getId(), revealAll(olds), revealAll(news));
                } catch (ResourceHandler.PartiallyApplied p) {
                    throw ErrorMapping.initFailed(p.id(), toStruct(withSecrets(p.outputs(), secrets)), p.failure());
                }
            }
            return UpdateResponse.newBuilder().setProperties(toStruct(withSecrets(outputs, secrets))).build();
        });
    }

    @Override
    public void delete(DeleteRequest request, StreamObserver<Empty> out) {
        reply(out, () -> {
            var handler = handler(request.getType(), request.getUrn());
            handler.delete(client(), request.getId(), revealAll(fromStruct(request.getProperties())));
            return Empty.getDefaultInstance();
        });
    }

    @Override
    public void cancel(Empty request, StreamObserver<Empty> out) {
        // Calls in flight finish (a half-done deployment is worse than a late one); new ones are refused.
        cancelled = true;
        reply(out, Empty::getDefaultInstance);
    }

    // ---- dispatch ----

    private static Struct olds(DiffRequest request) {
        // Compare inputs with inputs: outputs hold what Apigee added (e.g. a default displayName).
        return request.hasOldInputs() && request.getOldInputs().getFieldsCount() > 0 ? request.getOldInputs() : request.getOlds();
    }

    private static ResourceHandler handler(String type, String urn) {
        var token = type.isEmpty() ? typeOf(urn) : type;
        return Handlers.forToken(token).orElseThrow(() -> Status.INVALID_ARGUMENT.withDescription("the apigee provider has no resource type \""
                + token + "\"; it serves " + String.join(", ", Handlers.tokens())).asRuntimeException());
    }

    /** The type of {@code urn:pulumi:stack::project::parent$type::name}. */
    static String typeOf(String urn) {
        var parts = urn.split("::");
        if (parts.length < 4) {
            return urn;
        }
        var qualified = parts[2];
        return qualified.substring(qualified.lastIndexOf('$') + 1);
    }

    private ApigeeClient client() {
        if (cancelled) {
            throw Status.CANCELLED.withDescription("the operation was cancelled; run pulumi up again to finish").asRuntimeException();
        }
        var c = client;
        if (c == null) {
            throw Status.FAILED_PRECONDITION.withDescription("the apigee provider is not configured (or its configuration is "
                    + "not known yet); run `pulumi config set apigee:organization <org>` and set its credentials").asRuntimeException();
        }
        return c;
    }

    private static CheckFailure failure(Checks.Failure f) {
        return CheckFailure.newBuilder().setProperty(f.property()).setReason(f.reason()).build();
    }
}
