package dev.apigeegke.provider.grpc;

import static dev.apigeegke.provider.grpc.ProviderHarness.isSecret;
import static dev.apigeegke.provider.grpc.ProviderHarness.plain;
import static dev.apigeegke.provider.grpc.ProviderHarness.str;
import static dev.apigeegke.provider.grpc.ProviderHarness.struct;
import static dev.apigeegke.provider.grpc.ProviderHarness.unknown;
import static dev.apigeegke.provider.grpc.ProviderHarness.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pulumirpc.Provider.DiffResponse.DiffChanges;

/**
 * {@code apigee:index:RsaKeyPair} through the calls of a stack's life over gRPC: a key pair and its self-signed
 * certificate are made once, readable by other implementations in the forms Edge Microgateway keeps them, and then
 * kept as they are by every update and refresh; no call reaches Apigee.
 */
@ExtendWith(ConformanceExtension.class)
class RsaKeyPairLifecycleTest {
    static final String RSA = "apigee:index:RsaKeyPair";

    private ProviderHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private Struct inputs(Object... extra) {
        return h.checked(RSA, with(struct("commonName", "acme-test"), extra));
    }

    /** The private key as the PKCS#1 PEM it must be; fails unless it is one. */
    static PrivateKey privateKey(String pem) throws IOException {
        assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----\n").contains("-----END RSA PRIVATE KEY-----");
        try (var parser = new PEMParser(new StringReader(pem))) {
            var parsed = parser.readObject();
            assertThat(parsed).as("a PKCS#1 key pair").isInstanceOf(PEMKeyPair.class);
            return new JcaPEMKeyConverter().getPrivateKey(((PEMKeyPair) parsed).getPrivateKeyInfo());
        }
    }

    /** The public key of a SubjectPublicKeyInfo PEM, read by the JDK alone. */
    static PublicKey publicKey(String pem) throws Exception {
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").contains("-----END PUBLIC KEY-----");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
    }

    /** The certificate of a PEM, read by the JDK alone. */
    static X509Certificate certificate(String pem) throws Exception {
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n");
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    @Test
    void makesAKeyPairAndACertificateOfItThatOtherImplementationsReadAndThatSignTokens() throws Exception {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var inputs = inputs();
        assertThat(plain(inputs)).containsEntry("keyBits", 2048.0).containsEntry("validityDays", 3650.0);
        var created = h.create(RSA, inputs, false);
        var out = created.getProperties();
        assertThat(out.getFieldsMap()).containsOnlyKeys("commonName", "keyBits", "validityDays", "privateKeyPem",
                "publicKeyPem", "certificatePem", "certificateSha256", "notAfter");
        assertThat(isSecret(out.getFieldsOrThrow("privateKeyPem"))).isTrue();
        assertThat(List.of("publicKeyPem", "certificatePem", "certificateSha256", "notAfter"))
                .allSatisfy(k -> assertThat(isSecret(out.getFieldsOrThrow(k))).as(k).isFalse());

        var privateKey = (RSAPrivateCrtKey) privateKey(str(out, "privateKeyPem"));
        var publicKey = (RSAPublicKey) publicKey(str(out, "publicKeyPem"));
        var certificate = certificate(str(out, "certificatePem"));
        assertThat(publicKey.getModulus().bitLength()).isEqualTo(2048);
        assertThat(privateKey.getModulus()).isEqualTo(publicKey.getModulus());
        assertThat(certificate.getPublicKey()).isEqualTo(publicKey);
        certificate.verify(publicKey); // self-signed: its own key signed it
        assertThat(certificate.getSubjectX500Principal()).isEqualTo(new X500Principal("CN=acme-test"))
                .isEqualTo(certificate.getIssuerX500Principal());
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())))
                .isEqualTo(str(out, "certificateSha256"));
        assertThat(Instant.parse(str(out, "notAfter"))).isEqualTo(certificate.getNotAfter().toInstant());
        assertThat(Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(3650));
        assertThat(certificate.getNotBefore().toInstant()).isBetween(Instant.now().minusSeconds(600), Instant.now());

        // What edgemicro-auth signs with the private key, the gateway checks with the certificate's key.
        var signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update("header.payload".getBytes(StandardCharsets.US_ASCII));
        var verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate);
        verifier.update("header.payload".getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(signer.sign())).isTrue();
        assertThat(h.apigee.requests()).as("no Apigee call").isEmpty();
    }

    @Test
    void takesTheKeySizeAndValidityGiven() throws Exception {
        h = ProviderHarness.configured(ApigeePlatform.X);
        var out = h.create(RSA, inputs("keyBits", 3072, "validityDays", 30), false).getProperties();
        assertThat(((RSAPublicKey) publicKey(str(out, "publicKeyPem"))).getModulus().bitLength()).isEqualTo(3072);
        assertThat(((RSAPrivateCrtKey) privateKey(str(out, "privateKeyPem"))).getModulus().bitLength()).isEqualTo(3072);
        var certificate = certificate(str(out, "certificatePem"));
        assertThat(Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(30));
        assertThat(plain(out)).containsEntry("keyBits", 3072.0).containsEntry("validityDays", 30.0);
    }

    @Test
    void twoKeyPairsShareNothing() throws Exception {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var first = h.create(RSA, inputs(), false);
        var second = h.create(RSA, inputs(), false);
        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(str(second.getProperties(), "privateKeyPem")).isNotEqualTo(str(first.getProperties(), "privateKeyPem"));
        assertThat(certificate(str(second.getProperties(), "certificatePem")).getSerialNumber())
                .isNotEqualTo(certificate(str(first.getProperties(), "certificatePem")).getSerialNumber());
    }

    /** Property → reason of every failure of Check. */
    private Map<String, String> failures(Struct news) {
        var out = new TreeMap<String, String>();
        h.check(RSA, news).getFailuresList().forEach(f -> out.merge(f.getProperty(), f.getReason(), (a, b) -> a + " | " + b));
        return out;
    }

    @Test
    void checkRefusesAnotherKeySizeAndAValidityOutOfRangeNamingTheArgumentTheValueAndTheFix() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        assertThat(failures(struct("commonName", "acme-test", "keyBits", 1024, "validityDays", 0))).containsExactly(
                Map.entry("keyBits", "'keyBits' must be 2048, 3072 or 4096, got 1024: remove it (it defaults to 2048) or "
                        + "set one of those sizes"),
                Map.entry("validityDays", "'validityDays' must be a number of days from 1 to 36500, got 0: remove it (it "
                        + "defaults to 3650, about ten years) or set a number in that range"));
        assertThat(failures(struct("commonName", "acme-test", "validityDays", 36501))).containsOnlyKeys("validityDays");
        assertThat(failures(struct("commonName", "acme-test", "keyBits", 2048.5))).containsOnlyKeys("keyBits");
        assertThat(failures(struct("keyBits", 4096, "validityDays", 36500))).containsOnlyKeys("commonName");
        assertThat(failures(struct("commonName", " acme"))).containsOnlyKeys("commonName");
        assertThat(failures(struct("commonName", "acme-test", "keyBits", 4096, "validityDays", 1))).isEmpty();
    }

    @Test
    void theKeysStayThroughANoOpUpAnUpdateAndARefresh() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var inputs = inputs();
        var created = h.create(RSA, inputs, false);
        var out = created.getProperties();
        assertThat(h.diff(RSA, created.getId(), out, inputs, inputs()).getChanges()).isEqualTo(DiffChanges.DIFF_NONE);
        var updated = h.update(RSA, created.getId(), out, inputs, false).getProperties();
        assertThat(plain(updated)).isEqualTo(plain(out));
        assertThat(isSecret(updated.getFieldsOrThrow("privateKeyPem"))).isTrue();
        var read = h.read(RSA, created.getId(), out, inputs);
        assertThat(read.getId()).isEqualTo(created.getId());
        assertThat(plain(read.getProperties())).isEqualTo(plain(out));
        assertThat(isSecret(read.getProperties().getFieldsOrThrow("privateKeyPem"))).isTrue();
        assertThat(h.diff(RSA, created.getId(), read.getProperties(), read.getInputs(), inputs).getChanges())
                .isEqualTo(DiffChanges.DIFF_NONE);
        h.delete(RSA, created.getId(), out);
        assertThat(h.apigee.requests()).as("no Apigee call").isEmpty();
    }

    @Test
    void everyInputReplacesTheKeyPair() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var inputs = inputs();
        var created = h.create(RSA, inputs, false);
        for (var change : List.of(List.<Object>of("commonName", "acme-prod"), List.<Object>of("keyBits", 4096),
                List.<Object>of("validityDays", 365))) {
            var changed = h.checked(RSA, with(inputs, change.get(0), change.get(1)));
            var diff = h.diff(RSA, created.getId(), created.getProperties(), inputs, changed);
            assertThat(diff.getReplacesList()).as(change.toString()).containsExactly((String) change.get(0));
        }
    }

    @Test
    void aPreviewShowsTheKeysUnknownAndMakesNoCall() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var preview = h.create(RSA, inputs(), true).getProperties();
        for (var k : List.of("privateKeyPem", "publicKeyPem", "certificatePem", "certificateSha256", "notAfter")) {
            assertThat(ProviderHarness.revealed(preview.getFieldsOrThrow(k)).getStringValue()).as(k)
                    .isEqualTo(ProviderHarness.UNKNOWN);
        }
        assertThat(plain(preview)).containsEntry("commonName", "acme-test").containsEntry("keyBits", 2048.0);
        var computed = h.create(RSA, h.checked(RSA, struct("commonName", unknown())), true).getProperties();
        assertThat(computed.getFieldsOrThrow("commonName").getStringValue()).isEqualTo(ProviderHarness.UNKNOWN);
        assertThat(computed.getFieldsOrThrow("certificatePem").getStringValue()).isEqualTo(ProviderHarness.UNKNOWN);
        assertThat(h.apigee.requests()).isEmpty();
    }

    @Test
    void anImportIsRefusedSinceThePrivateKeyIsNowhereToBeRead() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var e = ProviderHarness.failure(() -> h.read(RSA, "some-id", Struct.getDefaultInstance(), Struct.getDefaultInstance()));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(e.getStatus().getDescription()).contains("cannot be imported")
                .contains("exists only in the state of the stack that created it");
    }
}
