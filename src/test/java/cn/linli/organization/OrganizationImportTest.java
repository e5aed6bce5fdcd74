package cn.linli.organization;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 民政局's register of social organizations imported from CSV: invalid 统一社会信用代码 reported by line with
 * nothing applied, then fixed and applied; imported organizations PENDING with their region's centroid
 * (approximateLocation) until they set their own point; re-imports update the PENDING ones only.
 */
@QuarkusTest
class OrganizationImportTest {
    static final String ADMIN = Tokens.of("org-import-admin", "admin");
    static final String OFFICIAL = Tokens.of("org-import-official", "gov_official");
    static final String HEADER = "creditCode,name,kind,regionCode,address,lat,lng,contactName,contactPhone\n";
    static final String IMPORT = "mutation($csv: String!) { importOrganizations(input: {csv: $csv}) "
            + "{ rows created updated unchanged skipped { line creditCode status } } }";
    static final String ORGANIZATION = "query($id: ID) { organization(id: $id) { id name status kind address contactPhone "
            + "location { lat lng } approximateLocation version } }";

    @Inject
    Fixtures fixtures;

    static boolean district;

    @BeforeEach
    void aDistrictWithAnOfficial() {
        if (district) {
            return;
        }
        GraphQL.as(ADMIN).data("mutation($csv: String!) { importRegions(input: {csv: $csv}) { created } }", Map.of("csv",
                "code,name,level,parentCode,lat,lng\n620123000000,榆中县,DISTRICT,,35.84,104.11\n"
                        + "620123001000,城关镇,STREET,620123000000,35.85,104.12\n"
                        + "620123001001,栖云社区,COMMUNITY,620123001000,35.8512,104.1213\n"
                        + "620124000000,永登县,DISTRICT,,36.73,103.26\n"));
        GraphQL.as(ADMIN).data("mutation { appointOfficial(input: {subject: \"org-import-official\", regionCode: \"620123\", "
                + "unitName: \"榆中县民政局\"}) { subject } }");
        district = true;
    }

    static String code(String body) {
        String first17 = "52620123" + body;
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    static char wrongCheck(String code) {
        char right = code.charAt(17);
        return right == '0' ? '1' : '0';
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoBadCodesAreReportedByLineThenTheFixedFileIsAppliedPendingAndApproximate() {
        String a = code("MJ0000001");
        String b = code("MJ0000002");
        String c = code("MJ0000003");
        String d = code("MJ0000004");
        String badB = b.substring(0, 17) + wrongCheck(b);
        String rows = "%s,榆中县栖云长者服务中心,社会服务机构,620123001001,栖云北路 12 号,,,张主任,0931-5221001\n"
                + "%s,榆中县城关社工服务站,SOCIAL_SERVICE_AGENCY,620123001,城关镇兴隆路 3 号,35.8533,104.1188,,13900001111\n"
                + "%s,榆中县助老协会,社会团体,620123,\"城关镇, 文成路 8 号\",,,,\n"
                + "%s,榆中县栖云社区居民委员会,居委会,620123001001,,,,,0931 5221002\n";
        Map<String, Object> error = GraphQL.as(ADMIN).error(IMPORT,
                Map.of("csv", HEADER + rows.formatted(a, badB, c, "52620123MJ000000")));
        assertEquals("VALIDATION", GraphQL.code(error));
        List<Map<String, Object>> listed = (List<Map<String, Object>>) ((Map<String, Object>) error.get("extensions")).get("rowErrors");
        assertEquals(List.of(3, 5), listed.stream().map(row -> row.get("line")).toList(), String.valueOf(listed));
        assertTrue(listed.stream().allMatch(row -> "creditCode".equals(row.get("column"))));
        assertEquals(0, fixtures.id("SELECT count(*) FROM organization WHERE credit_code IN ('" + a + "', '" + c + "')"),
                "nothing applied");

        JsonPath applied = GraphQL.as(OFFICIAL).data(IMPORT, Map.of("csv", HEADER + rows.formatted(a, b, c, d)));
        assertEquals(4, applied.getInt("importOrganizations.created"));
        GraphQL official = GraphQL.as(OFFICIAL);
        JsonPath first = official.data(ORGANIZATION, Map.of("id", idOf(a)));
        assertEquals("PENDING", first.getString("organization.status"));
        assertEquals("SOCIAL_SERVICE_AGENCY", first.getString("organization.kind"));
        assertTrue(first.getBoolean("organization.approximateLocation"));
        assertEquals(35.8512, first.getDouble("organization.location.lat"), 1e-9, "its community's centroid");
        assertEquals("0931-5221001", first.getString("organization.contactPhone"));
        JsonPath located = official.data(ORGANIZATION, Map.of("id", idOf(b)));
        assertFalse(located.getBoolean("organization.approximateLocation"));
        assertEquals(35.8533, located.getDouble("organization.location.lat"), 1e-9);
        assertEquals("城关镇, 文成路 8 号", official.data(ORGANIZATION, Map.of("id", idOf(c))).getString("organization.address"));
        assertEquals("COMMUNITY_SELF_GOVERNANCE", official.data(ORGANIZATION, Map.of("id", idOf(d))).getString("organization.kind"));
        // the officials' queue shows them; the public does not see them until they are verified
        JsonPath queue = official.data("{ organizations(filter: {status: PENDING, regionCode: \"620123\"}, first: 10) "
                + "{ edges { node { creditCode } } } }");
        assertTrue(queue.getList("organizations.edges.node.creditCode").containsAll(List.of(a, b, c, d)));
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.anonymous().error(ORGANIZATION, Map.of("id", idOf(a)))));
        // its own audit trail says who imported it
        JsonPath trail = official.data("query($o: ID) { auditLog(filter: {organizationId: $o}, first: 5) { edges { node { action actorSubject } } } }",
                Map.of("o", idOf(a)));
        assertEquals(List.of("importOrganizations"), trail.getList("auditLog.edges.node.action"));
        assertEquals(List.of("org-import-official"), trail.getList("auditLog.edges.node.actorSubject"));
    }

    @Test
    void aReImportUpdatesThePendingOnesAndLeavesAVerifiedOneAlone() {
        String pending = code("MJ0000011");
        String verified = code("MJ0000012");
        String file = HEADER + pending + ",榆中县社工站,SOCIAL_SERVICE_AGENCY,620123001001,,,,,\n"
                + verified + ",榆中县养老服务中心,SOCIAL_SERVICE_AGENCY,620123001001,,,,,\n";
        assertEquals(2, GraphQL.as(ADMIN).data(IMPORT, Map.of("csv", file)).getInt("importOrganizations.created"));
        GraphQL official = GraphQL.as(OFFICIAL);
        official.data("mutation($id: ID!) { verifyOrganization(input: {id: $id, reason: \"材料齐全\"}) { status } }",
                Map.of("id", idOf(verified)));
        JsonPath same = GraphQL.as(ADMIN).data(IMPORT, Map.of("csv", file));
        assertEquals(1, same.getInt("importOrganizations.unchanged"));
        assertEquals(List.of(3), same.getList("importOrganizations.skipped.line"));

        JsonPath again = GraphQL.as(ADMIN).data(IMPORT, Map.of("csv", HEADER
                + pending + ",榆中县栖云社工服务站,SOCIAL_SERVICE_AGENCY,620123001001,栖云路 1 号,,,,0931-5200000\n"
                + verified + ",改名的养老服务中心,FOUNDATION,620123001001,,,,,\n"));
        assertEquals(1, again.getInt("importOrganizations.updated"));
        assertEquals(verified, again.getString("importOrganizations.skipped[0].creditCode"));
        assertEquals("ACTIVE", again.getString("importOrganizations.skipped[0].status"));
        assertEquals("榆中县栖云社工服务站", official.data(ORGANIZATION, Map.of("id", idOf(pending))).getString("organization.name"));
        JsonPath untouched = official.data(ORGANIZATION, Map.of("id", idOf(verified)));
        assertEquals("榆中县养老服务中心", untouched.getString("organization.name"));
        assertEquals("ACTIVE", untouched.getString("organization.status"));

        // the organization sets its own point: no longer approximate
        fixtures.execute("INSERT INTO organization_member (organization_id, subject, role, added_by) VALUES ("
                + idOf(pending) + ", 'org-import-owner', 'OWNER', 'test')");
        int version = official.data(ORGANIZATION, Map.of("id", idOf(pending))).getInt("organization.version");
        JsonPath moved = GraphQL.as(Tokens.of("org-import-owner", "org_staff")).data("mutation($id: ID!, $v: Int!) { updateOrganization("
                + "input: {id: $id, version: $v, location: {lat: 35.8601, lng: 104.1302}}) { approximateLocation location { lat } } }",
                Map.of("id", idOf(pending), "v", version));
        assertFalse(moved.getBoolean("updateOrganization.approximateLocation"));
        // and a re-import without coordinates keeps that point
        GraphQL.as(ADMIN).data(IMPORT, Map.of("csv", HEADER + pending + ",榆中县栖云社工服务站,SOCIAL_SERVICE_AGENCY,620123001,,,,,\n"));
        JsonPath kept = official.data(ORGANIZATION, Map.of("id", idOf(pending)));
        assertEquals(35.8601, kept.getDouble("organization.location.lat"), 1e-9);
        assertFalse(kept.getBoolean("organization.approximateLocation"));
    }

    @Test
    void overHttpUnknownRegionsAreReportedAndOfficialsElsewhereAreForbidden() {
        String one = code("MJ0000021");
        byte[] file = (HEADER + one + ",永登县助残协会,SOCIAL_GROUP,620199001001,,,,,\n").getBytes(StandardCharsets.UTF_8);
        Response unknown = post(ADMIN, file);
        assertEquals(400, unknown.statusCode(), unknown.asString());
        assertEquals(2, unknown.jsonPath().getInt("rowErrors[0].line"));
        assertEquals("regionCode", unknown.jsonPath().getString("rowErrors[0].column"));
        assertFalse(unknown.asString().contains("Exception"));

        byte[] inYongdeng = (HEADER + one + ",永登县助残协会,SOCIAL_GROUP,620124,,,,,13800000000\n").getBytes(StandardCharsets.UTF_8);
        Response forbidden = post(OFFICIAL, inYongdeng);
        assertEquals(403, forbidden.statusCode(), forbidden.asString());
        assertEquals("FORBIDDEN", forbidden.jsonPath().getString("code"));
        assertEquals(401, post(null, inYongdeng).statusCode());
        Response created = post(ADMIN, inYongdeng);
        assertEquals(200, created.statusCode(), created.asString());
        assertEquals(1, created.jsonPath().getInt("created"));
        assertFalse(created.asString().contains("13800000000"), "the answer does not echo phones");
    }

    static Response post(String token, byte[] body) {
        var request = given().contentType("text/csv; charset=utf-8").body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post("/admin/import/organizations");
    }

    long idOf(String creditCode) {
        return fixtures.id("SELECT id FROM organization WHERE credit_code = '" + creditCode + "'");
    }
}
