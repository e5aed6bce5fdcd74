package cn.linli.common;

import io.smallrye.graphql.api.ErrorCode;

/** {@code extensions.code = UNAVAILABLE}. */
@ErrorCode("UNAVAILABLE")
public class UnavailableException extends ApiException {
    public UnavailableException(String messageKey, Object... args) {
        super(null, messageKey, args);
    }

    public UnavailableException(String field, String messageKey, Object[] args) {
        super(field, messageKey, args);
    }
}
