package cn.linli.notification;

import cn.linli.common.Messages;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Something that happened to one of your bookings, feedback, service records or service needs. The texts are in the "
        + "request language and name only what you know already (the service, the slot).")
public record Notification(
        @Description("The notification's id.") @Id @NonNull String id,
        @Description("What happened.") @NonNull NotificationKind kind,
        @Description("The kind of thing it is about: Booking, Feedback, ServiceDelivery or ServiceNeed.") @NonNull String entityType,
        @Description("The id of the booking, feedback, service record or service need it is about.") @Id @NonNull String entityId,
        @Description("A short title.") @NonNull String title,
        @Description("The text.") @NonNull String body,
        @Description("When it was written (with its cause).") @NonNull OffsetDateTime createdAt,
        @Description("When you marked it read; null while unread.") OffsetDateTime readAt) {

    @Description("Whether you marked it read.")
    public boolean isRead() {
        return readAt != null;
    }

    @NonNull
    @Description("Label of the kind in the request language.")
    public String getKindLabel() {
        return Messages.label(kind);
    }
}
