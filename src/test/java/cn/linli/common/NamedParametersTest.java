package cn.linli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 16: the named parameters of Sql's statements become JDBC's, as Hibernate's native queries made them. */
class NamedParametersTest {
    @Test
    void parametersBecomeQuestionMarksInTheOrderTheyAppear() {
        NamedParameters statement = NamedParameters.of("SELECT * FROM t WHERE a = :a AND b = :b_2 OR a = :a");
        assertEquals(List.of("a", "b_2", "a"), statement.names());
        Map<String, Object> values = Map.of("a", 1L, "b_2", "x");
        assertEquals("SELECT * FROM t WHERE a = ? AND b = ? OR a = ?", statement.jdbcSql(values));
        assertEquals(List.of(1L, "x", 1L), statement.jdbcValues(values));
    }

    @Test
    void castsQuotedTextAndCommentsAreNotParameters() {
        String sql = "SELECT x::text, ':no', 'it''s :no', \"col:no\", y -- :no\n, z /* :no */ FROM t WHERE "
                + "p @> ARRAY[CAST(:code AS text)] AND r[1:2] = :r";
        NamedParameters statement = NamedParameters.parse(sql);
        assertEquals(List.of("code", "r"), statement.names());
        assertEquals(sql.replace(":code", "?").replace("= :r", "= ?"), statement.jdbcSql(Map.of("code", "c", "r", "r")));
    }

    @Test
    void aCollectionIsOneParameterPerElementAndAnEmptyOneMatchesNothing() {
        NamedParameters statement = NamedParameters.of("SELECT id FROM t WHERE id IN (:ids) AND k = :k");
        Map<String, Object> three = Map.of("ids", List.of(1L, 2L, 3L), "k", "v");
        assertEquals("SELECT id FROM t WHERE id IN (?, ?, ?) AND k = ?", statement.jdbcSql(three));
        assertEquals(List.of(1L, 2L, 3L, "v"), statement.jdbcValues(three));
        Map<String, Object> none = Map.of("ids", List.of(), "k", "v");
        assertEquals("SELECT id FROM t WHERE id IN (NULL) AND k = ?", statement.jdbcSql(none));
        assertEquals(List.of("v"), statement.jdbcValues(none));
    }

    @Test
    void aNullValueIsBoundAndAMissingOneIsAProgrammingError() {
        NamedParameters statement = NamedParameters.of("SELECT CAST(:maybe AS text)");
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("maybe", null);
        assertEquals(Arrays.asList((Object) null), statement.jdbcValues(withNull));
        assertThrows(IllegalArgumentException.class, () -> statement.jdbcValues(Map.of()));
    }
}
