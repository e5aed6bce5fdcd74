package cn.linli.catalog;

import cn.linli.common.Messages;
import java.time.LocalDate;
import java.time.LocalTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Ignore;

/** Opening hours of a listing. */
public final class Schedule {
    private Schedule() {
    }

    @Description("A weekly opening range; a day may have several.")
    public record WeeklyHours(
            @Ignore long listingId,
            @Description("ISO weekday: 1 = Monday … 7 = Sunday.") int weekday,
            @Description("Opens at (local time, Asia/Shanghai).") @NonNull LocalTime opens,
            @Description("Closes at.") @NonNull LocalTime closes) {

        @Description("The weekday's name in the request language (周一 … 周日).")
        @NonNull
    public String getWeekdayLabel() {
            return Messages.get("weekday." + weekday);
        }
    }

    @Description("A dated exception that replaces the weekly hours of its date (e.g. closed on 春节).")
    public record ScheduleException(
            @Ignore long listingId,
            @Description("The date.") @NonNull LocalDate date,
            @Description("Closed all day.") boolean closed,
            @Description("Opens at (when not closed).") LocalTime opens,
            @Description("Closes at (when not closed).") LocalTime closes,
            @Description("Why, e.g. 春节休息.") String note) {
    }
}
