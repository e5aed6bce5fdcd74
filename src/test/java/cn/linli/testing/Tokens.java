package cn.linli.testing;

import cn.linli.platform.DemoIdentity;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Real signed tokens, as an OIDC provider would issue them. */
public final class Tokens {
    private Tokens() {
    }

    public static String of(String subject, String... roles) {
        return DemoIdentity.token(subject, Set.of(roles), Duration.ofMinutes(10));
    }

    /** Signed by the trusted key, but expired an hour ago. */
    public static String expired(String subject, String... roles) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return Jwt.issuer(DemoIdentity.ISSUER).subject(subject).groups(Set.of(roles)).issuedAt(past)
                .expiresAt(past.plus(Duration.ofHours(1))).jws().keyId(DemoIdentity.KEY_ID).sign(DemoIdentity.privateKey());
    }

    /** Signed by the trusted key for another issuer. */
    public static String otherIssuer(String subject, String... roles) {
        return Jwt.issuer("https://someone-else.example/issuer").subject(subject).groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(10)).jws().keyId(DemoIdentity.KEY_ID).sign(DemoIdentity.privateKey());
    }

    /** Claims the right issuer, signed by a key the service does not trust. */
    public static String foreignKey(String subject, String... roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return Jwt.issuer(DemoIdentity.ISSUER).subject(subject).groups(Set.of(roles))
                    .expiresIn(Duration.ofMinutes(10)).jws().keyId(DemoIdentity.KEY_ID).sign(pair.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
