package cn.linli.platform;

import graphql.ExecutionResult;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Runs a GraphQL request that {@link GraphQLRequestGate} has read and checked, through SmallRye's execution
 * service (the base class sets up the request context and the caller's identity, as SmallRye's own handler
 * does), and writes the response the way GraphQL over HTTP and HTTP caches expect:
 * <ul>
 * <li>the media type the client accepts; with {@code application/graphql-response+json}, a request that could
 * not be executed at all (no {@code data}, or {@code data: null} with errors about no field) answers 400;</li>
 * <li>error {@code extensions} carry only the documented keys ({@code code}, {@code field} when there is one,
 * {@code rowErrors} for an import), never a null or graphql-java's {@code classification};</li>
 * <li>GET responses carry an {@code ETag} (a hash of the body) and answer 304 to a matching
 * {@code If-None-Match}; anonymous ones without errors are {@code Cache-Control: public} for
 * {@code linli.http.public-max-age} seconds (a CDN may keep them), signed-in ones are private and revalidated;</li>
 * <li>POST responses and responses with errors are never stored.</li>
 * </ul>
 * Handling GET here also reads the parameters once; SmallRye's own GET handling URL-decodes them a second time,
 * which breaks a search for "100%" or "a+b".
 */
final class GraphQLHttpExecutor extends SmallRyeGraphQLAbstractHandler {
    static final String INPUT = "linli.graphql.input";
    private static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";

    private final int publicMaxAgeSeconds;

    GraphQLHttpExecutor(CurrentIdentityAssociation identity, CurrentVertxRequest request, int publicMaxAgeSeconds) {
        super(identity, request, false);
        this.publicMaxAgeSeconds = publicMaxAgeSeconds;
    }

    /** Executes {@code input} (query, operationName, variables, extensions) for this request. */
    void execute(RoutingContext context, JsonObject input) {
        context.put(INPUT, input);
        handle(context);
    }

    @Override
    protected void doHandle(RoutingContext context) {
        JsonObject input = context.get(INPUT);
        getExecutionService().executeAsync(inputToJsonObject(input.encode()), getMetaData(context), new Writer(context));
    }

    /** The response media type: what the client accepts, graphql-response+json when it accepts anything. */
    static String responseType(RoutingContext context) {
        String accept = context.request().getHeader("Accept");
        if (accept == null || accept.contains(GRAPHQL_RESPONSE_JSON) || !accept.contains("application/json")) {
            return GRAPHQL_RESPONSE_JSON + "; charset=UTF-8";
        }
        return "application/json; charset=UTF-8";
    }

    /** True when the client asked for graphql-response+json explicitly, and with it for HTTP status codes. */
    static boolean wantsStatusCodes(RoutingContext context) {
        String accept = context.request().getHeader("Accept");
        return accept != null && accept.contains(GRAPHQL_RESPONSE_JSON);
    }

    private final class Writer implements ExecutionResponseWriter {
        private final RoutingContext context;

        Writer(RoutingContext context) {
            this.context = context;
        }

        @Override
        public void write(ExecutionResponse executionResponse) {
            ExecutionResult result = executionResponse.getExecutionResult();
            HttpServerResponse response = context.response();
            byte[] body = ResponseJson.dataOnly(executionResponse);
            if (body == null) {
                String text = executionResponse.getExecutionResultAsString();
                if (!result.getErrors().isEmpty()) {
                    text = ErrorBodies.documentedExtensionsOnly(text);
                }
                body = text.getBytes(StandardCharsets.UTF_8);
            }
            response.putHeader("Content-Type", responseType(context));
            int status = wantsStatusCodes(context) && isRequestError(result) ? 400 : 200;
            if (context.request().method() == HttpMethod.GET && status == 200) {
                String etag = etagOf(body);
                response.putHeader("ETag", etag);
                response.putHeader("Vary", "Accept, Accept-Encoding, Accept-Language, Authorization");
                if (!result.getErrors().isEmpty()) {
                    response.putHeader("Cache-Control", "no-store");
                } else if (isAnonymous(context)) {
                    response.putHeader("Cache-Control", "public, max-age=" + publicMaxAgeSeconds);
                } else {
                    response.putHeader("Cache-Control", "private, no-cache");
                }
                if (result.getErrors().isEmpty() && matches(context.request().getHeader("If-None-Match"), etag)) {
                    response.setStatusCode(304).end();
                    return;
                }
            } else {
                response.putHeader("Cache-Control", "no-store");
            }
            response.setStatusCode(status).end(Buffer.buffer(body));
        }

        @Override
        public void fail(Throwable failure) {
            context.fail(failure);
        }
    }

    /**
     * A request that could not run (GraphQL over HTTP: 400 for graphql-response+json): no data at all, or no data
     * and only errors that are about no field of the response (a variable that does not coerce is reported
     * with {@code data: null} and no path).
     */
    static boolean isRequestError(ExecutionResult result) {
        if (!result.isDataPresent()) {
            return true;
        }
        return result.getData() == null && !result.getErrors().isEmpty()
                && result.getErrors().stream().allMatch(error -> error.getPath() == null || error.getPath().isEmpty());
    }

    /** Anonymous: no verified identity (a request with an unverifiable Authorization header never gets here). */
    static boolean isAnonymous(RoutingContext context) {
        return !AuthorizationHeaderCheck.hasVerifiedIdentity(context);
    }

    /** A weak validator: the same JSON may travel gzip-compressed or not. */
    static String etagOf(byte[] body) {
        byte[] digest = PersistedQueries.sha256Bytes(body);
        return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
    }

    /** Weak comparison (RFC 9110 §13.1.2) against a list of entity tags, or "*". */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }
}
