package cn.linli.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/** A parameter of {@link Sql}'s statements bound with the JDBC type its Java type stands for, as Hibernate bound them. */
final class JdbcValues {
    private JdbcValues() {
    }

    static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            // no type: PostgreSQL takes it from the statement (a CAST around a parameter that may be null)
            statement.setNull(index, Types.OTHER);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Short number) {
            statement.setShort(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof Double number) {
            statement.setDouble(index, number);
        } else if (value instanceof Float number) {
            statement.setFloat(index, number);
        } else if (value instanceof BigDecimal number) {
            statement.setBigDecimal(index, number);
        } else if (value instanceof BigInteger number) {
            statement.setBigDecimal(index, new BigDecimal(number));
        } else if (value instanceof OffsetDateTime moment) {
            statement.setObject(index, moment);
        } else if (value instanceof Instant moment) {
            statement.setObject(index, moment.atOffset(ZoneOffset.UTC));
        } else if (value instanceof ZonedDateTime moment) {
            statement.setObject(index, moment.toOffsetDateTime());
        } else if (value instanceof LocalDate || value instanceof LocalTime || value instanceof LocalDateTime
                || value instanceof UUID) {
            statement.setObject(index, value);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            // an enum's ordinal or a record's toString() in SQL would be a silent bug: the caller passes what it means
            throw new IllegalArgumentException("A statement parameter of type " + value.getClass().getName()
                    + " has no SQL type here; pass a String, a number, a boolean, a date-time or a collection of them");
        }
    }
}
