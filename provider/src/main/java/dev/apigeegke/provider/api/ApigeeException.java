package dev.apigeegke.provider.api;

/**
 * A management API call failed. The message says what happened and what to do (e.g. a 401 says to check
 * the credentials config), and never contains a credential.
 */
public final class ApigeeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public ApigeeException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }
}
