package cn.linli.common;

/** Entity ids travel as GraphQL IDs (decimal strings). */
public final class Ids {
    private Ids() {
    }

    public static long parse(String id, String field) {
        // ASCII digits only: Character.isDigit would take "٣" (Arabic-Indic three) for service 3
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ValidationException(field, "error.id.malformed");
        }
        return Long.parseLong(id);
    }
}
