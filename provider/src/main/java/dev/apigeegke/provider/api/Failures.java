package dev.apigeegke.provider.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns failed calls into messages a user can act on; every message is scrubbed of credentials. */
final class Failures {
    private static final int MAX_DETAIL = 400;
    private static final int MAX_VIOLATIONS = 20;
    /** The shortest secret that is masked: shorter ones are too likely to be part of ordinary text. */
    static final int MIN_SECRET = 8;
    private static final String NOT_IN_WORD_BEFORE = "(?<![\\p{Alnum}])";
    private static final String NOT_IN_WORD_AFTER = "(?![\\p{Alnum}])";
    private static final Pattern SCHEME_AND_TOKEN = Pattern.compile(
            "(?i)" + NOT_IN_WORD_BEFORE + "(bearer|basic)\\s+([A-Za-z0-9._~+/=-]{" + MIN_SECRET + ",})");
    /** Letters, maybe followed by punctuation: a word of a sentence, not a token. */
    private static final Pattern ORDINARY_WORD = Pattern.compile("\\p{Alpha}+[.,;:!?-]*");
    private static final Map<String, String> KINDS = Map.of(
            "apis", "API proxy", "revisions", "revision", "environments", "environment",
            "apiproducts", "API product", "developers", "developer", "apps", "developer app",
            "targetservers", "target server", "keys", "key", "keyvaluemaps", "key value map",
            "entries", "entry");

    private final ApigeeConfig config;
    private final ObjectMapper json;
    /** Secrets of the call at hand besides the configured credentials, e.g. a gateway's key and secret. */
    private final List<String> alsoMasked;

    Failures(ApigeeConfig config, ObjectMapper json) {
        this(config, json, List.of());
    }

    private Failures(ApigeeConfig config, ObjectMapper json, List<String> alsoMasked) {
        this.config = config;
        this.json = json;
        this.alsoMasked = alsoMasked;
    }

    /** These failures, masking {@code secrets} too. */
    Failures masking(String... secrets) {
        List<String> all = new ArrayList<>(alsoMasked);
        all.addAll(List.of(secrets));
        return new Failures(config, json, List.copyOf(all));
    }

    /** The full path of an organization-relative path, as a user would find it in the API reference. */
    String display(String path) {
        return "/organizations/" + config.organization() + path;
    }

    /** The endpoint without any user info, for "check it yourself" hints. */
    String url(String path) {
        URI base = config.baseUrl();
        String port = base.getPort() < 0 ? "" : ":" + base.getPort();
        String basePath = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        return base.getScheme() + "://" + base.getHost() + port + basePath + display(path);
    }

    /** The exception for a final non-2xx answer. */
    ApigeeException of(String method, String path, Transport.Response response, JsonNode requestBody) {
        int status = response.status();
        String call = method + " " + display(path);
        String said = apigeeSaid(response.body());
        String message = switch (status) {
            case 401 -> "HTTP 401 on " + call + ": the credentials were rejected: check apigee:accessToken / "
                    + "apigee:username+password / Application Default Credentials. This call used "
                    + credentialKind() + "." + said;
            case 403 -> "HTTP 403 on " + call + ": the identity lacks permission on organization '"
                    + config.organization() + "': " + roleHint() + said;
            case 404 -> "HTTP 404 on " + call + ": not found: " + subject(path, requestBody)
                    + " (check the organization, environment and names at that path)." + said;
            case 409 -> "HTTP 409 on " + call + ": " + subject(path, requestBody) + " already exists in organization '"
                    + config.organization() + "': import it into the stack with `pulumi import`, or choose another name."
                    + said;
            case 429 -> "HTTP 429 on " + call + ": Apigee is rate limiting this organization, still after "
                    + config.maxAttempts() + " attempts: retry later." + said;
            default -> status >= 500
                    ? "HTTP " + status + " on " + call + ": Apigee is unavailable, still after " + config.maxAttempts()
                    + " attempts: retry later (the Apigee status page shows ongoing incidents)." + said
                    : "HTTP " + status + " on " + call + ": Apigee refused the request." + said;
        };
        return new ApigeeException(status, scrub(message));
    }

    /** No answer at all from {@code url} (shown without user info) after {@code attempts} attempts. */
    ApigeeException noAnswer(String method, String url, boolean timedOut, Exception cause, int attempts) {
        String what = timedOut ? "timed out" : "failed (" + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
        return new ApigeeException(0, scrub(method + " " + url + " " + what
                + (attempts == 1 ? " on its only attempt" : " on all " + attempts + " attempts") + ": check that the base URL is right and reachable from here, then retry later."));
    }

    /**
     * The exception for a final non-2xx answer of the Edge Microgateway services to {@code method url}, made while
     * {@code doing} (e.g. "registering the Edge Microgateway key of environment 'test'") with the configured
     * credentials.
     */
    ApigeeException services(String method, String url, String doing, Transport.Response response) {
        int status = response.status();
        String call = method + " " + url + " (" + doing + ")";
        String message = switch (status) {
            case 401 -> "HTTP 401 on " + call + ": the Edge Microgateway services rejected the credentials: check "
                    + "apigee:accessToken / apigee:username+password. This call used " + credentialKind() + ".";
            case 403 -> "HTTP 403 on " + call + ": the identity lacks permission on organization '"
                    + config.organization() + "': " + roleHint();
            case 404 -> "HTTP 404 on " + call + ": the Edge Microgateway services at "
                    + config.microgatewayServicesUrl() + " know no organization '" + config.organization()
                    + "' with that environment: check apigee:organization, the environment, and "
                    + "apigee:microgatewayServicesUrl (" + ApigeeConfig.DEFAULT_MICROGATEWAY_SERVICES_URL
                    + " for Apigee Edge SaaS, your own microgateway services host on a private cloud).";
            case 429 -> "HTTP 429 on " + call + ": the Edge Microgateway services are rate limiting, still after "
                    + config.maxAttempts() + " attempts: retry later.";
            default -> status >= 500
                    ? "HTTP " + status + " on " + call + ": the Edge Microgateway services are unavailable, still after "
                    + config.maxAttempts() + " attempts: retry later."
                    : "HTTP " + status + " on " + call + ": the Edge Microgateway services refused the request.";
        };
        return new ApigeeException(status, scrub(message + apigeeSaid(response.body())));
    }

    /** A registration that failed in a way that does not tell whether the services carried it out, not sent again. */
    ApigeeException registrationUncertain(ApigeeException failure) {
        return new ApigeeException(failure.status(), scrub(failure.getMessage() + " The services may have registered "
                + "the key anyway, so the provider did not send it again. Such a key is of no use to anyone: its secret "
                + "was never kept. Run `pulumi up` again to register a new key."));
    }

    /** A deployment that Apigee reported as failed. */
    ApigeeException deployFailed(String env, String proxy, int revision, String state, List<String> errors) {
        return new ApigeeException(0, scrub("deploying revision " + revision + " of API proxy '" + proxy
                + "' to environment '" + env + "' failed (state " + state + ")"
                + (errors.isEmpty() ? "" : ": " + String.join("; ", errors))
                + ". Fix the bundle or the environment (e.g. a missing target server or key value map), then run "
                + "`pulumi up` again."));
    }

    /** A deployment that did not become ready in time. */
    ApigeeException deployTimedOut(String env, String proxy, int revision, String lastState, String statusPath) {
        return new ApigeeException(0, scrub("deploying revision " + revision + " of API proxy '" + proxy
                + "' to environment '" + env + "' timed out after " + human(config.deployTimeout())
                + " (last state: " + lastState + "). It may still finish: check it with GET " + url(statusPath)
                + " or in the Apigee UI (API proxies > " + proxy + " > Deployments), then run `pulumi up` again, "
                + "or raise the deploy timeout."));
    }

    /**
     * A create that failed in a way that does not tell whether Apigee carried it out (500, 502, 504, a 503 without
     * {@code Retry-After}), so it was not sent again.
     */
    ApigeeException createFailed(String method, String path, String what, String resource, Transport.Response response) {
        return new ApigeeException(response.status(), scrub("HTTP " + response.status() + " on " + method + " "
                + display(path) + ": " + uncertain(what, resource) + apigeeSaid(response.body())));
    }

    /** A create whose answer never arrived (a timeout): it may have been carried out, so it was not sent again. */
    ApigeeException createNoAnswer(ApigeeException noAnswer, String what, String resource) {
        return new ApigeeException(noAnswer.status(), noAnswer.getMessage() + " " + uncertain(what, resource));
    }

    private String uncertain(String what, String resource) {
        return "Apigee may have created " + what + " anyway, so the provider did not send the create again (a repeat "
                + "could create a second one, or fail as a conflict). Check with GET " + url(resource)
                + ": if it exists, bring it into the stack with `pulumi import` or delete it; then run `pulumi up` again.";
    }

    /** An import that Apigee answered with a server error, and that was not sent again. */
    ApigeeException importNotRepeated(String proxy, String path, Transport.Response response, boolean checked) {
        return new ApigeeException(response.status(), scrub("HTTP " + response.status() + " on POST " + display(path)
                + ": the import failed on Apigee's side." + apigeeSaid(response.body()) + notRepeated(proxy, checked)));
    }

    /** An import that got no answer, and was not sent again. */
    ApigeeException importNoAnswer(String proxy, ApigeeException noAnswer, boolean checked) {
        return new ApigeeException(noAnswer.status(), noAnswer.getMessage() + notRepeated(proxy, checked));
    }

    /** {@code checked}: no revision appeared since the import was sent, so it created none. */
    private String notRepeated(String proxy, boolean checked) {
        return " The import of API proxy '" + proxy + "' was not sent again, because Apigee would take a repeated "
                + "import as another revision. " + (checked
                ? "No new revision of '" + proxy + "' appeared, so running `pulumi up` again is safe."
                : "It may still have created one: check GET " + url("/apis/" + ApigeeClient.segment(proxy) + "/revisions")
                + " and delete a revision that nothing deploys, then run `pulumi up` again.");
    }

    /** After an import that may or may not have happened, more than one new revision appeared: someone else imported too. */
    ApigeeException importAmbiguous(String proxy, int before, List<Integer> revisions) {
        return new ApigeeException(0, scrub("importing API proxy '" + proxy + "' failed on the way back, and since then "
                + "revisions " + revisions + " appeared after revision " + before + ": another client imports too, so "
                + "the provider cannot tell which is this import's. Stop the other import, delete the revisions that "
                + "nothing deploys, then run `pulumi up` again."));
    }

    /** A proxy still refused for deletion after waiting the deploy timeout for its undeployment. */
    ApigeeException undeployUnfinished(String proxy, ApigeeException refusal) {
        return new ApigeeException(refusal.status(), refusal.getMessage() + " The provider waited "
                + human(config.deployTimeout()) + " for the undeployment of API proxy '" + proxy + "' to finish: check "
                + "its deployments in the Apigee UI (API proxies > " + proxy + " > Deployments), undeploy what is left, "
                + "then run the destroy again.");
    }

    /** An answer that could not be read. */
    ApigeeException unreadable(String method, String path, int status, String why, String body) {
        return new ApigeeException(status, scrub(method + " " + display(path) + ": " + why + ": " + clip(body)));
    }

    /** "API proxy 'orders', revision 3 in environment 'test'" from the path, or the name in a POSTed body. */
    String subject(String path, JsonNode requestBody) {
        String[] parts = path.split("\\?", 2)[0].split("/");
        List<String> named = new ArrayList<>();
        String kind = null;
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            String decoded = java.net.URLDecoder.decode(part, StandardCharsets.UTF_8);
            if (kind == null) {
                kind = KINDS.getOrDefault(decoded, decoded);
            } else {
                named.add(kind + " '" + decoded + "'");
                kind = null;
            }
        }
        if (kind != null && requestBody != null) {
            String name = requestBody.path("name").asText(requestBody.path("email").asText(""));
            if (!name.isEmpty()) {
                named.add(kind + " '" + name + "'");
            }
        } else if (kind != null && named.isEmpty()) {
            named.add("the " + kind + " collection");
        }
        return named.isEmpty() ? "organization '" + config.organization() + "'" : String.join(" of ", reverse(named))
                .replace(" of environment '", " in environment '");
    }

    /**
     * Apigee's own error text: X {"error":{"message","details"}}, Edge {"code","message"}, else the raw body. X puts
     * what exactly is wrong in the details: violations of a bundle (file and description), of a precondition
     * (subject and description) or of a request's fields.
     */
    private String apigeeSaid(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text;
        String listed = "";
        try {
            JsonNode node = json.readTree(body);
            if (node.path("error").has("message")) {
                text = node.path("error").path("message").asText();
                listed = violations(node.path("error").path("details"));
            } else if (node.has("message")) {
                text = node.path("message").asText() + (node.has("code") ? " (" + node.path("code").asText() + ")" : "");
            } else {
                text = body;
            }
        } catch (java.io.IOException | RuntimeException notJson) {
            text = body;
        }
        return " Apigee said: " + clip(text.strip()) + listed;
    }

    /** One line per violation in google.rpc.Status details (BadBundle, PreconditionFailure, BadRequest), at most 20. */
    private static String violations(JsonNode details) {
        List<String> lines = new ArrayList<>();
        for (JsonNode detail : details) {
            for (JsonNode v : detail.path("violations")) {
                String where = v.path("filename").asText(v.path("subject").asText(""));
                lines.add((where.isEmpty() ? "" : where + ": ") + v.path("description").asText());
            }
            for (JsonNode v : detail.path("fieldViolations")) {
                lines.add(v.path("field").asText() + ": " + v.path("description").asText());
            }
        }
        StringBuilder out = new StringBuilder();
        lines.stream().limit(MAX_VIOLATIONS).forEach(line -> out.append("\n  - ").append(clip(line)));
        if (lines.size() > MAX_VIOLATIONS) {
            out.append("\n  - and ").append(lines.size() - MAX_VIOLATIONS).append(" more");
        }
        return out.toString();
    }

    private String roleHint() {
        return config.platform() == ApigeePlatform.X
                ? "grant it the Apigee Organization Admin role (roles/apigee.admin) on the organization's Google Cloud "
                + "project, or a narrower role that allows this call (roles/apigee.apiAdminV2 for proxies, products and "
                + "deployments, roles/apigee.developerAdmin for developers and apps)."
                : "give the user the Organization Administrator role in organization '" + config.organization()
                + "' (Admin > Users & Roles), or a custom role that allows this call.";
    }

    private String credentialKind() {
        Credentials c = config.credentials();
        if (c instanceof Credentials.Basic) {
            return "a user name and password (Edge basic auth)";
        }
        if (c instanceof Credentials.Bearer) {
            return "an access token (tokens expire, typically after an hour)";
        }
        return "Application Default Credentials";
    }

    /**
     * Removes anything that could be a credential, whatever Apigee echoed back, without garbling the rest: a secret
     * is masked only where it stands as a whole word (not inside a longer run of letters and digits) and only when
     * it has at least {@value #MIN_SECRET} characters, since a shorter one cannot be told apart from ordinary text
     * (a password {@code api} would turn every {@code apigee} into {@code ***gee}).
     */
    String scrub(String message) {
        List<String> secrets = new ArrayList<>();
        Credentials c = config.credentials();
        if (c instanceof Credentials.Bearer b) {
            secrets.add(b.token());
        } else if (c instanceof Credentials.Basic b) {
            secrets.add(b.password());
            secrets.add(Base64.getEncoder().encodeToString(
                    (b.user() + ":" + b.password()).getBytes(StandardCharsets.UTF_8)));
        }
        secrets.addAll(alsoMasked);
        String out = message;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SECRET) {
                out = Pattern.compile(NOT_IN_WORD_BEFORE + Pattern.quote(secret) + NOT_IN_WORD_AFTER).matcher(out)
                        .replaceAll("***");
            }
        }
        // Covers Application Default Credentials tokens, which this class never sees; "Basic authentication" is a word.
        return SCHEME_AND_TOKEN.matcher(out).replaceAll(m -> ORDINARY_WORD.matcher(m.group(2)).matches()
                ? Matcher.quoteReplacement(m.group()) : m.group(1) + " ***");
    }

    static String human(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + " ms";
        }
        long s = d.toSeconds();
        return s % 60 == 0 ? s / 60 + " min" : s + " s";
    }

    private static String clip(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "…";
    }

    private static List<String> reverse(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
