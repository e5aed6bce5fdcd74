package cn.linli.common;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Keyset paging. A cursor is opaque to clients: base64url of the ordering's name and the sort-key values of
 * the last row seen, so the next page starts strictly after it and pages stay stable when keys tie (the row
 * id is always the last key).
 */
public final class Paging {
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    private static final char SEPARATOR = '\u001f';

    private Paging() {
    }

    /** The page size a client asked for, checked: 1 … 100, 20 when absent. */
    public static int pageSize(Integer first) {
        if (first == null) {
            return DEFAULT_PAGE_SIZE;
        }
        if (first < 1 || first > MAX_PAGE_SIZE) {
            throw new ValidationException("first", "error.first.range", MAX_PAGE_SIZE);
        }
        return first;
    }

    public static String encode(String ordering, List<String> keys) {
        StringBuilder text = new StringBuilder(ordering);
        for (String key : keys) {
            text.append(SEPARATOR).append(key == null ? "" : key);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The key values of a cursor made for {@code ordering} with {@code keyCount} keys; VALIDATION otherwise. */
    public static List<String> decode(String cursor, String ordering, int keyCount) {
        if (cursor.length() > 400) {
            throw new ValidationException("after", "error.cursor.malformed");
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("after", "error.cursor.malformed");
        }
        List<String> parts = new ArrayList<>(Arrays.asList(text.split(String.valueOf(SEPARATOR), -1)));
        if (parts.size() != keyCount + 1 || !parts.get(0).equals(ordering)) {
            throw new ValidationException("after", "error.cursor.malformed");
        }
        return parts.subList(1, parts.size());
    }
}
