package cn.linli.common;

import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every text and date a client sends must satisfy, whatever the operation: checked once, centrally, for
 * every argument and input field ({@link GraphQLInputs}), before any resolver or SQL sees it. Operations add
 * their own, tighter rules (a name of at most 40 characters, a phone number's format).
 */
public final class InputRules {
    /** No text argument of this API is longer; an import of a whole file would have its own endpoint. */
    public static final int MAX_TEXT_LENGTH = 8_000;
    /**
     * A file sent as text ({@code input.csv} of the imports): what fits the 256 KiB GraphQL request body. Larger
     * files go to the import's HTTP endpoint.
     */
    public static final int MAX_FILE_LENGTH = 240_000;
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2199;
    private static final Pattern YEAR = Pattern.compile("^([+-]?\\d+)-");

    private InputRules() {
    }

    /** The message key of what is wrong with this text, or null when it may be used. */
    public static String textProblem(String value) {
        return textProblem(value, MAX_TEXT_LENGTH);
    }

    /** As {@link #textProblem(String)}, with another length limit. */
    public static String textProblem(String value, int maxLength) {
        if (value.length() > maxLength) {
            return "error.input.tooLong";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "error.input.loneSurrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "error.input.loneSurrogate";
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c >= 0x7f && c <= 0x9f) {
                return "error.input.controlCharacter"; // NUL and the other C0/C1 controls: never text
            }
            if (c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f
                    || c == 0x061c) {
                return "error.input.bidiControl"; // reorders what a reader sees (Trojan Source, CVE-2021-42574)
            }
            if (c == 0xfffe || c == 0xffff) {
                return "error.input.controlCharacter";
            }
        }
        return null;
    }

    /** The message key of what is wrong with this date or date-time (its year), or null. */
    public static String dateProblem(Object value) {
        Long year = null;
        if (value instanceof TemporalAccessor temporal && temporal.isSupported(ChronoField.YEAR)) {
            year = (long) temporal.get(ChronoField.YEAR);
        } else if (value instanceof CharSequence text) {
            Matcher matcher = YEAR.matcher(text);
            if (matcher.find()) {
                String digits = matcher.group(1);
                year = digits.length() > 6 ? Long.MAX_VALUE : Long.parseLong(digits);
            }
        }
        return year != null && (year < MIN_YEAR || year > MAX_YEAR) ? "error.input.yearOutOfRange" : null;
    }
}
