package cn.linli.booking;

import cn.linli.audit.AuditLog;
import cn.linli.platform.BusinessMetrics;
import cn.linli.catalog.OpeningHours;
import cn.linli.catalog.TargetGroup;
import cn.linli.common.Caller;
import cn.linli.common.ConflictException;
import cn.linli.common.ForbiddenException;
import cn.linli.common.Ids;
import cn.linli.common.Inputs;
import cn.linli.common.InvalidStateException;
import cn.linli.common.Messages;
import cn.linli.common.NotFoundException;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.identity.Access;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Booking and the booking state machine. Capacity is kept by one row per slot whose conditional increment
 * cannot pass the listing's capacity, however many instances book at once; the idempotency key is unique per
 * resident, so a retried request finds the booking its first attempt made.
 */
@ApplicationScoped
public class BookingService {
    static final String COLUMNS = "b.id, b.listing_id, b.organization_id, b.resident_subject, b.status, b.status_reason, "
            + "b.slot_start, b.slot_end, b.for_self, b.beneficiary_name, b.beneficiary_relation, b.beneficiary_age, "
            + "array_to_string(b.beneficiary_groups, ',') AS beneficiary_groups, b.contact_phone, b.note, b.created_at";

    @Inject
    Sql sql;
    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    AuditLog audit;
    @Inject
    BusinessMetrics metrics;
    @Inject
    BookingEvents events;

    /** Signals that a concurrent request with the same idempotency key won: roll back and return its booking. */
    static final class SameKeyBookedMeanwhile extends RuntimeException {
        SameKeyBookedMeanwhile() {
            super(null, null, false, false);
        }
    }

    public Booking book(BookingInputs.BookService input) {
        String role = caller.requireRole(Caller.RESIDENT);
        String subject = caller.subject();
        String key = Inputs.required(input.idempotencyKey(), "input.idempotencyKey", 100);
        Optional<Booking> earlier = byKey(subject, key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            Booking booking = QuarkusTransaction.requiringNew().call(() -> bookOnce(input, role, subject, key));
            metrics.booked(); // counted once committed
            return booking;
        } catch (SameKeyBookedMeanwhile e) {
            return byKey(subject, key).orElseThrow();
        }
    }

    private Booking bookOnce(BookingInputs.BookService input, String role, String subject, String key) {
        long listingId = Ids.parse(input.serviceId(), "input.serviceId");
        Row listing = sql.rows("SELECT l.id, l.organization_id, l.contract_id, l.capacity_per_slot, l.slot_minutes, "
                + "l.min_age, l.max_age, array_to_string(l.target_groups, ',') AS target_groups, o.region_id "
                + "FROM service_listing l JOIN organization o ON o.id = l.organization_id "
                + "WHERE l.id = :id AND l.status = 'PUBLISHED' AND o.status = 'ACTIVE'", Map.of("id", listingId))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("error.service.notFound", input.serviceId()));
        OffsetDateTime start = input.slotStart();
        if (!start.isAfter(OffsetDateTime.now())) {
            throw new ValidationException("input.slotStart", "error.booking.past");
        }
        int slotMinutes = listing.intValue("slot_minutes");
        LocalDateTime local = start.atZoneSameInstant(Row.CHINA).toLocalDateTime();
        if (!OpeningHours.of(sql, listingId, slotMinutes).isSlotStart(local)) {
            throw new ValidationException("input.slotStart", "error.booking.notASlot");
        }
        BookingInputs.Beneficiary beneficiary = input.beneficiary();
        checkEligibility(listing, beneficiary);
        String phone = Inputs.phone(input.contactPhone(), "input.contactPhone");
        if (phone == null || phone.isEmpty()) {
            throw new ValidationException("input.contactPhone", "error.input.required");
        }
        String note = Inputs.optional(input.note(), "input.note", 500);
        String name = Inputs.optional(beneficiary.name(), "input.beneficiary.name", 50);
        String relation = Inputs.optional(beneficiary.relation(), "input.beneficiary.relation", 20);
        if (!input.forSelf() && (name == null || name.isEmpty())) {
            throw new ValidationException("input.beneficiary.name", "error.input.required");
        }

        List<Row> taken = sql.rows("INSERT INTO booking_slot (listing_id, slot_start, taken) VALUES (:listing, :start, 1) "
                + "ON CONFLICT (listing_id, slot_start) DO UPDATE SET taken = booking_slot.taken + 1 "
                + "WHERE booking_slot.taken < :capacity RETURNING taken",
                Map.of("listing", listingId, "start", start, "capacity", listing.intValue("capacity_per_slot")));
        if (taken.isEmpty()) {
            throw new ConflictException("error.booking.full");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("listing", listingId);
        params.put("organization", listing.longValue("organization_id"));
        params.put("contract", listing.longValue("contract_id") == null ? -1L : listing.longValue("contract_id"));
        params.put("subject", subject);
        params.put("key", key);
        params.put("start", start);
        params.put("end", start.plusMinutes(slotMinutes));
        params.put("forSelf", input.forSelf());
        params.put("name", name == null ? "" : name);
        params.put("relation", relation == null ? "" : relation);
        params.put("age", beneficiary.age());
        params.put("groups", beneficiary.targetGroups() == null ? ""
                : String.join(",", beneficiary.targetGroups().stream().map(Enum::name).distinct().toList()));
        params.put("phone", phone);
        params.put("note", note == null ? "" : note);
        List<Row> inserted = sql.rows("INSERT INTO booking (listing_id, organization_id, contract_id, resident_subject, "
                + "idempotency_key, slot_start, slot_end, for_self, beneficiary_name, beneficiary_relation, beneficiary_age, "
                + "beneficiary_groups, contact_phone, note) VALUES (:listing, :organization, nullif(:contract, -1), :subject, "
                + ":key, :start, :end, :forSelf, nullif(:name, ''), nullif(:relation, ''), :age, "
                + "coalesce(string_to_array(nullif(:groups, ''), ','), '{}'), :phone, nullif(:note, '')) "
                + "ON CONFLICT (resident_subject, idempotency_key) DO NOTHING RETURNING id", params);
        if (inserted.isEmpty()) {
            throw new SameKeyBookedMeanwhile();
        }
        long id = inserted.get(0).longValue("id");
        audit.record(role, new AuditLog.Change("bookService", "Booking", id, listing.longValue("organization_id"),
                listing.longValue("region_id"), null, null,
                Map.of("status", BookingStatus.REQUESTED, "listingId", listingId, "slotStart", start.toString())));
        events.published(listing.longValue("organization_id"), id, BookingStatus.REQUESTED);
        return read(id).map(row -> view(row, Viewer.RESIDENT)).orElseThrow();
    }

    private static void checkEligibility(Row listing, BookingInputs.Beneficiary beneficiary) {
        Integer min = listing.intValue("min_age");
        Integer max = listing.intValue("max_age");
        int age = beneficiary.age();
        if (age < 0 || age > 150) {
            throw new ValidationException("input.beneficiary.age", "error.age.range");
        }
        if (min != null && age < min || max != null && age > max) {
            throw new ValidationException("input.beneficiary.age", "error.booking.age",
                    min == null ? 0 : min, max == null ? "—" : max, age);
        }
        List<String> required = listing.list("target_groups");
        if (!required.isEmpty()) {
            List<TargetGroup> declared = beneficiary.targetGroups() == null ? List.of() : beneficiary.targetGroups();
            if (declared.stream().noneMatch(group -> required.contains(group.name()))) {
                throw new ValidationException("input.beneficiary.targetGroups", "error.booking.targetGroups",
                        String.join("、", required.stream().map(g -> Messages.label(TargetGroup.valueOf(g))).toList()));
            }
        }
    }

    /** The organization's actions and the cancellation by either side. */
    public enum Transition {
        CONFIRM(EnumSet.of(BookingStatus.REQUESTED), BookingStatus.CONFIRMED),
        REJECT(EnumSet.of(BookingStatus.REQUESTED), BookingStatus.REJECTED),
        COMPLETE(EnumSet.of(BookingStatus.CONFIRMED), BookingStatus.COMPLETED),
        NO_SHOW(EnumSet.of(BookingStatus.CONFIRMED), BookingStatus.NO_SHOW),
        CANCEL(EnumSet.of(BookingStatus.REQUESTED, BookingStatus.CONFIRMED), BookingStatus.CANCELLED);

        final Set<BookingStatus> from;
        final BookingStatus to;

        Transition(Set<BookingStatus> from, BookingStatus to) {
            this.from = from;
            this.to = to;
        }
    }

    public Booking act(BookingInputs.Action input, Transition transition) {
        return QuarkusTransaction.requiringNew().call(() -> actOnce(input, transition));
    }

    private Booking actOnce(BookingInputs.Action input, Transition transition) {
        long id = Ids.parse(input.id(), "input.id");
        Row booking = sql.rows("SELECT " + COLUMNS + ", o.region_id FROM booking b JOIN organization o "
                + "ON o.id = b.organization_id WHERE b.id = :id FOR UPDATE OF b", Map.of("id", id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("error.booking.notFound", input.id()));
        long organizationId = booking.longValue("organization_id");
        boolean byResident = transition == Transition.CANCEL && caller.hasRole(Caller.RESIDENT)
                && caller.subject().equals(booking.string("resident_subject"));
        String role;
        if (byResident) {
            role = Caller.RESIDENT;
        } else {
            caller.requireAuthenticated();
            if (transition == Transition.CANCEL && !caller.hasRole(Caller.ORG_STAFF)) {
                throw new ForbiddenException("error.booking.notYours");
            }
            role = access.requireMember(organizationId);
        }
        BookingStatus status = BookingStatus.valueOf(booking.string("status"));
        if (!transition.from.contains(status)) {
            throw new InvalidStateException("error.booking.state", Messages.label(status), transition.name());
        }
        OffsetDateTime slotStart = booking.dateTime("slot_start");
        boolean started = !OffsetDateTime.now().isBefore(slotStart);
        if ((transition == Transition.COMPLETE || transition == Transition.NO_SHOW) && !started) {
            throw new InvalidStateException("error.booking.notStarted");
        }
        if (byResident && started) {
            throw new InvalidStateException("error.booking.started");
        }
        String reason = Inputs.optional(input.reason(), "input.reason", 500);
        if ((transition == Transition.REJECT || transition == Transition.CANCEL && !byResident)
                && (reason == null || reason.isEmpty())) {
            throw new ValidationException("input.reason", "error.input.required");
        }
        sql.update("UPDATE booking SET status = :status, status_reason = coalesce(nullif(:reason, ''), status_reason), "
                + "cancelled_by = CASE WHEN :status = 'CANCELLED' THEN :by ELSE cancelled_by END, "
                + "confirmed_at = CASE WHEN :status = 'CONFIRMED' THEN now() ELSE confirmed_at END, "
                + "finished_at = CASE WHEN :status IN ('COMPLETED', 'NO_SHOW') THEN now() ELSE finished_at END, "
                + "updated_at = now(), version = version + 1 WHERE id = :id",
                Map.of("status", transition.to.name(), "reason", reason == null ? "" : reason,
                        "by", byResident ? "RESIDENT" : "ORGANIZATION", "id", id));
        if (transition.to == BookingStatus.REJECTED || transition.to == BookingStatus.CANCELLED) {
            // the place becomes free again (completed and no-show bookings keep theirs: the slot has passed)
            sql.update("UPDATE booking_slot SET taken = taken - 1 WHERE listing_id = :listing AND slot_start = :start",
                    Map.of("listing", booking.longValue("listing_id"), "start", slotStart));
        }
        audit.record(role, new AuditLog.Change(actionName(transition), "Booking", id, organizationId,
                booking.longValue("region_id"), reason, Map.of("status", status), Map.of("status", transition.to)));
        events.published(organizationId, id, transition.to);
        return read(id).map(row -> view(row, byResident ? Viewer.RESIDENT : Viewer.ORGANIZATION)).orElseThrow();
    }

    private static String actionName(Transition transition) {
        return switch (transition) {
            case CONFIRM -> "confirmBooking";
            case REJECT -> "rejectBooking";
            case COMPLETE -> "completeBooking";
            case NO_SHOW -> "markNoShow";
            case CANCEL -> "cancelBooking";
        };
    }

    Optional<Booking> byKey(String subject, String key) {
        return sql.rows("SELECT " + COLUMNS + " FROM booking b WHERE b.resident_subject = :subject "
                + "AND b.idempotency_key = :key", Map.of("subject", subject, "key", key)).stream().findFirst()
                .map(row -> view(row, Viewer.RESIDENT));
    }

    Optional<Row> read(long id) {
        return sql.rows("SELECT " + COLUMNS + " FROM booking b WHERE b.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Who a booking is shown to; decides what personal data the view holds. */
    enum Viewer {
        RESIDENT, ORGANIZATION
    }

    static Booking view(Row row, Viewer viewer) {
        BookingStatus status = BookingStatus.valueOf(row.string("status"));
        String phone = row.string("contact_phone");
        if (viewer == Viewer.ORGANIZATION && status == BookingStatus.REQUESTED) {
            phone = Booking.mask(phone);
        }
        List<TargetGroup> groups = row.list("beneficiary_groups").stream().map(TargetGroup::valueOf).toList();
        return new Booking(row.string("id"), row.longValue("listing_id"), row.longValue("organization_id"), status,
                row.string("status_reason"), row.dateTime("slot_start"), row.dateTime("slot_end"), row.bool("for_self"),
                new Booking.Beneficiary(row.string("beneficiary_name"), row.string("beneficiary_relation"),
                        row.intValue("beneficiary_age"), groups),
                phone, row.string("note"), row.dateTime("created_at"));
    }
}
