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
    private static final KeysetQuery NEWEST_FIRST = new KeysetQuery("feedback", List.of(new Key("f.id", "bigint")), true);
    private static final KeysetQuery OLDEST_FIRST = new KeysetQuery("overdue", List.of(new Key("f.id", "bigint")), false);
    private static final String SELECT = "SELECT f.id, f.kind, f.organization_id, f.listing_id, f.text, f.status, f.response, "
            + "f.responded_at, f.resolution, f.upheld, f.resolved_at, f.created_at, "
            + "(f.status = 'OPEN' AND f.created_at < now() - make_interval(days => " + OVERDUE_DAYS + ")) AS overdue "
            + "FROM feedback f";

    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;
    @Inject
    AuditLog audit;

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
        String role = caller.requireRole(Caller.ORG_STAFF);
        Row feedback = find(input.id(), row -> access.membership(row.longValue("organization_id")).isPresent());
        String response = Inputs.required(input.response(), "input.response", 1000);
        if (!FeedbackStatus.OPEN.name().equals(feedback.string("status"))) {
            throw new InvalidStateException("error.feedback.notOpen");
        }
        sql.update("UPDATE feedback SET status = 'RESPONDED', response = :response, responded_at = now(), responded_by = :by "
                + "WHERE id = :id", Map.of("response", response, "by", caller.subject(), "id", feedback.longValue("id")));
        audit.record(role, new AuditLog.Change("respondToFeedback", "Feedback", feedback.longValue("id"),
                feedback.longValue("organization_id"), feedback.longValue("region_id"), null,
                Map.of("status", FeedbackStatus.OPEN), Map.of("status", FeedbackStatus.RESPONDED, "response", response)));
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

    public FeedbackApi.FeedbackConnection overdue(Integer first, String after) {
        caller.requireRole(Caller.OFFICIAL);
        String code = access.jurisdiction().orElseThrow(() -> new ForbiddenException("error.outsideJurisdiction")).regionCode();
        return page(OLDEST_FIRST, List.of("f.status = 'OPEN'", "f.created_at < now() - make_interval(days => " + OVERDUE_DAYS + ")",
                "f.organization_id IN (SELECT o.id FROM organization o JOIN region r ON r.id = o.region_id "
                        + "WHERE r.path @> ARRAY[CAST(:jurisdiction AS text)])"), Map.of("jurisdiction", code), first, after);
    }

    private FeedbackApi.FeedbackConnection page(KeysetQuery query, List<String> where, Map<String, Object> params,
            Integer first, String after) {
        KeysetQuery.Page page = query.fetch(sql, SELECT, where, params, after, Paging.pageSize(first));
        return new FeedbackApi.FeedbackConnection(page.edges((cursor, row) ->
                new FeedbackApi.FeedbackConnection.FeedbackEdge(cursor, feedback(row))), page.pageInfo(after != null));
    }

    /** The feedback if the caller may handle it; else the same NOT_FOUND as for an id that does not exist. */
    private Row find(String id, Predicate<Row> mayHandle) {
        Optional<Row> feedback = sql.rows("SELECT f.id, f.kind, f.status, f.organization_id, o.region_id FROM feedback f "
                + "JOIN organization o ON o.id = f.organization_id WHERE f.id = :id", Map.of("id", Ids.parse(id, "input.id")))
                .stream().findFirst();
        return feedback.filter(mayHandle).orElseThrow(() -> new NotFoundException("error.feedback.unknown"));
    }

    private static NotFoundException organizationUnknown() {
        return new NotFoundException("error.feedback.organizationUnknown");
    }

    private Feedback read(long id) {
        return feedback(sql.rows(SELECT + " WHERE f.id = :id", Map.of("id", id)).get(0));
    }

    private static Feedback feedback(Row row) {
        Object upheld = row.get("upheld");
        return new Feedback(row.string("id"), FeedbackKind.valueOf(row.string("kind")), row.string("organization_id"),
                row.string("listing_id"), row.string("text"), FeedbackStatus.valueOf(row.string("status")),
                row.string("response"), row.dateTime("responded_at"), row.string("resolution"),
                upheld == null ? null : (Boolean) upheld, row.dateTime("resolved_at"), row.dateTime("created_at"),
                row.bool("overdue"));
    }
}
