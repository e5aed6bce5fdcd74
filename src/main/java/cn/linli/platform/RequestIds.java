package cn.linli.platform;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Every request gets an id: the caller's {@code X-Request-Id} when it is a plain token (1–64 letters, digits,
 * {@code . _ -}), else a new UUID. It is returned in the response header and put on the log lines of the
 * request (MDC {@code requestId}).
 */
@ApplicationScoped
public class RequestIds {
    static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String given = context.request().getHeader(HEADER);
            String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
            context.response().putHeader(HEADER, id);
            MDC.put("requestId", id);
            context.next();
        }, 1000);
    }
}
