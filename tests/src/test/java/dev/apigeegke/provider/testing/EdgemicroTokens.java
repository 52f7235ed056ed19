package dev.apigeegke.provider.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The tokens edgemicro-auth's GenerateJWT policies (Generate-VerifyKey-Token, Generate-Access-Token) sign: RS256 with
 * the {@code private_key} of the environment's {@code microgateway} key value map, its {@code private_key_kid} as the
 * header's {@code kid}, audience {@code microgateway}, issued and valid from now (whole seconds) for 30 minutes.
 */
final class EdgemicroTokens {
    /** {@code <ExpiresIn ref="token_expiry">1800000</ExpiresIn>}: milliseconds, so 30 minutes. */
    static final long EXPIRES_IN_SECONDS = 1800;
    static final String AUDIENCE = "microgateway";

    private EdgemicroTokens() {
    }

    /**
     * The token with {@code claims} added to the standard ones, issued by {@code issuer} at {@code now}; empty when
     * {@code privateKeyPem} is not an RSA private key in PEM (PKCS#1 {@code RSA PRIVATE KEY}, which
     * {@code edgemicro configure} stores, or PKCS#8 {@code PRIVATE KEY}).
     */
    static Optional<String> sign(String privateKeyPem, String kid, Map<String, Object> claims, String issuer, Instant now) {
        PrivateKey key = privateKey(privateKeyPem);
        if (key == null) {
            return Optional.empty();
        }
        Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
        var builder = new JWTClaimsSet.Builder().audience(AUDIENCE).issuer(issuer).issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued)).expirationTime(Date.from(issued.plusSeconds(EXPIRES_IN_SECONDS)));
        claims.forEach(builder::claim);
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build();
        var jwt = new SignedJWT(header, builder.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            return Optional.empty();
        }
        return Optional.of(jwt.serialize());
    }

    private static PrivateKey privateKey(String pem) {
        if (pem == null) {
            return null;
        }
        try (var parser = new PEMParser(new StringReader(pem))) {
            Object read = parser.readObject();
            var converter = new JcaPEMKeyConverter();
            if (read instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            return read instanceof PrivateKeyInfo info ? converter.getPrivateKey(info) : null;
        } catch (IOException notPem) {
            return null;
        }
    }
}
