package cn.linli.booking;

import cn.linli.catalog.TargetGroup;
import cn.linli.common.Messages;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * A booking as one viewer may see it. Personal data is decided when the view is made: the resident sees all;
 * the organization sees the beneficiary, and the phone in full only while the booking is CONFIRMED or after
 * (COMPLETED, NO_SHOW), masked in every other state; nobody else gets a view.
 */
@Description("A resident's booking of a time slot of a service, for themselves or a family member.")
public record Booking(
        @Id @Description("The booking's id.") @NonNull String id,
        @Ignore long listingId,
        @Ignore long organizationId,
        @Description("Where the booking stands (REQUESTED → CONFIRMED → COMPLETED …).") @NonNull BookingStatus status,
        @Description("Why it was rejected or cancelled: the reason last given with a status change (required to reject, and "
                + "when the organization cancels); null when none was given.") String statusReason,
        @Description("Start of the booked slot.") @NonNull OffsetDateTime slotStart,
        @Description("End of the booked slot.") @NonNull OffsetDateTime slotEnd,
        @Description("Booked for the resident themself (false: for a family member).") boolean forSelf,
        @Description("Who receives the service (shown to the resident and the organization only).") Beneficiary beneficiary,
        @Description("Contact phone: full for the resident; for the organization full once it has confirmed the booking "
                + "(CONFIRMED, COMPLETED, NO_SHOW) and masked (138****5678) in every other state, rejected and cancelled "
                + "included.") String contactPhone,
        @Description("The resident's note to the organization.") String note,
        @Description("When it was requested.") @NonNull OffsetDateTime createdAt,
        @Description("Booked by a community worker on the resident's behalf (代办).") boolean bookedOnBehalf) {

    @NonNull
    @Description("Label of the status in the request language.")
    public String getStatusLabel() {
        return Messages.label(status);
    }

    @Description("The person who receives the service.")
    public record Beneficiary(
            @Description("Name (for a family member).") String name,
            @Description("Relation to the resident, e.g. 父亲.") String relation,
            @Description("Age in years; null to the organization for a household member (it sees ageBand instead).") Integer age,
            @Description("Groups declared for eligibility (for a household member: the verified groups, shown to the resident "
                    + "only).") @NonNull List<@NonNull TargetGroup> targetGroups,
            @Description("Age band, e.g. 80–89: what the organization sees of a household member's age.") String ageBand,
            @Description("true when eligibility was checked against the target groups a community worker verified (a household "
                    + "member); null for a declared beneficiary.") Boolean eligible) {
    }

    /** 82 → "80–89"; null stays null. */
    static String ageBand(Integer age) {
        if (age == null) {
            return null;
        }
        int from = age / 10 * 10;
        return from + "–" + (from + 9);
    }

    /** 13812345678 → 138****5678; shorter numbers keep only their last two digits. */
    static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() >= 11) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        return "*".repeat(Math.max(0, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
    }
}
