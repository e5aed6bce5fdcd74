package cn.linli.notification;

import org.eclipse.microprofile.graphql.Ignore;
import cn.linli.common.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of notifications, newest first.")
public record NotificationConnection(
        @Description("The notifications of the page.") @NonNull List<@NonNull NotificationEdge> edges,
        @Description("Where the page is.") @NonNull PageInfo pageInfo,
        @Description("How many of your notifications are unread (all, not only this page).") int unreadCount,
        @Ignore java.util.function.IntSupplier total) {

    @Description("A notification and its cursor.")
    public record NotificationEdge(
            @Description("The cursor of this notification.") @NonNull String cursor,
            @Description("The notification.") @NonNull Notification node) {
    }
}
