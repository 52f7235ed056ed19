package dev.apigeegke.provider.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Edge Microgateway services' calls that {@code edgemicro configure} and {@code edgemicro revokekeys} make for a
 * gateway's key and secret (Apigee Edge only): registration with the provider's credentials, the region asked with
 * the key and secret themselves, and revocation on the regional host. These endpoints are not part of the published
 * management API. Every message this class lets out is scrubbed of the key and secret as well as the credentials.
 */
public final class MicrogatewayServices {
    private static final String JSON = "application/json";
    /** A host name or address, with an optional port: what the region answer may name as the regional host. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?");

    private final ApigeeConfig config;
    private final Transport transport;
    private final Failures failures;
    private final ObjectMapper json = new ObjectMapper();

    MicrogatewayServices(ApigeeConfig config, Transport transport, Failures failures) {
        this.config = config;
        this.transport = transport;
        this.failures = failures;
    }

    /**
     * Where the region answer says the organization's gateways call.
     *
     * @param region the region, e.g. {@code us-east-1}
     * @param host   the regional services host, e.g. {@code edgemicroservices-us-east-1.apigee.net}
     */
    public record Region(String region, String host) {
    }

    /** The configured services base, {@code apigee:microgatewayServicesUrl}. */
    public URI servicesUrl() {
        return config.microgatewayServicesUrl();
    }

    /**
     * The regional base URL of {@code host}: the configured base's scheme, {@code ://} and the host, which the gateway
     * config's bootstrap and analytics URLs start with.
     */
    public URI regionalUrl(String host) {
        return URI.create(servicesUrl().getScheme() + "://" + host);
    }

    /**
     * Registers {@code key} and {@code secret} for environment {@code env} with the configured credentials. Sent again
     * only where the services cannot have carried it out ({@link Transport.RetryRule#CREATE}); a repeat that answers
     * 409 found the key its earlier attempt registered (a random key is no one else's), which is taken as done.
     */
    public void register(String env, String key, String secret) {
        var masking = failures.masking(key, secret);
        var url = credentialUrl(servicesUrl(), env);
        var doing = "registering the Edge Microgateway key of environment '" + env + "'";
        var body = new LinkedHashMap<String, String>();
        body.put("key", key);
        body.put("secret", secret);
        var attempts = new Object() {
            boolean repeated;
            /** The last attempt may have reached the services (a timeout), unlike a connection never made. */
            boolean uncertain;
        };
        Transport.Response response;
        try {
            response = transport.send("POST", url, shown(url), shown(url), BodyPublishers.ofByteArray(bytes(body)),
                    JSON, null, (answer, error) -> {
                        boolean again = Transport.RetryRule.CREATE.retry(answer, error);
                        attempts.repeated |= again;
                        attempts.uncertain = answer == null && !again;
                        return again;
                    });
        } catch (ApigeeException noAnswer) {
            var failure = unanswered(masking, noAnswer);
            throw attempts.uncertain ? masking.registrationUncertain(failure) : failure;
        }
        if (response.ok() || response.status() == 409 && attempts.repeated) {
            return;
        }
        var failure = masking.services("POST", shown(url), doing, response);
        throw response.status() >= 500 && !Transport.RetryRule.CREATE.retry(response, null)
                ? masking.registrationUncertain(failure) : failure;
    }

    /** The organization's region and regional host, asked with the gateway's own key and secret (Basic auth). */
    public Region region(String env, String key, String secret) {
        var masking = failures.masking(key, secret);
        var url = below(servicesUrl(), "region", env);
        var doing = "asking the region of organization '" + config.organization() + "' with the key just registered";
        var basic = "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
        Transport.Response response;
        try {
            response = transport.send("GET", url, shown(url), shown(url), BodyPublishers.noBody(), null, basic,
                    Transport.RetryRule.ALWAYS);
        } catch (ApigeeException noAnswer) {
            throw unanswered(masking, noAnswer);
        }
        if (response.status() == 401) {
            throw new ApigeeException(401, masking.scrub("HTTP 401 on GET " + shown(url) + " (" + doing + "): the Edge "
                    + "Microgateway services did not accept the key they had just registered; retry later."));
        }
        if (!response.ok()) {
            throw masking.services("GET", shown(url), doing, response);
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body() == null ? "" : response.body());
        } catch (JsonProcessingException e) {
            answer = null;
        }
        var region = answer == null ? "" : answer.path("region").asText("");
        var host = answer == null ? "" : answer.path("host").asText("");
        if (region.isEmpty() || !HOST.matcher(host).matches()) {
            // The host becomes where the credentials go next (the revocation): only a plain host name is taken.
            throw new ApigeeException(response.status(), masking.scrub("GET " + shown(url) + " (" + doing + ") answered no "
                    + "region and host name, as {\"region\": \"us-east-1\", \"host\": \"edgemicroservices-us-east-1.apigee.net\"}"
                    + ", but: " + clip(response.body())));
        }
        return new Region(region, host);
    }

    /**
     * Revokes {@code key} of environment {@code env} with the configured credentials: {@code DELETE} on the services
     * at {@code base} (the regional base URL) with the key in the body. Already gone (404) is not an error.
     */
    public void revoke(URI base, String env, String key) {
        var masking = failures.masking(key);
        var url = credentialUrl(base, env);
        Transport.Response response;
        try {
            response = transport.send("DELETE", url, shown(url), shown(url),
                    BodyPublishers.ofByteArray(bytes(Map.of("key", key))), JSON, null, Transport.RetryRule.ALWAYS);
        } catch (ApigeeException noAnswer) {
            throw unanswered(masking, noAnswer);
        }
        if (!response.ok() && response.status() != 404) {
            throw masking.services("DELETE", shown(url), "revoking the Edge Microgateway key of environment '"
                    + env + "'", response);
        }
    }

    /** A call that got no answer, naming the setting its URL comes from. */
    private static ApigeeException unanswered(Failures masking, ApigeeException noAnswer) {
        return new ApigeeException(noAnswer.status(), masking.scrub(noAnswer.getMessage()
                + " The Edge Microgateway services' URL comes from apigee:microgatewayServicesUrl (default "
                + ApigeeConfig.DEFAULT_MICROGATEWAY_SERVICES_URL + ") and, for a revocation, the region it answered."));
    }

    /** The URL as messages show it: without any user info. */
    private static String shown(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + url.getRawPath();
    }

    private URI credentialUrl(URI base, String env) {
        return below(base, "credential", env);
    }

    /** {@code base/edgemicro/{what}/organization/{org}/environment/{env}}, keeping any path the base has. */
    private URI below(URI base, String what, String env) {
        return URI.create(base.toString().replaceAll("/+$", "") + "/edgemicro/" + what + "/organization/"
                + ApigeeClient.segment(config.organization()) + "/environment/" + ApigeeClient.segment(env));
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON body", e);
        }
    }

    private static String clip(String text) {
        var oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
