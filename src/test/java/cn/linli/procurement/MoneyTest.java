package cn.linli.procurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.procurement.Money.Misfit;
import org.junit.jupiter.api.Test;

/**
 * The money rules alone, without Quarkus (the VALIDATION errors they become, with their fields and messages, are
 * MoneyBoundsTest's).
 */
class MoneyTest {
    @Test
    void theCeilingIsExactInJavaScriptAndBoundedSumsCannotOverflow() {
        assertEquals(100_000_000_000_000L, Money.MAX_FEN, "1 万亿 yuan");
        assertTrue(Money.MAX_FEN < (1L << 53), "below Number.MAX_SAFE_INTEGER");
        assertTrue(Money.MAX_BUDGET_FEN <= Money.MAX_FEN);
        assertTrue(Money.MAX_FEN <= Long.MAX_VALUE / Money.MAX_ITEMS, "a list of bounded amounts sums within a long");
        assertTrue(Money.MAX_QUANTITY * Money.MAX_ITEMS < (1L << 53));
    }

    @Test
    void anAmountIsPositiveAtMostTheCeilingAndAtMostWhatContainsIt() {
        assertNull(Money.misfit(1, 1));
        assertNull(Money.misfit(999, 999));
        assertNull(Money.misfit(Money.MAX_FEN, Long.MAX_VALUE));
        assertEquals(Misfit.OVER_LIMIT, Money.misfit(1_000, 999));
        assertEquals(Misfit.OVER_LIMIT, Money.misfit(1, 0), "nothing left");
        assertEquals(Misfit.OUT_OF_RANGE, Money.misfit(0, 10));
        assertEquals(Misfit.OUT_OF_RANGE, Money.misfit(-1, 10));
        assertEquals(Misfit.OUT_OF_RANGE, Money.misfit(Long.MIN_VALUE, 10));
        assertEquals(Misfit.OUT_OF_RANGE, Money.misfit(Money.MAX_FEN + 1, Long.MAX_VALUE), "the ceiling holds whatever the container");
        // the reproduction's payment: 2^63 − 1 fen
        assertEquals(Misfit.OUT_OF_RANGE, Money.misfit(Long.MAX_VALUE, Long.MAX_VALUE));
    }

    @Test
    void sumsAndRestsAreExact() {
        assertEquals(Money.MAX_FEN * 2, Money.add(Money.MAX_FEN, Money.MAX_FEN));
        // the reproduction's arithmetic: 1 + (2^63 − 1) wrapped to −2^63, and 2 × (2^63 − 1) to −2
        assertThrows(ArithmeticException.class, () -> Money.add(1, Long.MAX_VALUE));
        assertThrows(ArithmeticException.class, () -> Money.add(Long.MAX_VALUE, Long.MAX_VALUE));
        assertEquals(999L, Money.rest(1_000, 1));
        assertEquals(0L, Money.rest(1_000, 1_000));
        assertEquals(0L, Money.rest(1_000, 1_001), "never negative");
        assertThrows(ArithmeticException.class, () -> Money.rest(Long.MAX_VALUE, -1));
        // a milestone of 2^63 − 1 after one of 1 on a 1 000-fen award: what is left is 999, and it does not fit
        assertEquals(Misfit.OUT_OF_RANGE, Money.misfit(Long.MAX_VALUE, Money.rest(1_000, 1)));
        assertEquals(Misfit.OVER_LIMIT, Money.misfit(1_000, Money.rest(1_000, 1)));
    }

    @Test
    void countsAreBounded() {
        assertTrue(Money.within(1, 1, Money.MAX_QUANTITY));
        assertTrue(Money.within(Money.MAX_QUANTITY, 1, Money.MAX_QUANTITY));
        assertFalse(Money.within(Money.MAX_QUANTITY + 1, 1, Money.MAX_QUANTITY));
        assertFalse(Money.within(0, 1, Money.MAX_QUANTITY));
        assertFalse(Money.within(Long.MAX_VALUE, 1, Money.MAX_QUANTITY));
    }
}
