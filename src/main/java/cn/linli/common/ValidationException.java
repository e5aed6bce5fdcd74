package cn.linli.common;

import io.smallrye.graphql.api.ErrorCode;

/** {@code extensions.code = VALIDATION}, with {@code extensions.field} naming the input field at fault. */
@ErrorCode("VALIDATION")
public class ValidationException extends ApiException {
    public ValidationException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }
}
