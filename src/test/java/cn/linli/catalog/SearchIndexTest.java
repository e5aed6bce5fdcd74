package cn.linli.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The search conditions are written so that the indexes serve them (same expression, same partial-index
 * predicate). In a transaction that is rolled back, 30 000 published listings without the keyword are added
 * so that the planner has a real choice; it must then pick the index, not a sequential scan. The benchmark
 * shows the same at 1 000 000 rows.
 */
@QuarkusTest
class SearchIndexTest {
    @Inject
    AgroalDataSource dataSource;

    String plan(String where) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("INSERT INTO service_listing (organization_id, category_id, title, description, mode, "
                        + "lat, lng, reach_codes, pricing, status, published_at) "
                        + "SELECT (SELECT min(id) FROM organization), (SELECT min(id) FROM category), '社区服务' || i, "
                        + "'每周开放，欢迎居民参加。', 'IN_STORE', 20 + i / 1000.0, 100 + i / 1000.0, '{880000}', 'PAID', "
                        + "'PUBLISHED', now() FROM generate_series(1, 30000) i");
                statement.execute("ANALYZE service_listing");
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = statement.executeQuery("EXPLAIN SELECT l.id FROM service_listing l "
                        + "WHERE l.status = 'PUBLISHED' AND " + where)) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                connection.rollback();
                statement.execute("ANALYZE service_listing");
                connection.commit();
            }
        }
    }

    @Test
    void twoCharacterKeywordsUseTheBigramIndex() throws SQLException {
        String plan = plan("linli_bigrams(" + ServiceQueries.SEARCHABLE_TEXT + ") @> linli_bigrams('助餐') AND "
                + "strpos(lower(" + ServiceQueries.SEARCHABLE_TEXT + "), '助餐') > 0");
        assertTrue(plan.contains("service_listing_bigrams_idx"), plan);
        assertFalse(plan.contains("Seq Scan"), plan);
    }

    @Test
    void nearMeUsesTheSpatialIndex() throws SQLException {
        String plan = plan("point(l.lng, l.lat) <@ box(point(103.78, 36.05), point(103.80, 36.07))");
        assertTrue(plan.contains("service_listing_geo_idx"), plan);
        assertFalse(plan.contains("Seq Scan"), plan);
    }

    @Test
    void regionFilterUsesTheReachIndex() throws SQLException {
        String plan = plan("l.reach_codes @> ARRAY['620103001']");
        assertTrue(plan.contains("service_listing_reach_idx"), plan);
        assertFalse(plan.contains("Seq Scan"), plan);
    }
}
