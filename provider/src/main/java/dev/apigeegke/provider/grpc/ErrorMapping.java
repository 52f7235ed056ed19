package dev.apigeegke.provider.grpc;

import dev.apigeegke.provider.api.ApigeeException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

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
