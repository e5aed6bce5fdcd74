package cn.linli.booking;

import cn.linli.audit.AuditLog;
import cn.linli.common.Caller;
import cn.linli.common.ForbiddenException;
import cn.linli.common.Ids;
import cn.linli.common.Inputs;
import cn.linli.common.InvalidStateException;
import cn.linli.common.KeysetQuery;
import cn.linli.common.KeysetQuery.Key;
import cn.linli.common.NotFoundException;
import cn.linli.common.Paging;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.identity.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Feedback from residents; the organization responds, an official of its region resolves. Feedback is about what
 * a resident can see (a published service of an active organization, an active organization) or has dealt with
 * (booked); anything else, drafts above all, is as absent as an unknown id. Access to feedback is decided before
 * its existence: whoever may not handle it gets the same NOT_FOUND as for an id that does not exist.
 */
@ApplicationScoped
public class FeedbackService {
    static final int OVERDUE_DAYS = 7;
    /** The submitter may rate a resolution for this many days after it. */
    static final int RATING_DAYS = 15;
    private static final KeysetQuery NEWEST_FIRST = new KeysetQuery("feedback", List.of(new Key("f.id", "bigint")), true);
    private static final KeysetQuery OLDEST_FIRST = new KeysetQuery("overdue", List.of(new Key("f.id", "bigint")), false);
    /** The columns of {@link #feedback(Row)}; %s: the overdue condition. The handling region is never absent. */
    private static final String SELECT = "SELECT f.id, f.kind, f.organization_id, f.listing_id, f.text, f.status, f.response, "
            + "f.responded_at, f.resolution, f.upheld, f.resolved_at, f.created_at, (%s) AS overdue, fr.code AS region_code, "
            + "hr.code AS handling_region_code, f.escalation_level, f.escalated_at, f.escalation_reason, f.satisfied, "
            + "f.rating_comment, f.rated_at FROM feedback f LEFT JOIN organization o ON o.id = f.organization_id "
            + "LEFT JOIN region fr ON fr.id = f.region_id JOIN region hr ON hr.id = coalesce(f.handler_region_id, o.region_id)";

    /** Days an item may wait at a stage (unanswered; answered and unresolved) before it is overdue. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "linli.feedback.overdue-days", defaultValue = "" + OVERDUE_DAYS)
    int overdueDays;
    @Inject
    cn.linli.region.RegionQueries regions;

    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;
    @Inject
    AuditLog audit;
    @Inject
    cn.linli.notification.Notifications notifications;

    @Transactional
    public Feedback submit(BookingInputs.SubmitFeedback input) {
        String role = caller.requireRole(Caller.RESIDENT);
        String subject = caller.subject();
        String text = Inputs.required(input.text(), "input.text", 1000);
        Row target;
        if (input.serviceId() != null) {
            target = sql.rows("SELECT l.id AS listing_id, l.organization_id, l.contract_id, o.region_id FROM service_listing l "
                    + "JOIN organization o ON o.id = l.organization_id WHERE l.id = :id AND ((l.status = 'PUBLISHED' "
                    + "AND " + cn.linli.organization.OrganizationStatus.SHOWS_SERVICES_SQL + ") OR EXISTS (SELECT 1 FROM booking b WHERE b.listing_id = l.id "
                    + "AND b.resident_subject = :subject))",
                    Map.of("id", Ids.parse(input.serviceId(), "input.serviceId"), "subject", subject)).stream().findFirst()
                    .orElseThrow(() -> new NotFoundException("input.serviceId", "error.feedback.serviceUnknown", new Object[0]));
        } else if (input.organizationId() != null) {
            target = sql.rows("SELECT NULL AS listing_id, o.id AS organization_id, NULL AS contract_id, o.region_id "
                    + "FROM organization o WHERE o.id = :id AND (" + cn.linli.organization.OrganizationStatus.SHOWS_SERVICES_SQL + " OR EXISTS (SELECT 1 FROM booking b "
                    + "WHERE b.organization_id = o.id AND b.resident_subject = :subject))",
                    Map.of("id", Ids.parse(input.organizationId(), "input.organizationId"), "subject", subject))
                    .stream().findFirst().orElseThrow(() -> new NotFoundException("input.organizationId",
                            "error.feedback.organizationUnknown", new Object[0]));
        } else if (input.regionCode() != null) {
            return submitAboutCommunity(role, subject, input, text);
        } else {
            throw new ValidationException("input.serviceId", "error.feedback.target");
        }
        Long listing = target.longValue("listing_id");
        Long contract = target.longValue("contract_id");
        long id = sql.rows("INSERT INTO feedback (kind, organization_id, listing_id, contract_id, resident_subject, text) "
                + "VALUES (:kind, :organization, nullif(:listing, -1), nullif(:contract, -1), :subject, :text) RETURNING id",
                Map.of("kind", input.kind().name(), "organization", target.longValue("organization_id"),
                        "listing", listing == null ? -1L : listing, "contract", contract == null ? -1L : contract,
                        "subject", subject, "text", text)).get(0).longValue("id");
        audit.record(role, new AuditLog.Change("submitFeedback", "Feedback", id, target.longValue("organization_id"),
                target.longValue("region_id"), null, null, Map.of("kind", input.kind(), "status", FeedbackStatus.OPEN)));
        return read(id);
    }

    /**
     * For a disputed service record (cn.linli.delivery): a COMPLAINT by the resident served, in the caller's
     * transaction, handled like any other complaint. Returns its id.
     */
    public long complaintAboutDelivery(long organizationId, long listingId, Long contractId, long regionId, String text) {
        String subject = caller.subject();
        long id = sql.rows("INSERT INTO feedback (kind, organization_id, listing_id, contract_id, resident_subject, text) "
                + "VALUES ('COMPLAINT', :organization, :listing, nullif(:contract, -1), :subject, :text) RETURNING id",
                Map.of("organization", organizationId, "listing", listingId, "contract", contractId == null ? -1L : contractId,
                        "subject", subject, "text", text)).get(0).longValue("id");
        audit.record(Caller.RESIDENT, new AuditLog.Change("submitFeedback", "Feedback", id, organizationId, regionId, null, null,
                Map.of("kind", FeedbackKind.COMPLAINT, "status", FeedbackStatus.OPEN)));
        return id;
    }

    @Transactional
    public Feedback respond(BookingInputs.Respond input) {
        // the organization's members answer feedback about it; a community problem (no organization) is answered
        // by the community workers serving the place
        String role = caller.hasRole(Caller.ORG_STAFF) || !caller.hasRole(Caller.COMMUNITY_WORKER)
                ? caller.requireRole(Caller.ORG_STAFF) : Caller.COMMUNITY_WORKER;
        Row feedback = find(input.id(), row -> role.equals(Caller.ORG_STAFF)
                ? row.longValue("organization_id") != null && access.membership(row.longValue("organization_id")).isPresent()
                : row.longValue("organization_id") == null && access.servesAsCommunityWorker(row.longValue("place_region_id")));
        String response = Inputs.required(input.response(), "input.response", 1000);
        if (!FeedbackStatus.OPEN.name().equals(feedback.string("status"))) {
            throw new InvalidStateException("error.feedback.notOpen");
        }
        sql.update("UPDATE feedback SET status = 'RESPONDED', response = :response, responded_at = now(), responded_by = :by "
                + "WHERE id = :id", Map.of("response", response, "by", caller.subject(), "id", feedback.longValue("id")));
        audit.record(role, new AuditLog.Change("respondToFeedback", "Feedback", feedback.longValue("id"),
                feedback.longValue("organization_id"), feedback.longValue("region_id"), null,
                Map.of("status", FeedbackStatus.OPEN), Map.of("status", FeedbackStatus.RESPONDED, "response", response)));
        notifications.notify(sql.rows("SELECT resident_subject FROM feedback WHERE id = :id", Map.of("id", feedback.longValue("id"))).get(0).string("resident_subject"), cn.linli.notification.NotificationKind.FEEDBACK_RESPONDED, "Feedback", feedback.longValue("id"), Map.of());
        return read(feedback.longValue("id"));
    }

    @Transactional
    public Feedback resolve(BookingInputs.Resolve input) {
        String role = caller.requireRole(Caller.OFFICIAL);
        Row feedback = find(input.id(), row -> access.governs(row.longValue("region_id")));
        String resolution = Inputs.required(input.resolution(), "input.resolution", 1000);
        if (FeedbackStatus.RESOLVED.name().equals(feedback.string("status"))) {
            throw new InvalidStateException("error.feedback.resolved");
        }
        boolean complaint = FeedbackKind.COMPLAINT.name().equals(feedback.string("kind"));
        if (complaint && input.upheld() == null) {
            throw new ValidationException("input.upheld", "error.feedback.upheld");
        }
        Map<String, Object> params = new HashMap<>(Map.of("resolution", resolution, "by", caller.subject(),
                "id", feedback.longValue("id"), "upheld", complaint ? String.valueOf(input.upheld()) : ""));
        sql.update("UPDATE feedback SET status = 'RESOLVED', resolution = :resolution, resolved_at = now(), resolved_by = :by, "
                + "upheld = CAST(nullif(:upheld, '') AS boolean) WHERE id = :id", params);
        audit.record(role, new AuditLog.Change("resolveFeedback", "Feedback", feedback.longValue("id"),
                feedback.longValue("organization_id"), feedback.longValue("region_id"), resolution,
                Map.of("status", feedback.string("status")), Map.of("status", FeedbackStatus.RESOLVED,
                        "upheld", complaint ? input.upheld() : "—")));
        notifications.notify(sql.rows("SELECT resident_subject FROM feedback WHERE id = :id", Map.of("id", feedback.longValue("id"))).get(0).string("resident_subject"), cn.linli.notification.NotificationKind.FEEDBACK_RESOLVED, "Feedback", feedback.longValue("id"), Map.of());
        return read(feedback.longValue("id"));
    }

    /**
     * For the organization's members and the officials of its region. Anyone else learns only what is public: an
     * active organization exists (FORBIDDEN); any other one is as absent as an unknown id (NOT_FOUND).
     */
    public FeedbackApi.FeedbackConnection ofOrganization(String organizationId, FeedbackStatus status, Integer first,
            String after) {
        caller.requireAuthenticated();
        long id = Ids.parse(organizationId, "organizationId");
        Row organization = sql.rows("SELECT region_id, status FROM organization WHERE id = :id", Map.of("id", id)).stream()
                .findFirst().orElseThrow(FeedbackService::organizationUnknown);
        if (access.membership(id).isEmpty() && !access.governs(organization.longValue("region_id"))) {
            if (cn.linli.organization.OrganizationStatus.valueOf(organization.string("status")).showsServices()) {
                throw new ForbiddenException("error.notMember");
            }
            throw organizationUnknown();
        }
        List<String> where = new ArrayList<>(List.of("f.organization_id = :organization"));
        Map<String, Object> params = new HashMap<>(Map.of("organization", id));
        if (status != null) {
            where.add("f.status = :status");
            params.put("status", status.name());
        }
        return page(NEWEST_FIRST, where, params, first, after);
    }

    /**
     * For officials: items waiting too long at the stage (RESPONSE by default) whose handling region (the
     * organization's, the community's, or where escalation moved it) lies in their jurisdiction.
     */
    public FeedbackApi.FeedbackConnection overdue(FeedbackStage stage, Integer first, String after) {
        caller.requireRole(Caller.OFFICIAL);
        String code = access.jurisdiction().orElseThrow(() -> new ForbiddenException("error.outsideJurisdiction")).regionCode();
        return page(OLDEST_FIRST, List.of(overdueAt(stage == null ? FeedbackStage.RESPONSE : stage),
                "hr.path @> ARRAY[CAST(:jurisdiction AS text)]"), Map.of("jurisdiction", code), first, after);
    }

    /** A problem in a community or grid, not about an organization: handled at the community (a grid's parent). */
    private Feedback submitAboutCommunity(String role, String subject, BookingInputs.SubmitFeedback input, String text) {
        String code = input.regionCode();
        Row region = code.length() > 20 ? null : sql.rows("SELECT id, level, parent_id FROM region WHERE code = :code",
                Map.of("code", code)).stream().findFirst().orElse(null);
        if (region == null) {
            throw new NotFoundException("input.regionCode", "error.feedback.regionUnknown", new Object[0]);
        }
        String level = region.string("level");
        if (!level.equals("COMMUNITY") && !level.equals("GRID")) {
            throw new ValidationException("input.regionCode", "error.feedback.regionLevel");
        }
        long community = level.equals("GRID") ? region.longValue("parent_id") : region.longValue("id");
        long id = sql.rows("INSERT INTO feedback (kind, region_id, handler_region_id, resident_subject, text) "
                + "VALUES (:kind, :region, :community, :subject, :text) RETURNING id", Map.of("kind", input.kind().name(),
                "region", region.longValue("id"), "community", community, "subject", subject, "text", text)).get(0).longValue("id");
        audit.record(role, new AuditLog.Change("submitFeedback", "Feedback", id, null, community, null, null,
                Map.of("kind", input.kind(), "status", FeedbackStatus.OPEN)));
        return read(id);
    }

    /** The resident's own feedback, newest first. */
    public FeedbackApi.FeedbackConnection mine(FeedbackStatus status, Integer first, String after) {
        caller.requireRole(Caller.RESIDENT);
        List<String> where = new ArrayList<>(List.of("f.resident_subject = :subject"));
        Map<String, Object> params = new HashMap<>(Map.of("subject", caller.subject()));
        if (status != null) {
            where.add("f.status = :status");
            params.put("status", status.name());
        }
        return page(NEWEST_FIRST, where, params, first, after);
    }

    /**
     * The submitter rates the resolution, once, within {@value #RATING_DAYS} days of it. Anyone else gets the same
     * NOT_FOUND as for an unknown id.
     */
    @Transactional
    public Feedback rate(FeedbackInputs.RateResolution input) {
        String role = caller.requireRole(Caller.RESIDENT);
        String subject = caller.subject();
        Row feedback = find(input.id(), row -> subject.equals(row.string("resident_subject")));
        String comment = Inputs.optional(input.comment(), "input.comment", 500);
        if (feedback.get("rated_at") != null) {
            throw new cn.linli.common.ConflictException("error.feedback.rated");
        }
        if (!FeedbackStatus.RESOLVED.name().equals(feedback.string("status"))) {
            throw new InvalidStateException("error.feedback.notResolved");
        }
        if (feedback.dateTime("resolved_at").isBefore(java.time.OffsetDateTime.now().minusDays(RATING_DAYS))) {
            throw new InvalidStateException("error.feedback.ratingClosed");
        }
        long id = feedback.longValue("id");
        int rated = sql.update("UPDATE feedback SET satisfied = :satisfied, rating_comment = nullif(:comment, ''), rated_at = now() "
                + "WHERE id = :id AND rated_at IS NULL AND status = 'RESOLVED'", Map.of("satisfied", input.satisfied(),
                "comment", comment == null ? "" : comment, "id", id));
        if (rated == 0) {
            throw new cn.linli.common.ConflictException("error.feedback.rated");
        }
        audit.record(role, new AuditLog.Change("rateResolution", "Feedback", id, feedback.longValue("organization_id"),
                feedback.longValue("region_id"), null, Map.of("rated", false), Map.of("rated", true, "satisfied", input.satisfied())));
        return read(id);
    }

    /**
     * The submitter, or a community worker serving where the problem is, moves unresolved feedback to the officials
     * of the parent of the region handling it now. Anyone else with one of those roles gets NOT_FOUND.
     */
    @Transactional
    public Feedback escalate(FeedbackInputs.Escalate input) {
        caller.requireAuthenticated();
        boolean resident = caller.hasRole(Caller.RESIDENT);
        boolean worker = caller.hasRole(Caller.COMMUNITY_WORKER);
        if (!resident && !worker) {
            throw new ForbiddenException("error.role", Caller.RESIDENT);
        }
        String subject = caller.subject();
        Row feedback = find(input.id(), row -> resident && subject.equals(row.string("resident_subject"))
                || worker && access.servesAsCommunityWorker(row.longValue("place_region_id")));
        String role = resident && subject.equals(feedback.string("resident_subject")) ? Caller.RESIDENT : Caller.COMMUNITY_WORKER;
        String reason = Inputs.required(input.reason(), "input.reason", 500);
        if (FeedbackStatus.RESOLVED.name().equals(feedback.string("status"))) {
            throw new InvalidStateException("error.feedback.resolved");
        }
        long id = feedback.longValue("id");
        long current = feedback.longValue("region_id");
        Row parent = sql.rows("SELECT p.id, p.code, r.code AS current_code FROM region r JOIN region p ON p.id = r.parent_id "
                + "WHERE r.id = :id", Map.of("id", current)).stream().findFirst()
                .orElseThrow(() -> new InvalidStateException("error.feedback.topLevel"));
        int moved = sql.update("UPDATE feedback f SET handler_region_id = :parent, escalation_level = escalation_level + 1, "
                + "escalated_at = now(), escalated_by = :by, escalation_reason = :reason WHERE id = :id AND status <> 'RESOLVED' "
                + "AND coalesce(handler_region_id, (SELECT o.region_id FROM organization o WHERE o.id = f.organization_id)) = :current",
                Map.of("parent", parent.longValue("id"), "by", subject, "reason", reason, "id", id, "current", current));
        if (moved == 0) {
            throw new cn.linli.common.ConflictException("error.feedback.changed");
        }
        audit.record(role, new AuditLog.Change("escalateFeedback", "Feedback", id, feedback.longValue("organization_id"),
                parent.longValue("id"), reason, Map.of("handlingRegion", parent.string("current_code")),
                Map.of("handlingRegion", parent.string("code"))));
        return read(id);
    }

    /**
     * Problems filed about a community or grid (not about an organization) in the region's subtree, newest first:
     * for community workers serving the region and officials governing it.
     */
    public FeedbackApi.FeedbackConnection ofCommunity(String regionCode, FeedbackStatus status, Integer first, String after) {
        caller.requireAuthenticated();
        if (!caller.hasRole(Caller.COMMUNITY_WORKER) && !caller.hasRole(Caller.OFFICIAL)) {
            throw new ForbiddenException("error.role", Caller.COMMUNITY_WORKER);
        }
        cn.linli.region.Region region = (regionCode.length() > 20 ? Optional.<cn.linli.region.Region>empty()
                : regions.byCode(regionCode)).orElseThrow(() -> new NotFoundException("regionCode", "error.feedback.regionUnknown",
                        new Object[0]));
        if (!access.servesAsCommunityWorker(region.id()) && !access.governs(region.id())) {
            throw new ForbiddenException("error.outsideCommunity");
        }
        List<String> where = new ArrayList<>(List.of("f.region_id IS NOT NULL", "fr.path @> ARRAY[CAST(:code AS text)]"));
        Map<String, Object> params = new HashMap<>(Map.of("code", region.code()));
        if (status != null) {
            where.add("f.status = :status");
            params.put("status", status.name());
        }
        return page(NEWEST_FIRST, where, params, first, after);
    }

    /** Public numbers of a page of organizations, in one statement: the last 12 months, by the date of filing. */
    public List<FeedbackStats> stats(List<cn.linli.organization.Organization> organizations) {
        if (organizations.isEmpty()) {
            return List.of();
        }
        Map<String, FeedbackStats> byOrganization = new HashMap<>();
        for (Row row : sql.rows("SELECT organization_id, count(*) FILTER (WHERE kind = 'COMPLAINT') AS complaints, "
                + "count(*) FILTER (WHERE kind = 'COMPLAINT' AND upheld) AS upheld, percentile_cont(0.5) WITHIN GROUP "
                + "(ORDER BY extract(epoch FROM responded_at - created_at) / 3600) FILTER (WHERE responded_at IS NOT NULL) AS median "
                + "FROM feedback WHERE organization_id IN (:ids) AND created_at >= now() - interval '12 months' GROUP BY organization_id",
                Map.of("ids", organizations.stream().map(o -> Long.parseLong(o.id())).distinct().toList()))) {
            Double median = row.doubleValue("median");
            byOrganization.put(row.string("organization_id"), new FeedbackStats(row.intValue("complaints"), row.intValue("upheld"),
                    median == null ? null : Math.round(median * 10) / 10.0));
        }
        return organizations.stream().map(o -> byOrganization.getOrDefault(o.id(), new FeedbackStats(0, 0, null))).toList();
    }

    private FeedbackApi.FeedbackConnection page(KeysetQuery query, List<String> where, Map<String, Object> params,
            Integer first, String after) {
        KeysetQuery.Page page = query.fetch(sql, select(), where, params, after, Paging.pageSize(first));
        return new FeedbackApi.FeedbackConnection(page.edges((cursor, row) ->
                new FeedbackApi.FeedbackConnection.FeedbackEdge(cursor, feedback(row))), page.pageInfo(after != null), page.totalCount());
    }

    /** The feedback if the caller may handle it; else the same NOT_FOUND as for an id that does not exist. */
    private Row find(String id, Predicate<Row> mayHandle) {
        // region_id: where it is handled now (escalation moves it up); place_region_id: where the problem is
        Optional<Row> feedback = sql.rows("SELECT f.id, f.kind, f.status, f.organization_id, f.resident_subject, f.resolved_at, "
                + "f.rated_at, coalesce(f.handler_region_id, o.region_id) AS region_id, coalesce(f.region_id, o.region_id) "
                + "AS place_region_id FROM feedback f LEFT JOIN organization o ON o.id = f.organization_id WHERE f.id = :id",
                Map.of("id", Ids.parse(id, "input.id"))).stream().findFirst();
        return feedback.filter(mayHandle).orElseThrow(() -> new NotFoundException("error.feedback.unknown"));
    }

    private static NotFoundException organizationUnknown() {
        return new NotFoundException("error.feedback.organizationUnknown");
    }

    private Feedback read(long id) {
        return feedback(sql.rows(select() + " WHERE f.id = :id", Map.of("id", id)).get(0));
    }

    private String select() {
        return SELECT.formatted(overdueAt(null));
    }

    /** The SQL condition: {@code f} is overdue at the stage (either stage when null). */
    private String overdueAt(FeedbackStage stage) {
        String days = "now() - make_interval(days => " + overdueDays + ")";
        String response = "f.status = 'OPEN' AND f.created_at < " + days;
        String resolution = "f.status = 'RESPONDED' AND f.responded_at < " + days;
        return stage == FeedbackStage.RESPONSE ? response : stage == FeedbackStage.RESOLUTION ? resolution
                : "(" + response + ") OR (" + resolution + ")";
    }

    private static Feedback feedback(Row row) {
        Object upheld = row.get("upheld");
        return new Feedback(row.string("id"), FeedbackKind.valueOf(row.string("kind")), row.string("organization_id"),
                row.string("listing_id"), row.string("text"), FeedbackStatus.valueOf(row.string("status")),
                row.string("response"), row.dateTime("responded_at"), row.string("resolution"),
                upheld == null ? null : (Boolean) upheld, row.dateTime("resolved_at"), row.dateTime("created_at"),
                row.bool("overdue"), row.string("region_code"), row.string("handling_region_code"),
                row.intValue("escalation_level"), row.dateTime("escalated_at"), row.string("escalation_reason"),
                (Boolean) row.get("satisfied"), row.string("rating_comment"), row.dateTime("rated_at"));
    }

    /**
     * The desk's queue of feedback overdue at either stage whose handling region lies in a jurisdiction, the
     * oldest first: since = when it was submitted, dueAt = when it fell overdue.
     */
    public cn.linli.common.WorkQueue overdueQueue(String jurisdictionCode, int items) {
        String dueAt = "CASE WHEN f.status = 'OPEN' THEN f.created_at ELSE f.responded_at END + make_interval(days => " + overdueDays + ")";
        return cn.linli.common.WorkQueue.of(sql.rows("SELECT f.id, f.kind, coalesce(o.name, fr.name) AS about, hr.code, f.created_at, "
                + dueAt + " AS due_at, count(*) OVER () AS total FROM feedback f LEFT JOIN organization o ON o.id = f.organization_id "
                + "LEFT JOIN region fr ON fr.id = f.region_id JOIN region hr ON hr.id = coalesce(f.handler_region_id, o.region_id) "
                + "WHERE (" + overdueAt(null) + ") AND hr.path @> ARRAY[CAST(:code AS text)] ORDER BY f.id LIMIT :limit",
                Map.of("code", jurisdictionCode, "limit", cn.linli.common.WorkQueue.limit(items))), items,
                // the title names the kind and what it is about, never the submitter or the text (it may carry personal data)
                row -> new cn.linli.common.WorkQueue.WorkItem(row.string("id"),
                        cn.linli.common.Messages.label(FeedbackKind.valueOf(row.string("kind"))) + " · " + row.string("about"),
                        row.string("code"), row.dateTime("created_at"), row.dateTime("due_at")));
    }
}
