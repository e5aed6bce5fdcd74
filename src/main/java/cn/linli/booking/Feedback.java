package cn.linli.booking;

import cn.linli.common.Messages;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Feedback (社情民意) about a service or organization and how it was handled. The resident stays anonymous.")
public record Feedback(
        @Id @NonNull String id,
        @NonNull FeedbackKind kind,
        @Id @NonNull String organizationId,
        @Description("The service it is about, if any.") @Id String serviceId,
        @NonNull String text,
        @NonNull FeedbackStatus status,
        @Description("The organization's response.") String response,
        OffsetDateTime respondedAt,
        @Description("The official's resolution.") String resolution,
        @Description("For a complaint: whether the official upheld it.") Boolean upheld,
        OffsetDateTime resolvedAt,
        @NonNull OffsetDateTime createdAt,
        @Description("Unanswered for 7 days or more.") boolean overdue) {

    @NonNull
    public String getKindLabel() {
        return Messages.label(kind);
    }

    @NonNull
    public String getStatusLabel() {
        return Messages.label(status);
    }
}
