package cn.linli.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** Resolvers batch: a bigger page costs no more SQL statements. */
@QuarkusTest
class StatementCountTest {
    static final String PAGE = """
            query($first: Int) {
              services(filter: {regionCode: "620103"}, first: $first) {
                edges { node { id title organization { name region { name } serviceCategories { name } }
                               category { name parent { name } } weeklyHours { opens } scheduleExceptions { date }
                               region { name } serviceArea { name } } }
              }
            }""";

    @Inject
    SessionFactory sessionFactory;

    long statementsFor(int first) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        int size = GraphQL.anonymous().data(PAGE, Map.of("first", first)).getList("services.edges").size();
        assertEquals(first, size);
        return statistics.getPrepareStatementCount();
    }

    @Test
    void aPageOf100CostsTheSameStatementsAsAPageOf10() {
        statementsFor(10); // warm up
        long ten = statementsFor(10);
        long hundred = statementsFor(100);
        assertEquals(ten, hundred, "statements for 10 vs 100 services");
        assertTrue(ten <= 9, "one search, then one statement per batched field: " + ten);
    }

    @Test
    void theNearMeSearchWithOrganizationsIsOneStatement() {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        GraphQL.anonymous().data(GraphQL.operation("NearbyServices"),
                Map.of("lat", 36.064, "lng", 103.80, "categoryCode", "elderly", "first", 20));
        assertEquals(1, statistics.getPrepareStatementCount());
    }
}
