package cn.linli.booking;

import cn.linli.catalog.TargetGroup;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs of the booking, review and feedback mutations. */
public final class BookingInputs {
    private BookingInputs() {
    }

    @Input("BeneficiaryInput")
    @Description("Who receives the service: age (and groups) decide eligibility; name and relation for a family member.")
    public record Beneficiary(String name, String relation, int age, List<TargetGroup> targetGroups) {
    }

    @Input("BookServiceInput")
    @Description("Book a slot. The idempotency key makes a retried request safe: the same key returns the first booking.")
    public record BookService(
            @Id @NonNull String serviceId,
            @Description("Start of a slot inside the service's opening hours, in the future.") @NonNull OffsetDateTime slotStart,
            @Description("true: for the resident; false: for a family member.") boolean forSelf,
            @Description("Who receives the service, as declared (give this or beneficiaryId).") Beneficiary beneficiary,
            @NonNull String contactPhone,
            String note,
            @Description("Chosen by the client, e.g. a UUID, once per booking attempt (retries reuse it).") @NonNull String idempotencyKey,
            @Id @Description("A member of the resident's household (instead of beneficiary): age and target groups come from "
                    + "the household, groups only as a community worker verified them.") String beneficiaryId) {
    }

    @Input("BookOnBehalfInput")
    @Description("代办: a community worker books for a resident of their region, given either the resident's account "
            + "(residentSubject: the booking is for the resident themself) or a household member (householdMemberId, "
            + "offline households too); exactly one of the two.")
    public record BookOnBehalf(
            @Description("The resident's account (the subject their mini-program shows as 我的编号): the booking is for "
                    + "the member of their household whose relation is 本人, with that member's verified groups.") String residentSubject,
            @Id @Description("The household member served (from unservedResidents or the household).") String householdMemberId,
            @Id @Description("The service.") @NonNull String serviceId,
            @Description("Start of a slot inside the service's opening hours, in the future.") @NonNull OffsetDateTime slotStart,
            @Description("A note to the organization (at most 500 characters).") String note,
            @Description("Chosen by the client once per booking attempt (retries reuse it).") @NonNull String idempotencyKey,
            @Description("A contact phone; else the member's own, if any.") String contactPhone) {
    }

    @Input("BookingActionInput")
    @Description("Act on a booking; a reason is needed to reject, and for the organization to cancel.")
    public record Action(@Id @NonNull String id, String reason) {
    }

    @Input("ReviewBookingInput")
    @Description("Review a completed booking: rating 1–5 and optional text (at most 500 characters).")
    public record Review(@Id @NonNull String bookingId, int rating, String text) {
    }

    @Input("ReplyToReviewInput")
    @Description("The organization's one reply to a review.")
    public record Reply(@Id @NonNull String reviewId, @NonNull String reply) {
    }

    @Input("HideReviewInput")
    @Description("An official hides an abusive review, with the reason; it no longer counts in averages.")
    public record Hide(@Id @NonNull String reviewId, @NonNull String reason) {
    }

    @Input("SubmitFeedbackInput")
    @Description("A complaint, suggestion or praise about a service, an organization, or a problem in a community or "
            + "grid not tied to an organization (give one of the three).")
    public record SubmitFeedback(@NonNull FeedbackKind kind, @Id String serviceId, @Id String organizationId, @NonNull String text,
            @Description("A problem in this community or grid (region code), not about an organization: it reaches the "
                    + "community's workers and officials.") String regionCode) {
    }

    @Input("RespondToFeedbackInput")
    @Description("The organization's response to feedback.")
    public record Respond(@Id @NonNull String id, @NonNull String response) {
    }

    @Input("ResolveFeedbackInput")
    @Description("An official closes feedback; for a complaint, whether it was upheld (counts in evaluations).")
    public record Resolve(@Id @NonNull String id, @NonNull String resolution, Boolean upheld) {
    }
}
