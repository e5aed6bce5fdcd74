package cn.linli.common;

/** Entity ids travel as GraphQL IDs (decimal strings). */
public final class Ids {
    private Ids() {
    }

    public static long parse(String id, String field) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            throw new ValidationException(field, "error.id.malformed", String.valueOf(id));
        }
        return Long.parseLong(id);
    }
}
