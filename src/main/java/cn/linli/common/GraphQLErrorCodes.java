package cn.linli.common;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.InvalidSyntaxError;
import graphql.language.SourceLocation;
import graphql.validation.ValidationError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.smallrye.graphql.spi.EventingService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Gives the errors that graphql-java itself raises (a query that does not parse, a field the schema lacks, a
 * variable of the wrong type) an {@code extensions.code} like our own errors: VALIDATION, and puts every response's
 * errors in the order of the document ({@link #inDocumentOrder}). Registered as a SmallRye
 * GraphQL {@link EventingService}; it adds an instrumentation after SmallRye's own (its query cache), which it keeps.
 */
public class GraphQLErrorCodes implements EventingService {

    @Override
    public String getConfigKey() {
        return "linli.graphql.error-codes";
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        return Instrumentations.add(builder, new CodeInstrumentation());
    }

    static final class CodeInstrumentation extends SimplePerformantInstrumentation {
        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            List<GraphQLError> errors = result.getErrors();
            if (!errors.stream().allMatch(GraphQLErrorCodes::hasCode)) {
                // A null in a non-null field only follows from another error (a variable that did not coerce): drop it.
                boolean others = errors.stream().anyMatch(error -> !isNullConsequence(error));
                errors = errors.stream().filter(error -> !(others && isNullConsequence(error)))
                        .map(error -> hasCode(error) ? error : withCode(error)).toList();
            }
            List<GraphQLError> ordered = inDocumentOrder(errors);
            if (ordered.equals(result.getErrors())) {
                return CompletableFuture.completedFuture(result);
            }
            return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().from(result)
                    .errors(ordered).build());
        }
    }

    /**
     * Errors in the order of the document (the first location, then the path): fields that fail concurrently (two
     * root fields on worker threads) report in the order they finished, and the same request would answer its errors
     * in another order from one time to the next. Stable for errors without location.
     */
    static List<GraphQLError> inDocumentOrder(List<GraphQLError> errors) {
        if (errors.size() < 2) {
            return errors;
        }
        List<GraphQLError> ordered = new java.util.ArrayList<>(errors);
        ordered.sort(java.util.Comparator.comparingInt((GraphQLError e) -> firstLocation(e) == null ? 0 : firstLocation(e).getLine())
                .thenComparingInt(e -> firstLocation(e) == null ? 0 : firstLocation(e).getColumn())
                .thenComparing(GraphQLError::getPath, GraphQLErrorCodes::comparePaths));
        return ordered;
    }

    private static SourceLocation firstLocation(GraphQLError error) {
        return error.getLocations() == null || error.getLocations().isEmpty() ? null : error.getLocations().get(0);
    }

    private static int comparePaths(List<Object> a, List<Object> b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c = x instanceof Integer p && y instanceof Integer q ? Integer.compare(p, q) : String.valueOf(x).compareTo(String.valueOf(y));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    static boolean isNullConsequence(GraphQLError error) {
        return error instanceof graphql.execution.NonNullableFieldWasNullError;
    }

    static boolean hasCode(GraphQLError error) {
        // errors from our resolvers carry their exception; SmallRye adds its code when it writes them
        return error.getExtensions() != null && error.getExtensions().containsKey("code")
                || error instanceof graphql.ExceptionWhileDataFetching;
    }

    private static final Pattern VARIABLE = Pattern.compile("Variable '([_A-Za-z][_0-9A-Za-z]{0,63})'");
    private static final Pattern ARGUMENT = Pattern.compile("argument '([_A-Za-z][_0-9A-Za-z.\\[\\]]{0,127})'");

    /**
     * graphql-java's own message is never passed on: it may quote the caller's input, dump graphql-java's
     * objects ({@code StringValue{value='…'}}) or name Java classes. The client gets our message for the kind of
     * error, with the variable or argument it is about (names from the query's grammar, never values).
     */
    static GraphQLError withCode(GraphQLError error) {
        String raw = error.getMessage() == null ? "" : error.getMessage();
        String field = null;
        String message;
        Matcher variable = VARIABLE.matcher(raw);
        Matcher argument = ARGUMENT.matcher(raw);
        if (error instanceof InvalidSyntaxError) {
            SourceLocation at = error.getLocations() == null || error.getLocations().isEmpty() ? null : error.getLocations().get(0);
            message = Messages.get("error.graphql.syntax", at == null ? 0 : at.getLine(), at == null ? 0 : at.getColumn());
        } else if (variable.find()) {
            field = variable.group(1);
            message = Messages.get("error.graphql.variable", field);
        } else if (error instanceof graphql.execution.UnknownOperationException) {
            message = Messages.get("error.graphql.operationName");
        } else if (error instanceof ValidationError validation) {
            if (argument.find()) {
                field = argument.group(1);
                message = Messages.get("error.graphql.argument", field);
            } else {
                message = Messages.get("error.graphql.validation", String.valueOf(validation.getValidationErrorType()));
            }
        } else {
            message = Messages.get("error.graphql.invalid");
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", "VALIDATION");
        if (field != null) {
            extensions.put("field", field);
        }
        ErrorClassification type = error.getErrorType();
        return GraphqlErrorBuilder.newError().message(message)
                .locations(error.getLocations()).path(error.getPath()).errorType(type).extensions(extensions).build();
    }
}
