package cn.linli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import graphql.Scalars;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Plain record fields are served by {@link PlainFieldFetchers} in the running engine, and the fields whose values
 * SmallRye converts keep SmallRye's fetcher; what clients see is the same either way (every other test runs with
 * them on; this one checks the values of a page against the database).
 */
@QuarkusTest
class PlainFieldFetchersTest {
    @Inject
    Fixtures fixtures;

    @Test
    void recordComponentsAndGettersAreReadByAMethodHandleConvertedScalarsBySmallRye() {
        GraphQL.anonymous().data("{ categories { code } }"); // the engine is built on the first request
        Set<String> plain = PlainFieldFetchers.servedFields();
        for (String field : List.of("Service.title", "Service.category", "Service.modeLabel", "Service.stale",
                "Price.residentPaysFen", "Organization.ratingLevel", "ServiceEdge.node", "PageInfo.hasNextPage",
                "Category.name", "Service.distanceMeters", "Service.ratingAverage")) {
            assertTrue(plain.contains(field), field + " in " + plain);
        }
        // an OffsetDateTime as DateTime and a long as BigInteger: SmallRye converts them; an operation; a batched @Source field
        for (String field : List.of("Service.confirmedAt", "Service.publishedAt", "Query.services", "Service.weeklyHours")) {
            assertFalse(plain.contains(field), field);
            assertTrue(PlainFieldFetchers.fieldsWithoutSelection().contains(field), field);
        }
    }

    /** The engine resolves fields without matching each against Quarkus's "default" as a blocking pattern. */
    @Test
    void theEngineUsesGraphqlJavasDefaultFieldVisibility() {
        GraphQL.anonymous().data("{ categories { code } }");
        assertTrue(PlainFieldFetchers.fieldVisibility() == graphql.schema.visibility.DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY,
                String.valueOf(PlainFieldFetchers.fieldVisibility()));
        // introspection still sees every field
        assertTrue(GraphQL.anonymous().data("{ __type(name: \"Service\") { fields { name } } }").getList("__type.fields.name")
                .contains("distanceMeters"));
    }

    /**
     * SmallRye's fetchers are handed no selection set: nothing here may read the selection through them. SelectedPaths
     * reads what a field selects from the document (the field's occurrences and the fragments), not from the
     * selection set, and may unwrap SmallRye's context for that; it must not read the selection set either.
     */
    @Test
    void noResolverReadsSmallRyesSelectedFields() throws IOException {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> readers = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith("PlainFieldFetchers.java") && !f.endsWith("SelectedPaths.java"))
                    .filter(f -> {
                        try {
                            String text = Files.readString(f);
                            return text.contains("io.smallrye.graphql.api.Context") || text.contains("DataFetchingFieldSelectionSet")
                                    || text.contains("getSelectedFields") || text.contains("DataFetchingEnvironment");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(sources::relativize).map(Path::toString).toList();
            assertEquals(List.of(), readers, "these sources read the selection or SmallRye's Context, which SmallRye's fetchers are handed empty "
                    + "(PlainFieldFetchers.WithoutSelectedFields)");
            String selectedPaths = Files.readString(sources.resolve("cn/linli/common/SelectedPaths.java"));
            assertFalse(selectedPaths.contains("DataFetchingFieldSelectionSet") || selectedPaths.contains("getSelectedFields")
                    || selectedPaths.contains("environment.getSelectionSet"), "SelectedPaths reads the document, not the selection set");
        }
    }

    @Test
    void aPageReadsTheSameValuesAsTheDatabaseHolds() {
        fixtures.searchWorld();
        long listing = fixtures.id("SELECT min(l.id) FROM service_listing l JOIN organization o ON o.id = l.organization_id "
                + "WHERE l.status = 'PUBLISHED' AND o.status = 'ACTIVE' AND l.pricing = 'SUBSIDIZED'");
        String where = " FROM service_listing l JOIN organization o ON o.id = l.organization_id WHERE l.id = " + listing;
        JsonPath page = GraphQL.anonymous().data("query($id: ID!) { service(id: $id) { id title capacityPerSlot "
                + "confirmedAt price { pricing priceFen subsidyFen residentPaysFen } organization { id name } } }",
                Map.of("id", String.valueOf(listing)));
        assertEquals(String.valueOf(listing), page.getString("service.id"));
        assertEquals(fixtures.string("SELECT l.title" + where), page.getString("service.title"));
        assertEquals(fixtures.id("SELECT l.capacity_per_slot" + where), page.getLong("service.capacityPerSlot"));
        assertEquals(fixtures.id("SELECT l.price_fen - l.subsidy_fen" + where), page.getLong("service.price.residentPaysFen"));
        assertEquals("SUBSIDIZED", page.getString("service.price.pricing"));
        assertEquals(fixtures.string("SELECT o.name" + where), page.getString("service.organization.name"));
        assertTrue(page.getString("service.confirmedAt").matches("\\d{4}-\\d{2}-\\d{2}T.*"), page.getString("service.confirmedAt"));
    }

    public static final class Failing {
        public String unexpected() {
            throw new IllegalStateException("a bug in a getter");
        }

        public String notFound() {
            throw new NotFoundException("error.cycle.notFound", "1");
        }
    }

    private static final GraphQLFieldDefinition FIELD = GraphQLFieldDefinition.newFieldDefinition().name("label")
            .type(Scalars.GraphQLString).build();

    /** A getter that fails gives the client a code and a readable message, as a resolver does (not a Java class name). */
    @Test
    void aFailingGetterIsAnInternalErrorOrItsOwnApiError() throws Exception {
        MethodType getter = MethodType.methodType(Object.class, Object.class);
        var unexpected = new PlainFieldFetchers.Plain(MethodHandles.lookup()
                .findVirtual(Failing.class, "unexpected", MethodType.methodType(String.class)).asType(getter));
        assertThrows(InternalException.class, () -> unexpected.get(FIELD, new Failing(), () -> null));
        var notFound = new PlainFieldFetchers.Plain(MethodHandles.lookup()
                .findVirtual(Failing.class, "notFound", MethodType.methodType(String.class)).asType(getter));
        assertThrows(NotFoundException.class, () -> notFound.get(FIELD, new Failing(), () -> null));

        DataFetcher<Object> smallRye = PlainFieldFetchers.WithoutSelectedFields.of(environment -> {
            throw new IllegalArgumentException("a converter's bug");
        });
        DataFetchingEnvironment environment = DataFetchingEnvironmentImpl.newDataFetchingEnvironment().fieldDefinition(FIELD)
                .parentType(GraphQLObjectType.newObject().name("Service").field(FIELD).build()).build();
        assertThrows(InternalException.class, () -> smallRye.get(environment));
    }
}
