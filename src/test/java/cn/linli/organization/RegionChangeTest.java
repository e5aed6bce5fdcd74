package cn.linli.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.linli.testing.Console;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: an organization that moves to another region is verified again (PENDING), by an official of the new
 * region, as after a new name or credit code: its verifier may have no jurisdiction there.
 */
@QuarkusTest
class RegionChangeTest {
    static final String CONSOLE_OFFICIAL = Tokens.of("official-console", "gov_official"); // governs 990300
    static final String TEST_OFFICIAL = Tokens.of("official-test", "gov_official"); // governs 990100
    static final String UPDATE = "mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) "
            + "{ status version region { code } } }";

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    @Test
    void movingToAnotherRegionNeedsVerificationThereAgain() {
        String founder = Tokens.of("founder-region", "org_staff");
        String id = GraphQL.as(founder).data(Console.REGISTER, Map.of("input",
                Console.registration("测试迁址机构", Console.newCreditCode()))).getString("registerOrganization.id");
        int version = GraphQL.as(CONSOLE_OFFICIAL).data(Console.DECIDE.formatted("verifyOrganization"),
                Map.of("id", id, "reason", "资料齐全")).getInt("verifyOrganization.version");

        // the reproduction: the organization moved itself out of its verifier's jurisdiction and stayed ACTIVE
        JsonPath moved = GraphQL.as(founder).data(UPDATE, Map.of("input", Map.of("id", id, "version", version,
                "regionCode", "990100001001")));
        assertEquals("PENDING", moved.getString("updateOrganization.status"));
        assertEquals("990100001001", moved.getString("updateOrganization.region.code"));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(CONSOLE_OFFICIAL).error(Console.DECIDE.formatted("verifyOrganization"),
                Map.of("id", id, "reason", "资料齐全"))), "the former verifier has no say in the new region");
        version = GraphQL.as(TEST_OFFICIAL).data(Console.DECIDE.formatted("verifyOrganization"),
                Map.of("id", id, "reason", "迁址核实")).getInt("verifyOrganization.version");

        // the same region again is no change; other changes need no verification either
        JsonPath same = GraphQL.as(founder).data(UPDATE, Map.of("input", Map.of("id", id, "version", version,
                "regionCode", "990100001001", "address", "甲路9号")));
        assertEquals("ACTIVE", same.getString("updateOrganization.status"));

        // another 街道 of the same district is a region change too
        JsonPath street = GraphQL.as(founder).data(UPDATE, Map.of("input", Map.of("id", id,
                "version", same.getInt("updateOrganization.version"), "regionCode", "990100002001")));
        assertEquals("PENDING", street.getString("updateOrganization.status"));
        assertEquals(1L, fixtures.id("SELECT count(*) FROM organization WHERE id = " + id + " AND status_reason LIKE '%区域%'"),
                "the reason says why");
    }
}
