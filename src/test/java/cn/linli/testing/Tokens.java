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
        return Jwt.issuer(DemoIdentity.ISSUER).audience(DemoIdentity.AUDIENCE).subject(subject).groups(Set.of(roles)).issuedAt(past)
                .expiresAt(past.plus(Duration.ofHours(1))).jws().keyId(DemoIdentity.KEY_ID).sign(DemoIdentity.privateKey());
    }

    /** Signed by the trusted key for another issuer. */
    public static String otherIssuer(String subject, String... roles) {
        return Jwt.issuer("https://someone-else.example/issuer").audience(DemoIdentity.AUDIENCE).subject(subject).groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(10)).jws().keyId(DemoIdentity.KEY_ID).sign(DemoIdentity.privateKey());
    }

    /** Claims the right issuer, signed by a key the service does not trust. */
    public static String foreignKey(String subject, String... roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return Jwt.issuer(DemoIdentity.ISSUER).audience(DemoIdentity.AUDIENCE).subject(subject).groups(Set.of(roles))
                    .expiresIn(Duration.ofMinutes(10)).jws().keyId(DemoIdentity.KEY_ID).sign(pair.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The trusted issuer and key, but minted for another client. */
    public static String foreignAudience(String subject, String... roles) {
        return Jwt.issuer(DemoIdentity.ISSUER).audience("another-app").subject(subject).groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(10)).jws().keyId(DemoIdentity.KEY_ID).sign(DemoIdentity.privateKey());
    }

    /** No {@code aud} claim; {@code azp} names the client that asked for it (as Keycloak does). */
    public static String authorizedParty(String azp, String subject, String... roles) {
        return Jwt.issuer(DemoIdentity.ISSUER).claim("azp", azp).subject(subject).groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(10)).jws().keyId(DemoIdentity.KEY_ID).sign(DemoIdentity.privateKey());
    }

    /** Validly signed for this service, without a {@code sub} claim (or with {@code sub} = {@code subject}). */
    public static String withSubjectClaim(String subject, String... roles) {
        var builder = Jwt.issuer(DemoIdentity.ISSUER).audience(DemoIdentity.AUDIENCE).groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(10));
        if (subject != null) {
            builder.subject(subject);
        }
        return builder.jws().keyId(DemoIdentity.KEY_ID).sign(DemoIdentity.privateKey());
    }
}
