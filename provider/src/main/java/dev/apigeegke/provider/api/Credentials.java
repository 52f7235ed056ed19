package dev.apigeegke.provider.api;

/** How the provider authenticates to the management API. Never printed: each kind's {@code toString()} hides the values. */
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

    /**
     * Google Application Default Credentials (Apigee X), through Google's auth library. Nothing is loaded
     * until the first request, and the token is refreshed when it is about to expire.
     */
    final class GoogleDefault implements Credentials {
        /** The scope the management API needs. */
        public static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

        private com.google.auth.oauth2.GoogleCredentials google;

        @Override
        public synchronized String authorization() {
            try {
                if (google == null) {
                    google = com.google.auth.oauth2.GoogleCredentials.getApplicationDefault()
                            .createScoped(java.util.List.of(SCOPE));
                }
                google.refreshIfExpired();
                var token = google.getAccessToken();
                if (token == null) {
                    google.refresh();
                    token = google.getAccessToken();
                }
                return "Bearer " + token.getTokenValue();
            } catch (java.io.IOException e) {
                // The library's message names the missing file or the failed refresh, never a token.
                throw new ApigeeException(401, "could not get a token from Application Default Credentials ("
                        + e.getMessage() + "): run `gcloud auth application-default login`, set "
                        + "GOOGLE_APPLICATION_CREDENTIALS to a service account key file, or set apigee:accessToken");
            }
        }

        @Override
        public String toString() {
            return "GoogleDefault";
        }
    }
}
