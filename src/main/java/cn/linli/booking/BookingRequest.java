package cn.linli.booking;

import cn.linli.catalog.TargetGroup;
import cn.linli.common.Ids;
import cn.linli.common.Inputs;
import cn.linli.common.Row;
import cn.linli.common.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

/**
 * A booking request, normalized as it is stored (trimmed texts, empty texts as null, target groups once each),
 * and its fingerprint: the SHA-256 of a canonical form of everything the resident asked for. A retry with the
 * same idempotency key must carry the same fingerprint; the booking's own columns give the same fingerprint
 * back, so bookings stored before fingerprints existed compare too.
 */
record BookingRequest(long listingId, OffsetDateTime slotStart, boolean forSelf, String beneficiaryName,
        String beneficiaryRelation, int beneficiaryAge, List<String> targetGroups, String contactPhone, String note,
        Long beneficiaryMemberId) {
    private static final String VERSION = "booking-request-v1";

    /** Checks the fields' form (VALIDATION naming the field); the booking rules are checked when booking. */
    static BookingRequest of(BookingInputs.BookService input) {
        long listingId = Ids.parse(input.serviceId(), "input.serviceId");
        if (input.slotStart() == null) {
            throw new ValidationException("input.slotStart", "error.input.required");
        }
        BookingInputs.Beneficiary beneficiary = input.beneficiary();
        if (beneficiary == null) {
            throw new ValidationException("input.beneficiary", "error.input.required");
        }
        String phone = Inputs.phone(input.contactPhone(), "input.contactPhone");
        if (phone == null || phone.isEmpty()) {
            throw new ValidationException("input.contactPhone", "error.input.required");
        }
        String note = Inputs.optional(input.note(), "input.note", 500);
        String name = Inputs.optional(beneficiary.name(), "input.beneficiary.name", 50);
        String relation = Inputs.optional(beneficiary.relation(), "input.beneficiary.relation", 20);
        List<String> groups = beneficiary.targetGroups() == null ? List.of()
                : beneficiary.targetGroups().stream().map(Enum::name).distinct().toList();
        return new BookingRequest(listingId, input.slotStart(), input.forSelf(), emptyAsNull(name), emptyAsNull(relation),
                beneficiary.age(), groups, phone, emptyAsNull(note), null);
    }

    /**
     * A booking for a member of a household: who, born when and the groups a community worker verified come from the
     * household (cn.linli.household), not from the request; eligibility is checked against them.
     */
    static BookingRequest forMember(BookingInputs.BookService input, long memberId, String name, String relation, int age,
            List<TargetGroup> verifiedGroups) {
        BookingRequest declared = of(new BookingInputs.BookService(input.serviceId(), input.slotStart(), false,
                new BookingInputs.Beneficiary(name, relation, age, verifiedGroups), input.contactPhone(), input.note(),
                input.idempotencyKey(), null));
        return new BookingRequest(declared.listingId, declared.slotStart, false, declared.beneficiaryName,
                declared.beneficiaryRelation, age, declared.targetGroups, declared.contactPhone, declared.note, memberId);
    }

    /** 代办: a community worker's booking for a household member; the contact phone may be absent (no phone). */
    static BookingRequest onBehalf(BookingInputs.BookOnBehalf input, long memberId, String name, String relation, int age,
            List<TargetGroup> verifiedGroups, String memberPhone) {
        long listingId = Ids.parse(input.serviceId(), "input.serviceId");
        if (input.slotStart() == null) {
            throw new ValidationException("input.slotStart", "error.input.required");
        }
        String phone = emptyAsNull(Inputs.phone(input.contactPhone(), "input.contactPhone"));
        String note = Inputs.optional(input.note(), "input.note", 500);
        return new BookingRequest(listingId, input.slotStart(), false, name, relation, age,
                verifiedGroups.stream().map(Enum::name).distinct().toList(), phone != null ? phone : memberPhone, emptyAsNull(note),
                memberId);
    }

    /** The request a stored booking answered (columns of {@link BookingService#COLUMNS}). */
    static BookingRequest of(Row booking) {
        Integer age = booking.intValue("beneficiary_age");
        return new BookingRequest(booking.longValue("listing_id"), booking.dateTime("slot_start"), booking.bool("for_self"),
                booking.string("beneficiary_name"), booking.string("beneficiary_relation"), age == null ? 0 : age,
                booking.list("beneficiary_groups"), booking.string("contact_phone"), booking.string("note"),
                booking.longValue("beneficiary_member_id"));
    }

    List<TargetGroup> groups() {
        return targetGroups.stream().map(TargetGroup::valueOf).toList();
    }

    /** Lower-case hexadecimal SHA-256 of the canonical form: each value length-prefixed, the groups sorted. */
    String fingerprint() {
        StringBuilder canonical = new StringBuilder(VERSION);
        append(canonical, Long.toString(listingId));
        append(canonical, slotStart.toInstant().toString());
        append(canonical, Boolean.toString(forSelf));
        append(canonical, beneficiaryName);
        append(canonical, beneficiaryRelation);
        append(canonical, Integer.toString(beneficiaryAge));
        append(canonical, String.join(",", targetGroups.stream().sorted().toList()));
        append(canonical, contactPhone);
        append(canonical, note);
        if (beneficiaryMemberId != null) { // absent from the fingerprints of declared beneficiaries, as before
            append(canonical, "member:" + beneficiaryMemberId);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java runtime has SHA-256
        }
    }

    private static void append(StringBuilder canonical, String value) {
        canonical.append('|');
        if (value == null) {
            canonical.append('-');
        } else {
            canonical.append(value.length()).append(':').append(value);
        }
    }

    private static String emptyAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
