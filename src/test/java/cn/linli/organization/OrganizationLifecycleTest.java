package cn.linli.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Console;
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

/** An organization from registration to verification, suspension and reinstatement, as the consoles drive it. */
@QuarkusTest
class OrganizationLifecycleTest {
    static final String OFFICIAL = Tokens.of("official-console", "gov_official");
    static final String TEST_DISTRICT_OFFICIAL = Tokens.of("official-test", "gov_official");
    static final String OTHER_OFFICIAL = Tokens.of("official-qlh", "gov_official");

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    @Test
    void registerVerifyPublishSuspendReinstate() {
        String founder = Tokens.of("founder-1", "org_staff");
        String code = Console.newCreditCode();
        JsonPath registered = GraphQL.as(founder).data(Console.REGISTER,
                Map.of("input", Console.registration("测试新社工服务中心", code)));
        String id = registered.getString("registerOrganization.id");
        assertEquals("PENDING", registered.getString("registerOrganization.status"));
        assertEquals(code, registered.getString("registerOrganization.creditCode"));

        JsonPath me = GraphQL.as(founder).data("{ me { subject organizations { role organization { id } } } }");
        assertEquals("founder-1", me.getString("me.subject"));
        assertEquals(List.of("OWNER"), me.getList("me.organizations.role"));

        // a PENDING organization prepares listings but publishes nothing
        JsonPath draft = Console.createListing(founder, Long.parseLong(id), Console.completeContent("新中心长者午餐"));
        String listing = draft.getString("createServiceListing.id");
        Map<String, Object> refused = GraphQL.as(founder).error(Console.LISTING_ACTION.formatted("publishServiceListing"),
                Map.of("id", listing, "version", draft.getInt("createServiceListing.version")));
        assertEquals("INVALID_STATE", GraphQL.code(refused));

        // an official of another region may not verify it; the right one may
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(OTHER_OFFICIAL).error(Console.DECIDE.formatted("verifyOrganization"),
                Map.of("id", id, "reason", "资料齐全"))));
        JsonPath verified = GraphQL.as(OFFICIAL).data(Console.DECIDE.formatted("verifyOrganization"),
                Map.of("id", id, "reason", "资料齐全"));
        assertEquals("ACTIVE", verified.getString("verifyOrganization.status"));

        JsonPath published = Console.act(founder, "publishServiceListing", listing, draft.getInt("createServiceListing.version"));
        assertEquals("PUBLISHED", published.getString("publishServiceListing.status"));
        assertTrue(Console.searchable("新中心长者午餐"));

        GraphQL.as(OFFICIAL).data(Console.DECIDE.formatted("suspendOrganization"), Map.of("id", id, "reason", "投诉核查"));
        assertFalse(Console.searchable("新中心长者午餐"), "a suspended organization's services leave search at once");
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(OFFICIAL).error(Console.DECIDE.formatted("suspendOrganization"),
                Map.of("id", id, "reason", "again"))));

        GraphQL.as(OFFICIAL).data(Console.DECIDE.formatted("reinstateOrganization"), Map.of("id", id, "reason", "核查完毕"));
        assertTrue(Console.searchable("新中心长者午餐"), "and come back on reinstatement");
    }

    static final String QUEUE = "query($status: OrganizationStatus, $r: String) { organizations(filter: {status: $status, "
            + "regionCode: $r}, first: 100) { edges { node { id status } } } }";

    static List<String> queue(String token, String status, String region) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("status", status);
        variables.put("r", region);
        return GraphQL.as(token).data(QUEUE, variables).getList("organizations.edges.node.id");
    }

    static String queueError(String token, String status, String region) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("status", status);
        variables.put("r", region);
        return token == null ? GraphQL.code(GraphQL.anonymous().error(QUEUE, variables)) : GraphQL.code(GraphQL.as(token).error(QUEUE, variables));
    }

    @Test
    void officialsSeeRegistrationsWaitingInTheirJurisdictionAndRejectThemWithAReason() {
        String founder = Tokens.of("founder-rejected", "org_staff");
        String id = GraphQL.as(founder).data(Console.REGISTER, Map.of("input", Console.registration("待审社工服务站",
                Console.newCreditCode()))).getString("registerOrganization.id");

        // the work queue: the official over the region sees it; another district's official lists their own district only
        assertTrue(queue(OFFICIAL, "PENDING", null).contains(id));
        assertTrue(queue(OFFICIAL, "PENDING", "990300001001").contains(id));
        assertFalse(queue(OTHER_OFFICIAL, "PENDING", null).contains(id));
        assertEquals("FORBIDDEN", queueError(OTHER_OFFICIAL, "PENDING", "990300001001"));
        assertEquals("FORBIDDEN", queueError(founder, "PENDING", null));
        assertEquals("FORBIDDEN", queueError(Tokens.of("resident-queue", "resident"), "PENDING", "990300001001"));
        assertEquals("UNAUTHENTICATED", queueError(null, "PENDING", "990300001001"));
        assertFalse(queue(founder, null, null).contains(id), "the public list shows active organizations only");

        // rejecting needs a reason, the right official and a PENDING registration
        String reject = Console.DECIDE.formatted("rejectOrganization");
        Map<String, Object> blank = GraphQL.as(OFFICIAL).error(reject, Map.of("id", id, "reason", "  "));
        assertEquals("VALIDATION", GraphQL.code(blank));
        assertEquals("input.reason", GraphQL.field(blank));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(OTHER_OFFICIAL).error(reject, Map.of("id", id, "reason", "材料不全"))));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(founder).error(reject, Map.of("id", id, "reason", "材料不全"))));
        assertEquals("REJECTED", GraphQL.as(OFFICIAL).data(reject, Map.of("id", id, "reason", "登记证书与名称不符"))
                .getString("rejectOrganization.status"));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(OFFICIAL).error(reject, Map.of("id", id, "reason", "again"))));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(OFFICIAL).error(Console.DECIDE.formatted("verifyOrganization"),
                Map.of("id", id, "reason", "ok"))), "a rejected registration is not verified later");
        assertEquals(1, fixtures.id("SELECT count(*) FROM audit_entry WHERE action = 'rejectOrganization' AND entity_id = '" + id + "'"));

        // it leaves the queue, is listed as REJECTED, and its members read why
        assertFalse(queue(OFFICIAL, "PENDING", null).contains(id));
        assertTrue(queue(OFFICIAL, "REJECTED", null).contains(id));
        assertEquals("登记证书与名称不符", GraphQL.as(founder).data("query($id: ID!) { organization(id: $id) { status statusReason } }",
                Map.of("id", id)).getString("organization.statusReason"));
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.anonymous().error("query($id: ID!) { organization(id: $id) { id } }",
                Map.of("id", id))));
    }

    @Test
    void creditCodesAreCheckedAndUnique() {
        String founder = Tokens.of("founder-2", "org_staff");
        Map<String, Object> bad = GraphQL.as(founder).error(Console.REGISTER,
                Map.of("input", Console.registration("校验码错误的机构", "91110108551385082R")));
        assertEquals("VALIDATION", GraphQL.code(bad));
        assertEquals("input.creditCode", GraphQL.field(bad));
        Map<String, Object> taken = GraphQL.as(founder).error(Console.REGISTER,
                Map.of("input", Console.registration("重复注册", "52990100MJ00000012")));
        assertEquals("CONFLICT", GraphQL.code(taken));
    }

    @Test
    void changingTheNameNeedsVerificationAgainAndStaleVersionsConflict() {
        String founder = Tokens.of("founder-3", "org_staff");
        JsonPath registered = GraphQL.as(founder).data(Console.REGISTER,
                Map.of("input", Console.registration("测试改名前", Console.newCreditCode())));
        String id = registered.getString("registerOrganization.id");
        GraphQL.as(OFFICIAL).data(Console.DECIDE.formatted("verifyOrganization"), Map.of("id", id, "reason", "ok"));
        int version = GraphQL.as(founder).data("query($id: ID!) { organization(id: $id) { version } }", Map.of("id", id))
                .getInt("organization.version");
        String update = "mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { name status version contactPhone } }";
        JsonPath phone = GraphQL.as(founder).data(update, Map.of("input", Map.of("id", id, "version", version, "contactPhone", "0571-7654321")));
        assertEquals("ACTIVE", phone.getString("updateOrganization.status"), "a new phone needs no verification");
        Map<String, Object> stale = GraphQL.as(founder).error(update, Map.of("input", Map.of("id", id, "version", version, "name", "覆盖")));
        assertEquals("CONFLICT", GraphQL.code(stale));
        JsonPath renamed = GraphQL.as(founder).data(update, Map.of("input",
                Map.of("id", id, "version", phone.getInt("updateOrganization.version"), "name", "测试改名后")));
        assertEquals("PENDING", renamed.getString("updateOrganization.status"));
        assertEquals("测试改名后", renamed.getString("updateOrganization.name"));
    }

    @Test
    void ownersManageMembersButNeverRemoveTheLastOwner() {
        String owner = Tokens.of("founder-4", "org_staff");
        String id = GraphQL.as(owner).data(Console.REGISTER, Map.of("input", Console.registration("测试成员管理", Console.newCreditCode())))
                .getString("registerOrganization.id");
        String add = "mutation($input: AddOrganizationMemberInput!) { addOrganizationMember(input: $input) { members { subject role } } }";
        String remove = "mutation($input: RemoveOrganizationMemberInput!) { removeOrganizationMember(input: $input) { members { subject } } }";
        JsonPath added = GraphQL.as(owner).data(add, Map.of("input", Map.of("organizationId", id, "subject", "helper-4", "role", "STAFF")));
        assertTrue(added.getList("addOrganizationMember.members.subject").contains("helper-4"));
        assertEquals("CONFLICT", GraphQL.code(GraphQL.as(owner).error(add,
                Map.of("input", Map.of("organizationId", id, "subject", "helper-4", "role", "STAFF")))));
        // staff may not manage members
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("helper-4", "org_staff")).error(add,
                Map.of("input", Map.of("organizationId", id, "subject", "x", "role", "STAFF")))));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(owner).error(remove,
                Map.of("input", Map.of("organizationId", id, "subject", "founder-4")))));
        JsonPath removed = GraphQL.as(owner).data(remove, Map.of("input", Map.of("organizationId", id, "subject", "helper-4")));
        assertEquals(List.of("founder-4"), removed.getList("removeOrganizationMember.members.subject"));
        // a second owner may leave; then the first is the last again
        GraphQL.as(owner).data(add, Map.of("input", Map.of("organizationId", id, "subject", "co-owner-4", "role", "OWNER")));
        GraphQL.as(owner).data(remove, Map.of("input", Map.of("organizationId", id, "subject", "co-owner-4")));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(owner).error(remove,
                Map.of("input", Map.of("organizationId", id, "subject", "founder-4")))));
    }

    @Test
    void officialsSetTheRatingLevel() {
        String set = "mutation($input: SetOrganizationRatingInput!) { setOrganizationRating(input: $input) { ratingLevel ratingExpiresOn } }";
        String id = String.valueOf(fixtures.organizationB());
        String expires = java.time.LocalDate.now().plusYears(4).toString();
        JsonPath rated = GraphQL.as(TEST_DISTRICT_OFFICIAL).data(set, Map.of("input", Map.of("id", id, "level", "A3", "expiresOn", expires)));
        assertEquals("A3", rated.getString("setOrganizationRating.ratingLevel"));
        assertEquals("VALIDATION", GraphQL.code(GraphQL.as(TEST_DISTRICT_OFFICIAL).error(set, Map.of("input",
                Map.of("id", id, "level", "A3", "expiresOn", java.time.LocalDate.now().plusYears(6).toString())))));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(OTHER_OFFICIAL).error(set,
                Map.of("input", Map.of("id", id, "level", "A5", "expiresOn", expires)))));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("owner-b", "org_staff")).error(set,
                Map.of("input", Map.of("id", id, "level", "A5", "expiresOn", expires)))));
    }
}
