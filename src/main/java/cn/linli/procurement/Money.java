package cn.linli.procurement;

import cn.linli.common.ValidationException;

/**
 * The rules every amount of money (in fen) and every count of procurement follows, in one place: positive, at most
 * a global ceiling, and at most what contains it (payment ≤ the milestone's unpaid rest, milestones ≤ the contract,
 * awards ≤ the budget). Sums are exact: an overflow is a server bug ({@link ArithmeticException}), never a wrap.
 */
public final class Money {
    /**
     * The largest amount anything may have: 1 万亿 yuan. Also below 2^53, so every amount and every sum of a
     * bounded number of them is exact as a JavaScript number.
     */
    public static final long MAX_FEN = 100_000_000_000_000L;
    /** The largest budget of one procurement: 10 亿 yuan. */
    public static final long MAX_BUDGET_FEN = 100_000_000_000L;
    /** The largest quantity of a service target (人次, 小时 …). */
    public static final long MAX_QUANTITY = 1_000_000_000L;
    /** The most milestones or service targets one contract, or awards one procurement, may have. */
    public static final int MAX_ITEMS = 100;

    private Money() {
    }

    /** How an amount fails to fit (the rule itself, without the error it becomes). */
    public enum Misfit {
        /** Not between 1 fen and {@link #MAX_FEN}. */
        OUT_OF_RANGE,
        /** More than what contains it leaves. */
        OVER_LIMIT
    }

    /** Whether {@code fen} is an amount (1 … {@link #MAX_FEN}) of at most {@code limit}: null if it fits. */
    public static Misfit misfit(long fen, long limit) {
        if (!within(fen, 1, MAX_FEN)) {
            return Misfit.OUT_OF_RANGE;
        }
        return fen > limit ? Misfit.OVER_LIMIT : null;
    }

    public static boolean within(long value, long min, long max) {
        return value >= min && value <= max;
    }

    /** An amount of at least 1 fen and at most {@link #MAX_FEN}; else VALIDATION on the field. */
    public static long amount(long fen, String field) {
        return between(fen, 1, MAX_FEN, field);
    }

    /**
     * An amount (as {@link #amount}) that also fits what contains it: at most {@code limit}, else VALIDATION on the
     * field with the message {@code key} and its arguments (which name the limit, never the amount given).
     */
    public static long atMost(long fen, long limit, String field, String key, Object... args) {
        Misfit misfit = misfit(fen, limit);
        if (misfit == Misfit.OUT_OF_RANGE) {
            throw new ValidationException(field, "error.input.range", 1, MAX_FEN);
        }
        if (misfit == Misfit.OVER_LIMIT) {
            throw new ValidationException(field, key, args);
        }
        return fen;
    }

    /** A number in [min, max]; else VALIDATION (error.input.range) on the field. */
    public static long between(long value, long min, long max, String field) {
        if (!within(value, min, max)) {
            throw new ValidationException(field, "error.input.range", min, max);
        }
        return value;
    }

    /** At most {@link #MAX_ITEMS} entries in a list input; else VALIDATION on the field. */
    public static void items(int size, String field) {
        if (size > MAX_ITEMS) {
            throw new ValidationException(field, "error.money.items", MAX_ITEMS);
        }
    }

    /** An exact sum of amounts. */
    public static long add(long a, long b) {
        return Math.addExact(a, b);
    }

    /** What is left of {@code total} after {@code used}: never negative, exact. */
    public static long rest(long total, long used) {
        return Math.max(0, Math.subtractExact(total, used));
    }
}
