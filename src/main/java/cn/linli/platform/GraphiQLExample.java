package cn.linli.platform;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * GraphiQL (/q/graphql-ui) opens with a Linli query instead of an empty editor: opened without a query, it is
 * redirected to itself with one in its {@code query} URL parameter, which GraphiQL reads as the first query. The
 * comment says how to sign in (a demo token in the Headers tab), as the README does.
 */
@ApplicationScoped
public class GraphiQLExample {
    static final String PAGE = "/q/graphql-ui/";
    static final String EXAMPLE = """
            # 邻里 Linli GraphQL. Press ▶ to run: elder-care services near a point of the demo district (七里河区), no sign-in needed.
            #
            # Signed-in operations (me, bookings, the consoles): get a demo token for a role with
            #   curl localhost:8080/demo/tokens
            # and put it in the Headers tab below as
            #   {"Authorization": "Bearer <token>"}
            # The operations the front ends send are in graphql/operations/ of the repository.
            query NearbyServices {
              services(near: {lat: 36.064, lng: 103.80, radiusMeters: 1500}, filter: {categoryCode: "elderly"},
                       orderBy: DISTANCE, first: 5) {
                edges { node { id title distanceMeters modeLabel price { pricingLabel residentPaysFen unit } organization { name } } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (context.request().method() == HttpMethod.GET && PAGE.equals(context.normalizedPath())
                    && context.request().getParam("query") == null) {
                context.response().setStatusCode(302).putHeader("Cache-Control", "no-store")
                        .putHeader("Location", PAGE + "?query=" + URLEncoder.encode(EXAMPLE, StandardCharsets.UTF_8).replace("+", "%20"))
                        .end();
                return;
            }
            context.next();
        }, 900);
    }
}
