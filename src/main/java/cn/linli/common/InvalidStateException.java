package cn.linli.common;

import io.smallrye.graphql.api.ErrorCode;

/** {@code extensions.code = INVALID_STATE}. */
@ErrorCode("INVALID_STATE")
public class InvalidStateException extends ApiException {
    public InvalidStateException(String messageKey, Object... args) {
        super(null, messageKey, args);
    }

    public InvalidStateException(String field, String messageKey, Object[] args) {
        super(field, messageKey, args);
    }
}
