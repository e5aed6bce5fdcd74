package cn.linli.notification;

import java.util.Optional;
import org.eclipse.microprofile.graphql.Description;

@Description("What a notification tells the resident.")
public enum NotificationKind {
    @Description("The organization confirmed your booking.")
    BOOKING_CONFIRMED,
    @Description("The organization rejected your booking.")
    BOOKING_REJECTED,
    @Description("The organization cancelled your booking.")
    BOOKING_CANCELLED,
    @Description("Your confirmed booking starts within 24 hours.")
    BOOKING_REMINDER,
    @Description("The organization answered your feedback.")
    FEEDBACK_RESPONDED,
    @Description("Your feedback was resolved.")
    FEEDBACK_RESOLVED,
    @Description("A service record of a service you received awaits your confirmation.")
    DELIVERY_AWAITING_CONFIRMATION,
    @Description("An official plans to buy the service your need asked for.")
    SERVICE_NEED_PLANNED,
    @Description("The service your need asked for is being bought.")
    SERVICE_NEED_PROCURED,
    @Description("An official declined your need, with a reason.")
    SERVICE_NEED_DECLINED;

    /** The notification a booking's new status (set by the organization) gives its resident, if any. */
    public static Optional<NotificationKind> ofBooking(String status) {
        return switch (status) {
            case "CONFIRMED" -> Optional.of(BOOKING_CONFIRMED);
            case "REJECTED" -> Optional.of(BOOKING_REJECTED);
            case "CANCELLED" -> Optional.of(BOOKING_CANCELLED);
            default -> Optional.empty();
        };
    }
}
