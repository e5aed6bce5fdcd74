package cn.linli.catalog;

import cn.linli.common.Location;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs of the listing mutations. */
public final class ListingInputs {
    private ListingInputs() {
    }

    @Input("WeeklyHoursInput")
    @Description("An opening range on a weekday (1 = Monday … 7 = Sunday), local time.")
    public record WeeklyHours(int weekday, @NonNull LocalTime opens, @NonNull LocalTime closes) {
    }

    @Input("ScheduleExceptionInput")
    @Description("A dated exception: closed all day, or open only in the given range.")
    public record ScheduleException(@NonNull LocalDate date, boolean closed, LocalTime opens, LocalTime closes, String note) {
    }

    @Input("PriceInput")
    @Description("What a use costs, in fen.")
    public record Price(@NonNull Pricing pricing, Integer priceFen, Integer subsidyFen, String unit) {
    }

    @Input("EligibilityInput")
    @Description("Who may use the service; replaces the whole eligibility.")
    public record Eligibility(Integer minAge, Integer maxAge, List<TargetGroup> targetGroups) {
    }

    /** The editable content of a listing; absent fields are left as they are (lists replace the whole list). */
    @Input("ServiceListingContentInput")
    @Description("What a listing says. Absent fields are left as they are; a given list replaces the whole list.")
    public record Content(
            String categoryCode,
            String title,
            String description,
            ServiceMode mode,
            String address,
            Location location,
            @Description("The community (or grid) where it is located.") String regionCode,
            @Description("Codes of the regions it serves.") List<String> serviceAreaCodes,
            Price price,
            Eligibility eligibility,
            Integer capacityPerSlot,
            Integer slotMinutes,
            String contactPhone,
            List<WeeklyHours> weeklyHours,
            List<ScheduleException> scheduleExceptions) {
    }

    @Input("CreateServiceListingInput")
    @Description("A new listing of an organization, as a DRAFT. Title and category are needed; the rest may follow.")
    public record Create(@Id @NonNull String organizationId, @NonNull Content content) {
    }

    @Input("UpdateServiceListingInput")
    @Description("Change a listing. The version it is based on must be current, else CONFLICT.")
    public record Update(@Id @NonNull String id, int version, @NonNull Content content) {
    }

    @Input("ServiceListingActionInput")
    @Description("Publish, pause, withdraw or confirm a listing, at the version it is based on.")
    public record Action(@Id @NonNull String id, int version) {
    }
}
