package cn.linli.common;

import io.smallrye.graphql.api.ErrorCode;

/** {@code extensions.code = NOT_FOUND}. */
@ErrorCode("NOT_FOUND")
public class NotFoundException extends ApiException {
    public NotFoundException(String messageKey, Object... args) {
        super(null, messageKey, args);
    }

    public NotFoundException(String field, String messageKey, Object[] args) {
        super(field, messageKey, args);
    }
}
