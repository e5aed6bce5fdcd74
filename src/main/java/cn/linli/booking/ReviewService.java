package cn.linli.booking;

import cn.linli.audit.AuditLog;
import cn.linli.common.Caller;
import cn.linli.common.ConflictException;
import cn.linli.common.Ids;
import cn.linli.common.Inputs;
import cn.linli.common.InvalidStateException;
import cn.linli.common.NotFoundException;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.identity.Access;
import cn.linli.platform.BusinessMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reviews: once per completed booking, by its resident. Averages are running totals updated in the same
 * transaction (increments stay exact under concurrent reviews); hidden reviews leave them. Access is decided
 * before existence: a caller who may not act on a booking or review gets the same NOT_FOUND as for an id that
 * does not exist.
 */
@ApplicationScoped
public class ReviewService {
    static final String COLUMNS = "r.id, r.rating, r.text, r.created_at, r.reply, r.replied_at, r.listing_id, r.booking_id";

    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;
    @Inject
    cn.linli.catalog.ListingChanges listingChanges;
    @Inject
    cn.linli.organization.OrganizationStanding standing;
    @Inject
    AuditLog audit;
    @Inject
    BusinessMetrics metrics;

    @Transactional
    public Review review(BookingInputs.Review input) {
        String role = caller.requireRole(Caller.RESIDENT);
        long bookingId = Ids.parse(input.bookingId(), "input.bookingId");
        // only the resident's own bookings exist for her here
        Row booking = sql.rows("SELECT b.resident_subject, b.status, b.listing_id, b.organization_id, b.contract_id, "
                + "o.region_id FROM booking b JOIN organization o ON o.id = b.organization_id WHERE b.id = :id "
                + "AND b.resident_subject = :subject", Map.of("id", bookingId, "subject", caller.subject())).stream()
                .findFirst().orElseThrow(BookingService::unknown);
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

    @Transactional
    public Review reply(BookingInputs.Reply input) {
        String role = caller.requireRole(Caller.ORG_STAFF);
        Row review = find(input.reviewId(), row -> access.membership(row.longValue("organization_id")).isPresent());
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

    @Transactional
    public Review hide(BookingInputs.Hide input) {
        String role = caller.requireRole(Caller.OFFICIAL);
        Row review = find(input.reviewId(), row -> access.governs(row.longValue("region_id")));
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

    /** Running totals of the listing and its organization, kept by their owners. */
    private void addToAverages(long listingId, long organizationId, int rating, int count) {
        listingChanges.addRating(listingId, rating, count);
        standing.addRating(organizationId, rating, count);
    }

    /** The review if the caller may act on it; else the same NOT_FOUND as for an id that does not exist. */
    private Row find(String id, Predicate<Row> mayAct) {
        Optional<Row> review = sql.rows("SELECT r.id, r.listing_id, r.organization_id, r.rating, o.region_id FROM review r "
                + "JOIN organization o ON o.id = r.organization_id WHERE r.id = :id", Map.of("id", Ids.parse(id, "input.reviewId")))
                .stream().findFirst();
        return review.filter(mayAct).orElseThrow(() -> new NotFoundException("error.review.unknown"));
    }

    private Review read(long id) {
        return review(sql.rows("SELECT " + COLUMNS + " FROM review r WHERE r.id = :id", Map.of("id", id)).get(0));
    }

    static Review review(Row row) {
        return new Review(row.string("id"), row.intValue("rating"), row.string("text"), row.dateTime("created_at"),
                row.string("reply"), row.dateTime("replied_at"), row.longValue("listing_id"), row.longValue("booking_id"));
    }
}
