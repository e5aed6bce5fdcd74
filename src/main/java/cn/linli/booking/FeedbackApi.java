package cn.linli.booking;

import cn.linli.audit.AuditLog;
import cn.linli.common.ApiErrors;
import cn.linli.common.Caller;
import cn.linli.common.ForbiddenException;
import cn.linli.common.Ids;
import cn.linli.common.Inputs;
import cn.linli.common.InvalidStateException;
import cn.linli.common.KeysetQuery;
import cn.linli.common.KeysetQuery.Key;
import cn.linli.common.NotFoundException;
import cn.linli.common.PageInfo;
import cn.linli.common.Paging;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.identity.Access;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Feedback from residents; the organization responds, an official of its region resolves. */
@GraphQLApi
@ApiErrors
public class FeedbackApi {
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

    @Description("A page of feedback.")
    public record FeedbackConnection(@NonNull List<FeedbackEdge> edges, @NonNull PageInfo pageInfo) {
        @Description("Feedback and its cursor.")
        public record FeedbackEdge(@NonNull String cursor, @NonNull Feedback node) {
        }
    }

    @Mutation("submitFeedback")
    @NonNull
    @Transactional
    @Description("Resident: a complaint, suggestion or praise about a service or an organization.")
    public Feedback submitFeedback(@Name("input") @NonNull BookingInputs.SubmitFeedback input) {
        String role = caller.requireRole(Caller.RESIDENT);
        String text = Inputs.required(input.text(), "input.text", 1000);
        Row target;
        if (input.serviceId() != null) {
            target = sql.rows("SELECT l.id AS listing_id, l.organization_id, l.contract_id, o.region_id FROM service_listing l "
                    + "JOIN organization o ON o.id = l.organization_id WHERE l.id = :id",
                    Map.of("id", Ids.parse(input.serviceId(), "input.serviceId"))).stream().findFirst()
                    .orElseThrow(() -> new NotFoundException("error.service.notFound", input.serviceId()));
        } else if (input.organizationId() != null) {
            target = sql.rows("SELECT NULL AS listing_id, o.id AS organization_id, NULL AS contract_id, o.region_id "
                    + "FROM organization o WHERE o.id = :id", Map.of("id", Ids.parse(input.organizationId(), "input.organizationId")))
                    .stream().findFirst()
                    .orElseThrow(() -> new NotFoundException("error.organization.notFound", input.organizationId()));
        } else {
            throw new ValidationException("input.serviceId", "error.feedback.target");
        }
        Long listing = target.longValue("listing_id");
        Long contract = target.longValue("contract_id");
        long id = sql.rows("INSERT INTO feedback (kind, organization_id, listing_id, contract_id, resident_subject, text) "
                + "VALUES (:kind, :organization, nullif(:listing, -1), nullif(:contract, -1), :subject, :text) RETURNING id",
                Map.of("kind", input.kind().name(), "organization", target.longValue("organization_id"),
                        "listing", listing == null ? -1L : listing, "contract", contract == null ? -1L : contract,
                        "subject", caller.subject(), "text", text)).get(0).longValue("id");
        audit.record(role, new AuditLog.Change("submitFeedback", "Feedback", id, target.longValue("organization_id"),
                target.longValue("region_id"), null, null, Map.of("kind", input.kind(), "status", FeedbackStatus.OPEN)));
        return read(id);
    }

    @Mutation("respondToFeedback")
    @NonNull
    @Transactional
    @Description("Organization member: respond to OPEN feedback about your organization.")
    public Feedback respondToFeedback(@Name("input") @NonNull BookingInputs.Respond input) {
        Row feedback = find(input.id());
        String role = access.requireMember(feedback.longValue("organization_id"));
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

    @Mutation("resolveFeedback")
    @NonNull
    @Transactional
    @Description("Official of the organization's region: resolve feedback; for a complaint say whether it is upheld.")
    public Feedback resolveFeedback(@Name("input") @NonNull BookingInputs.Resolve input) {
        Row feedback = find(input.id());
        String role = access.requireOfficialOver(feedback.longValue("region_id"));
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

    @Query("organizationFeedback")
    @NonNull
    @Description("Feedback about an organization, newest first: for its members and the officials of its region.")
    public FeedbackConnection organizationFeedback(@Name("organizationId") @NonNull @Id String organizationId,
            @Name("status") FeedbackStatus status, @Name("first") Integer first, @Name("after") String after) {
        long id = Ids.parse(organizationId, "organizationId");
        Long region = sql.rows("SELECT region_id FROM organization WHERE id = :id", Map.of("id", id)).stream()
                .map(row -> row.longValue("region_id")).findFirst()
                .orElseThrow(() -> new NotFoundException("error.organization.notFound", organizationId));
        caller.requireAuthenticated();
        if (access.membership(id).isEmpty() && !access.governs(region)) {
            throw new ForbiddenException("error.notMember");
        }
        List<String> where = new ArrayList<>(List.of("f.organization_id = :organization"));
        Map<String, Object> params = new HashMap<>(Map.of("organization", id));
        if (status != null) {
            where.add("f.status = :status");
            params.put("status", status.name());
        }
        return page(NEWEST_FIRST, where, params, first, after);
    }

    @Query("overdueFeedback")
    @NonNull
    @Description("Official: feedback in your jurisdiction left unanswered (OPEN) for 7 days or more, oldest first.")
    public FeedbackConnection overdueFeedback(@Name("first") Integer first, @Name("after") String after) {
        caller.requireRole(Caller.OFFICIAL);
        String code = access.jurisdiction().orElseThrow(() -> new ForbiddenException("error.outsideJurisdiction")).regionCode();
        return page(OLDEST_FIRST, List.of("f.status = 'OPEN'", "f.created_at < now() - make_interval(days => " + OVERDUE_DAYS + ")",
                "f.organization_id IN (SELECT o.id FROM organization o JOIN region r ON r.id = o.region_id "
                        + "WHERE r.path @> ARRAY[CAST(:jurisdiction AS text)])"), Map.of("jurisdiction", code), first, after);
    }

    private FeedbackConnection page(KeysetQuery query, List<String> where, Map<String, Object> params, Integer first,
            String after) {
        KeysetQuery.Page page = query.fetch(sql, SELECT, where, params, after, Paging.pageSize(first));
        return new FeedbackConnection(page.edges((cursor, row) -> new FeedbackConnection.FeedbackEdge(cursor, feedback(row))),
                page.pageInfo(after != null));
    }

    private Row find(String id) {
        return sql.rows("SELECT f.id, f.kind, f.status, f.organization_id, o.region_id FROM feedback f "
                + "JOIN organization o ON o.id = f.organization_id WHERE f.id = :id", Map.of("id", Ids.parse(id, "input.id")))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("error.feedback.notFound", id));
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
