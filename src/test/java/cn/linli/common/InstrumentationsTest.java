package cn.linli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQL;
import graphql.Scalars;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** How the engine's instrumentations are combined: flat when they only use the forwarded hooks, else chained. */
class InstrumentationsTest {
    private static final GraphQLSchema SCHEMA = GraphQLSchema.newSchema()
            .query(GraphQLObjectType.newObject().name("Query").field(f -> f.name("a").type(Scalars.GraphQLString)))
            .codeRegistry(GraphQLCodeRegistry.newCodeRegistry()
                    .dataFetcher(FieldCoordinates.coordinates("Query", "a"), (DataFetcher<?>) env -> "a").build())
            .build();

    /** Appends a letter to every fetched value and to the result's data: the order of members shows. */
    static final class Appends extends SimplePerformantInstrumentation {
        private final String letter;

        Appends(String letter) {
            this.letter = letter;
        }

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                InstrumentationState state) {
            return env -> fetcher.get(env) + letter;
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            Map<String, Object> data = result.getData();
            return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().from(result)
                    .data(Map.of("a", data.get("a") + letter.toUpperCase())).build());
        }
    }

    /** Times every field fetch: needs graphql-java's per-field contexts. */
    static final class TimesFields extends SimpleInstrumentation {
        @Override
        public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
                InstrumentationState state) {
            return super.beginFieldFetch(parameters, state);
        }
    }

    private static Instrumentation installed(GraphQL.Builder builder) {
        return Instrumentations.read(builder, "instrumentation", Instrumentation.class);
    }

    @Test
    void instrumentationsUsingOnlyForwardedHooksRunFlatAndInOrder() {
        GraphQL.Builder builder = GraphQL.newGraphQL(SCHEMA)
                .instrumentation(new ChainedInstrumentation(List.of(new SimpleInstrumentation(), new Appends("x"))));
        Instrumentations.add(builder, new Appends("y"));
        assertInstanceOf(Instrumentations.Flat.class, installed(builder));
        Instrumentations.add(builder, new Appends("z"));
        assertEquals(3 + 1, ((Instrumentations.Flat) installed(builder)).members.size());
        Map<String, Object> data = builder.build().execute("{ a }").getData();
        assertEquals("axyzXYZ", data.get("a"));
    }

    @Test
    void theEnginesOwnInstrumentationsRunFlat() {
        // SmallRye's query cache (the only instrumentation SmallRye installs here) and ours
        assertTrue(Instrumentations.Flat.canForward(new io.smallrye.graphql.execution.QueryCache()));
        assertTrue(Instrumentations.Flat.canForward(new GraphQLErrorCodes.CodeInstrumentation()));
        assertTrue(Instrumentations.Flat.canForward(new GraphQLInputs.ArgumentRules(15)));
        assertFalse(Instrumentations.Flat.canForward(new TimesFields()));
    }

    @Test
    void anInstrumentationThatTimesFieldsKeepsTheChain() {
        GraphQL.Builder builder = GraphQL.newGraphQL(SCHEMA).instrumentation(new TimesFields());
        Instrumentations.add(builder, new Appends("y"));
        assertInstanceOf(ChainedInstrumentation.class, installed(builder));
        Map<String, Object> data = builder.build().execute("{ a }").getData();
        assertEquals("ayY", data.get("a"));
    }
}
