package dev.apigeegke.provider.resources;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes an RSA key pair and a self-signed certificate of it, in the PEM forms Edge Microgateway keeps in its
 * {@code microgateway} key value map: the private key as PKCS#1 ({@code RSA PRIVATE KEY}, what {@code edgemicro
 * configure} stores and what edgemicro-auth's GenerateJWT policy signs with), the public key as SubjectPublicKeyInfo
 * ({@code PUBLIC KEY}, what its jsrsasign {@code KEYUTIL.getKey} reads for the JWKS), and the certificate. The JDK's
 * own providers generate and sign; BouncyCastle only builds the certificate and writes the PEMs.
 */
final class KeyPairs {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A positive serial of at most 20 octets, as RFC 5280 requires. */
    private static final int SERIAL_BITS = 159;

    /** What {@link #generate} makes; {@code privateKeyPem} is secret material that no message may carry. */
    record Made(String privateKeyPem, String publicKeyPem, String certificatePem, String certificateSha256,
                String notAfter) {
        @Override
        public String toString() {
            return "Made[certificateSha256=" + certificateSha256 + ", notAfter=" + notAfter + "]";
        }
    }

    private KeyPairs() {
    }

    /** A new {@code bits}-bit key pair and a certificate for {@code CN=commonName}, valid {@code days} days from now. */
    static Made generate(String commonName, int bits, int days) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, RANDOM);
            KeyPair pair = generator.generateKeyPair();
            var notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            var notAfter = notBefore.plus(Duration.ofDays(days));
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
            var extensions = new JcaX509ExtensionUtils();
            var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(SERIAL_BITS, RANDOM).add(BigInteger.ONE),
                    Date.from(notBefore), Date.from(notAfter), name, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(pair.getPublic()));
            X509CertificateHolder certificate = builder.build(new JcaContentSignerBuilder("SHA256withRSA")
                    .build(pair.getPrivate()));
            byte[] der = certificate.getEncoded();
            return new Made(pem(pair.getPrivate()), pem(pair.getPublic()), pem(certificate),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)),
                    DateTimeFormatter.ISO_INSTANT.format(notAfter));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            // These name an algorithm or provider, never key material.
            throw new IllegalStateException("cannot generate an RSA key pair and certificate: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the certificate", e);
        }
    }

    private static String pem(Object object) {
        var out = new StringWriter();
        try (var writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a PEM", e);
        }
        return out.toString();
    }
}
