package cn.linli;

import static cn.linli.AuthorizationMatrixTest.Who.ADMIN;
import static cn.linli.AuthorizationMatrixTest.Who.ASSIGNED_EVALUATOR;
import static cn.linli.AuthorizationMatrixTest.Who.BOOKER;
import static cn.linli.AuthorizationMatrixTest.Who.COMMUNITY_WORKER;
import static cn.linli.AuthorizationMatrixTest.Who.EVALUATOR;
import static cn.linli.AuthorizationMatrixTest.Who.NO_TOKEN;
import static cn.linli.AuthorizationMatrixTest.Who.OFFICIAL;
import static cn.linli.AuthorizationMatrixTest.Who.OTHER_ORG_OWNER;
import static cn.linli.AuthorizationMatrixTest.Who.OTHER_REGION_OFFICIAL;
import static cn.linli.AuthorizationMatrixTest.Who.OWNER;
import static cn.linli.AuthorizationMatrixTest.Who.REMOVED_MEMBER;
import static cn.linli.AuthorizationMatrixTest.Who.RESIDENT;
import static cn.linli.AuthorizationMatrixTest.Who.STAFF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Bookings;
import cn.linli.testing.Console;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.SchemaWalk;
import cn.linli.testing.SchemaWalk.Operation;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, for every mutation of the served schema and every field that needs a caller, tried by every
 * kind of caller with real signed tokens (or none, or a header that is not a bearer token).
 *
 * <p>The mutations come from introspection: a mutation of the schema without a row fails
 * {@link #everyMutationOfTheSchemaHasARow()}. Each row names who may call it and gives an input that is
 * deliberately unacceptable once past authorization (an empty reason, a stale version, a booking in a terminal
 * state …): a permitted caller reaches that rule (the row's VALIDATION, CONFLICT, INVALID_STATE or NOT_FOUND),
 * a refused caller is stopped before it with FORBIDDEN, or with NOT_FOUND where even existence is not the
 * caller's to know (bookings, reviews, feedback and service records by id, for a caller holding the role but no
 * relation: the same answer as for an id never used), and nothing changes either way.
 *
 * <p>The fields that need a caller are found by probing the served schema: every root query, and every field
 * of the objects reachable through one (an organization, a service, a procurement …), is asked for anonymously
 * and by a signed-in caller without roles; a field that answers UNAUTHENTICATED or FORBIDDEN to either needs a
 * row in {@link #FIELDS}. Fields that are public but show less to strangers (unpublished cycles, a procurement in
 * PLANNING, bids before the award, evaluators' comments) are not found that way: they are listed here by hand.
 * The subscriptions are checked on their own: {@code bookingEvents} per event in BookingEventsMembershipTest,
 * {@code myNotifications} (the resident's own notifications only) in notification.NotificationTest.
 */
@QuarkusTest
class AuthorizationMatrixTest {
    /** The callers: token-level ones first (refused whatever the operation), then those the rules tell apart. */
    enum Who {
        NO_TOKEN, EXPIRED, FOREIGN_KEY, FOREIGN_AUDIENCE, NO_SUBJECT, BASIC_HEADER,
        /** A resident with nothing to do with anything here. */
        RESIDENT,
        /** The resident whose booking, review and feedback the rows act on. */
        BOOKER,
        /** An evaluator assigned to nothing. */
        EVALUATOR,
        /** The evaluator assigned to the evaluations the rows act on. */
        ASSIGNED_EVALUATOR,
        ADMIN,
        /** The OWNER of organization B. */
        OTHER_ORG_OWNER,
        /** STAFF of organization A (测试甲养老服务中心). */
        STAFF,
        /** The OWNER of organization A. */
        OWNER,
        /** Was STAFF of organization A and has been removed (holds org_staff still). */
        REMOVED_MEMBER,
        /** Governs 七里河区 (620103). */
        OTHER_REGION_OFFICIAL,
        /** Governs 测试区 (990100), where organization A is. */
        OFFICIAL,
        /** A community worker appointed to 甲社区 (990100001001), where the booker's household lives. */
        COMMUNITY_WORKER;

        boolean tokenLevel() {
            return ordinal() <= BASIC_HEADER.ordinal();
        }
    }

    static final String REMOVED_SUBJECT = "matrix-removed-staff";
    static final String BOOKER_SUBJECT = "matrix-booker";
    static final String EVALUATOR_SUBJECT = "matrix-evaluator";
    static final String WORKER_SUBJECT = "matrix-worker";
    static final String WORKER_COMMUNITY = "990100001001";

    /** The whole Authorization header of each caller (none for NO_TOKEN); tokens signed once. */
    static final Map<Who, String> HEADERS = headers();

    static Map<Who, String> headers() {
        // token-level callers claim every role: a forged or stale token is refused however powerful it says it is
        String[] every = {"org_staff", "admin", "gov_official", "resident", "evaluator"};
        Map<Who, String> headers = new EnumMap<>(Who.class);
        headers.put(Who.EXPIRED, "Bearer " + Tokens.expired("owner-a", every));
        headers.put(Who.FOREIGN_KEY, "Bearer " + Tokens.foreignKey("owner-a", every));
        headers.put(Who.FOREIGN_AUDIENCE, "Bearer " + Tokens.foreignAudience("owner-a", every));
        headers.put(Who.NO_SUBJECT, "Bearer " + Tokens.withSubjectClaim(null, every));
        headers.put(Who.BASIC_HEADER, "Basic " + Base64.getEncoder().encodeToString("owner-a:secret".getBytes(StandardCharsets.UTF_8)));
        headers.put(RESIDENT, "Bearer " + Tokens.of("matrix-stranger", "resident"));
        headers.put(BOOKER, "Bearer " + Tokens.of(BOOKER_SUBJECT, "resident"));
        headers.put(EVALUATOR, "Bearer " + Tokens.of("matrix-evaluator-unassigned", "evaluator"));
        headers.put(ASSIGNED_EVALUATOR, "Bearer " + Tokens.of(EVALUATOR_SUBJECT, "evaluator"));
        headers.put(ADMIN, "Bearer " + Tokens.of("root", "admin"));
        headers.put(OTHER_ORG_OWNER, "Bearer " + Tokens.of("owner-b", "org_staff"));
        headers.put(STAFF, "Bearer " + Tokens.of("staff-a", "org_staff"));
        headers.put(OWNER, "Bearer " + Tokens.of("owner-a", "org_staff"));
        headers.put(REMOVED_MEMBER, "Bearer " + Tokens.of(REMOVED_SUBJECT, "org_staff"));
        headers.put(OTHER_REGION_OFFICIAL, "Bearer " + Tokens.of("official-qlh", "gov_official"));
        headers.put(OFFICIAL, "Bearer " + Tokens.of("official-test", "gov_official"));
        headers.put(COMMUNITY_WORKER, "Bearer " + Tokens.of(WORKER_SUBJECT, "community_worker"));
        return headers;
    }

    static GraphQL client(Who who) {
        return who == NO_TOKEN ? GraphQL.anonymous() : GraphQL.withAuthorizationHeader(HEADERS.get(who));
    }

    /** What the token-level callers get, for every operation: the request never reaches a resolver. */
    static String tokenLevelOutcome(Who who) {
        return who == NO_TOKEN ? "UNAUTHENTICATED" : "HTTP 401";
    }

    static final Set<Who> ORG_STAFF_ROLE = EnumSet.of(OTHER_ORG_OWNER, STAFF, OWNER, REMOVED_MEMBER);
    static final Set<Who> MEMBERS = EnumSet.of(STAFF, OWNER);
    static final Set<Who> RESIDENTS = EnumSet.of(RESIDENT, BOOKER);
    /** Who is told things: residents, and community workers about the bookings they made for households without an account. */
    static final Set<Who> RESIDENTS_AND_WORKERS = EnumSet.of(RESIDENT, BOOKER, COMMUNITY_WORKER);
    static final Set<Who> OFFICIALS = EnumSet.of(OTHER_REGION_OFFICIAL, OFFICIAL);
    /** Hold org_staff but are no members of organization A: for them its bookings, reviews and feedback do not exist. */
    static final Set<Who> OTHER_STAFF = EnumSet.of(OTHER_ORG_OWNER, REMOVED_MEMBER);

    /**
     * A mutation's row: who may call it, what a permitted caller reaches with the row's input, and who is told
     * NOT_FOUND rather than FORBIDDEN. The input is merged over plausible values for every required field.
     */
    record Row(String mutation, Set<Who> allowed, String reached, Set<Who> notFound,
            Function<World, Map<String, Object>> input) {
        Row notFoundFor(Set<Who> who) {
            return new Row(mutation, allowed, reached, who, input);
        }

        String expected(Who who) {
            if (who.tokenLevel()) {
                return tokenLevelOutcome(who);
            }
            return allowed.contains(who) ? reached : notFound.contains(who) ? "NOT_FOUND" : "FORBIDDEN";
        }
    }

    static Row row(String mutation, Set<Who> allowed, String reached, Function<World, Map<String, Object>> input) {
        return new Row(mutation, allowed, reached, Set.of(), input);
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static final List<Row> ROWS = List.of(
            // identity
            row("appointOfficial", Set.of(ADMIN), "VALIDATION", w -> map("subject", "", "regionCode", "990100", "unitName", "u")),
            row("revokeOfficial", Set.of(ADMIN), "NOT_FOUND", w -> map("subject", "nobody-appointed")),
            row("registerEvaluator", Set.of(ADMIN), "VALIDATION", w -> map("subject", "", "agency", "a")),
            row("appointCommunityWorker", Set.of(OFFICIAL), "VALIDATION", w -> map("subject", "", "regionCode", WORKER_COMMUNITY)),
            row("revokeCommunityWorker", Set.of(OFFICIAL), "NOT_FOUND", w -> map("subject", "nobody-appointed", "regionCode", WORKER_COMMUNITY)),
            // regions
            row("createGrid", Set.of(OFFICIAL), "VALIDATION", w -> map("communityCode", WORKER_COMMUNITY, "code", "", "name", "x")),
            // imports: an admin anywhere, an official within the jurisdiction; a row error (population -1) refuses the file
            row("importRegions", Set.of(ADMIN, OFFICIAL), "VALIDATION", w -> map("csv", "code,name,level,population\n"
                    + "990100001,测试街道,STREET,-1\n")),
            // households: the booker's, in 甲社区, with a member and a removed member
            row("addHouseholdMember", RESIDENTS, "VALIDATION", w -> map("name", "", "relation", "母亲", "birthYear", 1944)),
            row("updateHouseholdMember", Set.of(BOOKER), "VALIDATION", w -> map("id", w.member, "birthYear", 1800))
                    .notFoundFor(Set.of(RESIDENT)),
            row("removeHouseholdMember", Set.of(BOOKER), "INVALID_STATE", w -> map("id", w.removedMember)).notFoundFor(Set.of(RESIDENT)),
            row("verifyTargetGroup", Set.of(COMMUNITY_WORKER), "VALIDATION", w -> map("memberId", w.member, "group", "LIVING_ALONE",
                    "evidenceType", "HOME_VISIT", "expiresOn", LocalDate.now(Bookings.CHINA).plusYears(2).toString())),
            row("revokeTargetGroup", Set.of(COMMUNITY_WORKER), "VALIDATION", w -> map("memberId", w.member, "group", "DISABLED")),
            row("registerResidentOffline", Set.of(COMMUNITY_WORKER), "VALIDATION",
                    w -> map("name", "", "birthYear", 1940, "regionCode", WORKER_COMMUNITY)),
            // organizations
            row("registerOrganization", ORG_STAFF_ROLE, "VALIDATION", w -> Console.registration("", Console.newCreditCode())),
            // an invalid credit code in 甲社区
            row("importOrganizations", Set.of(ADMIN, OFFICIAL), "VALIDATION", w -> map("csv", "creditCode,name,kind,regionCode\n"
                    + "52990100MJ0000001X,矩阵导入机构,SOCIAL_GROUP," + WORKER_COMMUNITY + "\n")),
            row("updateOrganization", Set.of(OWNER), "CONFLICT", w -> map("id", w.orgA, "version", -1, "name", "x")),
            row("verifyOrganization", Set.of(OFFICIAL), "VALIDATION", w -> map("id", w.orgA, "reason", " ")),
            row("rejectOrganization", Set.of(OFFICIAL), "VALIDATION", w -> map("id", w.orgA, "reason", " ")),
            row("suspendOrganization", Set.of(OFFICIAL), "VALIDATION", w -> map("id", w.orgA, "reason", " ")),
            row("reinstateOrganization", Set.of(OFFICIAL), "VALIDATION", w -> map("id", w.orgA, "reason", " ")),
            row("setOrganizationRating", Set.of(OFFICIAL), "VALIDATION",
                    w -> map("id", w.orgA, "level", "A5", "expiresOn", "2000-01-01")),
            row("addOrganizationMember", Set.of(OWNER), "VALIDATION",
                    w -> map("organizationId", w.orgA, "subject", " ", "role", "STAFF")),
            // its only OWNER: an organization never loses its last one
            row("removeOrganizationMember", Set.of(OWNER), "INVALID_STATE", w -> map("organizationId", w.orgA, "subject", "owner-a")),
            // listings
            row("createServiceListing", MEMBERS, "VALIDATION",
                    w -> map("organizationId", w.orgA, "content", map("categoryCode", "elderly.meal"))),
            row("updateServiceListing", MEMBERS, "CONFLICT", w -> map("id", w.listingA, "version", -1, "content", map("title", "x"))),
            row("publishServiceListing", MEMBERS, "CONFLICT", w -> map("id", w.listingA, "version", -1)),
            row("pauseServiceListing", MEMBERS, "CONFLICT", w -> map("id", w.listingA, "version", -1)),
            row("withdrawServiceListing", MEMBERS, "CONFLICT", w -> map("id", w.listingA, "version", -1)),
            row("confirmServiceListing", MEMBERS, "CONFLICT", w -> map("id", w.listingA, "version", -1)),
            // bookings: the booking is COMPLETED, a state no action leaves
            row("bookService", RESIDENTS, "VALIDATION", w -> map("serviceId", w.service, "idempotencyKey", "")),
            row("bookOnBehalf", Set.of(COMMUNITY_WORKER), "VALIDATION",
                    w -> map("householdMemberId", w.member, "serviceId", w.service, "idempotencyKey", "")),
            row("confirmBooking", MEMBERS, "INVALID_STATE", w -> map("id", w.booking)).notFoundFor(OTHER_STAFF),
            row("rejectBooking", MEMBERS, "INVALID_STATE", w -> map("id", w.booking, "reason", "x")).notFoundFor(OTHER_STAFF),
            row("completeBooking", MEMBERS, "INVALID_STATE", w -> map("id", w.booking)).notFoundFor(OTHER_STAFF),
            row("markNoShow", MEMBERS, "INVALID_STATE", w -> map("id", w.booking)).notFoundFor(OTHER_STAFF),
            row("cancelBooking", EnumSet.of(BOOKER, STAFF, OWNER), "INVALID_STATE", w -> map("id", w.booking, "reason", "x"))
                    .notFoundFor(EnumSet.of(RESIDENT, OTHER_ORG_OWNER, REMOVED_MEMBER)),
            // reviews
            row("reviewBooking", Set.of(BOOKER), "VALIDATION", w -> map("bookingId", w.booking, "rating", 0)).notFoundFor(Set.of(RESIDENT)),
            row("replyToReview", MEMBERS, "VALIDATION", w -> map("reviewId", w.review, "reply", " ")).notFoundFor(OTHER_STAFF),
            row("hideReview", Set.of(OFFICIAL), "VALIDATION", w -> map("reviewId", w.review, "reason", " "))
                    .notFoundFor(Set.of(OTHER_REGION_OFFICIAL)),
            // feedback
            row("submitFeedback", RESIDENTS, "VALIDATION", w -> map("kind", "COMPLAINT", "serviceId", w.service, "text", " ")),
            // a community worker answers community problems only: feedback about an organization is unknown to them
            row("respondToFeedback", MEMBERS, "VALIDATION", w -> map("id", w.feedback, "response", " "))
                    .notFoundFor(EnumSet.of(OTHER_ORG_OWNER, REMOVED_MEMBER, COMMUNITY_WORKER)),
            row("resolveFeedback", Set.of(OFFICIAL), "VALIDATION", w -> map("id", w.feedback, "resolution", " "))
                    .notFoundFor(Set.of(OTHER_REGION_OFFICIAL)),
            // the booker's complaint is not resolved yet; organization A is in the worker's community
            row("rateResolution", Set.of(BOOKER), "INVALID_STATE", w -> map("id", w.feedback, "satisfied", true))
                    .notFoundFor(Set.of(RESIDENT)),
            row("escalateFeedback", EnumSet.of(BOOKER, COMMUNITY_WORKER), "VALIDATION", w -> map("id", w.feedback, "reason", " "))
                    .notFoundFor(Set.of(RESIDENT)),
            // service records: the booking's record is recorded already, and confirmed by the resident served
            row("recordServiceDelivery", MEMBERS, "INVALID_STATE", w -> delivery(w.service, w.booking)),
            row("confirmServiceDelivery", Set.of(BOOKER), "INVALID_STATE", w -> map("id", w.delivery)).notFoundFor(Set.of(RESIDENT)),
            row("disputeServiceDelivery", Set.of(BOOKER), "INVALID_STATE", w -> map("id", w.delivery, "reason", "x"))
                    .notFoundFor(Set.of(RESIDENT)),
            row("spotCheckServiceDelivery", Set.of(OFFICIAL), "VALIDATION",
                    w -> map("id", w.delivery, "result", "CONFIRMED", "note", "长".repeat(501))).notFoundFor(Set.of(OTHER_REGION_OFFICIAL)),
            // procurement: the procurement is AWARDED, its bid AWARDED, its contract ACTIVE; organization B's contract is over.
            // Any official buys, for regions of their own jurisdiction only: 测试街道 is not 七里河区's
            row("createProcurement", Set.of(OFFICIAL), "VALIDATION",
                    w -> map("title", "", "categoryCode", "elderly.meal", "targetRegionCodes", List.of("990100001"))),
            row("publishTender", Set.of(OFFICIAL), "INVALID_STATE", w -> map("id", w.procurement)),
            row("closeTender", Set.of(OFFICIAL), "INVALID_STATE", w -> map("id", w.procurement)),
            row("cancelProcurement", Set.of(OFFICIAL), "VALIDATION", w -> map("id", w.procurement, "reason", " ")),
            row("awardProcurement", Set.of(OFFICIAL), "INVALID_STATE", w -> map("id", w.procurement, "justification", "x")),
            row("submitBid", Set.of(OWNER), "INVALID_STATE",
                    w -> map("procurementId", w.procurement, "organizationId", w.orgA, "amountFen", 1)),
            row("withdrawBid", Set.of(OWNER), "INVALID_STATE", w -> map("bidId", w.bid)),
            row("activateContract", Set.of(OFFICIAL), "VALIDATION", w -> map("id", w.contract, "signedDocumentUrl", "not-a-url")),
            row("completeContract", Set.of(OFFICIAL), "INVALID_STATE", w -> map("id", w.contractB)),
            row("terminateContract", Set.of(OFFICIAL), "VALIDATION", w -> map("id", w.contract, "reason", " ")),
            row("renewContract", Set.of(OFFICIAL), "INVALID_STATE", w -> map("id", w.contract, "amountFen", 1)),
            row("recordPayment", Set.of(OFFICIAL), "VALIDATION", w -> map("milestoneId", w.milestone, "amountFen", World.MILESTONE_FEN + 1)),
            // organization A's listing, organization B's contract
            row("linkListingToContract", MEMBERS, "VALIDATION", w -> map("serviceId", w.listingA, "contractId", w.contractB)),
            // evaluation: one cycle SCORING, one PUBLISHED with a pending appeal
            row("createEvaluationTemplate", OFFICIALS, "VALIDATION", w -> map("name", " ")),
            row("openEvaluationCycle", Set.of(OFFICIAL), "VALIDATION",
                    w -> map("name", " ", "regionCode", "990100", "templateId", w.template)),
            row("assignEvaluator", Set.of(OFFICIAL), "VALIDATION",
                    w -> map("evaluationId", w.scoringEvaluation, "evaluatorSubject", "not-an-evaluator")),
            row("scoreEvaluation", Set.of(ASSIGNED_EVALUATOR), "VALIDATION", w -> map("evaluationId", w.scoringEvaluation,
                    "scores", List.of(map("indicatorId", w.manualIndicator, "score", 101.0, "comment", "x")))),
            row("closeScoring", Set.of(OFFICIAL), "INVALID_STATE", w -> map("cycleId", w.publishedCycle)),
            row("publishEvaluationCycle", Set.of(OFFICIAL), "INVALID_STATE", w -> map("cycleId", w.scoringCycle)),
            row("appealEvaluation", Set.of(OWNER), "VALIDATION", w -> map("evaluationId", w.publishedEvaluation, "reasons", " ")),
            row("decideAppeal", Set.of(OFFICIAL), "VALIDATION", w -> map("appealId", w.appeal, "decision", "UPHELD", "reason", " ")),
            // needs: residents and the community's workers submit (a blank text), residents support (a DECLINED need),
            // officials over the region answer (declining without a reason)
            row("submitServiceNeed", RESIDENTS_AND_WORKERS, "VALIDATION",
                    w -> map("categoryCode", "elderly.meal", "regionCode", WORKER_COMMUNITY, "text", " ")),
            row("supportServiceNeed", RESIDENTS, "INVALID_STATE", w -> map("id", w.declinedNeed)),
            row("respondToServiceNeed", Set.of(OFFICIAL), "VALIDATION", w -> map("id", w.need, "decision", "DECLINED", "reason", " ")),
            // notifications: residents mark their own (others' ids are ignored like unknown ones: NotificationTest); no ids at all
            row("markNotificationsRead", RESIDENTS_AND_WORKERS, "VALIDATION", w -> map("ids", List.of())));

    /**
     * A field's row: who sees what it protects (SEES), and what everyone else gets: an error code, or HIDDEN (an
     * answer without what the field protects: an empty page, no comments). {@code protectedPart} is the path
     * (under {@code data}) of what it protects; present and non-empty means seen.
     */
    record FieldRow(String field, String document, Function<World, Map<String, Object>> variables, String protectedPart,
            Set<Who> allowed, String refused, Map<Who, String> otherwise) {
        String expected(Who who) {
            if (otherwise.containsKey(who)) {
                return otherwise.get(who);
            }
            if (who.tokenLevel()) {
                return tokenLevelOutcome(who);
            }
            return allowed.contains(who) ? "SEES" : refused;
        }
    }

    static FieldRow field(String field, String document, Function<World, Map<String, Object>> variables, String protectedPart,
            Set<Who> allowed, String refused, Object... otherwise) {
        Map<Who, String> map = new EnumMap<>(Who.class);
        for (int i = 0; i < otherwise.length; i += 2) {
            Object who = otherwise[i];
            if (who instanceof Who single) {
                map.put(single, (String) otherwise[i + 1]);
            } else {
                for (Object each : (Collection<?>) who) {
                    map.put((Who) each, (String) otherwise[i + 1]);
                }
            }
        }
        return new FieldRow(field, document, variables, protectedPart, allowed, refused, map);
    }

    static final Set<Who> SIGNED_IN = EnumSet.range(RESIDENT, COMMUNITY_WORKER);
    /** An owner's audit log holds only the organizations they own: others holding org_staff get an empty page. */
    static final Set<Who> EMPTY_AUDIT = EnumSet.of(STAFF, OTHER_ORG_OWNER, REMOVED_MEMBER, OTHER_REGION_OFFICIAL);
    static final Set<Who> EVALUATION_INSIDERS = EnumSet.of(OFFICIAL, STAFF, OWNER, ASSIGNED_EVALUATOR);

    /** Public queries whose row asks with a filter that makes them an official's work queue (a stage before PUBLISHED). */
    static final Set<String> PUBLIC_UNLESS_FILTERED = Set.of("Query.evaluationCycles");

    static final List<FieldRow> FIELDS = List.of(
            field("Query.me", "{ me { subject } }", w -> Map.of(), "me.subject", SIGNED_IN, "FORBIDDEN"),
            field("Query.auditLog", "query($o: ID) { auditLog(filter: {organizationId: $o}, first: 5) { edges { node { action } } } }",
                    w -> Map.of("o", w.orgA), "auditLog.edges", EnumSet.of(ADMIN, OFFICIAL, OWNER), "FORBIDDEN", EMPTY_AUDIT, "HIDDEN"),
            field("Query.organizationListings", "query($o: ID!) { organizationListings(organizationId: $o) { edges { node { id } } } }",
                    w -> Map.of("o", w.orgA), "organizationListings.edges", MEMBERS, "FORBIDDEN"),
            field("Query.staleListings", "query($o: ID!) { staleListings(organizationId: $o) { edges { node { id } } } }",
                    w -> Map.of("o", w.orgA), "staleListings", MEMBERS, "FORBIDDEN"),
            field("Query.organizationFeedback", "query($o: ID!) { organizationFeedback(organizationId: $o) { edges { node { id } } } }",
                    w -> Map.of("o", w.orgA), "organizationFeedback.edges", EnumSet.of(STAFF, OWNER, OFFICIAL), "FORBIDDEN"),
            field("Query.overdueFeedback", "{ overdueFeedback { edges { node { id } } } }", w -> Map.of(), "overdueFeedback",
                    OFFICIALS, "FORBIDDEN"),
            // the community's workers and the officials over it
            field("Query.communityFeedback", "{ communityFeedback(regionCode: \"990100001001\") { edges { node { id } } } }",
                    w -> Map.of(), "communityFeedback", EnumSet.of(OFFICIAL, COMMUNITY_WORKER), "FORBIDDEN"),
            field("Query.procurementSummary", "query($y: Int!) { procurementSummary(regionCode: \"990100\", year: $y) { budgetFen } }",
                    w -> Map.of("y", OffsetDateTime.now(Bookings.CHINA).getYear()), "procurementSummary", Set.of(OFFICIAL), "FORBIDDEN"),
            field("Query.coverage", "{ coverage(regionCode: \"990100\") { regionCode } }", w -> Map.of(), "coverage",
                    Set.of(OFFICIAL), "FORBIDDEN"),
            // an official's work queues (issue 15): their jurisdiction's, no one else's
            field("Query.evaluationCycles", "{ evaluationCycles(filter: {status: SCORING}) { edges { node { id } } } }", w -> Map.of(),
                    "evaluationCycles", OFFICIALS, "FORBIDDEN"),
            field("Query.evaluationTemplates", "{ evaluationTemplates { id } }", w -> Map.of(), "evaluationTemplates", OFFICIALS,
                    "FORBIDDEN"),
            field("Query.appeals", "{ appeals(filter: {status: PENDING}) { edges { node { id } } } }", w -> Map.of(), "appeals",
                    OFFICIALS, "FORBIDDEN"),
            field("Me.desk", "{ me { desk { regionCode openAppeals { count } } } }", w -> Map.of(), "me.desk", OFFICIALS, "FORBIDDEN"),
            field("Me.evaluatorAssignments", "{ me { evaluatorAssignments { edges { node { id } } } } }", w -> Map.of(),
                    "me.evaluatorAssignments", EnumSet.of(EVALUATOR, ASSIGNED_EVALUATOR), "FORBIDDEN"),
            // public, but not in every state: what is not public yet is NOT_FOUND, as an unknown id
            field("Query.procurement", "query($id: ID!) { procurement(id: $id) { id } }", w -> Map.of("id", w.planning),
                    "procurement.id", Set.of(OFFICIAL), "NOT_FOUND", NO_TOKEN, "NOT_FOUND"),
            field("Query.organization", "query($id: ID) { organization(id: $id) { id } }", w -> Map.of("id", w.orgSuspended),
                    "organization.id", Set.of(OFFICIAL), "NOT_FOUND", NO_TOKEN, "NOT_FOUND"),
            field("Query.evaluationCycle", "query($id: ID!) { evaluationCycle(id: $id) { id } }", w -> Map.of("id", w.scoringCycle),
                    "evaluationCycle.id", Set.of(OFFICIAL), "NOT_FOUND", NO_TOKEN, "NOT_FOUND"),
            field("Query.evaluations", "query($c: ID!) { evaluations(cycleId: $c) { id } }", w -> Map.of("c", w.scoringCycle),
                    "evaluations", EnumSet.of(OFFICIAL, ASSIGNED_EVALUATOR), "NOT_FOUND", NO_TOKEN, "NOT_FOUND", EVALUATOR, "HIDDEN"),
            field("Query.serviceDelivery", "query($id: ID!) { serviceDelivery(id: $id) { id } }", w -> Map.of("id", w.delivery),
                    "serviceDelivery.id", EnumSet.of(BOOKER, STAFF, OWNER, OFFICIAL), "NOT_FOUND"),
            field("Query.organizationServiceDeliveries", "query($o: ID!) { organizationServiceDeliveries(organizationId: $o) "
                    + "{ edges { node { id } } } }", w -> Map.of("o", w.orgA), "organizationServiceDeliveries.edges",
                    EnumSet.of(STAFF, OWNER, OFFICIAL), "FORBIDDEN"),
            field("Query.myServiceDeliveries", "{ myServiceDeliveries { edges { node { id } } } }", w -> Map.of(),
                    "myServiceDeliveries", RESIDENTS, "FORBIDDEN"),
            field("Query.unservedResidents", "{ unservedResidents(regionCode: \"990100001001\", group: LIVING_ALONE) { edges { node { memberId } } } }",
                    w -> Map.of(), "unservedResidents.edges", EnumSet.of(OFFICIAL, COMMUNITY_WORKER), "FORBIDDEN"),
            // fields of objects
            // an active organization's reason is null: what it protects is the answer without an error
            field("Organization.statusReason", "query($o: ID!) { organization(id: $o) { id statusReason } }", w -> Map.of("o", w.orgA),
                    "organization", EnumSet.of(STAFF, OWNER, OFFICIAL), "FORBIDDEN"),
            field("Organization.members", "query($o: ID) { organization(id: $o) { members { subject } } }", w -> Map.of("o", w.orgA),
                    "organization.members", EnumSet.of(STAFF, OWNER, OFFICIAL), "FORBIDDEN"),
            field("Organization.bookings", "query($o: ID) { organization(id: $o) { bookings { edges { node { id } } } } }",
                    w -> Map.of("o", w.orgA), "organization.bookings.edges", MEMBERS, "FORBIDDEN"),
            field("Me.bookings", "{ me { bookings { edges { node { id } } } } }", w -> Map.of(), "me.bookings", RESIDENTS, "FORBIDDEN"),
            field("Me.feedback", "{ me { feedback { edges { node { id } } } } }", w -> Map.of(), "me.feedback", RESIDENTS, "FORBIDDEN"),
            field("Me.notifications", "{ me { notifications { edges { node { id } } } } }", w -> Map.of(), "me.notifications",
                    RESIDENTS_AND_WORKERS, "FORBIDDEN"),
            // public, with parts shown to insiders only
            field("Evaluation.scores", "query($c: ID!) { evaluations(cycleId: $c) { scores { comment } } }",
                    w -> Map.of("c", w.publishedCycle), "evaluations.scores.comment", EVALUATION_INSIDERS, "HIDDEN", NO_TOKEN, "HIDDEN"),
            field("ServiceDelivery.beneficiaryName", "query($id: ID!) { serviceDelivery(id: $id) { beneficiaryName } }",
                    w -> Map.of("id", w.delivery), "serviceDelivery.beneficiaryName", EnumSet.of(BOOKER, STAFF, OWNER), "NOT_FOUND",
                    OFFICIAL, "HIDDEN"),
            // a need's text: the officials over its region and the workers of its community
            field("ServiceNeed.text", "{ serviceNeeds(regionCode: \"990100001001\") { edges { node { text } } } }", w -> Map.of(),
                    "serviceNeeds.edges.node.text", EnumSet.of(OFFICIAL, COMMUNITY_WORKER), "HIDDEN", NO_TOKEN, "HIDDEN"),
            // the procurement a need was linked to, while it is PLANNING: its buyer's officials only
            field("ServiceNeed.procurement", "{ serviceNeeds(regionCode: \"990100001001\", status: PROCURED) "
                    + "{ edges { node { procurement { id } } } } }", w -> Map.of(), "serviceNeeds.edges.node.procurement",
                    Set.of(OFFICIAL), "HIDDEN", NO_TOKEN, "HIDDEN"),
            field("Procurement.bids", "query($id: ID!) { procurement(id: $id) { bids { amountFen } } }", w -> Map.of("id", w.tendering),
                    "procurement.bids", EnumSet.of(OFFICIAL, STAFF, OWNER), "HIDDEN", NO_TOKEN, "HIDDEN"));

    /** The world the rows act on, made once through the API (and SQL where the API would need a whole season). */
    static final class World {
        static final long MILESTONE_FEN = 900_000;

        String orgA;
        String orgB;
        String orgSuspended;
        String listingA;
        String service;
        String booking;
        String review;
        String feedback;
        String delivery;
        String procurement;
        String bid;
        String contract;
        String milestone;
        String tendering;
        String planning;
        String contractB;
        String template;
        String manualIndicator;
        String scoringCycle;
        String publishedCycle;
        String scoringEvaluation;
        String publishedEvaluation;
        String appeal;
        String member;
        String removedMember;
        String need;
        String declinedNeed;
        String linkedNeed;
    }

    static World world;
    static SchemaWalk walk;

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.people();
        if (walk == null) {
            walk = SchemaWalk.ofServedSchema();
        }
        if (world == null) {
            world = build();
        }
    }

    private World build() {
        World w = new World();
        GraphQL owner = client(OWNER);
        GraphQL official = client(OFFICIAL);
        w.orgA = String.valueOf(fixtures.organizationA());
        w.orgB = String.valueOf(fixtures.organizationB());
        w.orgSuspended = String.valueOf(fixtures.id("SELECT id FROM organization WHERE credit_code = '52990100MJ00000038'"));
        w.listingA = String.valueOf(fixtures.id("SELECT id FROM service_listing WHERE title = '老年助餐服务' AND lat = 30.0026980"));

        // a removed member: STAFF of organization A until its OWNER removed them
        owner.data("mutation($o: ID!, $s: String!) { addOrganizationMember(input: {organizationId: $o, subject: $s, role: STAFF}) { id } }",
                Map.of("o", w.orgA, "s", REMOVED_SUBJECT));
        owner.data("mutation($o: ID!, $s: String!) { removeOrganizationMember(input: {organizationId: $o, subject: $s}) { id } }",
                Map.of("o", w.orgA, "s", REMOVED_SUBJECT));
        client(ADMIN).data("mutation($s: String!) { registerEvaluator(input: {subject: $s, agency: \"矩阵第三方评估所\"}) }",
                Map.of("s", EVALUATOR_SUBJECT));

        // a community worker of 甲社区; the booker's household there, with a member and one removed
        official.data("mutation($s: String!, $r: String!) { appointCommunityWorker(input: {subject: $s, regionCode: $r}) { subject } }",
                Map.of("s", WORKER_SUBJECT, "r", WORKER_COMMUNITY));
        String addMember = "mutation($input: AddHouseholdMemberInput!) { addHouseholdMember(input: $input) { members { id } } }";
        client(BOOKER).data(addMember, Map.of("input", map("name", "矩阵奶奶", "relation", "母亲", "birthYear", 1944,
                "regionCode", WORKER_COMMUNITY)));
        List<String> memberIds = client(BOOKER).data(addMember, Map.of("input", map("name", "矩阵舅舅", "relation", "舅舅",
                "birthYear", 1960))).getList("addHouseholdMember.members.id");
        w.member = memberIds.get(0);
        w.removedMember = memberIds.get(1);
        client(BOOKER).data("mutation($id: ID!) { removeHouseholdMember(input: {id: $id}) { id } }", Map.of("id", w.removedMember));
        client(COMMUNITY_WORKER).data("mutation($m: ID!, $e: Date!) { verifyTargetGroup(input: {memberId: $m, group: LIVING_ALONE, "
                + "evidenceType: HOME_VISIT, expiresOn: $e}) { id } }", Map.of("m", w.member,
                "e", LocalDate.now(Bookings.CHINA).plusMonths(6).toString()));

        // a completed booking of the booker, her review and her complaint
        w.service = Bookings.openService(HEADERS.get(OWNER).substring("Bearer ".length()), fixtures.organizationA(),
                "授权矩阵长者食堂", 10, Map.of());
        GraphQL booker = client(BOOKER);
        w.booking = booker.data(Bookings.BOOK, Map.of("input", Bookings.forFather(w.service, Bookings.slot(1, 10), null)))
                .getString("bookService.id");
        owner.data(Bookings.ACT.formatted("confirmBooking"), Map.of("id", w.booking));
        fixtures.execute("UPDATE booking SET slot_start = now() - interval '2 hours' WHERE id = " + w.booking);
        owner.data(Bookings.ACT.formatted("completeBooking"), Map.of("id", w.booking));
        w.review = booker.data("mutation($b: ID!) { reviewBooking(input: {bookingId: $b, rating: 4, text: \"饭菜可口\"}) { id } }",
                Map.of("b", w.booking)).getString("reviewBooking.id");
        w.feedback = booker.data("mutation($s: ID!) { submitFeedback(input: {kind: COMPLAINT, serviceId: $s, text: \"送餐迟到\"}) { id } }",
                Map.of("s", w.service)).getString("submitFeedback.id");

        // the booking's service record, confirmed by the resident served
        w.delivery = owner.data("mutation($input: RecordServiceDeliveryInput!) { recordServiceDelivery(input: $input) { id } }",
                Map.of("input", delivery(w.service, w.booking))).getString("recordServiceDelivery.id");
        booker.data("mutation($id: ID!) { confirmServiceDelivery(input: {id: $id}) { id } }", Map.of("id", w.delivery));

        // an awarded procurement with its bid, an ACTIVE contract and its milestone; one TENDERING with a bid; one PLANNING
        String create = "mutation($input: CreateProcurementInput!) { createProcurement(input: $input) { id } }";
        String action = "mutation($id: ID!) { %s(input: {id: $id}) { id } }";
        String submitBid = "mutation($p: ID!, $o: ID!, $a: BigInteger!) { submitBid(input: {procurementId: $p, organizationId: $o, "
                + "amountFen: $a}) { id } }";
        w.procurement = official.data(create, Map.of("input", procurement("授权矩阵助餐项目"))).getString("createProcurement.id");
        official.data(action.formatted("publishTender"), Map.of("id", w.procurement));
        w.bid = owner.data(submitBid, Map.of("p", w.procurement, "o", w.orgA, "a", World.MILESTONE_FEN)).getString("submitBid.id");
        official.data(action.formatted("closeTender"), Map.of("id", w.procurement));
        LocalDate today = LocalDate.now(Bookings.CHINA);
        JsonPath awarded = official.data("mutation($input: AwardProcurementInput!) { awardProcurement(input: $input) "
                + "{ contracts { id milestones { id } } } }", Map.of("input", map("id", w.procurement, "justification", "唯一有效投标",
                "awards", List.of(map("bidId", w.bid, "contract", map("startsOn", today.toString(),
                        "endsOn", today.plusMonths(6).toString(), "milestones", List.of(map("title", "一期",
                                "dueOn", today.plusMonths(1).toString(), "amountFen", World.MILESTONE_FEN))))))));
        w.contract = awarded.getString("awardProcurement.contracts[0].id");
        w.milestone = awarded.getString("awardProcurement.contracts[0].milestones[0].id");
        official.data("mutation($id: ID!, $url: String!, $sha: String!) { activateContract(input: {id: $id, "
                + "signedDocumentUrl: $url, signedDocumentSha256: $sha}) { id } }",
                Map.of("id", w.contract, "url", "https://example.gov.cn/contracts/matrix.pdf", "sha", "a".repeat(64)));
        w.tendering = official.data(create, Map.of("input", procurement("授权矩阵投标中项目"))).getString("createProcurement.id");
        official.data(action.formatted("publishTender"), Map.of("id", w.tendering));
        owner.data(submitBid, Map.of("p", w.tendering, "o", w.orgA, "a", 500_000));
        // needs of 甲社区 submitted by its worker: one OPEN, one DECLINED, one linked to the PLANNING procurement
        String submit = "mutation($input: SubmitServiceNeedInput!) { submitServiceNeed(input: $input) { id } }";
        Map<String, Object> need = map("categoryCode", "elderly.meal", "regionCode", WORKER_COMMUNITY, "text", "希望有老年食堂");
        w.need = client(COMMUNITY_WORKER).data(submit, Map.of("input", need)).getString("submitServiceNeed.id");
        w.declinedNeed = client(COMMUNITY_WORKER).data(submit, Map.of("input", need)).getString("submitServiceNeed.id");
        official.data("mutation($id: ID!) { respondToServiceNeed(input: {id: $id, decision: DECLINED, reason: \"已有助餐点\"}) { id } }",
                Map.of("id", w.declinedNeed));
        w.linkedNeed = client(COMMUNITY_WORKER).data(submit, Map.of("input", need)).getString("submitServiceNeed.id");
        Map<String, Object> planning = procurement("授权矩阵筹备中项目");
        planning.put("needIds", List.of(w.linkedNeed));
        w.planning = official.data(create, Map.of("input", planning)).getString("createProcurement.id");
        // a contract of organization B, over (so that no evaluation cycle takes it in)
        w.contractB = String.valueOf(fixtures.id("INSERT INTO contract (code, title, buyer_name, organization_id, amount_fen, "
                + "starts_on, ends_on, status) SELECT 'MATRIX-B-" + System.nanoTime() + "', '授权矩阵乙合同', '测试区民政局', id, 1000, "
                + "DATE '2026-01-01', DATE '2026-06-30', 'TERMINATED' FROM organization WHERE id = " + w.orgB + " RETURNING id"));

        // a template (API); a cycle SCORING and one PUBLISHED, each with an evaluation of the contract, assigned to the
        // evaluator; the published one scored with a comment and appealed (SQL: the API would need a whole season)
        JsonPath template = official.data("mutation($input: CreateEvaluationTemplateInput!) { createEvaluationTemplate(input: $input) "
                + "{ id indicators { id kind } } }", Map.of("input", map("name", "授权矩阵考核模板", "indicators", List.of(
                map("name", "服务规范", "kind", "MANUAL", "weight", 60), map("name", "居民满意度", "kind", "SATISFACTION", "weight", 40)))));
        w.template = template.getString("createEvaluationTemplate.id");
        w.manualIndicator = template.getString("createEvaluationTemplate.indicators.find { it.kind == 'MANUAL' }.id");
        String cycle = "INSERT INTO evaluation_cycle (name, period_start, period_end, region_id, template_id, thresholds, policy, "
                + "created_by, status, published_at) SELECT '%s', current_date - 30, current_date, id, " + w.template + ", "
                + "'{\"excellent\": 90, \"good\": 80, \"pass\": 60}', '{\"appealDays\": 15}', 'official-test', '%s', %s "
                + "FROM region WHERE code = '990100' RETURNING id";
        w.scoringCycle = String.valueOf(fixtures.id(cycle.formatted("授权矩阵考核（评分中）", "SCORING", "NULL")));
        w.publishedCycle = String.valueOf(fixtures.id(cycle.formatted("授权矩阵考核（已发布）", "PUBLISHED", "now()")));
        w.scoringEvaluation = String.valueOf(fixtures.id("INSERT INTO evaluation (cycle_id, contract_id, organization_id) VALUES ("
                + w.scoringCycle + ", " + w.contract + ", " + w.orgA + ") RETURNING id"));
        w.publishedEvaluation = String.valueOf(fixtures.id("INSERT INTO evaluation (cycle_id, contract_id, organization_id, total, "
                + "grade, rank, version) VALUES (" + w.publishedCycle + ", " + w.contract + ", " + w.orgA + ", 70, 'PASS', 1, 1) RETURNING id"));
        fixtures.execute("INSERT INTO evaluation_assignment (evaluation_id, evaluator_subject, assigned_by) VALUES ("
                + w.scoringEvaluation + ", '" + EVALUATOR_SUBJECT + "', 'official-test'), (" + w.publishedEvaluation + ", '"
                + EVALUATOR_SUBJECT + "', 'official-test')");
        fixtures.execute("INSERT INTO evaluation_score (evaluation_id, indicator_id, score, comment, scored_by) VALUES ("
                + w.publishedEvaluation + ", " + w.manualIndicator + ", 70, '台账齐全，记录略简', '" + EVALUATOR_SUBJECT + "')");
        w.appeal = String.valueOf(fixtures.id("INSERT INTO appeal (evaluation_id, organization_id, reasons, filed_by) VALUES ("
                + w.publishedEvaluation + ", " + w.orgA + ", '满意度样本过少', 'owner-a') RETURNING id"));

        assertEquals(0, fixtures.id("SELECT count(*) FROM organization_member WHERE subject = '" + REMOVED_SUBJECT + "'"),
                "the removed member is no member");
        assertEquals("COMPLETED", client(BOOKER).data("{ me { bookings { edges { node { status } } } } }")
                .getString("me.bookings.edges[0].node.status"));
        return w;
    }

    /** A service record of the booking, at the service's address, over an hour that has passed. */
    static Map<String, Object> delivery(String service, String booking) {
        Map<String, Object> location = map("lat", 31.001, "lng", 121.0);
        return map("serviceId", service, "bookingId", booking, "startedAt", OffsetDateTime.now().minusHours(3).toString(),
                "endedAt", OffsetDateTime.now().minusHours(2).toString(), "checkIn", location, "checkOut", location);
    }

    static Map<String, Object> procurement(String title) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("categoryCode", "elderly.meal");
        input.put("targetRegionCodes", List.of("990100001"));
        input.put("budgetFen", 1_000_000);
        input.put("method", "OPEN");
        input.put("tenderStart", OffsetDateTime.now().minusMinutes(5).toString());
        input.put("tenderEnd", OffsetDateTime.now().plusDays(10).toString());
        return input;
    }

    @Test
    void everyMutationOfTheSchemaHasARow() {
        Set<String> served = walk.mutations().stream().map(Operation::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> rows = ROWS.stream().map(Row::mutation).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ROWS.size(), rows.size(), "one row per mutation");
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(rows);
        Set<String> stale = new TreeSet<>(rows);
        stale.removeAll(served);
        assertTrue(missing.isEmpty() && stale.isEmpty(), "mutations of the schema without a row: " + missing
                + "; rows for mutations the schema does not have: " + stale);
    }

    /**
     * Where the probe finds the fields of each object type: a root field returning one (or a list of them) and
     * the variables naming an instance of the world. Types not reached here are reached only through fields that
     * already need a caller (Booking, Feedback …) or carry nothing that is not public (Region, Category …).
     */
    private Map<String, String[]> probeRoots() {
        Map<String, String[]> roots = new LinkedHashMap<>();
        roots.put("Organization", new String[] {"$root: ID", "organization(id: $root)", world.orgA});
        roots.put("Service", new String[] {"$root: ID", "service(id: $root)", world.service});
        roots.put("Procurement", new String[] {"$root: ID!", "procurement(id: $root)", world.tendering});
        roots.put("Contract", new String[] {"$root: ID!", "contract(id: $root)", world.contract});
        roots.put("Cycle", new String[] {"$root: ID!", "evaluationCycle(id: $root)", world.publishedCycle});
        roots.put("Evaluation", new String[] {"$root: ID!", "evaluations(cycleId: $root)", world.publishedCycle});
        roots.put("Me", new String[] {"", "me", null});
        return roots;
    }

    @Test
    void everyFieldThatNeedsACallerHasARow() {
        GraphQL roleless = GraphQL.as(Tokens.of("matrix-nobody"));
        Set<String> needCaller = new TreeSet<>();
        Map<String, String> probes = new TreeMap<>(); // field → why it needs a caller
        for (Operation query : walk.queries()) {
            String document = SchemaWalk.document(query);
            Map<String, Object> variables = walk.variables(query, null, null);
            probe("Query." + query.name(), document, variables, GraphQL.anonymous(), "anonymous", probes);
            probe("Query." + query.name(), document, variables, roleless, "without roles", probes);
        }
        probeRoots().forEach((type, root) -> {
            for (Operation field : walk.fieldsOf(type, "field")) {
                String document = SchemaWalk.nestedDocument(root[0], root[1], field);
                Map<String, Object> variables = walk.variables(field, null, null);
                if (root[2] != null) {
                    variables.put("root", root[2]);
                }
                if (!type.equals("Me")) {
                    probe(type + "." + field.name(), document, variables, GraphQL.anonymous(), "anonymous", probes);
                }
                probe(type + "." + field.name(), document, variables, roleless, "without roles", probes);
            }
        });
        needCaller.addAll(probes.keySet());
        Set<String> rows = FIELDS.stream().map(FieldRow::field).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(FIELDS.size(), rows.size(), "one row per field");
        List<String> problems = new ArrayList<>();
        for (String field : needCaller) {
            if (!rows.contains(field)) {
                problems.add(field + " needs a caller (" + probes.get(field) + ") but has no row");
            }
        }
        Set<String> probedTypes = probeRoots().keySet();
        for (FieldRow row : FIELDS) {
            String type = row.field().substring(0, row.field().indexOf('.'));
            if (!type.equals("Query") && !probedTypes.contains(type)) {
                continue; // reached through a root that needs a caller already: listed by hand
            }
            // the probe must see what the rows say: a field refused to anonymous callers is one it finds
            boolean anonymousRefused = row.expected(NO_TOKEN).equals("UNAUTHENTICATED");
            if (PUBLIC_UNLESS_FILTERED.contains(row.field())) {
                // the row's filter makes it a work queue; without one the probe must find it public
                if (needCaller.contains(row.field())) {
                    problems.add(row.field() + " is public unless filtered, but the probe found " + probes.get(row.field()));
                }
                continue;
            }
            if (anonymousRefused != needCaller.contains(row.field())) {
                problems.add(row.field() + ": its row says anonymous callers get " + row.expected(NO_TOKEN) + ", the probe found "
                        + probes.getOrDefault(row.field(), "that anyone may ask for it"));
            }
        }
        for (String row : rows) {
            String[] parts = row.split("\\.");
            String type = parts[0].equals("Query") ? null : parts[0];
            List<Operation> fields = type == null ? walk.queries() : walk.fieldsOf(type, "field");
            if (fields.stream().noneMatch(f -> f.name().equals(parts[1]))) {
                problems.add(row + " has a row but is not in the schema");
            }
        }
        // a new subscription needs its own check of who may listen: bookingEvents (members, per event) in
        // BookingEventsMembershipTest; myNotifications (the signed-in resident's own only) in NotificationTest
        assertEquals(new TreeSet<>(List.of("bookingEvents", "myNotifications")),
                walk.subscriptions().stream().map(Operation::name).collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void probe(String field, String document, Map<String, Object> variables, GraphQL client, String as,
            Map<String, String> probes) {
        Response response = client.post(document, variables);
        List<Map<String, Object>> errors = response.statusCode() == 200 ? response.jsonPath().getList("errors") : null;
        if (errors != null) {
            for (Map<String, Object> error : errors) {
                String code = GraphQL.code(error);
                if ("UNAUTHENTICATED".equals(code) || "FORBIDDEN".equals(code)) {
                    probes.merge(field, code + " " + as, (a, b) -> a + ", " + b);
                    return;
                }
            }
        }
    }

    @Test
    void everyMutationAgainstEveryCaller() {
        Map<String, Long> before = states();
        Map<String, Operation> mutations = walk.mutations().stream().collect(Collectors.toMap(Operation::name, m -> m));
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (Row row : ROWS) {
            Operation mutation = mutations.get(row.mutation());
            if (mutation == null) {
                continue; // reported by everyMutationOfTheSchemaHasARow
            }
            String document = SchemaWalk.document(mutation);
            for (Who who : Who.values()) {
                Map<String, Object> input = row.input().apply(world);
                Response response = client(who).post(document, variables(mutation, input));
                String outcome = outcome(response, null);
                cells++;
                if (!row.expected(who).equals(outcome)) {
                    failures.add(row.mutation() + " by " + who + ": expected " + row.expected(who) + ", got " + outcome);
                }
                // bookings, reviews, feedback and service records: whoever may not act on one cannot tell it from an id never used
                if (!row.notFound().isEmpty() && !who.tokenLevel() && !row.allowed().contains(who)) {
                    String ghost = answer(client(who).post(document, variables(mutation, unused(input))));
                    if (!ghost.equals(answer(response))) {
                        failures.add(row.mutation() + " by " + who + ": an existing id answers " + answer(response)
                                + ", an unknown one " + ghost);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + cells + " cells wrong:\n" + String.join("\n", failures));
        assertEquals(before, states(), "nothing changed");
    }

    @Test
    void everyNonPublicFieldAgainstEveryCaller() {
        Map<String, Long> before = states();
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (FieldRow row : FIELDS) {
            for (Who who : Who.values()) {
                String outcome = outcome(client(who).post(row.document(), row.variables().apply(world)), row.protectedPart());
                cells++;
                if (!row.expected(who).equals(outcome)) {
                    failures.add(row.field() + " by " + who + ": expected " + row.expected(who) + ", got " + outcome);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + cells + " cells wrong:\n" + String.join("\n", failures));
        assertEquals(before, states(), "reading changed nothing");
    }

    /** The input with the world's booking, review or feedback id replaced by one never used. */
    private static Map<String, Object> unused(Map<String, Object> input) {
        Set<String> ids = new java.util.HashSet<>(List.of(world.booking, world.review, world.feedback, world.delivery, world.member,
                world.removedMember));
        Map<String, Object> ghost = new LinkedHashMap<>(input);
        ghost.replaceAll((key, value) -> ids.contains(value) ? "987654321" : value);
        return ghost;
    }

    /** The whole answer as a caller sees it: status, then each error's code and message. */
    private static String answer(Response response) {
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode();
        }
        List<Map<String, Object>> errors = response.jsonPath().getList("errors");
        return errors == null ? "no error" : errors.stream().map(e -> GraphQL.code(e) + " \"" + e.get("message") + "\"")
                .collect(Collectors.joining("; "));
    }

    /** Plausible values for every required input field, with the row's values over them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Operation mutation, Map<String, Object> input) {
        Map<String, Object> variables = walk.variables(mutation, null, null);
        Object plausible = variables.get("input");
        if (plausible instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).putAll(input);
        } else {
            variables.put("input", input);
        }
        return variables;
    }

    /**
     * HTTP n when the request was refused before GraphQL; the first error's code; for a mutation without error
     * ACCEPTED (it must never be); for a field SEES or HIDDEN, whether the protected part came back.
     */
    private static String outcome(Response response, String protectedPart) {
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode();
        }
        JsonPath json = response.jsonPath();
        List<Map<String, Object>> errors = json.getList("errors");
        if (errors != null && !errors.isEmpty()) {
            String codes = errors.stream().map(GraphQL::code).map(String::valueOf).distinct().collect(Collectors.joining("+"));
            return codes.equals("null") ? "uncoded: " + errors.get(0).get("message") : codes;
        }
        if (protectedPart == null) {
            return "ACCEPTED";
        }
        return present(json.get("data." + protectedPart)) ? "SEES" : "HIDDEN";
    }

    private static boolean present(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().anyMatch(AuthorizationMatrixTest::present);
        }
        return value != null;
    }

    /** A digest of every table a mutation could change, and of the audit entries of the callers here. */
    private Map<String, Long> states() {
        Map<String, Long> states = new TreeMap<>();
        for (String table : List.of("organization_member", "official_appointment", "evaluator_profile", "service_listing",
                "listing_weekly_hours", "booking", "booking_slot", "review", "feedback", "service_delivery", "procurement", "bid", "award", "milestone",
                "payment", "evaluation_template", "evaluation_indicator", "evaluation_cycle", "evaluation", "evaluation_assignment",
                "evaluation_score", "evaluation_version", "evaluation_outcome", "appeal", "region", "community_worker_appointment",
                "household", "household_member", "target_group_verification", "service_need", "service_need_support")) {
            states.put(table, fixtures.id("SELECT count(*) * 1000003 + coalesce(sum(hashtext(t::text)), 0) FROM " + table + " t"));
        }
        // organizations and contracts: the world's (a scheduled job may complete someone else's overdue contract meanwhile)
        states.put("organization", fixtures.id("SELECT count(*) * 1000003 + coalesce(sum(hashtext(t::text)) FILTER (WHERE id IN ("
                + world.orgA + ", " + world.orgB + ", " + world.orgSuspended + ")), 0) FROM organization t"));
        states.put("contract", fixtures.id("SELECT count(*) * 1000003 + coalesce(sum(hashtext(t::text)) FILTER (WHERE id IN ("
                + world.contract + ", " + world.contractB + ")), 0) FROM contract t"));
        String subjects = "'matrix-stranger', '" + BOOKER_SUBJECT + "', 'matrix-evaluator-unassigned', '" + EVALUATOR_SUBJECT
                + "', 'root', 'owner-b', 'staff-a', 'owner-a', '" + REMOVED_SUBJECT + "', 'official-qlh', 'official-test', '"
                + WORKER_SUBJECT + "'";
        states.put("audit_entry", fixtures.id("SELECT count(*) FROM audit_entry WHERE actor_subject IN (" + subjects + ")"));
        return states;
    }

    static {
        // every caller kind is tried: a new one must be given a header (or be NO_TOKEN)
        for (Who who : Who.values()) {
            if (who != NO_TOKEN && !HEADERS.containsKey(who)) {
                throw new IllegalStateException("no header for " + who);
            }
        }
    }
}
