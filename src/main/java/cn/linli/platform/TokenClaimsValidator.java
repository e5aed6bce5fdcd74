package cn.linli.platform;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;

/**
 * Claims quarkus-oidc does not check by itself, verified for every token before it becomes an identity (a
 * failure is a 401):
 * <ul>
 * <li>the audience: a token of the trusted issuer minted for another client must not act here. {@code aud}
 * must contain {@code linli.oidc.audience}; a token without {@code aud} is accepted when its authorized party
 * ({@code azp}, which Keycloak sets to the requesting client) is that client;</li>
 * <li>the subject: every action is recorded against {@code sub}, so a token without one is refused.</li>
 * </ul>
 */
@Unremovable
@ApplicationScoped
public class TokenClaimsValidator implements Validator {
    public static final String DEFAULT_AUDIENCE = "linli";

    @ConfigProperty(name = "linli.oidc.audience", defaultValue = DEFAULT_AUDIENCE)
    String audience;

    @Override
    public String validate(JwtContext context) throws MalformedClaimException {
        return problem(context.getJwtClaims(), audience);
    }

    /** Why these claims are refused, or null. */
    static String problem(JwtClaims claims, String audience) throws MalformedClaimException {
        String subject = claims.getClaimValue("sub") instanceof String s ? s : null;
        if (subject == null || subject.isBlank()) {
            return "the token has no subject (sub)";
        }
        if (claims.hasAudience()) {
            List<String> audiences = claims.getAudience();
            return audiences.contains(audience) ? null : "the token is not meant for this service (aud)";
        }
        Object authorizedParty = claims.getClaimValue("azp");
        return audience.equals(authorizedParty) ? null : "the token names no audience (aud) and another client (azp)";
    }
}
