package cn.linli.booking;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A booking of the organization was made or changed.")
public record BookingEvent(
        @Ignore long organizationId,
        @Description("The booking (query it for details).") @Id @NonNull String bookingId,
        @Description("Its status now.") @NonNull BookingStatus status,
        @Description("When the change was committed.") @NonNull OffsetDateTime at) {
}
