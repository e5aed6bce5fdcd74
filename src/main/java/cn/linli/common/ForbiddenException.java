package cn.linli.common;

import io.smallrye.graphql.api.ErrorCode;

/** {@code extensions.code = FORBIDDEN}. */
@ErrorCode("FORBIDDEN")
public class ForbiddenException extends ApiException {
    public ForbiddenException(String messageKey, Object... args) {
        super(null, messageKey, args);
    }

    public ForbiddenException(String field, String messageKey, Object[] args) {
        super(field, messageKey, args);
    }
}
