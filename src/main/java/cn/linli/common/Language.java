package cn.linli.common;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/** The language of the current request: zh-CN by default, English when Accept-Language prefers it. */
public enum Language {
    ZH, EN;

    public static Language current() {
        if (Arc.container() == null) {
            return ZH; // outside the running service (a plain unit test of a rule)
        }
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return ZH;
        }
        CurrentVertxRequest request = Arc.container().instance(CurrentVertxRequest.class).get();
        RoutingContext context = request == null ? null : request.getCurrent();
        return context == null ? ZH : fromAcceptLanguage(context.request().getHeader("Accept-Language"));
    }

    /** The first language range that names zh or en wins; anything else means the default, zh. */
    public static Language fromAcceptLanguage(String header) {
        if (header == null) {
            return ZH;
        }
        for (String range : header.split(",")) {
            String tag = range.trim().toLowerCase();
            if (tag.startsWith("en")) {
                return EN;
            }
            if (tag.startsWith("zh")) {
                return ZH;
            }
        }
        return ZH;
    }
}
