package cn.linli.common;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a keyset-paged query: {@code SELECT <columns>, <keys as text> FROM … WHERE … AND (keys, id) >
 * (cursor) ORDER BY keys, id LIMIT n + 1}. All keys sort in one direction, so a row comparison expresses
 * "after the cursor"; the id, last, makes the order total and pages stable under ties.
 */
public final class KeysetQuery {
    /** A sort key: an SQL expression and the SQL type its text form is cast back to. */
    public record Key(String expression, String sqlType) {
    }

    /**
     * A fetched page: rows, each row's cursor, whether more rows follow, and the count of all rows matching the
     * query's conditions (every page), computed only when asked for.
     */
    public record Page(List<Row> rows, List<String> cursors, boolean hasNextPage, java.util.function.IntSupplier totalCount) {
        /** The page's rows as Relay edges: {@code edge} gets each row's cursor and the row. */
        public <E> List<E> edges(java.util.function.BiFunction<String, Row, E> edge) {
            List<E> edges = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                edges.add(edge.apply(cursors.get(i), rows.get(i)));
            }
            return edges;
        }

        public PageInfo pageInfo(boolean hasPreviousPage) {
            return new PageInfo(hasNextPage, hasPreviousPage, cursors.isEmpty() ? null : cursors.get(0),
                    cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
        }
    }

    private final String ordering;
    private final List<Key> keys;
    private final boolean descending;

    /** {@code keys} end with the unique id expression. */
    public KeysetQuery(String ordering, List<Key> keys, boolean descending) {
        this.ordering = ordering;
        this.keys = keys;
        this.descending = descending;
    }

    /**
     * @param selectFrom {@code SELECT columns FROM tables} without WHERE
     * @param where      conditions, ANDed
     */
    public Page fetch(Sql sql, String selectFrom, List<String> where, Map<String, Object> params, String after,
            int pageSize) {
        Map<String, Object> bound = new HashMap<>(params);
        List<String> conditions = new ArrayList<>(where);
        if (after != null) {
            List<String> values = Paging.decode(after, ordering, keys.size());
            List<String> placeholders = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                bound.put("cursor" + i, values.get(i));
                placeholders.add("CAST(:cursor" + i + " AS " + keys.get(i).sqlType() + ")");
            }
            conditions.add("(" + expressions() + ") " + (descending ? "<" : ">") + " (" + String.join(", ", placeholders) + ")");
        }
        StringBuilder text = new StringBuilder(selectFrom.replaceFirst("(?i)^SELECT ", "SELECT " + keyColumns() + ", "));
        if (!conditions.isEmpty()) {
            text.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        text.append(" ORDER BY ");
        for (int i = 0; i < keys.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(keys.get(i).expression()).append(descending ? " DESC" : " ASC");
        }
        text.append(" LIMIT ").append(pageSize + 1);
        List<Row> rows;
        try {
            rows = sql.rows(text.toString(), bound);
        } catch (PersistenceException e) {
            if (after != null && isBadValue(e)) {
                throw new ValidationException("after", "error.cursor.malformed");
            }
            throw e;
        }
        boolean more = rows.size() > pageSize;
        List<Row> page = more ? rows.subList(0, pageSize) : rows;
        List<String> cursors = page.stream().map(this::cursor).toList();
        return new Page(page, cursors, more, counting(sql, selectFrom, where, params));
    }

    /**
     * The count of the rows the conditions select (without the cursor's), once, when first asked for: nothing of
     * it is done for a page whose count nobody asks for (the near-me search's path).
     */
    private static java.util.function.IntSupplier counting(Sql sql, String selectFrom, List<String> where, Map<String, Object> params) {
        // the caller's lists as they are: they are not changed after fetch
        List<String> conditions = where;
        Map<String, Object> bound = params;
        Integer[] counted = new Integer[1];
        return () -> {
            if (counted[0] == null) {
                String text = "SELECT count(*) AS total " + selectFrom.substring(indexOfFrom(selectFrom))
                        + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
                // only the parameters the count uses (the select list may use others, e.g. a distance's point)
                Map<String, Object> used = new HashMap<>();
                bound.forEach((name, value) -> {
                    if (java.util.regex.Pattern.compile(":" + java.util.regex.Pattern.quote(name) + "(?![A-Za-z0-9_])").matcher(text).find()) {
                        used.put(name, value);
                    }
                });
                counted[0] = sql.rows(text, used).get(0).intValue("total");
            }
            return counted[0];
        };
    }

    /** Where the top-level FROM of a {@code SELECT … FROM …} starts: the first " FROM " outside parentheses. */
    static int indexOfFrom(String selectFrom) {
        int depth = 0;
        String upper = selectFrom.toUpperCase(java.util.Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && upper.startsWith(" FROM ", i)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no FROM in the query");
    }

    /** SQLSTATE class 22: a cursor value that does not cast to its key's type (a forged cursor). */
    private static boolean isBadValue(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private String expressions() {
        return String.join(", ", keys.stream().map(Key::expression).toList());
    }

    private String keyColumns() {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            columns.add("CAST(" + keys.get(i).expression() + " AS text) AS key_" + i);
        }
        return String.join(", ", columns);
    }

    private String cursor(Row row) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            values.add(row.string("key_" + i));
        }
        return Paging.encode(ordering, values);
    }
}
