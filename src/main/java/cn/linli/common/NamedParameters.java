package cn.linli.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A statement with {@code :name} parameters, as this code base writes its SQL, turned into JDBC's {@code ?} ones:
 * what Hibernate's native queries did for {@link Sql}, without a session per read. Quoted text ({@code '…'},
 * {@code "…"}), comments and PostgreSQL's {@code ::} casts are left alone. A collection-valued parameter becomes one
 * {@code ?} per element ({@code IN (:ids)}), an empty one {@code NULL} (which matches nothing), as Hibernate
 * expanded them.
 */
final class NamedParameters {
    /** The parsed form of each statement text; the texts are the code's own constants and their few variants. */
    private static final Map<String, NamedParameters> PARSED = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 2_000;

    /** The text between parameters: {@code parts.size() == names.size() + 1}. */
    private final List<String> parts;
    private final List<String> names;
    /** The JDBC text when no parameter is a collection (the common case), computed once. */
    private final String plain;

    private NamedParameters(List<String> parts, List<String> names) {
        this.parts = parts;
        this.names = names;
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            sql.append(parts.get(i)).append('?');
        }
        this.plain = sql.append(parts.get(names.size())).toString();
    }

    static NamedParameters of(String sql) {
        NamedParameters parsed = PARSED.get(sql);
        if (parsed == null) {
            parsed = parse(sql);
            if (PARSED.size() < MAX_CACHED) {
                PARSED.put(sql, parsed);
            }
        }
        return parsed;
    }

    List<String> names() {
        return names;
    }

    /** The JDBC text for these values: a collection's parameter repeated once per element. */
    String jdbcSql(Map<String, ?> values) {
        boolean anyCollection = false;
        for (String name : names) {
            if (value(values, name) instanceof Collection<?>) {
                anyCollection = true;
                break;
            }
        }
        if (!anyCollection) {
            return plain;
        }
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            sql.append(parts.get(i));
            if (value(values, names.get(i)) instanceof Collection<?> items) {
                sql.append(items.isEmpty() ? "NULL" : "?" + ", ?".repeat(items.size() - 1));
            } else {
                sql.append('?');
            }
        }
        return sql.append(parts.get(names.size())).toString();
    }

    /** The values in the order of the JDBC text's {@code ?}s, collections spread. */
    List<Object> jdbcValues(Map<String, ?> values) {
        List<Object> ordered = new ArrayList<>(names.size());
        for (String name : names) {
            Object value = value(values, name);
            if (value instanceof Collection<?> items) {
                ordered.addAll(items);
            } else {
                ordered.add(value);
            }
        }
        return ordered;
    }

    private static Object value(Map<String, ?> values, String name) {
        Object value = values.get(name);
        if (value == null && !values.containsKey(name)) {
            throw new IllegalArgumentException("No value for the statement's parameter :" + name);
        }
        return value;
    }

    static NamedParameters parse(String sql) {
        List<String> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') { // a literal or a quoted identifier, doubled quotes inside
                int end = i + 1;
                while (end < n) {
                    if (sql.charAt(end) == c) {
                        if (end + 1 < n && sql.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(end + 1, n);
                part.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                part.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                part.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                part.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                parts.add(part.toString());
                part.setLength(0);
                i = end;
            } else {
                part.append(c);
                i++;
            }
        }
        parts.add(part.toString());
        return new NamedParameters(List.copyOf(parts), List.copyOf(names));
    }
}
