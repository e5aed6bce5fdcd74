package cn.linli.common;

import io.smallrye.graphql.api.ErrorCode;

/** {@code extensions.code = CONFLICT}. */
@ErrorCode("CONFLICT")
public class ConflictException extends ApiException {
    public ConflictException(String messageKey, Object... args) {
        super(null, messageKey, args);
    }

    public ConflictException(String field, String messageKey, Object[] args) {
        super(field, messageKey, args);
    }
}
