package cn.linli.platform;

import cn.linli.common.Language;
import cn.linli.common.Messages;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In front of SmallRye GraphQL on /graphql: a request whose body is not JSON or whose query does not parse
 * gets an error with {@code extensions.code = VALIDATION} and a readable message (SmallRye alone answers
 * "Unparseable input document" without a code). Queries that parsed once are remembered, so the common case
 * costs a map lookup.
 */
@ApplicationScoped
public class GraphQLRequestGate {
    private static final int REMEMBERED = 10_000;
    private static final int REMEMBERED_LENGTH = 8 * 1024;
    private final Map<String, Boolean> parsed = new ConcurrentHashMap<>();

    private static final java.util.regex.Pattern MUTATION = java.util.regex.Pattern.compile("^\\s*(#[^\\n]*\\n\\s*)*mutation\\b");

    @jakarta.inject.Inject
    AnonymousRateLimiter limiter;

    /** The same token limit SmallRye applies, so that a query over it is refused here, with a code. */
    @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens", defaultValue = "15000")
    int maxTokens;

    void register(@Observes Router router) {
        router.route("/graphql").order(-100).handler(BodyHandler.create().setBodyLimit(256 * 1024)).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpMethod method = context.request().method();
        if (isWebSocketUpgrade(context)) {
            context.next(); // subscriptions: authorized by the token on the upgrade request
            return;
        }
        if (method != HttpMethod.GET && method != HttpMethod.POST) {
            context.response().putHeader("Allow", "GET, POST");
            reject(context, 405, Messages.get(language(context), "error.request.method"), "VALIDATION");
            return;
        }
        if (isAnonymous(context) && !limiter.tryAcquire(clientOf(context))) {
            context.response().putHeader("Retry-After", String.valueOf(limiter.retryAfterSeconds()));
            reject(context, 429, Messages.get(language(context), "error.rateLimited"), "RATE_LIMITED");
            return;
        }
        String query;
        if (method == HttpMethod.POST) {
            String contentType = context.request().getHeader("Content-Type");
            if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
                context.next(); // application/graphql and others: SmallRye's own handling
                return;
            }
            try {
                JsonObject body = context.body().asJsonObject();
                query = body == null ? null : body.getValue("query") instanceof String q ? q : null;
            } catch (DecodeException | ClassCastException e) {
                reject(context, 400, Messages.get(language(context), "error.request.notJson"), "VALIDATION");
                return;
            }
        } else {
            query = context.request().getParam("query");
        }
        if (method == HttpMethod.GET && query != null && MUTATION.matcher(query).find()) {
            // GraphQL over HTTP: GET is for queries only (mutations must not be cacheable or triggered by links)
            context.response().putHeader("Allow", "POST");
            reject(context, 405, Messages.get(language(context), "error.request.mutationByGet"), "VALIDATION");
            return;
        }
        if (query == null || parsed.containsKey(query)) {
            context.next();
            return;
        }
        try {
            new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(ParserOptions.getDefaultOperationParserOptions().transform(o -> o.maxTokens(maxTokens)))
                    .build());
            if (query.length() <= REMEMBERED_LENGTH) {
                if (parsed.size() >= REMEMBERED) {
                    parsed.clear();
                }
                parsed.put(query, Boolean.TRUE);
            }
            context.next();
        } catch (InvalidSyntaxException e) { // also a query over the token limit
            // application/graphql-response+json asks for HTTP status codes: 400 for a document that does not parse
            String accept = context.request().getHeader("Accept");
            int status = accept != null && accept.contains("application/graphql-response+json") ? 400 : 200;
            reject(context, status, Messages.get(language(context), "error.graphql", e.getMessage()), "VALIDATION");
        }
    }

    private static Language language(RoutingContext context) {
        return Language.fromAcceptLanguage(context.request().getHeader("Accept-Language"));
    }

    private static boolean isWebSocketUpgrade(RoutingContext context) {
        String upgrade = context.request().getHeader("Upgrade");
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }

    private static boolean isAnonymous(RoutingContext context) {
        return context.request().getHeader("Authorization") == null;
    }

    /** The client: the first address of X-Forwarded-For when behind a proxy, else the peer. */
    private static String clientOf(RoutingContext context) {
        String forwarded = context.request().getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim();
        }
        return context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().host();
    }

    private static void reject(RoutingContext context, int status, String message, String code) {
        JsonObject error = new JsonObject().put("message", message)
                .put("extensions", new JsonObject().put("code", code));
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=UTF-8")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
