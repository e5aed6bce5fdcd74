package cn.linli.common;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Who is calling, from the verified OIDC access token: the subject and the roles. What the subject may touch
 * beyond its roles (organizations, jurisdiction) lives in the database; see {@code identity.Access}.
 */
@RequestScoped
public class Caller {
    public static final String RESIDENT = "resident";
    public static final String ORG_STAFF = "org_staff";
    public static final String OFFICIAL = "gov_official";
    public static final String EVALUATOR = "evaluator";
    public static final String ADMIN = "admin";
    /** 社区工作者 / 网格员: serves the residents of the communities or grids they are appointed to. */
    public static final String COMMUNITY_WORKER = "community_worker";

    @Inject
    SecurityIdentity identity;

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    /** The token's subject; UNAUTHENTICATED without a token. */
    public String subject() {
        requireAuthenticated();
        return identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return isAuthenticated() && identity.hasRole(role);
    }

    public void requireAuthenticated() {
        if (!isAuthenticated()) {
            throw new UnauthenticatedException("error.unauthenticated");
        }
    }

    /** UNAUTHENTICATED without a token, FORBIDDEN without any of the roles; returns the first of them held. */
    public String requireAnyRole(String... roles) {
        requireAuthenticated();
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return role;
            }
        }
        throw new ForbiddenException("error.role", String.join(" | ", roles));
    }

    /** UNAUTHENTICATED without a token, FORBIDDEN without the role; returns the role acted in. */
    public String requireRole(String role) {
        requireAuthenticated();
        if (!identity.hasRole(role)) {
            throw new ForbiddenException("error.role", role);
        }
        return role;
    }
}
