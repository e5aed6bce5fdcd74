package cn.linli.platform;

import cn.linli.common.Language;
import cn.linli.common.Messages;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A request that carries an {@code Authorization} header but did not come out of authentication with a verified
 * identity ({@code Basic …}, an empty bearer, any other scheme) is answered 401: a caller who meant to sign in
 * must not be served, and limited, as someone else. Invalid bearer tokens never get here (quarkus-oidc answers
 * 401 itself); this runs after authentication (priority below {@code SecurityHandlerPriorities.AUTHENTICATION}).
 */
@ApplicationScoped
public class AuthorizationHeaderCheck {
    private static final int AFTER_AUTHENTICATION = 190;

    void register(@Observes Filters filters) {
        filters.register(this::check, AFTER_AUTHENTICATION);
    }

    void check(RoutingContext context) {
        if (context.request().getHeader("Authorization") != null && !hasVerifiedIdentity(context)) {
            Language language = Language.fromAcceptLanguage(context.request().getHeader("Accept-Language"));
            context.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer")
                    .putHeader("Content-Type", "application/json; charset=UTF-8").putHeader("Cache-Control", "no-store")
                    .end(ErrorBodies.graphQLError("UNAUTHENTICATED", Messages.get(language, "error.unauthenticated.scheme")));
            return;
        }
        context.next();
    }

    /** True when authentication produced a verified, non-anonymous identity for this request. */
    static boolean hasVerifiedIdentity(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            return identity != null && !identity.isAnonymous();
        }
        return false;
    }
}
