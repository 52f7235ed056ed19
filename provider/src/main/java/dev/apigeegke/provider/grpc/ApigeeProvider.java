package dev.apigeegke.provider.grpc;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import dev.apigeegke.provider.api.ApigeeClient;
import dev.apigeegke.provider.api.ApigeeConfig;
import dev.apigeegke.provider.api.ApigeeException;
import dev.apigeegke.provider.resources.Checks;
import dev.apigeegke.provider.resources.Handlers;
import dev.apigeegke.provider.resources.ResourceHandler;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
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
import pulumirpc.Provider.PropertyDiff;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateRequest;
import pulumirpc.Provider.UpdateResponse;
import pulumirpc.ResourceProviderGrpc;

/**
 * The {@code apigee} resource provider: the engine's gRPC calls, mapped onto one
 * {@link ResourceHandler} per resource type. This class owns what is the same for every type —
 * config, secrets, unknowns, previews (which never call the management API) and error mapping.
 */
public final class ApigeeProvider extends ResourceProviderGrpc.ResourceProviderImplBase {
    /** The plugin version, also the schema's. */
    public static final String VERSION = "0.1.0";
    private static final Logger LOG = Logger.getLogger(ApigeeProvider.class.getName());

    private final Function<ApigeeConfig, ApigeeClient> clients;
    private volatile ApigeeClient client;
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
        try (var in = ApigeeProvider.class.getResourceAsStream("/schema.json")) {
            if (in == null) {
                throw new IllegalStateException("schema.json is missing from the provider jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            var news = Values.fromStruct(request.getNews());
            var config = configOnly(news);
            var response = CheckResponse.newBuilder().setInputs(request.getNews());
            ProviderConfig.validate(known(config), unknownKeys(config)).forEach(f -> response.addFailures(failure(f)));
            return response.build();
        });
    }

    @Override
    public void diffConfig(DiffRequest request, StreamObserver<DiffResponse> out) {
        reply(out, () -> diff(configOnly(Values.fromStruct(olds(request))), configOnly(Values.fromStruct(request.getNews())),
                ProviderConfig.KEYS, ProviderConfig.REPLACING));
    }

    @Override
    @SuppressWarnings("deprecation") // older engines send the config only in the variables map
    public void configure(ConfigureRequest request, StreamObserver<ConfigureResponse> out) {
        reply(out, () -> {
            var config = configOnly(ProviderConfig.merge(Values.fromStruct(request.getArgs()), request.getVariablesMap()));
            var unknown = unknownKeys(config);
            var failures = ProviderConfig.validate(known(config), unknown);
            if (!failures.isEmpty()) {
                var message = new StringBuilder("the apigee provider's configuration is invalid:");
                failures.forEach(f -> message.append("\n  - ").append(f.reason()));
                throw Status.INVALID_ARGUMENT.withDescription(message.toString()).asRuntimeException();
            }
            // Config computed by another resource is unknown during preview, which makes no API call anyway.
            client = unknown.isEmpty() ? clients.apply(ProviderConfig.toApigeeConfig(known(config))) : null;
            return ConfigureResponse.newBuilder().setAcceptSecrets(true).setSupportsPreview(true)
                    .setAcceptResources(false).build();
        });
    }

    private static Map<String, Object> configOnly(Map<String, Object> all) {
        var out = new LinkedHashMap<String, Object>();
        ProviderConfig.KEYS.forEach(k -> {
            if (all.get(k) != null) {
                out.put(k, all.get(k));
            }
        });
        return out;
    }

    // ---- resources ----

    @Override
    public void check(CheckRequest request, StreamObserver<CheckResponse> out) {
        reply(out, () -> {
            var handler = handler(request.getType(), request.getUrn());
            var news = Values.fromStruct(request.getNews());
            handler.defaults().forEach((k, v) -> {
                if (news.get(k) == null) {
                    news.put(k, v);
                }
            });
            var checks = new Checks(known(news), unknownKeys(news));
            handler.check(checks);
            var response = CheckResponse.newBuilder().setInputs(Values.toStruct(news));
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
            return diff(Values.fromStruct(olds(request)), Values.fromStruct(request.getNews()), handler.diffed(),
                    handler.replaceOnChange());
        });
    }

    @Override
    public void create(CreateRequest request, StreamObserver<CreateResponse> out) {
        reply(out, () -> {
            var handler = handler(request.getType(), request.getUrn());
            var inputs = Values.fromStruct(request.getProperties());
            var secrets = secretKeys(handler, inputs);
            if (request.getPreview() || Values.containsUnknown(inputs)) {
                requireKnownUnlessPreview(request.getPreview(), inputs);
                var outputs = new LinkedHashMap<String, Object>();
                for (var key : handler.outputs()) {
                    if (inputs.get(key) != null) {
                        outputs.put(key, inputs.get(key));
                    } else if (!handler.inputs().contains(key)) {
                        outputs.put(key, Values.UNKNOWN);
                    }
                }
                return CreateResponse.newBuilder().setProperties(Values.toStruct(secret(outputs, secrets))).build();
            }
            var created = handler.create(client(), Values.revealAll(inputs));
            return CreateResponse.newBuilder().setId(created.id())
                    .setProperties(Values.toStruct(secret(created.outputs(), secrets))).build();
        });
    }

    @Override
    public void read(ReadRequest request, StreamObserver<ReadResponse> out) {
        reply(out, () -> {
            var handler = handler(request.getType(), request.getUrn());
            var state = Values.fromStruct(request.getProperties());
            var inputs = Values.fromStruct(request.getInputs());
            var found = handler.read(client(), request.getId(), Values.revealAll(state));
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
                    .setProperties(Values.toStruct(secret(outputs, secrets)))
                    .setInputs(Values.toStruct(secret(newInputs, secrets))).build();
        });
    }

    @Override
    public void update(UpdateRequest request, StreamObserver<UpdateResponse> out) {
        reply(out, () -> {
            var handler = handler(request.getType(), request.getUrn());
            var olds = Values.fromStruct(request.getOlds());
            var news = Values.fromStruct(request.getNews());
            var secrets = secretKeys(handler, news);
            Map<String, Object> outputs;
            if (request.getPreview() || Values.containsUnknown(news)) {
                requireKnownUnlessPreview(request.getPreview(), news);
                outputs = new LinkedHashMap<>();
                var oldPlain = Values.revealAll(olds);
                var newPlain = Values.revealAll(news);
                for (var key : handler.outputs()) {
                    if (news.get(key) != null) {
                        outputs.put(key, news.get(key));
                    } else if (!handler.inputs().contains(key)) {
                        outputs.put(key, handler.keepsOnUpdate(key, oldPlain, newPlain) && olds.get(key) != null
                                ? olds.get(key) : Values.UNKNOWN);
                    }
                }
            } else {
                outputs = handler.update(client(), request.getId(), Values.revealAll(olds), Values.revealAll(news));
            }
            return UpdateResponse.newBuilder().setProperties(Values.toStruct(secret(outputs, secrets))).build();
        });
    }

    @Override
    public void delete(DeleteRequest request, StreamObserver<Empty> out) {
        reply(out, () -> {
            var handler = handler(request.getType(), request.getUrn());
            handler.delete(client(), request.getId(), Values.revealAll(Values.fromStruct(request.getProperties())));
            return Empty.getDefaultInstance();
        });
    }

    @Override
    public void cancel(Empty request, StreamObserver<Empty> out) {
        // Calls in flight finish (a half-done deployment is worse than a late one); new ones are refused.
        cancelled = true;
        reply(out, Empty::getDefaultInstance);
    }

    // ---- helpers ----

    private static Struct olds(DiffRequest request) {
        // Compare inputs with inputs: outputs hold what Apigee added (e.g. a default displayName).
        return request.hasOldInputs() && request.getOldInputs().getFieldsCount() > 0 ? request.getOldInputs() : request.getOlds();
    }

    private static DiffResponse diff(Map<String, Object> olds, Map<String, Object> news, List<String> keys,
                                     Set<String> replacing) {
        var response = DiffResponse.newBuilder().setHasDetailedDiff(true).setDeleteBeforeReplace(false);
        for (var key : keys) {
            var oldValue = normalize(Values.reveal(olds.get(key)));
            var newValue = news.get(key);
            var changed = Values.containsUnknown(newValue) || !Objects.equals(oldValue, normalize(Values.reveal(newValue)));
            if (!changed) {
                continue;
            }
            var replace = replacing.contains(key);
            PropertyDiff.Kind kind;
            if (oldValue == null) {
                kind = replace ? PropertyDiff.Kind.ADD_REPLACE : PropertyDiff.Kind.ADD;
            } else if (newValue == null) {
                kind = replace ? PropertyDiff.Kind.DELETE_REPLACE : PropertyDiff.Kind.DELETE;
            } else {
                kind = replace ? PropertyDiff.Kind.UPDATE_REPLACE : PropertyDiff.Kind.UPDATE;
            }
            response.addDiffs(key).putDetailedDiff(key, PropertyDiff.newBuilder().setKind(kind).setInputDiff(true).build());
            if (replace) {
                response.addReplaces(key);
            }
        }
        return response.setChanges(response.getDiffsCount() > 0 ? DiffResponse.DiffChanges.DIFF_SOME
                : DiffResponse.DiffChanges.DIFF_NONE).build();
    }

    /**
     * The value as Diff compares it: unset, empty and "" are the same; numbers are doubles; lists of
     * strings are sets (Apigee does not keep their order).
     */
    private static Object normalize(Object v) {
        if (v == null || "".equals(v)) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                return null;
            }
            var items = new ArrayList<Object>();
            l.forEach(e -> items.add(normalize(e)));
            if (items.stream().allMatch(e -> e instanceof String)) {
                items.sort((a, b) -> ((String) a).compareTo((String) b));
            }
            return items;
        }
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                return null;
            }
            var out = new TreeMap<String, Object>();
            m.forEach((k, e) -> out.put(String.valueOf(k), normalize(e)));
            return out;
        }
        return v;
    }

    private static void requireKnownUnlessPreview(boolean preview, Map<String, Object> inputs) {
        if (!preview) {
            throw Status.FAILED_PRECONDITION.withDescription("inputs " + unknownKeys(inputs)
                    + " are still unknown outside a preview; this is an engine bug, please report it").asRuntimeException();
        }
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

    private static Map<String, Object> known(Map<String, Object> values) {
        var out = new LinkedHashMap<String, Object>();
        values.forEach((k, v) -> {
            if (!Values.containsUnknown(v)) {
                out.put(k, Values.reveal(v));
            }
        });
        return out;
    }

    private static Set<String> unknownKeys(Map<String, Object> values) {
        var out = new HashSet<String>();
        values.forEach((k, v) -> {
            if (Values.containsUnknown(v)) {
                out.add(k);
            }
        });
        return out;
    }

    private static Set<String> secretKeys(ResourceHandler handler, Map<String, Object> values) {
        var out = new HashSet<>(handler.secretOutputs());
        values.forEach((k, v) -> {
            if (Values.containsSecret(v)) {
                out.add(k);
            }
        });
        return out;
    }

    /** Wraps the named top-level values as secrets. */
    private static Map<String, Object> secret(Map<String, Object> values, Set<String> keys) {
        var out = new LinkedHashMap<String, Object>();
        values.forEach((k, v) -> out.put(k, keys.contains(k) && v != null && !(v instanceof Values.Secret)
                ? new Values.Secret(Values.reveal(v)) : v));
        return out;
    }

    private static CheckFailure failure(Checks.Failure f) {
        return CheckFailure.newBuilder().setProperty(f.property()).setReason(f.reason()).build();
    }

    /** Runs {@code body} and answers with its result, or with the gRPC error its failure maps to. */
    private static <T> void reply(StreamObserver<T> out, Supplier<T> body) {
        T result;
        try {
            result = body.get();
        } catch (RuntimeException e) {
            out.onError(toStatus(e));
            return;
        }
        out.onNext(result);
        out.onCompleted();
    }

    static StatusRuntimeException toStatus(RuntimeException e) {
        if (e instanceof StatusRuntimeException s) {
            return s;
        }
        if (e instanceof ApigeeException a) {
            var status = switch (a.status()) {
                case 400, 422 -> Status.INVALID_ARGUMENT;
                case 401 -> Status.UNAUTHENTICATED;
                case 403 -> Status.PERMISSION_DENIED;
                case 404 -> Status.NOT_FOUND;
                case 409 -> Status.ALREADY_EXISTS;
                case 429 -> Status.RESOURCE_EXHAUSTED;
                case 0, 502, 503, 504 -> Status.UNAVAILABLE;
                default -> Status.UNKNOWN;
            };
            return status.withDescription(a.getMessage()).asRuntimeException();
        }
        if (e instanceof IllegalArgumentException) {
            return Status.INVALID_ARGUMENT.withDescription(e.getMessage()).withCause(e).asRuntimeException();
        }
        LOG.log(Level.SEVERE, "apigee provider failure", e);
        return Status.INTERNAL.withDescription("apigee provider bug: " + e).withCause(e).asRuntimeException();
    }
}
