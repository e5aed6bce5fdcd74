package cn.linli.common;

/**
 * An error a client can act on. Each subclass carries one stable {@code extensions.code}; the message is
 * resolved in the caller's language when the exception is created (zh-CN unless Accept-Language asks for
 * English).
 */
public abstract class ApiException extends RuntimeException {
    private final String field;

    protected ApiException(String field, String messageKey, Object... args) {
        super(Messages.get(messageKey, args), null, false, false);
        this.field = field;
    }

    /** The input field the error is about (for VALIDATION), or null. */
    public String field() {
        return field;
    }
}
