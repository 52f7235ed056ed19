package dev.apigeegke.apigee.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import javax.annotation.Nullable;

/**
 * An RSA key pair and a self-signed X.509 certificate of it, generated once by the provider when the resource is
 * created and kept in the state: no update or refresh changes them, and no Apigee call is made.
 *
 * <p>Edge Microgateway's {@code edgemicro-auth} proxy signs its tokens with the private key and serves the
 * certificate as its public key. {@code privateKeyPem} is a secret output from the moment the provider returns it.
 */
@ResourceType(type = "apigee:index:RsaKeyPair")
public class RsaKeyPair extends CustomResource {
    @Export(name = "commonName", refs = {String.class}, tree = "[0]")
    private Output<String> commonName;

    /** The certificate's subject and issuer common name. */
    public Output<String> commonName() {
        return this.commonName;
    }

    @Export(name = "keyBits", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> keyBits;

    /** The RSA key size in bits. */
    public Output<Integer> keyBits() {
        return this.keyBits;
    }

    @Export(name = "validityDays", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> validityDays;

    /** How many days the certificate is valid from its creation. */
    public Output<Integer> validityDays() {
        return this.validityDays;
    }

    @Export(name = "privateKeyPem", refs = {String.class}, tree = "[0]")
    private Output<String> privateKeyPem;

    /** The private key as a PKCS#1 PEM ({@code -----BEGIN RSA PRIVATE KEY-----}); a secret. */
    public Output<String> privateKeyPem() {
        return this.privateKeyPem;
    }

    @Export(name = "publicKeyPem", refs = {String.class}, tree = "[0]")
    private Output<String> publicKeyPem;

    /** The public key as a SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}). */
    public Output<String> publicKeyPem() {
        return this.publicKeyPem;
    }

    @Export(name = "certificatePem", refs = {String.class}, tree = "[0]")
    private Output<String> certificatePem;

    /** The self-signed X.509 certificate of the key, as a PEM ({@code -----BEGIN CERTIFICATE-----}). */
    public Output<String> certificatePem() {
        return this.certificatePem;
    }

    @Export(name = "certificateSha256", refs = {String.class}, tree = "[0]")
    private Output<String> certificateSha256;

    /** The SHA-256 fingerprint of the certificate's DER encoding, in lowercase hex. */
    public Output<String> certificateSha256() {
        return this.certificateSha256;
    }

    @Export(name = "notAfter", refs = {String.class}, tree = "[0]")
    private Output<String> notAfter;

    /** When the certificate expires, in RFC 3339 (UTC). */
    public Output<String> notAfter() {
        return this.notAfter;
    }

    /** Creates an RsaKeyPair with default resource options. */
    public RsaKeyPair(String name, RsaKeyPairArgs args) {
        this(name, args, null);
    }

    /** Creates an RsaKeyPair. */
    public RsaKeyPair(String name, RsaKeyPairArgs args, @Nullable CustomResourceOptions options) {
        super("apigee:index:RsaKeyPair", name, args, makeResourceOptions(options, Codegen.empty()));
    }

    private RsaKeyPair(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        super("apigee:index:RsaKeyPair", name, null, makeResourceOptions(options, id));
    }

    private static CustomResourceOptions makeResourceOptions(@Nullable CustomResourceOptions options, @Nullable Output<String> id) {
        // Every input shapes the key or its certificate (replaceOnChanges in the provider's schema), declared as
        // generated SDKs do.
        var defaultOptions = ApigeePlugin.defaults(List.of("commonName", "keyBits", "validityDays"))
            .additionalSecretOutputs(List.of("privateKeyPem"))
            .build();
        return CustomResourceOptions.merge(defaultOptions, options, id);
    }

    /** Reads the state of an existing RsaKeyPair with the given provider id. */
    public static RsaKeyPair get(String name, Output<String> id, @Nullable CustomResourceOptions options) {
        return new RsaKeyPair(name, id, options);
    }
}
