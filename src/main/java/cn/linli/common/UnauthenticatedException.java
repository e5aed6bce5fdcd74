package cn.linli.common;

import io.smallrye.graphql.api.ErrorCode;

/** {@code extensions.code = UNAUTHENTICATED}. */
@ErrorCode("UNAUTHENTICATED")
public class UnauthenticatedException extends ApiException {
    public UnauthenticatedException(String messageKey, Object... args) {
        super(null, messageKey, args);
    }

    public UnauthenticatedException(String field, String messageKey, Object[] args) {
        super(field, messageKey, args);
    }
}
