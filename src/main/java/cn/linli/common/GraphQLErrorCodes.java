package cn.linli.common;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.smallrye.graphql.spi.EventingService;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Gives the errors that graphql-java itself raises (a query that does not parse, a field the schema lacks, a
 * variable of the wrong type, a query over the depth or complexity limit) an {@code extensions.code} like our
 * own errors: VALIDATION. Registered as a SmallRye GraphQL {@link EventingService}; it adds an instrumentation
 * after SmallRye's own (depth, complexity, validation cache), which it keeps.
 */
public class GraphQLErrorCodes implements EventingService {
    private static final Logger LOG = Logger.getLogger(GraphQLErrorCodes.class);

    @Override
    public String getConfigKey() {
        return "linli.graphql.error-codes";
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        try {
            Field field = GraphQL.Builder.class.getDeclaredField("instrumentation");
            field.setAccessible(true);
            Instrumentation existing = (Instrumentation) field.get(builder);
            Instrumentation codes = new CodeInstrumentation();
            return builder.instrumentation(existing == null ? codes : new ChainedInstrumentation(List.of(existing, codes)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Could not add error codes to graphql-java's own errors", e);
            return builder;
        }
    }

    static final class CodeInstrumentation extends SimplePerformantInstrumentation {
        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            if (result.getErrors().stream().allMatch(GraphQLErrorCodes::hasCode)) {
                return CompletableFuture.completedFuture(result);
            }
            // A null in a non-null field only follows from another error (a variable that did not coerce): drop it.
            boolean others = result.getErrors().stream().anyMatch(error -> !isNullConsequence(error));
            List<GraphQLError> errors = result.getErrors().stream()
                    .filter(error -> !(others && isNullConsequence(error)))
                    .map(error -> hasCode(error) ? error : withCode(error)).toList();
            return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().from(result)
                    .errors(errors).build());
        }
    }

    static boolean isNullConsequence(GraphQLError error) {
        return error instanceof graphql.execution.NonNullableFieldWasNullError;
    }

    static boolean hasCode(GraphQLError error) {
        // errors from our resolvers carry their exception; SmallRye adds its code when it writes them
        return error.getExtensions() != null && error.getExtensions().containsKey("code")
                || error instanceof graphql.ExceptionWhileDataFetching;
    }

    private static GraphQLError withCode(GraphQLError error) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.put("code", "VALIDATION");
        ErrorClassification type = error.getErrorType();
        return GraphqlErrorBuilder.newError().message(Messages.get("error.graphql", error.getMessage()))
                .locations(error.getLocations()).path(error.getPath()).errorType(type).extensions(extensions).build();
    }
}
