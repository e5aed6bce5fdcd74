package cn.linli.booking;

import cn.linli.common.Messages;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Feedback (社情民意) about a service or organization and how it was handled. The resident stays anonymous.")
public record Feedback(
        @Id @Description("The feedback's id.") @NonNull String id,
        @Description("Complaint, suggestion or praise.") @NonNull FeedbackKind kind,
        @Description("The organization it is about; none for a problem in a community.") @Id String organizationId,
        @Description("The service it is about, if any.") @Id String serviceId,
        @Description("What the resident wrote (at most 1 000 characters).") @NonNull String text,
        @Description("Where it stands: OPEN, RESPONDED or RESOLVED.") @NonNull FeedbackStatus status,
        @Description("The organization's response (for a community problem: the community worker's); null until answered.") String response,
        @Description("When it was answered; null until then.") OffsetDateTime respondedAt,
        @Description("The official's resolution.") String resolution,
        @Description("For a complaint: whether the official upheld it.") Boolean upheld,
        @Description("When an official resolved it; null until then.") OffsetDateTime resolvedAt,
        @Description("When the resident filed it.") @NonNull OffsetDateTime createdAt,
        @Description("Waiting too long (7 days by default): unanswered (OPEN) since it was filed, or answered and "
                + "unresolved (RESPONDED) since the response.") boolean overdue,
        @Description("For a problem in a community not about an organization: the community or grid (region code).") String regionCode,
        @Description("The region whose officials handle it now (region code); it moves up when escalated.") @NonNull String handlingRegionCode,
        @Description("How many times it was escalated (0: still where it started).") int escalationLevel,
        @Description("When it was last escalated.") OffsetDateTime escalatedAt,
        @Description("Why it was last escalated.") String escalationReason,
        @Description("The submitter's rating of the resolution: satisfied or not; null until rated.") Boolean satisfied,
        @Description("The submitter's comment on the resolution.") String ratingComment,
        @Description("When the submitter rated the resolution.") OffsetDateTime ratedAt) {

    @NonNull
    @Description("Label of the kind in the request language (投诉, 建议, 表扬).")
    public String getKindLabel() {
        return Messages.label(kind);
    }

    @NonNull
    @Description("Label of the status in the request language (e.g. 待处理).")
    public String getStatusLabel() {
        return Messages.label(status);
    }
}
