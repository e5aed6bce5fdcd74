package cn.linli.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdentityTest {
    static final String ME = """
            { me { subject roles evaluatorAgency organizations { role roleLabel organization { name } }
                   jurisdiction { unitName region { code } } } }""";
    static final String APPOINT = """
            mutation($input: AppointOfficialInput!) { appointOfficial(input: $input) { subject unitName region { code } } }""";
    static final String ADMIN = Tokens.of("root", "admin");

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    @Test
    void meNeedsAToken() {
        assertEquals("UNAUTHENTICATED", GraphQL.code(GraphQL.anonymous().error(ME, Map.of())));
    }

    @Test
    void meShowsOrganizationsWithRoles() {
        JsonPath me = GraphQL.as(Tokens.of("staff-a", "org_staff")).data(ME);
        assertEquals(List.of("org_staff"), me.getList("me.roles"));
        assertEquals(List.of("STAFF"), me.getList("me.organizations.role"));
        assertEquals(List.of("测试甲养老服务中心"), me.getList("me.organizations.organization.name"));
        assertNull(me.get("me.jurisdiction"));
    }

    @Test
    void adminAppointsAndRevokesOfficials() {
        JsonPath appointed = GraphQL.as(ADMIN).data(APPOINT,
                Map.of("input", Map.of("subject", "new-official", "regionCode", "990100001", "unitName", "测试街道办事处")));
        assertEquals("990100001", appointed.getString("appointOfficial.region.code"));
        JsonPath me = GraphQL.as(Tokens.of("new-official", "gov_official")).data(ME);
        assertEquals("测试街道办事处", me.getString("me.jurisdiction.unitName"));
        assertEquals("990100001", me.getString("me.jurisdiction.region.code"));

        // a street official governs that street only: not the district's other street
        String suspend = "mutation($id: ID!) { suspendOrganization(input: {id: $id, reason: \"越权测试\"}) { status } }";
        long outside = fixtures.id("SELECT id FROM organization WHERE credit_code = '52990100MJ00000038'"); // in 丙街道
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("new-official", "gov_official"))
                .error(suspend, Map.of("id", String.valueOf(outside)))));

        GraphQL.as(ADMIN).data("mutation { revokeOfficial(input: {subject: \"new-official\"}) { subject } }");
        assertNull(GraphQL.as(Tokens.of("new-official", "gov_official")).data(ME).get("me.jurisdiction"));
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(ADMIN).error(
                "mutation { revokeOfficial(input: {subject: \"new-official\"}) { subject } }", Map.of())));
    }

    @Test
    void onlyAdminsAppoint() {
        Map<String, Object> input = Map.of("input", Map.of("subject", "x", "regionCode", "990100", "unitName", "u"));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("official-test", "gov_official")).error(APPOINT, input)));
        assertEquals("UNAUTHENTICATED", GraphQL.code(GraphQL.anonymous().error(APPOINT, input)));
        assertEquals(401, GraphQL.as(Tokens.expired("root", "admin")).post(APPOINT, input).statusCode());
    }

    @Test
    void evaluatorsSeeTheirAgency() {
        GraphQL.as(ADMIN).data("mutation { registerEvaluator(input: {subject: \"eval-1\", agency: \"测试评估所\"}) }");
        assertEquals("测试评估所", GraphQL.as(Tokens.of("eval-1", "evaluator")).data(ME).getString("me.evaluatorAgency"));
    }
}
