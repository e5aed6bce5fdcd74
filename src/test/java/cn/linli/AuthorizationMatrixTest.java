package cn.linli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Console;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every mutation of the organization console and the verification desk, tried by every kind of caller with
 * real signed tokens. Inputs are deliberately unacceptable past authorization (empty reason, stale version,
 * unknown member …): a permitted caller gets past the access check to a VALIDATION, CONFLICT or NOT_FOUND,
 * a refused caller is stopped before, and nothing changes either way.
 */
@QuarkusTest
class AuthorizationMatrixTest {
    enum Who {
        NO_TOKEN, EXPIRED_TOKEN, RESIDENT, EVALUATOR, ADMIN, OTHER_ORG_OWNER, STAFF, OWNER, OTHER_REGION_OFFICIAL, OFFICIAL
    }

    record Case(String mutation, String document, Function<AuthorizationMatrixTest, Map<String, Object>> variables,
            Set<Who> allowed) {
    }

    static final Set<Who> ADMIN_ONLY = Set.of(Who.ADMIN);
    static final Set<Who> ANY_ORG_STAFF = Set.of(Who.OTHER_ORG_OWNER, Who.STAFF, Who.OWNER);
    static final Set<Who> OWNER_ONLY = Set.of(Who.OWNER);
    static final Set<Who> MEMBERS = Set.of(Who.STAFF, Who.OWNER);
    static final Set<Who> REGION_OFFICIAL = Set.of(Who.OFFICIAL);

    static final List<Case> CASES = List.of(
            new Case("appointOfficial", "mutation($input: AppointOfficialInput!) { appointOfficial(input: $input) { subject } }",
                    t -> Map.of("input", Map.of("subject", "", "regionCode", "990100", "unitName", "u")), ADMIN_ONLY),
            new Case("revokeOfficial", "mutation($input: RevokeOfficialInput!) { revokeOfficial(input: $input) { subject } }",
                    t -> Map.of("input", Map.of("subject", "nobody-appointed")), ADMIN_ONLY),
            new Case("registerEvaluator", "mutation($input: RegisterEvaluatorInput!) { registerEvaluator(input: $input) }",
                    t -> Map.of("input", Map.of("subject", "", "agency", "a")), ADMIN_ONLY),
            new Case("registerOrganization", Console.REGISTER,
                    t -> Map.of("input", Console.registration("", "52990100MJ00000012")), ANY_ORG_STAFF),
            new Case("updateOrganization", "mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }",
                    t -> Map.of("input", Map.of("id", t.orgA(), "version", -1, "name", "x")), OWNER_ONLY),
            new Case("verifyOrganization", Console.DECIDE.formatted("verifyOrganization"),
                    t -> Map.of("id", t.orgA(), "reason", " "), REGION_OFFICIAL),
            new Case("suspendOrganization", Console.DECIDE.formatted("suspendOrganization"),
                    t -> Map.of("id", t.orgA(), "reason", " "), REGION_OFFICIAL),
            new Case("reinstateOrganization", Console.DECIDE.formatted("reinstateOrganization"),
                    t -> Map.of("id", t.orgA(), "reason", " "), REGION_OFFICIAL),
            new Case("setOrganizationRating",
                    "mutation($input: SetOrganizationRatingInput!) { setOrganizationRating(input: $input) { id } }",
                    t -> Map.of("input", Map.of("id", t.orgA(), "level", "A5", "expiresOn", "2000-01-01")), REGION_OFFICIAL),
            new Case("addOrganizationMember",
                    "mutation($input: AddOrganizationMemberInput!) { addOrganizationMember(input: $input) { id } }",
                    t -> Map.of("input", Map.of("organizationId", t.orgA(), "subject", " ", "role", "STAFF")), OWNER_ONLY),
            new Case("removeOrganizationMember",
                    "mutation($input: RemoveOrganizationMemberInput!) { removeOrganizationMember(input: $input) { id } }",
                    t -> Map.of("input", Map.of("organizationId", t.orgA(), "subject", "not-a-member")), OWNER_ONLY),
            new Case("createServiceListing", Console.CREATE_LISTING,
                    t -> Map.of("input", Map.of("organizationId", t.orgA(), "content", Map.of("categoryCode", "elderly.meal"))),
                    MEMBERS),
            new Case("updateServiceListing", Console.UPDATE_LISTING,
                    t -> Map.of("input", Map.of("id", t.listingA(), "version", -1, "content", Map.of("title", "x"))), MEMBERS),
            new Case("publishServiceListing", Console.LISTING_ACTION.formatted("publishServiceListing"),
                    t -> Map.of("id", t.listingA(), "version", -1), MEMBERS),
            new Case("pauseServiceListing", Console.LISTING_ACTION.formatted("pauseServiceListing"),
                    t -> Map.of("id", t.listingA(), "version", -1), MEMBERS),
            new Case("withdrawServiceListing", Console.LISTING_ACTION.formatted("withdrawServiceListing"),
                    t -> Map.of("id", t.listingA(), "version", -1), MEMBERS),
            new Case("confirmServiceListing", Console.LISTING_ACTION.formatted("confirmServiceListing"),
                    t -> Map.of("id", t.listingA(), "version", -1), MEMBERS));

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    String orgA() {
        return String.valueOf(fixtures.organizationA());
    }

    String listingA() {
        return String.valueOf(fixtures.id("SELECT id FROM service_listing WHERE title = '老年助餐服务' AND lat = 30.0026980"));
    }

    static String token(Who who) {
        return switch (who) {
            case NO_TOKEN -> null;
            case EXPIRED_TOKEN -> Tokens.expired("owner-a", "org_staff", "admin", "gov_official");
            case RESIDENT -> Tokens.of("resident-x", "resident");
            case EVALUATOR -> Tokens.of("evaluator-x", "evaluator");
            case ADMIN -> Tokens.of("root", "admin");
            case OTHER_ORG_OWNER -> Tokens.of("owner-b", "org_staff");
            case STAFF -> Tokens.of("staff-a", "org_staff");
            case OWNER -> Tokens.of("owner-a", "org_staff");
            case OTHER_REGION_OFFICIAL -> Tokens.of("official-qlh", "gov_official");
            case OFFICIAL -> Tokens.of("official-test", "gov_official");
        };
    }

    @Test
    void everyMutationAgainstEveryCaller() {
        long auditBefore = fixtures.id("SELECT count(*) FROM audit_entry");
        String statesBefore = states();
        List<String> failures = new ArrayList<>();
        for (Case c : CASES) {
            for (Who who : Who.values()) {
                String outcome = outcome(c, who);
                String expected = who == Who.NO_TOKEN ? "UNAUTHENTICATED"
                        : who == Who.EXPIRED_TOKEN ? "HTTP 401"
                        : c.allowed().contains(who) ? "PERMITTED" : "FORBIDDEN";
                if (!expected.equals(outcome)) {
                    failures.add(c.mutation() + " by " + who + ": expected " + expected + ", got " + outcome);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(auditBefore, fixtures.id("SELECT count(*) FROM audit_entry"), "no change was recorded");
        assertEquals(statesBefore, states(), "nothing changed");
    }

    /** PERMITTED: past the access check (a later rule refused the deliberately bad input). */
    private String outcome(Case c, Who who) {
        String token = token(who);
        GraphQL client = token == null ? GraphQL.anonymous() : GraphQL.as(token);
        Response response = client.post(c.document(), c.variables().apply(this));
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode();
        }
        List<Map<String, Object>> errors = response.jsonPath().getList("errors");
        assertNotNull(errors, c.mutation() + " by " + who + " must fail on its input: " + response.asString());
        String code = GraphQL.code(errors.get(0));
        return Set.of("VALIDATION", "CONFLICT", "NOT_FOUND").contains(code) ? "PERMITTED" : code;
    }

    private String states() {
        return fixtures.id("SELECT count(*) FROM organization") + "/" + fixtures.id("SELECT count(*) FROM service_listing")
                + "/" + fixtures.id("SELECT count(*) FROM organization_member")
                + "/" + fixtures.id("SELECT count(*) FROM official_appointment WHERE revoked_at IS NULL")
                + "/" + fixtures.id("SELECT coalesce(sum(version), 0) FROM organization")
                + "/" + fixtures.id("SELECT coalesce(sum(version), 0) FROM service_listing");
    }
}
