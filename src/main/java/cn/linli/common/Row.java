package cn.linli.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Typed reads from a row of a native query ({@link Sql}), whatever Java type the driver chose for a column. */
public final class Row {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Each column's label to its position in {@link #values}: one map for all rows of a result. */
    private final Map<String, Integer> columns;
    private final Object[] values;

    Row(Map<String, Integer> columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    /** The value of a column by its label; a label the statement does not select is a programming error. */
    public Object get(String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new IllegalArgumentException("The statement selects no column " + column + " (it has " + columns.keySet() + ")");
        }
        return values[index];
    }

    public String string(String column) {
        Object value = get(column);
        return value == null ? null : value.toString();
    }

    /**
     * An integer column (or an integral sum or count) as a long, exactly: a value with a fraction or beyond the long
     * range is a server bug (a query that should have been bounded), never silently truncated or wrapped.
     */
    public Long longValue(String column) {
        Object value = get(column);
        return value == null ? null : exactLong(column, value);
    }

    /** As {@link #longValue}, within the int range. */
    public Integer intValue(String column) {
        Object value = get(column);
        if (value == null) {
            return null;
        }
        long exact = exactLong(column, value);
        if (exact < Integer.MIN_VALUE || exact > Integer.MAX_VALUE) {
            throw notExact(column, value, "int");
        }
        return (int) exact;
    }

    public Double doubleValue(String column) {
        Object value = get(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    public BigDecimal decimal(String column) {
        Object value = get(column);
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        return new BigDecimal(value.toString());
    }

    public boolean bool(String column) {
        return Boolean.TRUE.equals(get(column));
    }

    /** A timestamptz column as a date-time in China Standard Time. */
    public OffsetDateTime dateTime(String column) {
        Object value = get(column);
        Instant instant;
        if (value == null) {
            return null;
        } else if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof OffsetDateTime o) {
            instant = o.toInstant();
        } else if (value instanceof Timestamp t) {
            instant = t.toInstant();
        } else {
            instant = OffsetDateTime.parse(value.toString()).toInstant();
        }
        return instant.atZone(CHINA).toOffsetDateTime();
    }

    public LocalDate date(String column) {
        Object value = get(column);
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }

    public LocalTime time(String column) {
        Object value = get(column);
        if (value == null || value instanceof LocalTime) {
            return (LocalTime) value;
        }
        if (value instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        return LocalTime.parse(value.toString());
    }

    private static long exactLong(String column, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        try {
            if (value instanceof BigInteger big) {
                return big.longValueExact();
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.longValueExact();
            }
        } catch (ArithmeticException e) {
            throw notExact(column, value, "long");
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // every double in [-2^63, 2^63) that has no fraction converts exactly
            if (d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63) {
                return (long) d;
            }
            throw notExact(column, value, "long");
        }
        throw new IllegalStateException("Column " + column + " is a " + value.getClass().getSimpleName() + ", not an integer");
    }

    private static IllegalStateException notExact(String column, Object value, String type) {
        // the value comes from the database, not from the caller: safe to name it in the server's log
        return new IllegalStateException("Column " + column + " = " + value + " does not fit a " + type + " exactly");
    }

    /** A text[] column selected as {@code array_to_string(column, ',')}. */
    public List<String> list(String column) {
        String value = string(column);
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }
}
