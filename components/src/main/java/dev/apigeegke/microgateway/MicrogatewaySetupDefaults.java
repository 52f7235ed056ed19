package dev.apigeegke.microgateway;

/** The defaults of {@link MicrogatewaySetup}: what {@code edgemicro configure} creates, each documented and tested. */
final class MicrogatewaySetupDefaults {
    /** The key value map edgemicro-auth reads its signing key from ({@code edge_config.vaultName}). */
    static final String VAULT = MicrogatewayDefaults.VAULT_NAME;
    /** The key id of the one signing key, as configure writes it beside the keys. */
    static final String KEY_ID = "1";
    /** How a runtime base URL template names the organization and the environment. */
    static final String ORG = "{org}";
    static final String ENV = "{env}";
    /** Edge cloud's virtual host of an environment, which serves edgemicro-auth. */
    static final String RUNTIME_BASE_URL = "https://" + ORG + "-" + ENV + ".apigee.net";

    private MicrogatewaySetupDefaults() {
    }

    /** The signing certificate's common name for an environment. */
    static String commonName(String organization, String environment) {
        return "edgemicro-auth " + organization + "-" + environment;
    }

    /** {@code template} with the organization and environment filled in. */
    static String runtimeBaseUrl(String template, String organization, String environment) {
        return template.replace(ORG, organization).replace(ENV, environment);
    }
}
