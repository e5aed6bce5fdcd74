package cn.linli.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Console;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BARRED while a bar runs, ACTIVE again by itself when it ends; neither verification nor reinstatement lifts it. */
@QuarkusTest
class BarEndsTest {
    static final String OFFICIAL = Tokens.of("official-console", "gov_official");
    static final String STATUS = "query($o: ID!) { organization(id: $o) { status } }";

    @Inject
    Fixtures fixtures;
    @Inject
    OrganizationStanding standing;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    @Test
    void aBarEndsByItselfAndASuspensionDoesNotLaunderIt() {
        String owner = Tokens.of("bar-owner", "org_staff");
        String id = GraphQL.as(owner).data(Console.REGISTER, Map.of("input", Console.registration("禁投测试社", Console.newCreditCode())))
                .getString("registerOrganization.id");
        GraphQL.as(OFFICIAL).data(Console.DECIDE.formatted("verifyOrganization"), Map.of("id", id, "reason", "资料齐全"));
        fixtures.execute("UPDATE organization SET barred_until = current_date + 30 WHERE id = " + id);
        standing.liftEndedBars(); // an ACTIVE one with a running bar is left alone by the job
        fixtures.execute("UPDATE organization SET status = 'BARRED' WHERE id = " + id);

        GraphQL.as(OFFICIAL).data(Console.DECIDE.formatted("suspendOrganization"), Map.of("id", id, "reason", "停业整顿"));
        GraphQL.as(OFFICIAL).data(Console.DECIDE.formatted("reinstateOrganization"), Map.of("id", id, "reason", "整顿完成"));
        assertEquals("BARRED", GraphQL.anonymous().data(STATUS, Map.of("o", id)).getString("organization.status"),
                "reinstating does not lift a running bar");

        fixtures.execute("UPDATE organization SET barred_until = current_date - 1 WHERE id = " + id);
        assertTrue(standing.liftEndedBars() >= 1);
        assertEquals("ACTIVE", GraphQL.anonymous().data(STATUS, Map.of("o", id)).getString("organization.status"));
        assertEquals(1, fixtures.id("SELECT count(*) FROM audit_entry WHERE action = 'barEnded' AND entity_id = '" + id + "'"));
    }
}
