package cn.linli.common;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A search keyword typed by a person: letters (any script), digits and spaces; every space-separated term
 * must occur. Terms of two characters or more are looked up through the {@code linli_bigrams} GIN index and
 * rechecked by substring, so 助餐 finds 老年助餐服务 without a sequential scan.
 */
public record Keyword(List<String> terms) {
    public static final int MAX_LENGTH = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}\\p{M}\\s·\\-]+");

    /** The keyword of a filter field, or null when blank; VALIDATION naming {@code field} when unusable. */
    public static Keyword parse(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        if (text.length() > MAX_LENGTH) {
            throw new ValidationException(field, "error.keyword.tooLong", MAX_LENGTH);
        }
        if (!ALLOWED.matcher(text).matches()) {
            throw new ValidationException(field, "error.keyword.characters");
        }
        return new Keyword(Arrays.stream(text.toLowerCase().split("\\s+")).distinct().toList());
    }

    /**
     * SQL that is true when {@code indexedText} (the exact expression of a {@code linli_bigrams} index) holds
     * every term; its parameters go into {@code params} under {@code prefix}.
     */
    public String condition(String indexedText, String prefix, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("(");
        if (terms.stream().anyMatch(term -> term.length() >= 2)) {
            params.put(prefix + "all", String.join(" ", terms));
            sql.append("linli_bigrams(").append(indexedText).append(") @> linli_bigrams(:").append(prefix).append("all) AND ");
        }
        for (int i = 0; i < terms.size(); i++) {
            params.put(prefix + i, terms.get(i));
            sql.append(i == 0 ? "" : " AND ").append("strpos(lower(").append(indexedText).append("), :")
                    .append(prefix).append(i).append(") > 0");
        }
        return sql.append(')').toString();
    }

    public String first() {
        return terms.get(0);
    }
}
