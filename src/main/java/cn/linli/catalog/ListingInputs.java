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
    public record WeeklyHours(
            @Description("ISO weekday: 1 = Monday … 7 = Sunday.") int weekday,
            @Description("Opening time (local time, Asia/Shanghai); slots start here, one every slotMinutes.") @NonNull LocalTime opens,
            @Description("Closing time (local time), after opens; ranges of one day must not overlap.") @NonNull LocalTime closes) {
    }

    @Input("ScheduleExceptionInput")
    @Description("A dated exception: closed all day, or open only in the given range.")
    public record ScheduleException(
            @Description("The date whose weekly hours this replaces.") @NonNull LocalDate date,
            @Description("true: closed all day (opens and closes are ignored); false: open only from opens to closes.") boolean closed,
            @Description("Opening time when not closed (local time, Asia/Shanghai); required then.") LocalTime opens,
            @Description("Closing time when not closed, after opens; required then.") LocalTime closes,
            @Description("Why, e.g. 春节休息 (at most 100 characters).") String note) {
    }

    @Input("PriceInput")
    @Description("What a use costs, in fen.")
    public record Price(
            @Description("FREE (no amounts), SUBSIDIZED (a price and a subsidy of at most the price) or PAID (a price, no "
                    + "subsidy).") @NonNull Pricing pricing,
            @Description("Full price of one use in fen (分, 0.01 yuan), 0 … 100 000 000; absent: 0.") Integer priceFen,
            @Description("Government subsidy per use in fen, at most the price; only for SUBSIDIZED (absent: 0).") Integer subsidyFen,
            @Description("What one use is, e.g. 餐, 次, 小时 (at most 20 characters).") String unit) {
    }

    @Input("EligibilityInput")
    @Description("Who may use the service; replaces the whole eligibility.")
    public record Eligibility(
            @Description("Minimum age in years, inclusive, 0 … 150; absent: no minimum.") Integer minAge,
            @Description("Maximum age in years, inclusive, 0 … 150, not below minAge; absent: no maximum.") Integer maxAge,
            @Description("Groups the service is reserved for (a beneficiary must belong to one); empty or absent: everyone "
                    + "of the age range.") List<TargetGroup> targetGroups) {
    }

    /** The editable content of a listing; absent fields are left as they are (lists replace the whole list). */
    @Input("ServiceListingContentInput")
    @Description("What a listing says. Absent fields are left as they are; a given list replaces the whole list.")
    public record Content(
            @Description("The category's code, e.g. `elderly.meal`; needed to create a listing.") String categoryCode,
            @Description("Title, e.g. 老年助餐服务 (at most 100 characters); needed to create a listing.") String title,
            @Description("What the service is (at most 2 000 characters).") String description,
            @Description("How it is delivered; a new listing is IN_STORE (到店) unless given.") ServiceMode mode,
            @Description("Where it is delivered or based (at most 200 characters).") String address,
            @Description("Where it is (WGS-84); publishing needs a location or a service area.") Location location,
            @Description("The community (or grid) where it is located.") String regionCode,
            @Description("Codes of the regions it serves.") List<String> serviceAreaCodes,
            @Description("Price and subsidy; publishing needs one.") Price price,
            @Description("Who may use it; replaces the whole eligibility.") Eligibility eligibility,
            @Description("Places per time slot, 1 … 1 000 (a new listing: 1).") Integer capacityPerSlot,
            @Description("Length of a time slot in minutes, 5 … 1 440 (a new listing: 60).") Integer slotMinutes,
            @Description("Telephone for this service: digits, spaces, + and -, 5–20 characters (a new listing starts with the "
                    + "organization's contact phone).") String contactPhone,
            @Description("Weekly opening ranges, at most 70; replaces all of them. Publishing needs at least one.") List<WeeklyHours> weeklyHours,
            @Description("Dated exceptions (holidays, extra hours), at most 400, none overlapping on a date; replaces all of "
                    + "them.") List<ScheduleException> scheduleExceptions) {
    }

    @Input("CreateServiceListingInput")
    @Description("A new listing of an organization, as a DRAFT. Title and category are needed; the rest may follow.")
    public record Create(
            @Id @Description("The organization offering it; you must be its member.") @NonNull String organizationId,
            @Description("What the listing says; title and categoryCode are required.") @NonNull Content content) {
    }

    @Input("UpdateServiceListingInput")
    @Description("Change a listing. The version it is based on must be current, else CONFLICT.")
    public record Update(
            @Id @Description("The listing.") @NonNull String id,
            @Description("The version you read (Service.version); a stale one gets CONFLICT.") int version,
            @Description("The changes; absent fields stay as they are.") @NonNull Content content) {
    }

    @Input("ServiceListingActionInput")
    @Description("Publish, pause, withdraw or confirm a listing, at the version it is based on.")
    public record Action(
            @Id @Description("The listing.") @NonNull String id,
            @Description("The version you read (Service.version); a stale one gets CONFLICT.") int version) {
    }
}
