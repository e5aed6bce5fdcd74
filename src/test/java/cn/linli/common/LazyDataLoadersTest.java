package cn.linli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.GraphQL;
import cn.linli.testing.Statements;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests get DataLoaders only for the batched fields they select ({@link LazyDataLoaders}), and those still batch:
 * one statement for the regions of a whole page.
 */
@QuarkusTest
class LazyDataLoadersTest {
    private static final String NEAR = "query($lat: Float!, $lng: Float!) { services(near: {lat: $lat, lng: $lng}, first: 20) "
            + "{ edges { node { id title } } } }";
    private static final String WITH_REGIONS = "query($lat: Float!, $lng: Float!) { services(near: {lat: $lat, lng: $lng}, "
            + "first: 20) { edges { node { id region { code name } organization { region { code } } } } } }";
    private static final Map<String, Object> DEMO = Map.of("lat", 36.064, "lng", 103.80);

    @Test
    void aPageWithoutBatchedFieldsMakesNoLoaderAndOneWithThemMakesTheirsAndBatches() {
        GraphQL.anonymous().data(NEAR, DEMO); // SmallRye's registry is taken over after the first request
        GraphQL.anonymous().data(NEAR, DEMO);
        assertTrue(LazyDataLoaders.active(), "requests get lazy registries");

        long before = LazyDataLoaders.made();
        GraphQL.anonymous().data(NEAR, DEMO);
        assertEquals(before, LazyDataLoaders.made(), "no batched field, no loader");

        long[] statements = new long[1];
        JsonPath[] page = new JsonPath[1];
        long made = LazyDataLoaders.made();
        long fromSource = PlainFieldFetchers.answeredFromSource();
        statements[0] = Statements.during(() -> page[0] = GraphQL.anonymous().data(WITH_REGIONS, DEMO));
        assertEquals(1, LazyDataLoaders.made() - made, "one loader, for the organizations' region");
        assertEquals(20, PlainFieldFetchers.answeredFromSource() - fromSource,
                "the services' regions, read with the search (ServiceQueries.Part), handed on without a loader");
        assertEquals(20, page[0].getList("services.edges").size());
        assertTrue(page[0].getString("services.edges[0].node.region.code").startsWith("620103"), page[0].prettify());
        assertTrue(page[0].getString("services.edges[0].node.organization.region.code").startsWith("620103"), page[0].prettify());
        assertEquals(2, statements[0], "the search, then one statement for the organizations' regions of the whole page");
    }

    /**
     * The service page reads its hours, exceptions, region and service area with the listing: no loader for them, only
     * the category's parent's (answered from the kept category tree, CategoryQueries).
     */
    @Test
    void theServicePageMakesOnlyTheCategoryParentsLoader() {
        String id = GraphQL.anonymous().data(NEAR, DEMO).getString("services.edges[0].node.id");
        GraphQL.anonymous().data(GraphQL.operation("ServiceDetail"), Map.of("id", id));
        long made = LazyDataLoaders.made();
        long fromSource = PlainFieldFetchers.answeredFromSource();
        JsonPath page = GraphQL.anonymous().data(GraphQL.operation("ServiceDetail"), Map.of("id", id));
        assertEquals(made + 1, LazyDataLoaders.made());
        assertEquals(4, PlainFieldFetchers.answeredFromSource() - fromSource, "weeklyHours, scheduleExceptions, region, serviceArea");
        assertTrue(page.getList("service.weeklyHours").size() > 0, page.prettify());
    }

    /**
     * SmallRye builds its engine lazily without a lock: first requests that arrive together may build two, each with
     * its own instance of the instrumentation. One that comes after the take-over (SmallRye's model already left
     * without batch operations, its registries empty) must still give requests their loaders.
     */
    @Test
    void anotherEngineBuiltMeanwhileGivesRequestsTheirLoadersToo() {
        GraphQL.anonymous().data(NEAR, DEMO);
        assertTrue(LazyDataLoaders.active());
        var secondEngines = new LazyDataLoaders.OnFirstUse();
        var input = graphql.ExecutionInput.newExecutionInput("{ __typename }")
                .dataLoaderRegistry(new org.dataloader.DataLoaderRegistry()).build(); // what SmallRye makes now: empty
        var registry = secondEngines.instrumentExecutionInput(input, null, null).getDataLoaderRegistry();
        assertTrue(registry.getDataLoader("Service_weeklyHours") != null, "the service page's weekly hours have their loader");
        assertTrue(registry.getDataLoader("Service_region") != null);
    }
}
