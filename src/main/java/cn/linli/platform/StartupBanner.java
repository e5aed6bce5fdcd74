package cn.linli.platform;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Tells a newcomer where to go once the service is up. */
@jakarta.enterprise.context.ApplicationScoped
public class StartupBanner {
    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;
    @ConfigProperty(name = "linli.demo.identity", defaultValue = "false")
    boolean demoTokens;

    void onStart(@Observes StartupEvent event) {
        if (ConfigUtils.getProfiles().contains("test")) {
            return;
        }
        String base = "http://localhost:" + port;
        LOG.infof("Linli is up. GraphQL endpoint: %s/graphql  GraphiQL: %s/q/graphql-ui", base, base);
        if (demoTokens) {
            LOG.infof("Demo tokens for each role (resident, org_staff, gov_official, evaluator, admin): "
                    + "curl %s/demo/tokens  — send one as 'Authorization: Bearer <token>'", base);
        }
    }
}
