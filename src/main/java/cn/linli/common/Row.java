package cn.linli.common;

import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/** Typed reads from a native-query row, whatever Java type the driver chose for a column. */
public record Row(Tuple tuple) {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public Object get(String column) {
        return tuple.get(column);
    }

    public String string(String column) {
        Object value = tuple.get(column);
        return value == null ? null : value.toString();
    }

    public Long longValue(String column) {
        Object value = tuple.get(column);
        return value == null ? null : ((Number) value).longValue();
    }

    public Integer intValue(String column) {
        Object value = tuple.get(column);
        return value == null ? null : ((Number) value).intValue();
    }

    public Double doubleValue(String column) {
        Object value = tuple.get(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    public BigDecimal decimal(String column) {
        Object value = tuple.get(column);
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        return new BigDecimal(value.toString());
    }

    public boolean bool(String column) {
        return Boolean.TRUE.equals(tuple.get(column));
    }

    /** A timestamptz column as a date-time in China Standard Time. */
    public OffsetDateTime dateTime(String column) {
        Object value = tuple.get(column);
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
        Object value = tuple.get(column);
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }

    public LocalTime time(String column) {
        Object value = tuple.get(column);
        if (value == null || value instanceof LocalTime) {
            return (LocalTime) value;
        }
        if (value instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        return LocalTime.parse(value.toString());
    }

    /** A text[] column selected as {@code array_to_string(column, ',')}. */
    public List<String> list(String column) {
        String value = string(column);
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }
}
