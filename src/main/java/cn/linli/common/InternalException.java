package cn.linli.common;

import io.smallrye.graphql.api.ErrorCode;

/** {@code extensions.code = INTERNAL}. */
@ErrorCode("INTERNAL")
public class InternalException extends ApiException {
    public InternalException(String messageKey, Object... args) {
        super(null, messageKey, args);
    }

    public InternalException(String field, String messageKey, Object[] args) {
        super(field, messageKey, args);
    }
}
