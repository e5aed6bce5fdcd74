package cn.linli.booking;

import cn.linli.audit.AuditLog;
import cn.linli.platform.BusinessMetrics;
import cn.linli.catalog.Service;
import cn.linli.common.ApiErrors;
import cn.linli.common.Caller;
import cn.linli.common.ConflictException;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

/**
 * Reviews: once per completed booking, by its resident. Averages are running totals updated in the same
 * transaction (increments stay exact under concurrent reviews); hidden reviews leave them.
 */
@GraphQLApi
@ApiErrors
public class ReviewApi {
    private static final KeysetQuery NEWEST_FIRST = new KeysetQuery("reviews", List.of(new Key("r.id", "bigint")), true);
    private static final String COLUMNS = "r.id, r.rating, r.text, r.created_at, r.reply, r.replied_at";

    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;
    @Inject
    AuditLog audit;
    @Inject
    BusinessMetrics metrics;

    @Description("A page of reviews.")
    public record ReviewConnection(@NonNull List<ReviewEdge> edges, @NonNull PageInfo pageInfo) {
        @Description("A review and its cursor.")
        public record ReviewEdge(@NonNull String cursor, @NonNull Review node) {
        }
    }

    @Mutation("reviewBooking")
    @NonNull
    @Transactional
    @Description("Resident: review your COMPLETED booking, once: rating 1–5, text at most 500 characters.")
    public Review reviewBooking(@Name("input") @NonNull BookingInputs.Review input) {
        String role = caller.requireRole(Caller.RESIDENT);
        long bookingId = Ids.parse(input.bookingId(), "input.bookingId");
        Row booking = sql.rows("SELECT b.resident_subject, b.status, b.listing_id, b.organization_id, b.contract_id, "
                + "o.region_id FROM booking b JOIN organization o ON o.id = b.organization_id WHERE b.id = :id",
                Map.of("id", bookingId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("error.booking.notFound", input.bookingId()));
        if (!caller.subject().equals(booking.string("resident_subject"))) {
            throw new ForbiddenException("error.review.notYours");
        }
        if (!BookingStatus.COMPLETED.name().equals(booking.string("status"))) {
            throw new InvalidStateException("error.review.notCompleted");
        }
        if (input.rating() < 1 || input.rating() > 5) {
            throw new ValidationException("input.rating", "error.input.range", 1, 5);
        }
        String text = Inputs.optional(input.text(), "input.text", 500);
        long contract = booking.longValue("contract_id") == null ? -1 : booking.longValue("contract_id");
        List<Row> inserted = sql.rows("INSERT INTO review (booking_id, listing_id, organization_id, contract_id, "
                + "resident_subject, rating, text) VALUES (:booking, :listing, :organization, nullif(:contract, -1), :subject, "
                + ":rating, nullif(:text, '')) ON CONFLICT (booking_id) DO NOTHING RETURNING id",
                Map.of("booking", bookingId, "listing", booking.longValue("listing_id"), "organization",
                        booking.longValue("organization_id"), "contract", contract, "subject", caller.subject(),
                        "rating", input.rating(), "text", text == null ? "" : text));
        if (inserted.isEmpty()) {
            throw new ConflictException("error.review.once");
        }
        metrics.reviewed();
        addToAverages(booking.longValue("listing_id"), booking.longValue("organization_id"), input.rating(), 1);
        long id = inserted.get(0).longValue("id");
        audit.record(role, new AuditLog.Change("reviewBooking", "Review", id, booking.longValue("organization_id"),
                booking.longValue("region_id"), null, null, Map.of("rating", input.rating(), "bookingId", bookingId)));
        return read(id);
    }

    @Mutation("replyToReview")
    @NonNull
    @Transactional
    @Description("Organization member: reply to a review of your organization, once.")
    public Review replyToReview(@Name("input") @NonNull BookingInputs.Reply input) {
        Row review = find(input.reviewId());
        String role = access.requireMember(review.longValue("organization_id"));
        String reply = Inputs.required(input.reply(), "input.reply", 500);
        int updated = sql.update("UPDATE review SET reply = :reply, replied_at = now(), replied_by = :by "
                + "WHERE id = :id AND reply IS NULL", Map.of("reply", reply, "by", caller.subject(), "id", review.longValue("id")));
        if (updated == 0) {
            throw new ConflictException("error.review.repliedAlready");
        }
        audit.record(role, new AuditLog.Change("replyToReview", "Review", review.longValue("id"),
                review.longValue("organization_id"), review.longValue("region_id"), null, null, Map.of("reply", reply)));
        return read(review.longValue("id"));
    }

    @Mutation("hideReview")
    @NonNull
    @Transactional
    @Description("Official of the organization's region: hide an abusive review, with the reason; it leaves the averages.")
    public Review hideReview(@Name("input") @NonNull BookingInputs.Hide input) {
        Row review = find(input.reviewId());
        String role = access.requireOfficialOver(review.longValue("region_id"));
        String reason = Inputs.required(input.reason(), "input.reason", 500);
        int updated = sql.update("UPDATE review SET hidden = true, hidden_reason = :reason, hidden_by = :by "
                + "WHERE id = :id AND NOT hidden", Map.of("reason", reason, "by", caller.subject(), "id", review.longValue("id")));
        if (updated == 0) {
            throw new InvalidStateException("error.review.hiddenAlready");
        }
        addToAverages(review.longValue("listing_id"), review.longValue("organization_id"), -review.intValue("rating"), -1);
        audit.record(role, new AuditLog.Change("hideReview", "Review", review.longValue("id"),
                review.longValue("organization_id"), review.longValue("region_id"), reason,
                Map.of("hidden", false), Map.of("hidden", true)));
        return read(review.longValue("id"));
    }

    @NonNull
    @Description("Visible reviews of the service, newest first.")
    public ReviewConnection reviews(@Source Service service, @Name("first") Integer first, @Name("after") String after) {
        KeysetQuery.Page page = NEWEST_FIRST.fetch(sql, "SELECT " + COLUMNS + " FROM review r",
                List.of("r.listing_id = :listing", "NOT r.hidden"), Map.of("listing", Long.parseLong(service.id())), after,
                Paging.pageSize(first));
        return new ReviewConnection(page.edges((cursor, row) -> new ReviewConnection.ReviewEdge(cursor, review(row))),
                page.pageInfo(after != null));
    }

    /** Running totals: the increment is re-applied to the latest row version when updates queue. */
    private void addToAverages(long listingId, long organizationId, int rating, int count) {
        sql.update("UPDATE service_listing SET rating_total = rating_total + :rating, rating_count = rating_count + :count, "
                + "rating_average = CASE WHEN rating_count + :count = 0 THEN NULL "
                + "ELSE round((rating_total + :rating)::numeric / (rating_count + :count), 2) END WHERE id = :id",
                Map.of("rating", rating, "count", count, "id", listingId));
        sql.update("UPDATE organization SET rating_total = rating_total + :rating, rating_count = rating_count + :count, "
                + "rating_average = CASE WHEN rating_count + :count = 0 THEN NULL "
                + "ELSE round((rating_total + :rating)::numeric / (rating_count + :count), 2) END WHERE id = :id",
                Map.of("rating", rating, "count", count, "id", organizationId));
    }

    private Row find(String id) {
        return sql.rows("SELECT r.id, r.listing_id, r.organization_id, r.rating, o.region_id FROM review r "
                + "JOIN organization o ON o.id = r.organization_id WHERE r.id = :id", Map.of("id", Ids.parse(id, "input.reviewId")))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("error.review.notFound", id));
    }

    private Review read(long id) {
        return review(sql.rows("SELECT " + COLUMNS + " FROM review r WHERE r.id = :id", Map.of("id", id)).get(0));
    }

    private static Review review(Row row) {
        return new Review(row.string("id"), row.intValue("rating"), row.string("text"), row.dateTime("created_at"),
                row.string("reply"), row.dateTime("replied_at"));
    }
}
