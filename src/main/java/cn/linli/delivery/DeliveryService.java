package cn.linli.delivery;

import cn.linli.audit.AuditLog;
import cn.linli.booking.BookingService;
import cn.linli.booking.FeedbackService;
import cn.linli.common.Caller;
import cn.linli.common.Ids;
import cn.linli.common.Inputs;
import cn.linli.common.InvalidStateException;
import cn.linli.common.KeysetQuery;
import cn.linli.common.KeysetQuery.Key;
import cn.linli.common.Location;
import cn.linli.common.NotFoundException;
import cn.linli.common.Paging;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.identity.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Service records: recorded by the organization, confirmed or disputed by the resident served, spot-checked by
 * an official of the region. This package owns {@code service_delivery}; it completes bookings and opens
 * complaints through the booking context's named methods.
 */
@ApplicationScoped
public class DeliveryService {
    private static final KeysetQuery NEWEST_FIRST = new KeysetQuery("delivery", List.of(new Key("d.id", "bigint")), true);
    private static final String SELECT = "SELECT d.id, d.listing_id, d.organization_id, d.contract_id, d.booking_id, "
            + "d.resident_subject, d.beneficiary_name, d.beneficiary_age, d.started_at, d.ended_at, d.check_in_lat, d.check_in_lng, "
            + "d.check_out_lat, d.check_out_lng, d.check_in_distance_m, d.off_site, d.note, "
            + "array_to_string(d.photo_urls, ' ') AS photo_urls, d.recorded_at, d.confirmation, d.confirmed_at, d.dispute_reason, "
            + "d.feedback_id, d.spot_check, d.spot_check_note, d.spot_checked_at, o.region_id, " + verified("d") + " AS verified "
            + "FROM service_delivery d JOIN organization o ON o.id = d.organization_id";

    /** Who reads a record decides what of it they see. */
    enum Viewer {
        RESIDENT, ORGANIZATION, OFFICIAL
    }

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
    @Inject
    BookingService bookings;
    @Inject
    FeedbackService feedback;

    /** The SQL condition of a record that counts as evidence (COMPLETION). */
    public static String verified(String alias) {
        return "((" + alias + ".confirmation = 'CONFIRMED' AND coalesce(" + alias + ".spot_check, '') <> 'NOT_FOUND') OR "
                + alias + ".spot_check IN ('CONFIRMED', 'PARTIAL'))";
    }

    @Transactional
    public ServiceDelivery record(DeliveryInputs.Record input) {
        String role = caller.requireRole(Caller.ORG_STAFF);
        long listingId = Ids.parse(input.serviceId(), "input.serviceId");
        Row listing = sql.rows("SELECT l.id, l.organization_id, l.contract_id, l.mode, l.lat, l.lng, o.region_id, k.status AS contract_status "
                + "FROM service_listing l JOIN organization o ON o.id = l.organization_id LEFT JOIN contract k ON k.id = l.contract_id "
                + "WHERE l.id = :id", Map.of("id", listingId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("error.service.notFound"));
        long organizationId = listing.longValue("organization_id");
        access.requireMember(organizationId);
        Inputs.location(input.checkIn(), "input.checkIn");
        Inputs.location(input.checkOut(), "input.checkOut");
        DeliveryRules.checkTimes(input.startedAt(), input.endedAt(), OffsetDateTime.now());
        List<String> photos = DeliveryRules.photos(input.photoUrls());
        String note = Inputs.optional(input.note(), "input.note", 1000);

        String resident = null;
        Long contractId = listing.longValue("contract_id");
        String beneficiaryName;
        Integer beneficiaryAge;
        Long bookingId = null;
        if (input.bookingId() != null) {
            bookingId = Ids.parse(input.bookingId(), "input.bookingId");
            if (!sql.rows("SELECT 1 FROM service_delivery WHERE booking_id = :b", Map.of("b", bookingId)).isEmpty()) {
                throw new InvalidStateException("error.delivery.bookingRecorded");
            }
            BookingService.DeliveredBooking booking = bookings.completeByDelivery(bookingId, listingId, role);
            resident = booking.residentSubject();
            contractId = booking.contractId() != null ? booking.contractId() : contractId;
            beneficiaryName = booking.beneficiaryName();
            beneficiaryAge = booking.beneficiaryAge();
        } else {
            if (contractId == null || !"ACTIVE".equals(listing.string("contract_status"))) {
                throw new ValidationException("input.bookingId", "error.delivery.needsBookingOrContract");
            }
            if (input.beneficiary() == null) {
                throw new ValidationException("input.beneficiary", "error.input.required");
            }
            beneficiaryName = Inputs.required(input.beneficiary().name(), "input.beneficiary.name", 40);
            beneficiaryAge = input.beneficiary().age() == null ? null
                    : Inputs.range(input.beneficiary().age(), "input.beneficiary.age", 0, 130, 0);
        }
        List<Location> area = new ArrayList<>();
        boolean homeVisit = "HOME_VISIT".equals(listing.string("mode"));
        if (homeVisit) {
            for (Row region : sql.rows("SELECT r.lat, r.lng FROM region r JOIN service_listing l ON r.code = ANY(l.area_codes) "
                    + "WHERE l.id = :id AND r.lat IS NOT NULL", Map.of("id", listingId))) {
                area.add(new Location(region.doubleValue("lat"), region.doubleValue("lng")));
            }
        }
        Double lat = listing.doubleValue("lat");
        Double lng = listing.doubleValue("lng");
        Integer distance = lat == null || lng == null ? null
                : (int) Math.round(DeliveryRules.meters(input.checkIn().lat(), input.checkIn().lng(), lat, lng));
        boolean offSite = DeliveryRules.offSite(input.checkIn(), lat, lng, homeVisit, area);

        Map<String, Object> params = new HashMap<>();
        params.put("listing", listingId);
        params.put("organization", organizationId);
        params.put("contract", contractId == null ? -1L : contractId);
        params.put("booking", bookingId == null ? -1L : bookingId);
        params.put("resident", resident == null ? "" : resident);
        params.put("name", beneficiaryName == null ? "" : beneficiaryName);
        params.put("age", beneficiaryAge == null ? -1 : beneficiaryAge);
        params.put("started", input.startedAt());
        params.put("ended", input.endedAt());
        params.put("inLat", input.checkIn().lat());
        params.put("inLng", input.checkIn().lng());
        params.put("outLat", input.checkOut().lat());
        params.put("outLng", input.checkOut().lng());
        params.put("distance", distance == null ? -1 : distance);
        params.put("offSite", offSite);
        params.put("note", note == null ? "" : note);
        params.put("photos", String.join(" ", photos));
        params.put("by", caller.subject());
        long id = sql.rows("INSERT INTO service_delivery (listing_id, organization_id, contract_id, booking_id, resident_subject, "
                + "beneficiary_name, beneficiary_age, started_at, ended_at, check_in_lat, check_in_lng, check_out_lat, check_out_lng, "
                + "check_in_distance_m, off_site, note, photo_urls, recorded_by) VALUES (:listing, :organization, nullif(:contract, -1), "
                + "nullif(:booking, -1), nullif(:resident, ''), nullif(:name, ''), nullif(:age, -1), :started, :ended, :inLat, :inLng, "
                + ":outLat, :outLng, nullif(:distance, -1), :offSite, nullif(:note, ''), "
                + "CASE WHEN :photos = '' THEN '{}'::text[] ELSE string_to_array(:photos, ' ') END, :by) RETURNING id",
                params).get(0).longValue("id");
        // no personal data in the audit trail: what was recorded, not whom
        Map<String, Object> after = new HashMap<>();
        after.put("serviceId", listingId);
        after.put("bookingId", bookingId);
        after.put("offSite", offSite);
        audit.record(role, new AuditLog.Change("recordServiceDelivery", "ServiceDelivery", id, organizationId,
                listing.longValue("region_id"), null, null, after));
        if (resident != null) notifications.notify(resident, cn.linli.notification.NotificationKind.DELIVERY_AWAITING_CONFIRMATION, "ServiceDelivery", id, Map.of());
        return read(id).map(row -> view(row, Viewer.ORGANIZATION)).orElseThrow();
    }

    @Transactional
    public ServiceDelivery confirm(DeliveryInputs.Action input) {
        Row record = residentsOwn(input.id());
        sql.update("UPDATE service_delivery SET confirmation = 'CONFIRMED', confirmed_at = now() WHERE id = :id",
                Map.of("id", record.longValue("id")));
        audit.record(Caller.RESIDENT, change("confirmServiceDelivery", record, null, Confirmation.CONFIRMED));
        return read(record.longValue("id")).map(row -> view(row, Viewer.RESIDENT)).orElseThrow();
    }

    @Transactional
    public ServiceDelivery dispute(DeliveryInputs.Dispute input) {
        Row record = residentsOwn(input.id());
        String reason = Inputs.required(input.reason(), "input.reason", 500);
        long complaint = feedback.complaintAboutDelivery(record.longValue("organization_id"), record.longValue("listing_id"),
                record.longValue("contract_id"), record.longValue("region_id"), reason);
        sql.update("UPDATE service_delivery SET confirmation = 'DISPUTED', confirmed_at = now(), dispute_reason = :reason, "
                + "feedback_id = :complaint WHERE id = :id", Map.of("id", record.longValue("id"), "reason", reason,
                "complaint", complaint));
        audit.record(Caller.RESIDENT, change("disputeServiceDelivery", record, null, Confirmation.DISPUTED));
        return read(record.longValue("id")).map(row -> view(row, Viewer.RESIDENT)).orElseThrow();
    }

    @Transactional
    public ServiceDelivery spotCheck(DeliveryInputs.SpotCheck input) {
        String role = caller.requireRole(Caller.OFFICIAL);
        long id = Ids.parse(input.id(), "input.id");
        Row record = sql.rows(SELECT + " WHERE d.id = :id", Map.of("id", id)).stream().findFirst()
                .filter(row -> access.governs(row.longValue("region_id")))
                .orElseThrow(DeliveryService::unknown); // outside the jurisdiction: as if it did not exist
        sql.rows("SELECT id FROM service_delivery WHERE id = :id FOR UPDATE", Map.of("id", id));
        String note = Inputs.optional(input.note(), "input.note", 500);
        sql.update("UPDATE service_delivery SET spot_check = :result, spot_check_note = nullif(:note, ''), spot_checked_by = :by, "
                + "spot_checked_at = now() WHERE id = :id", Map.of("id", id, "result", input.result().name(),
                "note", note == null ? "" : note, "by", caller.subject()));
        audit.record(role, change("spotCheckServiceDelivery", record, note, input.result()));
        return read(id).map(row -> view(row, Viewer.OFFICIAL)).orElseThrow();
    }

    /** One record, as its reader may see it; the same NOT_FOUND for an unrelated caller as for no record. */
    public ServiceDelivery one(String id) {
        caller.requireAuthenticated();
        Row record = read(Ids.parse(id, "id")).orElseThrow(DeliveryService::unknown);
        return view(record, viewerOf(record).orElseThrow(DeliveryService::unknown));
    }

    public ServiceDelivery.Connection ofOrganization(String organizationId, Integer first, String after) {
        caller.requireAuthenticated();
        long id = Ids.parse(organizationId, "organizationId");
        Row organization = sql.rows("SELECT region_id FROM organization WHERE id = :id", Map.of("id", id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("error.organization.notFound"));
        Viewer viewer;
        if (access.membership(id).isPresent()) {
            viewer = Viewer.ORGANIZATION;
        } else if (access.governs(organization.longValue("region_id"))) {
            viewer = Viewer.OFFICIAL;
        } else {
            throw new cn.linli.common.ForbiddenException("error.notMember");
        }
        return page(List.of("d.organization_id = :organization"), Map.of("organization", id), first, after, viewer);
    }

    public ServiceDelivery.Connection mine(Integer first, String after) {
        caller.requireRole(Caller.RESIDENT);
        return page(List.of("d.resident_subject = :subject"), Map.of("subject", caller.subject()), first, after, Viewer.RESIDENT);
    }

    /** The records of these contracts as numbers, in their order (one statement for a page of contracts). */
    public List<ServiceDelivery.Counts> counts(List<Long> contractIds) {
        Map<Long, ServiceDelivery.Counts> byContract = new HashMap<>();
        if (!contractIds.isEmpty()) {
            for (Row row : sql.rows("SELECT d.contract_id, count(*) AS delivered, count(*) FILTER (WHERE d.confirmation = 'CONFIRMED') "
                    + "AS confirmed, count(*) FILTER (WHERE d.confirmation = 'DISPUTED') AS disputed, count(*) FILTER (WHERE "
                    + verified("d") + ") AS verified, count(*) FILTER (WHERE d.off_site) AS off_site FROM service_delivery d "
                    + "WHERE d.contract_id IN (:ids) GROUP BY d.contract_id",
                    Map.of("ids", contractIds.stream().distinct().toList()))) {
                byContract.put(row.longValue("contract_id"), new ServiceDelivery.Counts(row.intValue("delivered"),
                        row.intValue("confirmed"), row.intValue("disputed"), row.intValue("verified"), row.intValue("off_site")));
            }
        }
        return contractIds.stream().map(id -> byContract.getOrDefault(id, new ServiceDelivery.Counts(0, 0, 0, 0, 0))).toList();
    }

    private ServiceDelivery.Connection page(List<String> where, Map<String, Object> params, Integer first, String after,
            Viewer viewer) {
        KeysetQuery.Page page = NEWEST_FIRST.fetch(sql, SELECT, where, params, after, Paging.pageSize(first));
        return new ServiceDelivery.Connection(page.edges((cursor, row) -> new ServiceDelivery.Connection.Edge(cursor,
                view(row, viewer))), page.pageInfo(after != null), page.totalCount());
    }

    /** The record the calling resident was served, locked, still open for an answer. */
    private Row residentsOwn(String id) {
        caller.requireRole(Caller.RESIDENT);
        Row record = sql.rows(SELECT + " WHERE d.id = :id AND d.resident_subject = :subject FOR UPDATE OF d",
                Map.of("id", Ids.parse(id, "input.id"), "subject", caller.subject())).stream().findFirst()
                .orElseThrow(DeliveryService::unknown);
        if (!"UNCONFIRMED".equals(record.string("confirmation"))) {
            throw new InvalidStateException("error.delivery.answered");
        }
        if (record.dateTime("recorded_at").plus(DeliveryRules.CONFIRMATION_WINDOW).isBefore(OffsetDateTime.now())) {
            throw new InvalidStateException("error.delivery.windowClosed", String.valueOf(DeliveryRules.CONFIRMATION_WINDOW.toHours()));
        }
        return record;
    }

    private java.util.Optional<Viewer> viewerOf(Row record) {
        if (caller.subject().equals(record.string("resident_subject"))) {
            return java.util.Optional.of(Viewer.RESIDENT);
        }
        if (access.membership(record.longValue("organization_id")).isPresent()) {
            return java.util.Optional.of(Viewer.ORGANIZATION);
        }
        if (access.governs(record.longValue("region_id"))) {
            return java.util.Optional.of(Viewer.OFFICIAL);
        }
        return java.util.Optional.empty();
    }

    private java.util.Optional<Row> read(long id) {
        return sql.rows(SELECT + " WHERE d.id = :id", Map.of("id", id)).stream().findFirst();
    }

    static ServiceDelivery view(Row row, Viewer viewer) {
        boolean personal = viewer != Viewer.OFFICIAL;
        String photos = row.string("photo_urls");
        return new ServiceDelivery(row.string("id"), row.string("listing_id"), row.string("organization_id"),
                row.string("contract_id"), row.string("booking_id"),
                personal ? row.string("beneficiary_name") : null, personal ? row.intValue("beneficiary_age") : null,
                row.dateTime("started_at"), row.dateTime("ended_at"),
                personal ? new Location(row.doubleValue("check_in_lat"), row.doubleValue("check_in_lng")) : null,
                personal ? new Location(row.doubleValue("check_out_lat"), row.doubleValue("check_out_lng")) : null,
                row.intValue("check_in_distance_m"), row.bool("off_site"), row.string("note"),
                personal && photos != null && !photos.isEmpty() ? List.of(photos.split(" ")) : List.of(),
                row.dateTime("recorded_at"), Confirmation.valueOf(row.string("confirmation")), row.dateTime("confirmed_at"),
                row.string("resident_subject") == null ? null : row.dateTime("recorded_at").plus(DeliveryRules.CONFIRMATION_WINDOW),
                row.string("dispute_reason"), row.string("feedback_id"),
                row.string("spot_check") == null ? null : SpotCheckResult.valueOf(row.string("spot_check")),
                row.string("spot_check_note"), row.dateTime("spot_checked_at"), row.bool("verified"));
    }

    private static AuditLog.Change change(String action, Row record, String reason, Object outcome) {
        return new AuditLog.Change(action, "ServiceDelivery", record.longValue("id"), record.longValue("organization_id"),
                record.longValue("region_id"), reason, null, Map.of("result", outcome));
    }

    static NotFoundException unknown() {
        return new NotFoundException("error.delivery.unknown");
    }
}
