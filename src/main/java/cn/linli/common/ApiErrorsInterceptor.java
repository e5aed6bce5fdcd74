package cn.linli.common;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jboss.logging.Logger;

/**
 * Turns every failure of a GraphQL resolver into an {@link ApiException} with a stable code and a readable
 * message, so that clients never see "System error", a stack trace or SQL. Unexpected failures are logged
 * here by class and message only: arguments (which may hold personal data) are never logged.
 */
@ApiErrors
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ApiErrorsInterceptor {
    private static final Logger LOG = Logger.getLogger(ApiErrorsInterceptor.class);

    @AroundInvoke
    Object translate(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (ApiException e) {
            throw e;
        } catch (UnauthorizedException | AuthenticationFailedException e) {
            throw new UnauthenticatedException("error.unauthenticated");
        } catch (io.quarkus.security.ForbiddenException e) {
            throw new ForbiddenException("error.forbidden");
        } catch (RuntimeException e) {
            throw translate(e, context.getMethod().getDeclaringClass().getSimpleName() + "." + context.getMethod().getName());
        }
    }

    /**
     * The failure as clients see it; {@code where} (a class and method, never an argument) goes to the log for an
     * unexpected one. Also used for the fields that no resolver serves ({@link PlainFieldFetchers}).
     */
    static ApiException translate(RuntimeException e, String where) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return api;
            }
            if (cause instanceof OptimisticLockException || cause instanceof org.hibernate.StaleStateException) {
                return new ConflictException("error.staleVersion");
            }
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return new ConflictException("error.duplicate");
            }
            if (cause instanceof SQLTransientConnectionException || isConnectionFailure(cause)) {
                LOG.warnf("Database unavailable in %s: %s", where, cause.getClass().getName());
                return new UnavailableException("error.unavailable");
            }
        }
        LOG.errorf("Unexpected failure in %s: %s", where, e.getClass().getName());
        return new InternalException("error.internal");
    }

    /** SQLSTATE class 08 is "connection exception" (and 57P01-03: the server is shutting down). */
    private static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.startsWith("57P");
        }
        return false;
    }
}
