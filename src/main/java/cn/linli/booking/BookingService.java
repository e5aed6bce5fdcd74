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
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Booking and the booking state machine. Capacity is kept by one row per slot whose conditional increment
 * cannot pass the listing's capacity, however many instances book at once; the idempotency key is unique per
 * resident, so a retried request finds the booking its first attempt made (and a different request under the
 * same key is refused). A resident holds at most a configured number of live bookings per service and day.
 * Who may see a booking is decided before whether it exists: to anyone else a booking is as absent as an id
 * that was never used.
 */
@ApplicationScoped
public class BookingService {
    static final String COLUMNS = "b.id, b.listing_id, b.organization_id, b.resident_subject, b.status, b.status_reason, "
            + "b.slot_start, b.slot_end, b.for_self, b.beneficiary_name, b.beneficiary_relation, b.beneficiary_age, "
            + "array_to_string(b.beneficiary_groups, ',') AS beneficiary_groups, b.contact_phone, b.note, b.created_at, "
            + "b.beneficiary_member_id, b.booked_by_subject";

    @Inject
    Sql sql;
    @Inject
    Caller caller;
    @Inject
    AuditLog audit;
    @Inject
    BusinessMetrics metrics;
    @Inject
    BookingEvents events;
    @Inject
    cn.linli.household.HouseholdService households;
    @Inject
    cn.linli.notification.Notifications notifications;
    @ConfigProperty(name = "linli.booking.max-live-per-resident-per-day", defaultValue = "2")
    int maxLivePerResidentPerDay;

    /** The states in which the organization sees the resident's phone in full: it has accepted the booking. */
    static final Set<BookingStatus> PHONE_SHOWN_TO_ORGANIZATION =
            EnumSet.of(BookingStatus.CONFIRMED, BookingStatus.COMPLETED, BookingStatus.NO_SHOW);

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
        BookingRequest request = request(input);
        String fingerprint = request.fingerprint();
        Optional<Booking> earlier = byKey(subject, key, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            Booking booking = QuarkusTransaction.requiringNew().call(() -> bookOnce(request, fingerprint, role, subject, key));
            metrics.booked(); // counted once committed
            return booking;
        } catch (SameKeyBookedMeanwhile e) {
            return byKey(subject, key, fingerprint).orElseThrow();
        }
    }

    /** The subject a booking of a household without an account belongs to (no token ever carries it: not a UUID). */
    static final String OFFLINE_HOUSEHOLD = "offline-household-";

    /**
     * Who is told about a booking (cn.linli.notification): its resident, or for a household registered offline the
     * community worker who booked it on the household's behalf, since nobody else could be. SQL over booking b.
     */
    public static final String RECIPIENT_SQL = "CASE WHEN b.resident_subject LIKE '" + OFFLINE_HOUSEHOLD + "%' "
            + "THEN b.booked_by_subject ELSE b.resident_subject END";

    /** {@link #RECIPIENT_SQL} of a booking row ({@link #COLUMNS}). */
    static String recipient(Row booking) {
        String resident = booking.string("resident_subject");
        return resident.startsWith(OFFLINE_HOUSEHOLD) ? booking.string("booked_by_subject") : resident;
    }

    /**
     * 代办: a community worker books for a member of a household in a region they serve (offline households too).
     * The booking belongs to the household's resident, who sees it in me.bookings and may cancel it, or, for a
     * household without an account, to {@code offline-household-<id>}; booked_by_subject and the audit trail
     * ({@code bookOnBehalf}, with the member's id) record who booked for whom.
     */
    public Booking bookOnBehalf(BookingInputs.BookOnBehalf input) {
        String role = caller.requireRole(Caller.COMMUNITY_WORKER);
        boolean bySubject = input.residentSubject() != null;
        if (bySubject == (input.householdMemberId() != null)) {
            throw new ValidationException(bySubject ? "input.householdMemberId" : "input.residentSubject", "error.booking.onBehalfWhom");
        }
        cn.linli.household.HouseholdService.Beneficiary member = bySubject
                ? households.residentServedByCaller(input.residentSubject(), "input.residentSubject")
                : households.memberServedByCaller(input.householdMemberId(), "input.householdMemberId");
        String key = Inputs.required(input.idempotencyKey(), "input.idempotencyKey", 100);
        BookingRequest request = BookingRequest.onBehalf(input, member.memberId(), member.name(), member.relation(),
                member.age(), member.verifiedGroups(), member.phone());
        String subject = member.ownerSubject() != null ? member.ownerSubject() : OFFLINE_HOUSEHOLD + member.householdId();
        String fingerprint = request.fingerprint();
        Optional<Booking> earlier = byKey(subject, key, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            Booking booking = QuarkusTransaction.requiringNew().call(() -> bookOnce(request, fingerprint, role, subject, key));
            metrics.booked();
            return booking;
        } catch (SameKeyBookedMeanwhile e) {
            return byKey(subject, key, fingerprint).orElseThrow();
        }
    }

    private Booking bookOnce(BookingRequest request, String fingerprint, String role, String subject, String key) {
        long listingId = request.listingId();
        Row listing = sql.rows("SELECT l.id, l.organization_id, l.contract_id, l.capacity_per_slot, l.slot_minutes, "
                + "l.min_age, l.max_age, array_to_string(l.target_groups, ',') AS target_groups, o.region_id "
                + "FROM service_listing l JOIN organization o ON o.id = l.organization_id "
                + "WHERE l.id = :id AND l.status = 'PUBLISHED' AND " + cn.linli.organization.OrganizationStatus.SHOWS_SERVICES_SQL, Map.of("id", listingId))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("error.booking.serviceUnknown"));
        OffsetDateTime start = request.slotStart();
        if (!start.isAfter(OffsetDateTime.now())) {
            throw new ValidationException("input.slotStart", "error.booking.past");
        }
        int slotMinutes = listing.intValue("slot_minutes");
        LocalDateTime local = start.atZoneSameInstant(Row.CHINA).toLocalDateTime();
        if (!OpeningHours.on(sql, listingId, slotMinutes, local.toLocalDate()).isSlotStart(local)) {
            throw new ValidationException("input.slotStart", "error.booking.notASlot");
        }
        checkEligibility(listing, request);
        if (!request.forSelf() && request.beneficiaryName() == null) {
            throw new ValidationException("input.beneficiary.name", "error.input.required");
        }
        checkLiveBookingsOfTheDay(subject, key, listingId, local.toLocalDate());

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
        params.put("fingerprint", fingerprint);
        params.put("start", start);
        params.put("end", start.plusMinutes(slotMinutes));
        params.put("forSelf", request.forSelf());
        params.put("name", request.beneficiaryName() == null ? "" : request.beneficiaryName());
        params.put("relation", request.beneficiaryRelation() == null ? "" : request.beneficiaryRelation());
        params.put("age", request.beneficiaryAge());
        params.put("groups", String.join(",", request.targetGroups()));
        params.put("phone", request.contactPhone());
        params.put("note", request.note() == null ? "" : request.note());
        params.put("member", request.beneficiaryMemberId() == null ? -1L : request.beneficiaryMemberId());
        boolean onBehalf = Caller.COMMUNITY_WORKER.equals(role);
        params.put("bookedBy", onBehalf ? caller.subject() : "");
        List<Row> inserted = sql.rows("INSERT INTO booking AS b (listing_id, organization_id, contract_id, resident_subject, "
                + "idempotency_key, request_fingerprint, slot_start, slot_end, for_self, beneficiary_name, beneficiary_relation, "
                + "beneficiary_age, beneficiary_groups, contact_phone, note, beneficiary_member_id, booked_by_subject) VALUES (:listing, :organization, "
                + "nullif(:contract, -1), :subject, :key, :fingerprint, :start, :end, :forSelf, nullif(:name, ''), "
                + "nullif(:relation, ''), :age, coalesce(string_to_array(nullif(:groups, ''), ','), '{}'), :phone, "
                + "nullif(:note, ''), nullif(:member, -1), nullif(:bookedBy, '')) ON CONFLICT (resident_subject, idempotency_key) DO NOTHING RETURNING " + COLUMNS, params);
        if (inserted.isEmpty()) {
            throw new SameKeyBookedMeanwhile();
        }
        Row booking = inserted.get(0); // as it stays: nothing else in this transaction changes it
        long id = booking.longValue("id");
        Map<String, Object> after = new java.util.LinkedHashMap<>(
                Map.of("status", BookingStatus.REQUESTED, "listingId", listingId, "slotStart", start.toString()));
        if (request.beneficiaryMemberId() != null) {
            after.put("beneficiaryMemberId", request.beneficiaryMemberId()); // an id: who was booked for, no personal data
        }
        audit.record(role, new AuditLog.Change(onBehalf ? "bookOnBehalf" : "bookService", "Booking", id,
                listing.longValue("organization_id"), listing.longValue("region_id"), null, null, after));
        events.published(listing.longValue("organization_id"), id, BookingStatus.REQUESTED);
        return view(booking, Viewer.RESIDENT);
    }

    /**
     * At most {@code linli.booking.max-live-per-resident-per-day} live bookings of one service on one day (China
     * time) per resident. The transaction-scoped advisory lock on (resident, service, day) makes concurrent
     * requests of the same resident count one after the other; it is released when the booking commits. A retry
     * that waited for the lock behind its own first attempt finds that attempt's booking, not the limit.
     */
    private void checkLiveBookingsOfTheDay(String subject, String key, long listingId, LocalDate day) {
        sql.rows("SELECT CAST(pg_advisory_xact_lock(hashtextextended(:lock, 0)) AS text) AS locked",
                Map.of("lock", "booking-live-per-day|" + listingId + "|" + day + "|" + subject));
        // after the lock (a statement of its own: a statement sees what was committed when it began)
        Row counted = sql.rows("SELECT count(*) FILTER (WHERE idempotency_key = :key) AS same_key, "
                + "count(*) FILTER (WHERE listing_id = :listing AND status IN ('REQUESTED', 'CONFIRMED') "
                + "AND slot_start >= :from AND slot_start < :to) AS live FROM booking WHERE resident_subject = :subject "
                + "AND (idempotency_key = :key OR (listing_id = :listing AND status IN ('REQUESTED', 'CONFIRMED') "
                + "AND slot_start >= :from AND slot_start < :to))",
                Map.of("subject", subject, "key", key, "listing", listingId,
                        "from", day.atStartOfDay(Row.CHINA).toOffsetDateTime(),
                        "to", day.plusDays(1).atStartOfDay(Row.CHINA).toOffsetDateTime())).get(0);
        if (counted.longValue("same_key") > 0) {
            throw new SameKeyBookedMeanwhile();
        }
        if (counted.longValue("live") >= maxLivePerResidentPerDay) {
            throw new ConflictException("error.booking.livePerDay", maxLivePerResidentPerDay);
        }
    }

    /** The request as booked: for a member of the caller's household when beneficiaryId is given, else as declared. */
    private BookingRequest request(BookingInputs.BookService input) {
        if (input.beneficiaryId() == null) {
            return BookingRequest.of(input);
        }
        if (input.beneficiary() != null) {
            throw new ValidationException("input.beneficiary", "error.booking.beneficiaryTwice");
        }
        cn.linli.household.HouseholdService.Beneficiary member =
                households.memberOfCallersHousehold(input.beneficiaryId(), "input.beneficiaryId");
        return BookingRequest.forMember(input, member.memberId(), member.name(), member.relation(), member.age(),
                member.verifiedGroups());
    }

    private static void checkEligibility(Row listing, BookingRequest request) {
        Integer min = listing.intValue("min_age");
        Integer max = listing.intValue("max_age");
        int age = request.beneficiaryAge();
        if (age < 0 || age > 150) {
            throw new ValidationException("input.beneficiary.age", "error.age.range");
        }
        if (min != null && age < min || max != null && age > max) {
            // the limits are the service's; the beneficiary's age is not repeated back
            throw new ValidationException(request.beneficiaryMemberId() != null ? "input.beneficiaryId" : "input.beneficiary.age",
                    "error.booking.ageOutside",
                    min == null ? 0 : min, max == null ? "—" : max);
        }
        List<String> required = listing.list("target_groups");
        if (!required.isEmpty()) {
            if (request.targetGroups().stream().noneMatch(required::contains) && request.beneficiaryMemberId() != null) {
                // only groups a community worker verified count for a household member: the message names the groups
                throw new ValidationException("input.beneficiaryId", "error.booking.groupNotVerified",
                        String.join("、", required.stream().map(g -> Messages.label(TargetGroup.valueOf(g))).toList()));
            }
            if (request.targetGroups().stream().noneMatch(required::contains)) {
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
        caller.requireAuthenticated();
        String subject = caller.subject();
        // what the caller's roles allow, whatever the booking: decided before the booking is looked up
        boolean mayCancelAsResident = transition == Transition.CANCEL && caller.hasRole(Caller.RESIDENT);
        boolean mayActAsStaff = caller.hasRole(Caller.ORG_STAFF);
        if (!mayCancelAsResident && !mayActAsStaff) {
            caller.requireRole(Caller.ORG_STAFF);
        }
        Row booking = related(id, subject, true).orElseThrow(BookingService::unknown);
        long organizationId = booking.longValue("organization_id");
        boolean own = subject.equals(booking.string("resident_subject"));
        boolean byResident = mayCancelAsResident && own;
        String role;
        if (byResident) {
            role = Caller.RESIDENT;
        } else if (mayActAsStaff && booking.bool("member")) {
            role = Caller.ORG_STAFF;
        } else if (own) {
            // the resident knows her booking exists: she is told what she may not do
            throw new ForbiddenException(transition == Transition.CANCEL ? "error.booking.notYours" : "error.notMember");
        } else {
            throw unknown();
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
        if (!byResident) cn.linli.notification.NotificationKind.ofBooking(transition.to.name()).ifPresent(kind -> notifications.notify(recipient(booking), kind, "Booking", id, Map.of()));
        return read(id).map(row -> view(row, byResident ? Viewer.RESIDENT : Viewer.ORGANIZATION)).orElseThrow();
    }

    /** What a service record needs of the booking it completes. */
    public record DeliveredBooking(String residentSubject, Long contractId, String beneficiaryName, Integer beneficiaryAge) {
    }

    /**
     * For a service record (cn.linli.delivery): the booking of this listing served; a CONFIRMED one becomes
     * COMPLETED, in the caller's transaction. The caller has checked that a member of the booking's organization
     * records it. A booking of another listing, or one that was not (yet) served, is refused.
     */
    public DeliveredBooking completeByDelivery(long bookingId, long listingId, String role) {
        Row booking = sql.rows("SELECT " + COLUMNS + ", b.contract_id, o.region_id FROM booking b JOIN organization o "
                + "ON o.id = b.organization_id WHERE b.id = :id AND b.listing_id = :listing FOR UPDATE OF b",
                Map.of("id", bookingId, "listing", listingId)).stream().findFirst()
                .orElseThrow(() -> new ValidationException("input.bookingId", "error.delivery.bookingOfAnotherService"));
        BookingStatus status = BookingStatus.valueOf(booking.string("status"));
        if (status != BookingStatus.CONFIRMED && status != BookingStatus.COMPLETED) {
            throw new InvalidStateException("error.booking.state", Messages.label(status), "recordServiceDelivery");
        }
        if (OffsetDateTime.now().isBefore(booking.dateTime("slot_start"))) {
            throw new InvalidStateException("error.booking.notStarted");
        }
        if (status == BookingStatus.CONFIRMED) {
            sql.update("UPDATE booking SET status = 'COMPLETED', finished_at = now(), updated_at = now(), version = version + 1 "
                    + "WHERE id = :id", Map.of("id", bookingId));
            long organizationId = booking.longValue("organization_id");
            audit.record(role, new AuditLog.Change("completeBooking", "Booking", bookingId, organizationId,
                    booking.longValue("region_id"), null, Map.of("status", status), Map.of("status", BookingStatus.COMPLETED)));
            events.published(organizationId, bookingId, BookingStatus.COMPLETED);
        }
        return new DeliveredBooking(booking.string("resident_subject"), booking.longValue("contract_id"),
                booking.string("beneficiary_name"), booking.intValue("beneficiary_age"));
    }

    /**
     * The booking if the subject is related to it (its resident, or a member of its organization: column
     * {@code member}), else nothing, exactly as for an id that does not exist. Locked for the transition when
     * asked; a stranger's request never takes the lock.
     */
    Optional<Row> related(long id, String subject, boolean forUpdate) {
        return sql.rows("SELECT " + COLUMNS + ", o.region_id, EXISTS (SELECT 1 FROM organization_member m "
                + "WHERE m.organization_id = b.organization_id AND m.subject = :subject) AS member "
                + "FROM booking b JOIN organization o ON o.id = b.organization_id WHERE b.id = :id "
                + "AND (b.resident_subject = :subject OR EXISTS (SELECT 1 FROM organization_member m "
                + "WHERE m.organization_id = b.organization_id AND m.subject = :subject))"
                + (forUpdate ? " FOR UPDATE OF b" : ""), Map.of("id", id, "subject", subject)).stream().findFirst();
    }

    /** The one answer for a booking the caller may not see and for an id that does not exist: no id echoed. */
    static NotFoundException unknown() {
        return new NotFoundException("error.booking.unknown");
    }

    /** Events waiting for their subscriber's membership check; beyond this the subscription fails rather than grow. */
    private static final int EVENT_BUFFER = 1_000;

    /**
     * Members of the organization: its bookings' changes as they are committed. Membership is checked when
     * subscribing and again for every event, just before it is delivered (one indexed query, off the event loop):
     * a member removed from the organization gets FORBIDDEN at the next event and the stream ends there.
     */
    public Multi<BookingEvent> events(String organizationId) {
        long id = Ids.parse(organizationId, "organizationId");
        caller.requireRole(Caller.ORG_STAFF);
        String subject = caller.subject();
        // subscriptions start on the event loop: the membership checks (queries) run on worker threads
        return Multi.createFrom().item(() -> isMember(subject, id))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToMultiAndConcatenate(member -> member
                        ? events.of(id).onOverflow().buffer(EVENT_BUFFER)
                                .onItem().transformToUniAndConcatenate(event -> whileMember(subject, id, event))
                        : Multi.createFrom().failure(new ForbiddenException("error.notMember")));
    }

    private Uni<BookingEvent> whileMember(String subject, long organizationId, BookingEvent event) {
        return Uni.createFrom().item(() -> isMember(subject, organizationId))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transform(member -> {
                    if (!member) {
                        throw new ForbiddenException("error.notMember");
                    }
                    return event;
                });
    }

    private boolean isMember(String subject, long organizationId) {
        return QuarkusTransaction.requiringNew().call(() -> !sql.rows("SELECT 1 FROM organization_member "
                + "WHERE organization_id = :org AND subject = :subject", Map.of("org", organizationId, "subject", subject))
                .isEmpty());
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

    /**
     * The booking made earlier under the resident's idempotency key, if any: the same request gets it back, a
     * different request under the same key is refused with CONFLICT.
     */
    Optional<Booking> byKey(String subject, String key, String fingerprint) {
        return sql.rows("SELECT " + COLUMNS + ", b.request_fingerprint FROM booking b WHERE b.resident_subject = :subject "
                + "AND b.idempotency_key = :key", Map.of("subject", subject, "key", key)).stream().findFirst()
                .map(row -> {
                    String stored = row.string("request_fingerprint");
                    String earlier = stored != null ? stored : BookingRequest.of(row).fingerprint();
                    if (!earlier.equals(fingerprint)) {
                        throw new ConflictException("input.idempotencyKey", "error.booking.idempotencyKeyReused",
                                new Object[0]);
                    }
                    return view(row, Viewer.RESIDENT);
                });
    }

    Optional<Row> read(long id) {
        return sql.rows("SELECT " + COLUMNS + " FROM booking b WHERE b.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Who a booking is shown to; decides what personal data the view holds. */
    enum Viewer {
        RESIDENT, ORGANIZATION
    }

    /**
     * The only place a booking becomes a view, for every path that returns one. The organization sees the phone
     * in full only once it has accepted the booking (CONFIRMED, and the states that follow it: COMPLETED,
     * NO_SHOW); requested, rejected and cancelled bookings show it masked. The resident sees her own number.
     */
    /**
     * For a household member's booking the organization learns the name, an age band and that eligibility was checked
     * against verified groups (eligible), never the age, the groups or their evidence; the resident sees all.
     */
    private static Booking.Beneficiary beneficiary(Row row, Viewer viewer, List<TargetGroup> groups) {
        boolean member = row.longValue("beneficiary_member_id") != null;
        Integer age = row.intValue("beneficiary_age");
        boolean minimal = member && viewer != Viewer.RESIDENT;
        return new Booking.Beneficiary(row.string("beneficiary_name"), row.string("beneficiary_relation"),
                minimal ? null : age, minimal ? List.of() : groups, Booking.ageBand(age), member ? Boolean.TRUE : null);
    }

    static Booking view(Row row, Viewer viewer) {
        BookingStatus status = BookingStatus.valueOf(row.string("status"));
        String phone = row.string("contact_phone");
        if (viewer != Viewer.RESIDENT && !PHONE_SHOWN_TO_ORGANIZATION.contains(status)) {
            phone = Booking.mask(phone);
        }
        List<TargetGroup> groups = row.list("beneficiary_groups").stream().map(TargetGroup::valueOf).toList();
        return new Booking(row.string("id"), row.longValue("listing_id"), row.longValue("organization_id"), status,
                row.string("status_reason"), row.dateTime("slot_start"), row.dateTime("slot_end"), row.bool("for_self"),
                beneficiary(row, viewer, groups),
                phone, row.string("note"), row.dateTime("created_at"), row.string("booked_by_subject") != null);
    }
}
