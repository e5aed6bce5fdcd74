package cn.linli.platform;

import cn.linli.common.Language;
import cn.linli.common.Messages;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP side of /graphql (GraphQL over HTTP), in front of SmallRye GraphQL's execution:
 * <ol>
 * <li>GET for queries and POST ({@code application/json} or {@code application/graphql}); other methods 405,
 * a mutation by GET 405;</li>
 * <li>anonymous callers limited per client in requests and query cost ({@code RATE_LIMITED}, Retry-After);</li>
 * <li>automatic persisted queries: {@code extensions.persistedQuery.sha256Hash} stands for a query the server
 * knows ({@link PersistedQueries}), by POST or GET;</li>
 * <li>a body that is not JSON or a query that does not parse gets {@code extensions.code = VALIDATION} and a
 * readable message (400 when the client asked for graphql-response+json);</li>
 * <li>then {@link GraphQLHttpExecutor} runs it and writes the response with its caching headers.</li>
 * </ol>
 * WebSocket upgrades (subscriptions) go on to SmallRye's own handler. Parsed queries are remembered, so the
 * common case costs a map lookup.
 */
@ApplicationScoped
public class GraphQLRequestGate {
    private static final int REMEMBERED_CHARS = 2 * 1024 * 1024;
    private static final int REMEMBERED_LENGTH = 16 * 1024;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Map<String, Document> parsed = new ConcurrentHashMap<>();
    private final AtomicLong parsedChars = new AtomicLong();

    @Inject
    AnonymousRateLimiter limiter;

    @Inject
    PersistedQueries persistedQueries;

    /** The same token limit SmallRye applies, so that a query over it is refused here, with a code. */
    @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens", defaultValue = "15000")
    int maxTokens;

    @ConfigProperty(name = "linli.http.public-max-age", defaultValue = "60")
    int publicMaxAgeSeconds;

    /** Fields a query may select once its fragments are expanded, for every caller. */
    @ConfigProperty(name = "linli.graphql.max-fields", defaultValue = "2000")
    long maxFields;

    /** Mutations one request may run (each is its own transaction; a client batching 100 bookings is refused). */
    @ConfigProperty(name = "linli.graphql.max-mutations", defaultValue = "10")
    long maxMutations;

    private GraphQLHttpExecutor executor;

    @PostConstruct
    void createExecutor() {
        executor = new GraphQLHttpExecutor(Arc.container().instance(CurrentIdentityAssociation.class).get(),
                Arc.container().instance(CurrentVertxRequest.class).get(), publicMaxAgeSeconds);
    }

    void register(@Observes Router router) {
        router.route("/graphql").order(-100).handler(BodyHandler.create().setBodyLimit(256 * 1024)).handler(this::check);
    }

    /** A request the gate refuses, with its status and error code. */
    private static final class Refusal extends Exception {
        final int status;
        final String code;
        final String key;
        final Object[] arguments;

        Refusal(int status, String code, String key, Object... arguments) {
            super(key, null, false, false);
            this.status = status;
            this.code = code;
            this.key = key;
            this.arguments = arguments;
        }
    }

    void check(RoutingContext context) {
        if (isWebSocketUpgrade(context)) {
            context.next(); // subscriptions: authorized by the token on the upgrade request
            return;
        }
        try {
            HttpMethod method = context.request().method();
            if (method != HttpMethod.GET && method != HttpMethod.POST) {
                context.response().putHeader("Allow", "GET, POST");
                throw new Refusal(405, "VALIDATION", "error.request.method");
            }
            boolean anonymous = GraphQLHttpExecutor.isAnonymous(context);
            if (anonymous && !limiter.tryRequest(clientOf(context))) {
                throw rateLimited(context);
            }
            JsonObject input = method == HttpMethod.POST ? readPost(context) : readGet(context);
            resolvePersistedQuery(input);
            String query = input.getValue("query") instanceof String q && !q.isBlank() ? q : null;
            if (query == null) {
                throw new Refusal(400, "VALIDATION", "error.request.noQuery");
            }
            Object operationName = input.getValue("operationName");
            if (operationName != null && !(operationName instanceof String)) {
                throw new Refusal(400, "VALIDATION", "error.request.operationNameNotString");
            }
            Document document = parse(query, context);
            // Fragments expanded, before graphql-java validates (its validation is superlinear in the expansion):
            // counted with memoised fragment sizes, so a fragment bomb costs microseconds here and nothing later.
            long fields = QueryCost.largestExpansion(document);
            if (fields > maxFields) {
                throw new Refusal(statusForRequestError(context), "VALIDATION", "error.request.tooManyFields",
                        String.valueOf(Math.min(fields, QueryCost.UNBOUNDED)), String.valueOf(maxFields));
            }
            Optional<OperationDefinition> operation = QueryCost.operation(document, (String) operationName);
            if (operation.isPresent() && operation.get().getOperation() == OperationDefinition.Operation.MUTATION
                    && QueryCost.rootFields(document, operation.get()) > maxMutations) {
                throw new Refusal(statusForRequestError(context), "VALIDATION", "error.request.tooManyMutations",
                        String.valueOf(maxMutations));
            }
            if (method == HttpMethod.GET && operation.isPresent()
                    && operation.get().getOperation() != OperationDefinition.Operation.QUERY) {
                // GraphQL over HTTP: GET is for queries only (mutations must not be cacheable or triggered by links)
                context.response().putHeader("Allow", "POST");
                throw new Refusal(405, "VALIDATION", "error.request.mutationByGet");
            }
            if (anonymous && operation.isPresent() && operation.get().getOperation() == OperationDefinition.Operation.MUTATION) {
                // every mutation needs a signed-in caller: said before any id is looked up or any input is read
                throw new Refusal(200, "UNAUTHENTICATED", "error.unauthenticated");
            }
            if (anonymous && operation.isPresent()) {
                JsonObject variables = input.getJsonObject("variables");
                long cost = QueryCost.of(document, operation.get(), variables == null ? Map.of() : variables.getMap());
                if (cost > limiter.maxQueryCost()) {
                    throw new Refusal(statusForRequestError(context), "VALIDATION", "error.query.tooCostly", cost,
                            limiter.maxQueryCost());
                }
                if (!limiter.tryCost(clientOf(context), cost)) {
                    throw rateLimited(context);
                }
            }
            input.fieldNames().removeIf(name -> input.getValue(name) == null); // "variables": null means none
            // SmallRye gets exactly what was checked, written out again: its own reading of the body (another
            // parser, the charset of the header) could see another query than the one the checks above saw
            executor.execute(context, input);
        } catch (Refusal refusal) {
            reject(context, refusal.status, Messages.get(language(context), refusal.key, refusal.arguments), refusal.code);
        }
    }

    private Refusal rateLimited(RoutingContext context) {
        context.response().putHeader("Retry-After", String.valueOf(limiter.retryAfterSeconds()));
        return new Refusal(429, "RATE_LIMITED", "error.rateLimited");
    }

    private static JsonObject readPost(RoutingContext context) throws Refusal {
        String type = mediaType(context.request().getHeader("Content-Type"));
        if (type.equals("application/graphql")) {
            return new JsonObject().put("query", context.body().asString());
        }
        if (!type.equals("application/json")) {
            throw new Refusal(415, "VALIDATION", "error.request.mediaType");
        }
        try {
            if (startsAnArray(context.body().buffer())) {
                throw new Refusal(400, "VALIDATION", "error.request.batching");
            }
            JsonObject body = context.body().asJsonObject();
            if (body == null) {
                throw new Refusal(400, "VALIDATION", "error.request.noQuery");
            }
            if (body.getValue("variables") != null && !(body.getValue("variables") instanceof JsonObject)) {
                throw new Refusal(400, "VALIDATION", "error.request.variablesNotJson");
            }
            if (body.getValue("extensions") != null && !(body.getValue("extensions") instanceof JsonObject)) {
                throw new Refusal(400, "VALIDATION", "error.request.extensionsNotJson");
            }
            return body;
        } catch (DecodeException | ClassCastException e) {
            throw new Refusal(400, "VALIDATION", "error.request.notJson");
        }
    }

    /** The media type of a Content-Type header, without parameters (charset), lower case; exact, not a prefix. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** GET parameters, URL-decoded once by Vert.x. */
    private static JsonObject readGet(RoutingContext context) throws Refusal {
        JsonObject input = new JsonObject();
        String query = context.request().getParam("query");
        if (query != null) {
            input.put("query", query);
        }
        String operationName = context.request().getParam("operationName");
        if (operationName != null && !operationName.isEmpty()) {
            input.put("operationName", operationName);
        }
        JsonObject variables = jsonParameter(context, "variables", "error.request.variablesNotJson");
        if (variables != null) {
            input.put("variables", variables);
        }
        JsonObject extensions = jsonParameter(context, "extensions", "error.request.extensionsNotJson");
        if (extensions != null) {
            input.put("extensions", extensions);
        }
        return input;
    }

    private static JsonObject jsonParameter(RoutingContext context, String name, String errorKey) throws Refusal {
        String value = context.request().getParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new JsonObject(value);
        } catch (DecodeException e) {
            throw new Refusal(400, "VALIDATION", errorKey);
        }
    }

    /**
     * Automatic persisted queries (Apollo's protocol): with a query, the hash is checked and remembered; without
     * one, the remembered query is used, or the client is told PERSISTED_QUERY_NOT_FOUND (status 200, as Apollo
     * clients expect) and sends the query along next time.
     */
    private void resolvePersistedQuery(JsonObject input) throws Refusal {
        JsonObject extensions = input.getJsonObject("extensions");
        Object persisted = extensions == null ? null : extensions.getValue("persistedQuery");
        if (persisted == null) {
            return;
        }
        if (!(persisted instanceof JsonObject persistedQuery) || !Integer.valueOf(1).equals(persistedQuery.getInteger("version", 0))
                || !(persistedQuery.getValue("sha256Hash") instanceof String hash) || !SHA256_HEX.matcher(hash).matches()) {
            throw new Refusal(400, "VALIDATION", "error.persistedQuery.malformed");
        }
        String query = input.getValue("query") instanceof String q ? q : null;
        if (query != null) {
            if (!persistedQueries.register(hash, query)) {
                throw new Refusal(400, "VALIDATION", "error.persistedQuery.hashMismatch");
            }
            return;
        }
        input.put("query", persistedQueries.find(hash)
                .orElseThrow(() -> new Refusal(200, "PERSISTED_QUERY_NOT_FOUND", "error.persistedQuery.notFound")));
    }

    private Document parse(String query, RoutingContext context) throws Refusal {
        Document known = parsed.get(query);
        if (known != null) {
            return known;
        }
        try {
            Document document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(ParserOptions.getDefaultOperationParserOptions().transform(o -> o.maxTokens(maxTokens)))
                    .build());
            if (query.length() <= REMEMBERED_LENGTH) {
                if (parsedChars.addAndGet(query.length()) > REMEMBERED_CHARS) {
                    parsed.clear(); // many distinct queries: start over rather than hold them all
                    parsedChars.set(query.length());
                }
                parsed.put(query, document);
            }
            return document;
        } catch (InvalidSyntaxException e) { // also a query over the token limit; never echo graphql-java's message
            var at = e.getLocation();
            throw new Refusal(statusForRequestError(context), "VALIDATION", "error.graphql.syntax",
                    at == null ? 0 : at.getLine(), at == null ? 0 : at.getColumn());
        }
    }

    /** application/graphql-response+json asks for HTTP status codes: 400 for a request that cannot run. */
    private static int statusForRequestError(RoutingContext context) {
        return GraphQLHttpExecutor.wantsStatusCodes(context) ? 400 : 200;
    }

    /** A JSON array body: a batch of operations, which this service does not run (one operation per request). */
    private static boolean startsAnArray(io.vertx.core.buffer.Buffer body) {
        if (body == null) {
            return false;
        }
        for (int i = 0; i < body.length(); i++) {
            byte b = body.getByte(i);
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '[';
            }
        }
        return false;
    }

    private static Language language(RoutingContext context) {
        return Language.fromAcceptLanguage(context.request().getHeader("Accept-Language"));
    }

    private static boolean isWebSocketUpgrade(RoutingContext context) {
        String upgrade = context.request().getHeader("Upgrade");
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }

    /**
     * The client's address. Behind a load balancer, set LINLI_BEHIND_PROXY=true (and the balancer's addresses in
     * quarkus.http.proxy.trusted-proxies) so that this is the address the balancer saw, from X-Forwarded-For;
     * never read that header directly, or anyone could claim a fresh address for every request.
     */
    private static String clientOf(RoutingContext context) {
        return context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().host();
    }

    private static void reject(RoutingContext context, int status, String message, String code) {
        context.response().setStatusCode(status).putHeader("Content-Type", GraphQLHttpExecutor.responseType(context))
                .putHeader("Cache-Control", "no-store")
                .end(ErrorBodies.graphQLError(code, message));
    }
}
