package cn.linli.platform;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

/**
 * The demo identity provider of the embedded default: RS256 tokens signed with a key pair shipped for demos
 * and tests only. The service verifies them exactly as it verifies a real issuer's tokens (quarkus-oidc,
 * signature, issuer, audience, expiry); it trusts this key only when no real OIDC issuer is configured.
 */
public final class DemoIdentity {
    public static final String ISSUER = "https://linli.demo/issuer";
    public static final String KEY_ID = "linli-demo";
    /** The audience the demo tokens are minted for: the service's default client id. */
    public static final String AUDIENCE = TokenClaimsValidator.DEFAULT_AUDIENCE;

    private DemoIdentity() {
    }

    /** The public key as quarkus.oidc.public-key wants it: base64 of the DER, no PEM armour. */
    public static String publicKey() {
        return read("demo/oidc-public-key.pem").replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    public static PrivateKey privateKey() {
        try {
            return KeyUtils.decodePrivateKey(read("demo/oidc-private-key.pem"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The demo signing key is unreadable", e);
        }
    }

    /** A token for {@code subject} holding {@code roles} in the standard groups claim. */
    public static String token(String subject, Set<String> roles, Duration lifetime) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).groups(roles).expiresIn(lifetime)
                .jws().keyId(KEY_ID).sign(privateKey());
    }

    private static String read(String resource) {
        try (InputStream in = DemoIdentity.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
