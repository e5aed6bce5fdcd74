package cn.linli.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With a read replica configured, anonymous queries read from it and signed-in callers from the primary. The
 * "replica" here is the test database seen through a schema that shadows the organization table with a copy whose
 * names differ, as a replica that has not caught up would: which names come back shows where the read went. (Not the
 * category table: the category tree is kept in memory, not read per request.)
 */
@QuarkusTest
@TestProfile(ReadReplicaTest.WithReplica.class)
class ReadReplicaTest {
    public static class WithReplica implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("linli.replica.enabled", "true",
                    "quarkus.datasource.replica.jdbc.url", "${quarkus.datasource.jdbc.url}",
                    "quarkus.datasource.replica.jdbc.additional-jdbc-properties.options", "-c search_path=lagging,public");
        }
    }

    private static final String MARK = "（副本）";
    private static final String NAMES = "{ organizations(first: 10) { edges { node { name } } } }";

    @Inject
    AgroalDataSource primary;

    @BeforeEach
    void aReplicaThatDiffers() throws SQLException {
        execute("CREATE SCHEMA IF NOT EXISTS lagging",
                "CREATE TABLE IF NOT EXISTS lagging.organization AS SELECT * FROM public.organization",
                "UPDATE lagging.organization SET name = name || '" + MARK + "' WHERE name NOT LIKE '%" + MARK + "'");
    }

    @AfterEach
    void dropIt() throws SQLException {
        execute("DROP SCHEMA lagging CASCADE");
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = primary.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    @Test
    void anonymousQueriesReadTheReplicaAndSignedInCallersThePrimary() {
        List<String> anonymous = GraphQL.anonymous().data(NAMES, Map.of()).getList("organizations.edges.node.name");
        assertFalse(anonymous.isEmpty());
        assertTrue(anonymous.stream().allMatch(name -> name.endsWith(MARK)), anonymous.toString());

        List<String> signedIn = GraphQL.as(Tokens.of("replica-resident", "resident")).data(NAMES, Map.of())
                .getList("organizations.edges.node.name");
        assertTrue(signedIn.stream().noneMatch(name -> name.endsWith(MARK)), signedIn.toString());
    }
}
