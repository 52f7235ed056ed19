package dev.apigeegke.microgateway;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An organization's edgemicro-auth key as {@code edgemicro configure} stores it in the environment's
 * {@code microgateway} key value map: a 2048-bit RSA key, its private half as PKCS#1 PEM, a self-signed X.509
 * certificate of it (the {@code public_key} the gateway downloads) and its public half as PEM.
 *
 * @param privateKeyPem  {@code private_key}
 * @param certificatePem {@code public_key}
 * @param publicKeyPem   {@code public_key1}
 */
record GatewayKeyPair(String privateKeyPem, String certificatePem, String publicKeyPem) {
    /** A new key pair and certificate (valid for a day from an hour ago, so clocks a little apart agree). */
    static GatewayKeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            var subject = new X500Name("CN=microgateway");
            var certificate = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
            return new GatewayKeyPair(pem(keys.getPrivate()), pem(certificate), pem(keys.getPublic()));
        } catch (NoSuchAlgorithmException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make an RSA key and certificate", e);
        }
    }

    /** The entries of the {@code microgateway} key value map, as {@code edgemicro configure} writes them. */
    Map<String, String> entries() {
        var entries = new LinkedHashMap<String, String>();
        entries.put("private_key", privateKeyPem);
        entries.put("public_key", certificatePem);
        entries.put("public_key1", publicKeyPem);
        entries.put("private_key_kid", "1");
        entries.put("public_key1_kid", "1");
        return entries;
    }

    private static String pem(Object object) {
        var out = new StringWriter();
        try (var writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
