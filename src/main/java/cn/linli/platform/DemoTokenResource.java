package cn.linli.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo tokens for each role, for trying the API in GraphiQL: {@code GET /demo/tokens}. Exists only while the
 * demo identity is asked for ({@code linli.demo.identity}, see {@link EmbeddedDefaults}).
 */
@Path("/demo/tokens")
public class DemoTokenResource {
    /** Roles and the demo subjects that hold them. */
    static final Map<String, String> SUBJECTS = Map.of(
            "resident", "demo-resident",
            "org_staff", "demo-org-staff",
            "gov_official", "demo-official",
            "evaluator", "demo-evaluator",
            "admin", "demo-admin");

    @ConfigProperty(name = "linli.demo.identity", defaultValue = "false")
    boolean enabled;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Map<String, String>> tokens() {
        if (!enabled) {
            throw new NotFoundException();
        }
        Map<String, Map<String, String>> tokens = new LinkedHashMap<>();
        for (String role : new String[] {"resident", "org_staff", "gov_official", "evaluator", "admin"}) {
            String subject = SUBJECTS.get(role);
            tokens.put(role, Map.of("subject", subject,
                    "token", DemoIdentity.token(subject, Set.of(role), Duration.ofHours(12)),
                    "header", "Authorization: Bearer <token>"));
        }
        return tokens;
    }
}
