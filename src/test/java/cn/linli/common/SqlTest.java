package cn.linli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.organization.OrganizationRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: Sql's reads run on plain JDBC. What its callers rely on holds: the types each column reads as, the
 * parameters (null, collections), a failure's SQLSTATE among the causes, and inside a transaction the transaction's
 * own pending changes.
 */
@QuarkusTest
class SqlTest {
    @Inject
    Sql sql;

    private static final String EVERY_TYPE = "SELECT CAST(:text AS text) AS text, CAST(:long AS bigint) AS big, "
            + "CAST(2 AS smallint) AS small, 7 AS int, CAST(:decimal AS numeric(12, 2)) AS decimal, "
            + "CAST(1.5 AS double precision) AS double, CAST(:flag AS boolean) AS flag, "
            + "CAST('2026-12-03T10:00:00Z' AS timestamptz) AS moment, CAST(:day AS date) AS day, "
            + "CAST('08:30' AS time) AS opens, array_to_string(ARRAY['a', 'b'], ',') AS list, CAST(:nothing AS text) AS nothing";

    private static Map<String, Object> everyType() {
        Map<String, Object> values = new HashMap<>();
        values.put("text", "养老 'quoted' :not");
        values.put("long", Long.MAX_VALUE);
        values.put("decimal", new BigDecimal("12.50"));
        values.put("flag", true);
        values.put("day", LocalDate.of(2026, 12, 3));
        values.put("nothing", null);
        return values;
    }

    private static void assertEveryType(Row row) {
        assertEquals("养老 'quoted' :not", row.string("text"));
        assertEquals(Long.MAX_VALUE, row.longValue("big"));
        assertEquals(2, row.intValue("small"));
        assertEquals(7, row.intValue("int"));
        assertEquals(new BigDecimal("12.50"), row.decimal("decimal"));
        assertEquals(1.5, row.doubleValue("double"));
        assertTrue(row.bool("flag"));
        assertEquals(OffsetDateTime.parse("2026-12-03T18:00:00+08:00"), row.dateTime("moment"));
        assertEquals(LocalDate.of(2026, 12, 3), row.date("day"));
        assertEquals(LocalTime.of(8, 30), row.time("opens"));
        assertEquals(List.of("a", "b"), row.list("list"));
        assertNull(row.string("nothing"));
        assertThrows(IllegalArgumentException.class, () -> row.get("absent"), "a column the statement does not select");
    }

    @Test
    void everyColumnTypeReadsTheSameOutsideAndInsideATransaction() {
        assertEveryType(sql.rows(EVERY_TYPE, everyType()).get(0));
        assertEveryType(QuarkusTransaction.requiringNew().call(() -> sql.rows(EVERY_TYPE, everyType()).get(0)));
    }

    @Test
    void aCollectionParameterIsItsElementsAndAnEmptyOneMatchesNothing() {
        String sql = "SELECT n FROM generate_series(1, 5) AS n WHERE n IN (:ids) ORDER BY n";
        assertEquals(List.of(2L, 4L), this.sql.rows(sql, Map.of("ids", List.of(2L, 4L, 9L))).stream()
                .map(row -> row.longValue("n")).toList());
        assertTrue(this.sql.rows(sql, Map.of("ids", List.of())).isEmpty());
    }

    @Test
    void aFailingStatementCarriesItsSqlState() {
        PersistenceException failure = assertThrows(PersistenceException.class,
                () -> sql.rows("SELECT CAST(:v AS bigint) AS v", Map.of("v", "not a number")));
        assertTrue(failure.getCause() instanceof SQLException cause && "22P02".equals(cause.getSQLState()), failure.toString());
        assertThrows(IllegalArgumentException.class, () -> sql.rows("SELECT CAST(:v AS text)", Map.of("v", new Object())),
                "a parameter without an SQL type is refused, not sent as its toString()");
    }

    @Test
    void insideATransactionAReadSeesTheTransactionsPendingEntityChanges() {
        Long id = sql.rows("SELECT min(id) AS id FROM organization").get(0).longValue("id");
        String before = sql.rows("SELECT name FROM organization WHERE id = :id", Map.of("id", id)).get(0).string("name");
        String[] seen = new String[1];
        assertThrows(RolledBack.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            OrganizationRecord organization = OrganizationRecord.findById(id);
            organization.name = before + "（改）";
            seen[0] = sql.rows("SELECT name FROM organization WHERE id = :id", Map.of("id", id)).get(0).string("name");
            throw new RolledBack();
        }));
        assertEquals(before + "（改）", seen[0], "the pending change is flushed before the read, as Hibernate's native queries did");
        assertEquals(before, sql.rows("SELECT name FROM organization WHERE id = :id", Map.of("id", id)).get(0).string("name"));
        assertFalse(before.endsWith("（改）"));
    }

    private static final class RolledBack extends RuntimeException {
    }
}
