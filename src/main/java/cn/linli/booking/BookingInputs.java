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
    public record Beneficiary(
            @Description("Name (at most 50 characters); required when the booking is not for the resident (forSelf false).") String name,
            @Description("Relation to the resident, e.g. 父亲 (at most 20 characters).") String relation,
            @Description("Age in years, 0 … 150: checked against the service's age range.") int age,
            @Description("Groups the person belongs to, as declared: a service reserved for groups needs one of them.") List<TargetGroup> targetGroups) {
    }

    @Input("BookServiceInput")
    @Description("Book a slot. The idempotency key makes a retried request safe: the same key returns the first booking.")
    public record BookService(
            @Id @Description("The service to book: published, of an ACTIVE or BARRED organization.") @NonNull String serviceId,
            @Description("Start of a slot inside the service's opening hours, in the future.") @NonNull OffsetDateTime slotStart,
            @Description("true: for the resident; false: for a family member.") boolean forSelf,
            @Description("Who receives the service, as declared (give this or beneficiaryId).") Beneficiary beneficiary,
            @Description("A phone the organization may call: digits, spaces, + and -, 5–20 characters. The organization sees "
                    + "it in full only once it has confirmed the booking.") @NonNull String contactPhone,
            @Description("A note to the organization (at most 500 characters).") String note,
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
    public record Action(
            @Id @Description("The booking.") @NonNull String id,
            @Description("Why (at most 500 characters), shown as the booking's statusReason: required to reject, and when "
                    + "the organization cancels.") String reason) {
    }

    @Input("ReviewBookingInput")
    @Description("Review a completed booking: rating 1–5 and optional text (at most 500 characters).")
    public record Review(
            @Id @Description("Your booking, COMPLETED and not reviewed yet.") @NonNull String bookingId,
            @Description("The rating, 1 (worst) … 5 (best).") int rating,
            @Description("What you want to say (at most 500 characters).") String text) {
    }

    @Input("ReplyToReviewInput")
    @Description("The organization's one reply to a review.")
    public record Reply(
            @Id @Description("A review of your organization's service, not replied to yet.") @NonNull String reviewId,
            @Description("The reply, public with the review (at most 500 characters).") @NonNull String reply) {
    }

    @Input("HideReviewInput")
    @Description("An official hides an abusive review, with the reason; it no longer counts in averages.")
    public record Hide(
            @Id @Description("A review of an organization registered in your jurisdiction.") @NonNull String reviewId,
            @Description("Why it is hidden (at most 500 characters); recorded in the audit trail.") @NonNull String reason) {
    }

    @Input("SubmitFeedbackInput")
    @Description("A complaint, suggestion or praise about a service, an organization, or a problem in a community or "
            + "grid not tied to an organization (give one of the three).")
    public record SubmitFeedback(
            @Description("Complaint, suggestion or praise.") @NonNull FeedbackKind kind,
            @Id @Description("The service it is about (its organization comes with it): one residents can see, or one you "
                    + "have booked.") String serviceId,
            @Id @Description("The organization it is about, when not about one service: one residents can see, or one you "
                    + "have booked with.") String organizationId,
            @Description("What you want to say (at most 1 000 characters); organizations never learn who wrote it.") @NonNull String text,
            @Description("A problem in this community or grid (region code), not about an organization: it reaches the "
                    + "community's workers and officials.") String regionCode) {
    }

    @Input("RespondToFeedbackInput")
    @Description("The organization's response to feedback.")
    public record Respond(
            @Id @Description("The feedback, still OPEN.") @NonNull String id,
            @Description("The answer (at most 1 000 characters); the submitter is notified.") @NonNull String response) {
    }

    @Input("ResolveFeedbackInput")
    @Description("An official closes feedback; for a complaint, whether it was upheld (counts in evaluations).")
    public record Resolve(
            @Id @Description("The feedback, not yet resolved, handled in your jurisdiction.") @NonNull String id,
            @Description("How it was resolved (at most 1 000 characters); the submitter is notified.") @NonNull String resolution,
            @Description("Required for a complaint: whether it is upheld (upheld complaints count against the organization "
                    + "in evaluations); ignored for other kinds.") Boolean upheld) {
    }
}
