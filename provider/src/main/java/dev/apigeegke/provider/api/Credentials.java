package dev.apigeegke.provider.api;

/** How the provider authenticates to the management API. Never printed: {@link #toString()} hides values. */
public sealed interface Credentials permits Credentials.Bearer, Credentials.Basic, Credentials.GoogleDefault {
    /** The value of the Authorization header for the next request (may refresh a token). */
    String authorization();

    /** An OAuth bearer token (Edge OAuth, or an X access token). */
    record Bearer(String token) implements Credentials {
        @Override
        public String authorization() {
            return "Bearer " + token;
        }

        @Override
        public String toString() {
            return "Bearer[***]";
        }
    }

    /** Edge user and password (basic auth). */
    record Basic(String user, String password) implements Credentials {
        @Override
        public String authorization() {
            return "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Basic[" + user + ":***]";
        }
    }

    /** Google Application Default Credentials (Apigee X), through Google's auth library. */
    final class GoogleDefault implements Credentials {
        @Override
        public String authorization() {
            throw new UnsupportedOperationException("implemented by the client work");
        }

        @Override
        public String toString() {
            return "GoogleDefault";
        }
    }
}
