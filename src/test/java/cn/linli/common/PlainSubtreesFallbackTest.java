package cn.linli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.Scalars;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeReference;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one-walk completion against graphql-java's own on values that are not plain data: a null in a non-null field
 * or list item, a value the enum refuses, an accessor that throws. The walk must give each back, so that the
 * response (data and errors) is graphql-java's, and it must be taken when the data is plain.
 */
class PlainSubtreesFallbackTest {
    public enum Kind { MEAL, CARE }

    public record Item(String name, Integer count, List<String> tags, Object kind, Item child) {
        public String getBroken() {
            if ("broken".equals(name)) {
                throw new IllegalStateException("a bug in a getter");
            }
            return name;
        }
    }

    private static final String QUERY = "{ items { __typename name n: name count tags kind broken child { name kind tags } } }";

    private static GraphQL engine(List<Item> items, boolean walk) throws ReflectiveOperationException {
        GraphQLEnumType kind = GraphQLEnumType.newEnum().name("Kind").value("MEAL", Kind.MEAL).value("CARE", Kind.CARE).build();
        GraphQLObjectType item = GraphQLObjectType.newObject().name("Item")
                .field(f -> f.name("name").type(GraphQLNonNull.nonNull(Scalars.GraphQLString)))
                .field(f -> f.name("count").type(Scalars.GraphQLInt))
                .field(f -> f.name("tags").type(GraphQLNonNull.nonNull(GraphQLList.list(GraphQLNonNull.nonNull(Scalars.GraphQLString)))))
                .field(f -> f.name("kind").type(kind))
                .field(f -> f.name("broken").type(Scalars.GraphQLString))
                .field(f -> f.name("child").type(GraphQLTypeReference.typeRef("Item")))
                .build();
        GraphQLObjectType query = GraphQLObjectType.newObject().name("Query")
                .field(GraphQLFieldDefinition.newFieldDefinition().name("items")
                        .type(GraphQLNonNull.nonNull(GraphQLList.list(GraphQLNonNull.nonNull(item)))))
                .build();
        GraphQLCodeRegistry.Builder registry = GraphQLCodeRegistry.newCodeRegistry()
                .dataFetcher(FieldCoordinates.coordinates("Query", "items"), (DataFetcher<?>) environment -> items);
        for (String[] field : new String[][] {{"name", "name"}, {"count", "count"}, {"tags", "tags"}, {"kind", "kind"},
                {"broken", "getBroken"}, {"child", "child"}}) {
            var accessor = MethodHandles.lookup().findVirtual(Item.class, field[1],
                    MethodType.methodType(Item.class.getMethod(field[1]).getReturnType()))
                    .asType(MethodType.methodType(Object.class, Object.class));
            registry.dataFetcher(FieldCoordinates.coordinates("Item", field[0]), new PlainFieldFetchers.Plain(accessor));
        }
        GraphQLSchema schema = GraphQLSchema.newSchema().query(query).codeRegistry(registry.build()).build();
        GraphQL.Builder builder = GraphQL.newGraphQL(schema);
        // the engine's instrumentation as the service has it: flat, nothing that instruments argument-less fetchers
        Instrumentations.add(builder, new SimplePerformantInstrumentation() {
        });
        return builder.queryExecutionStrategy(walk ? new PlainSubtrees(new SimpleDataFetcherExceptionHandler())
                : new AsyncExecutionStrategy(new SimpleDataFetcherExceptionHandler())).build();
    }

    /**
     * The response with the walk, after checking it equals graphql-java's. After giving a value back, graphql-java
     * completes its parts, and the walk takes those that are plain (the other items of a list, a list of tags).
     */
    private static Map<String, Object> same(List<Item> items) throws ReflectiveOperationException {
        ExecutionResult without = engine(items, false).execute(QUERY);
        ExecutionResult with = engine(items, true).execute(QUERY);
        assertEquals(without.toSpecification().toString(), with.toSpecification().toString());
        return with.toSpecification();
    }

    private static Item item(String name, Object kind, String... tags) {
        return new Item(name, name.length(), Arrays.asList(tags), kind, new Item(name + "-child", null, List.of("x"), Kind.CARE, null));
    }

    @Test
    void plainDataIsWalkedOnceForTheWholeList() throws ReflectiveOperationException {
        long before = PlainSubtrees.walks();
        Map<String, Object> answer = same(List.of(item("a", Kind.MEAL, "t1", "t2"), item("b", Kind.CARE)));
        assertEquals(1, PlainSubtrees.walks() - before, "the list of items, children included, in one walk");
        assertEquals(Map.of("name", "a-child", "kind", "CARE", "tags", List.of("x")),
                ((Map<?, ?>) ((List<?>) ((Map<?, ?>) answer.get("data")).get("items")).get(0)).get("child"));
    }

    @Test
    void aNullInANonNullFieldIsGraphqlJavasError() throws ReflectiveOperationException {
        Item nameless = new Item(null, 1, List.of(), Kind.MEAL, null);
        Map<String, Object> answer = same(List.of(item("a", Kind.MEAL), nameless));
        assertEquals(2, ((List<?>) answer.get("errors")).size(), "name and its alias n: " + answer);
    }

    @Test
    void aNullItemInANonNullListIsGraphqlJavasError() throws ReflectiveOperationException {
        Map<String, Object> answer = same(List.of(item("a", Kind.MEAL, "t1", null)));
        assertEquals(null, answer.get("data"), "the null goes up to the non-null root: " + answer);
    }

    @Test
    void aValueTheEnumRefusesIsGraphqlJavasError() throws ReflectiveOperationException {
        Map<String, Object> answer = same(List.of(item("a", "SOMETHING_ELSE")));
        assertEquals(1, ((List<?>) answer.get("errors")).size(), answer.toString());
    }

    @Test
    void aGetterThatThrowsIsGraphqlJavasError() throws ReflectiveOperationException {
        Map<String, Object> answer = same(List.of(item("broken", Kind.MEAL)));
        assertEquals(1, ((List<?>) answer.get("errors")).size(), answer.toString());
    }
}
