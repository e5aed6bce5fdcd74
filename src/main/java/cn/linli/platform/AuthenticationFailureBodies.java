package cn.linli.platform;

import cn.linli.common.Language;
import cn.linli.common.Messages;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A bearer token that does not verify (expired, foreign, garbled) is answered 401 by quarkus-oidc with its
 * {@code WWW-Authenticate: Bearer} challenge and an empty body. This failure handler keeps the status and the
 * challenge and adds the body a client can read: a GraphQL error with code UNAUTHENTICATED on {@code /graphql},
 * {@code {"code", "message"}} on the REST endpoints (as Quarkus's proactive authentication documents).
 */
@ApplicationScoped
public class AuthenticationFailureBodies {
    void register(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    void handle(RoutingContext context) {
        if (!(context.failure() instanceof AuthenticationFailedException) || context.response().ended()) {
            context.next();
            return;
        }
        Language language = Language.fromAcceptLanguage(context.request().getHeader("Accept-Language"));
        String message = Messages.get(language, "error.unauthenticated");
        boolean graphql = context.normalizedPath().startsWith("/graphql");
        if (context.response().getStatusCode() != 401) {
            context.response().setStatusCode(401);
        }
        if (context.response().headers().get("WWW-Authenticate") == null) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
        }
        context.response().putHeader("Content-Type", graphql ? GraphQLHttpExecutor.responseType(context) : "application/json; charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                .end(graphql ? ErrorBodies.graphQLError("UNAUTHENTICATED", message) : ErrorBodies.restError("UNAUTHENTICATED", message));
    }
}
