package cn.linli.common;

import java.util.regex.Pattern;

/** Checks of free-form input fields: each failure is VALIDATION naming the field. */
public final class Inputs {
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");

    private Inputs() {
    }

    /** Trimmed text of 1 … max characters, no control characters. */
    public static String required(String value, String field, int max) {
        String text = optional(value, field, max);
        if (text == null || text.isEmpty()) {
            throw new ValidationException(field, "error.input.required");
        }
        return text;
    }

    /** Trimmed text of at most max characters, or null. */
    public static String optional(String value, String field, int max) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new ValidationException(field, "error.input.tooLong", max);
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new ValidationException(field, "error.input.control");
        }
        return text;
    }

    public static String phone(String value, String field) {
        String text = optional(value, field, 20);
        if (text != null && !text.isEmpty() && !PHONE.matcher(text).matches()) {
            throw new ValidationException(field, "error.input.phone");
        }
        return text;
    }

    public static int range(Integer value, String field, int min, int max, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw new ValidationException(field, "error.input.range", min, max);
        }
        return value;
    }

    public static void location(Location location, String field) {
        if (location == null) {
            return;
        }
        if (Double.isNaN(location.lat()) || location.lat() < -90 || location.lat() > 90
                || Double.isNaN(location.lng()) || location.lng() < -180 || location.lng() > 180) {
            throw new ValidationException(field, "error.input.location");
        }
    }
}
