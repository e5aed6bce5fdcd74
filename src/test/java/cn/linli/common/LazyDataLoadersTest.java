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
        statements[0] = Statements.during(() -> page[0] = GraphQL.anonymous().data(WITH_REGIONS, DEMO));
        assertEquals(2, LazyDataLoaders.made() - made, "one loader for the services' region, one for the organizations'");
        assertEquals(20, page[0].getList("services.edges").size());
        assertTrue(page[0].getString("services.edges[0].node.region.code").startsWith("620103"), page[0].prettify());
        assertTrue(page[0].getString("services.edges[0].node.organization.region.code").startsWith("620103"), page[0].prettify());
        // the services' regions come with the search (ServiceQueries.Part); their loader hands them on
        assertEquals(2, statements[0], "the search, then one statement for the organizations' regions of the whole page");
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
