package cn.linli.notification;

import cn.linli.common.ApiErrors;
import cn.linli.identity.Me;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

@GraphQLApi
@ApiErrors
public class NotificationApi {
    @Inject
    Notifications notifications;

    @Input("MarkNotificationsReadInput")
    @Description("Which of your notifications to mark read.")
    public record MarkNotificationsRead(
            @Description("Ids of your notifications (at most 100); ids that are not yours are ignored like unknown ones.")
            @NonNull @Id List<@NonNull String> ids) {
    }

    @NonNull
    @Description("Resident, or community worker (about the bookings you made for households without an account): your notifications (bookings confirmed, rejected or cancelled by the organization, reminders "
            + "24 h before a slot, feedback answered or resolved, service records awaiting your confirmation, your service needs "
            + "answered), newest first.")
    public NotificationConnection notifications(@Source Me me,
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts.") String after,
            @Name("unreadOnly") @Description("Only the notifications not marked read.") Boolean unreadOnly) {
        return notifications.mine(first, after, unreadOnly);
    }

    @Mutation("markNotificationsRead")
    @Description("Resident or community worker: mark your notifications read. Returns those of the ids that are yours.")
    public List<@NonNull Notification> markNotificationsRead(
            @Name("input") @Description("The notifications to mark.") @NonNull MarkNotificationsRead input) {
        return notifications.markRead(input.ids());
    }

    @Subscription("myNotifications")
    @Description("Resident or community worker: your notifications as they are committed (any instance); only yours. Authorize the websocket "
            + "with the token (Authorization header, or in the connection_init payload).")
    public Multi<Notification> myNotifications() {
        return notifications.stream();
    }

    // a source field: counted on a worker thread, and only when asked for
    @Description("How many of your notifications there are in all, over every page (counted only when asked for).")
    public int totalCount(@Source cn.linli.notification.NotificationConnection page) {
        return page.total().getAsInt();
    }
}
