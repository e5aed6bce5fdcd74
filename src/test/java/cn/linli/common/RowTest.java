package cn.linli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 12: Row reads integers exactly, whatever type the driver chose; what does not fit is a server bug. */
class RowTest {
    static Row row(Object value) {
        return new Row(Map.of("v", 0), new Object[] {value});
    }

    @Test
    void integersOfEveryTypeThatFitAreReadExactly() {
        assertEquals(Long.MAX_VALUE, row(Long.MAX_VALUE).longValue("v"));
        assertEquals(Long.MIN_VALUE, row(Long.MIN_VALUE).longValue("v"));
        assertEquals(7L, row(7).longValue("v"));
        assertEquals(7L, row((short) 7).longValue("v"));
        assertEquals(Long.MAX_VALUE, row(BigDecimal.valueOf(Long.MAX_VALUE)).longValue("v"), "a sum(bigint) is numeric");
        assertEquals(1_000L, row(new BigDecimal("1000.00")).longValue("v"), "a zero fraction is exact");
        assertEquals(Long.MAX_VALUE, row(BigInteger.valueOf(Long.MAX_VALUE)).longValue("v"));
        assertEquals(-4L, row(-4.0d).longValue("v"));
        assertEquals(1L << 62, row((double) (1L << 62)).longValue("v"));
        assertEquals(Integer.MAX_VALUE, row((long) Integer.MAX_VALUE).intValue("v"));
        assertEquals(Integer.MIN_VALUE, row(BigDecimal.valueOf(Integer.MIN_VALUE)).intValue("v"));
        assertEquals(12, row(12L).intValue("v"));
        assertNull(row(null).longValue("v"));
        assertNull(row(null).intValue("v"));
    }

    @Test
    void whatDoesNotFitExactlyIsAServerBugNeverATruncation() {
        // the reproduction: sum(amount_fen) of 1 and 2^63 − 1 is the numeric 2^63, which longValue() read as −2^63
        BigDecimal wrapped = BigDecimal.valueOf(Long.MAX_VALUE).add(BigDecimal.ONE);
        assertThrows(IllegalStateException.class, () -> row(wrapped).longValue("v"));
        assertThrows(IllegalStateException.class, () -> row(BigDecimal.valueOf(Long.MIN_VALUE).subtract(BigDecimal.ONE)).longValue("v"));
        assertThrows(IllegalStateException.class, () -> row(BigInteger.ONE.shiftLeft(63)).longValue("v"));
        assertThrows(IllegalStateException.class, () -> row(new BigDecimal("1.5")).longValue("v"));
        assertThrows(IllegalStateException.class, () -> row(1.5d).longValue("v"));
        assertThrows(IllegalStateException.class, () -> row(0x1p63).longValue("v"), "2^63 as a double");
        assertThrows(IllegalStateException.class, () -> row(Double.NaN).longValue("v"));
        assertThrows(IllegalStateException.class, () -> row(Double.POSITIVE_INFINITY).longValue("v"));
        assertThrows(IllegalStateException.class, () -> row(0.5f).longValue("v"));
        assertThrows(IllegalStateException.class, () -> row("12").longValue("v"), "not a number at all");
        assertThrows(IllegalStateException.class, () -> row(Integer.MAX_VALUE + 1L).intValue("v"));
        assertThrows(IllegalStateException.class, () -> row(Integer.MIN_VALUE - 1L).intValue("v"));
        assertThrows(IllegalStateException.class, () -> row(new BigDecimal("2.5")).intValue("v"));
        assertThrows(IllegalStateException.class, () -> row(wrapped).intValue("v"));
    }
}
