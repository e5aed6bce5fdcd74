package cn.linli.common;

import io.smallrye.graphql.api.ErrorCode;
import java.util.List;

/**
 * VALIDATION for an import whose rows have errors: nothing was applied. {@code extensions.rowErrors} lists every
 * error (up to {@link #LISTED}) as {@code {line, column, message}}; the message says how many there are.
 */
@ErrorCode("VALIDATION")
public class RowErrorsException extends ValidationException {
    public static final int LISTED = 1_000;

    /** An error of one row: the file's line (the header is line 1), the column (null for the whole row) and why. */
    public record RowError(int line, String column, String message) {
    }

    private final transient List<RowError> errors;
    private final int total;

    public RowErrorsException(String field, List<RowError> errors) {
        super(field, errors.size() > LISTED ? "error.import.rowsFailedFirst" : "error.import.rowsFailed", errors.size(),
                LISTED);
        this.total = errors.size();
        this.errors = List.copyOf(errors.subList(0, Math.min(LISTED, errors.size())));
    }

    /** The errors listed (the first {@link #LISTED}). */
    public List<RowError> errors() {
        return errors;
    }

    public int total() {
        return total;
    }

    /** An error of one row, its message in the caller's language. */
    public static RowError error(int line, String column, String messageKey, Object... args) {
        return new RowError(line, column, Messages.get(messageKey, args));
    }
}
