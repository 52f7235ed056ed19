package dev.apigeegke.provider.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import dev.apigeegke.provider.api.ApigeeException;
import dev.apigeegke.provider.resources.ResourceHandler;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import pulumirpc.Provider.ErrorResourceInitFailed;

/** Answers a call with its result, or with the gRPC status its failure maps to. */
final class ErrorMapping {
    private static final Logger LOG = Logger.getLogger(ApigeeProvider.class.getName());

    private ErrorMapping() {
    }

    /** Runs {@code body} and answers with its result, or with the gRPC error its failure maps to. */
    static <T> void reply(StreamObserver<T> out, Supplier<T> body) {
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

    /**
     * A create or update that changed Apigee and then failed, as the engine takes it: {@code failure}'s status,
     * carrying an {@code ErrorResourceInitFailed} with the resource's id and properties. The engine keeps those in the
     * state (the resource exists) and shows the failure; its next update continues from them.
     */
    static StatusRuntimeException initFailed(String id, Struct properties, RuntimeException failure) {
        var status = toStatus(failure).getStatus();
        var description = status.getDescription() == null ? String.valueOf(failure) : status.getDescription();
        var detail = ErrorResourceInitFailed.newBuilder().setId(id).setProperties(properties).addReasons(description).build();
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder().setCode(status.getCode().value())
                .setMessage(description).addDetails(Any.pack(detail)).build());
    }

    /**
     * A create that would take over what exists on Apigee: ALREADY_EXISTS, with the {@code pulumi import} command
     * for the resource at {@code urn} ({@code urn:pulumi:stack::project::[parent$]type::name}).
     */
    static StatusRuntimeException alreadyOnApigee(ResourceHandler.AlreadyOnApigee e, String token, String urn) {
        var parts = urn.split("::");
        var name = parts.length >= 4 ? parts[parts.length - 1] : "<resource name>";
        // A child's parent URN is not in its own URN; the stack lists it.
        var parent = parts.length >= 3 && parts[2].contains("$")
                ? " --parent <parent name>=<the parent's URN, from `pulumi stack --show-urns`>" : "";
        return Status.ALREADY_EXISTS.withDescription(e.getMessage() + " To manage it with this stack, import it: `pulumi import "
                + token + " " + name + " " + e.id() + parent + "`; or " + e.optIn() + ".").asRuntimeException();
    }

    /**
     * The status the engine shows for {@code e}: Apigee's HTTP status as its gRPC equivalent, invalid arguments as
     * INVALID_ARGUMENT, anything else as an INTERNAL provider bug (logged with its stack trace).
     */
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
