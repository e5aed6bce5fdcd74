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

    /** The same token limit SmallRye applies, so that a query over it is refused here, with a code. */
    @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens", defaultValue = "15000")
    int maxTokens;

    void register(@Observes Router router) {
        router.route("/graphql").order(-100).handler(BodyHandler.create().setBodyLimit(256 * 1024)).handler(this::check);
    }

    void check(RoutingContext context) {
        String query;
        if (context.request().method() == HttpMethod.POST) {
            String contentType = context.request().getHeader("Content-Type");
            if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
                context.next(); // application/graphql and others: SmallRye's own handling
                return;
            }
            try {
                JsonObject body = context.body().asJsonObject();
                query = body == null ? null : body.getValue("query") instanceof String q ? q : null;
            } catch (DecodeException | ClassCastException e) {
                reject(context, 400, Messages.get(language(context), "error.request.notJson"));
                return;
            }
        } else {
            query = context.request().getParam("query");
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
            reject(context, 200, Messages.get(language(context), "error.graphql", e.getMessage()));
        }
    }

    private static Language language(RoutingContext context) {
        return Language.fromAcceptLanguage(context.request().getHeader("Accept-Language"));
    }

    private static void reject(RoutingContext context, int status, String message) {
        JsonObject error = new JsonObject().put("message", message)
                .put("extensions", new JsonObject().put("code", "VALIDATION"));
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=UTF-8")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
