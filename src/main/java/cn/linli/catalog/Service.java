package cn.linli.catalog;

import cn.linli.common.Location;
import cn.linli.common.Messages;
import cn.linli.common.ReadAlready;
import cn.linli.common.Row;
import cn.linli.organization.Organization;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;

@Description("A service listing (菜单式服务): what an organization offers residents, where, when and for how much.")
public record Service(
        @Id @Description("The listing's id (serviceId in bookings and feedback).") @NonNull String id,
        @Description("Title, e.g. 老年助餐服务.") @NonNull String title,
        @Description("What the service is.") @NonNull String description,
        @Description("The category.") @NonNull Category category,
        @Description("The organization offering it.") @NonNull Organization organization,
        @Description("How it is delivered.") @NonNull ServiceMode mode,
        @Description("Where it is delivered or based.") String address,
        @Description("Where it is (WGS-84); null when none was given (a listing may have only a service area).") Location location,
        @Description("Metres from the `near` point (great-circle); null without `near`.") Double distanceMeters,
        @Description("Price and subsidy (null only on a draft that has none yet).") Price price,
        @Description("Who may use it.") @NonNull Eligibility eligibility,
        @Description("Places per time slot.") int capacityPerSlot,
        @Description("Length of a time slot in minutes.") int slotMinutes,
        @Description("Telephone for this service (the organization's public contact).") String contactPhone,
        @Description("Mean review rating 1–5; null before the first review.") Double ratingAverage,
        @Description("Number of reviews.") int reviewCount,
        @Description("When it was published.") OffsetDateTime publishedAt,
        @Description("When the organization last confirmed that these details are current.") @NonNull OffsetDateTime confirmedAt,
        @Description("The government purchase contract that funds it (政府购买服务), or null.") Funding funding,
        @Ignore Long regionId,
        @Ignore List<String> areaCodes,
        @Ignore ServiceParts parts,
        @Description("Lifecycle status; residents only ever see PUBLISHED.") @NonNull ListingStatus status,
        @Description("Version for optimistic locking: send it back with updates and actions.") int version)
        implements ReadAlready {

    /** Listings not confirmed for this many days are shown to residents as stale. */
    public static final int STALE_AFTER_DAYS = 180;

    /** The batched fields of ServiceApi its statement read (ServiceQueries.Part); their resolvers check nothing. */
    @Override
    public Object readAlready(String field) {
        if (field.equals("region") && regionId == null) {
            return null; // located nowhere: the resolver's answer too
        }
        Object value = switch (field) {
            case "weeklyHours" -> parts.weeklyHours();
            case "scheduleExceptions" -> parts.exceptions();
            case "region" -> parts.region();
            case "serviceArea" -> parts.serviceArea();
            default -> null;
        };
        return value == null ? ReadAlready.NOT_READ : value;
    }

    @Description("Label of the mode in the request language (到店 / 上门 / 线上).")
    @NonNull
    public String getModeLabel() {
        return Messages.label(mode);
    }

    @NonNull
    @Description("Label of the status in the request language.")
    public String getStatusLabel() {
        return Messages.label(status);
    }

    @Description("Whether a government purchase contract funds it (政府购买服务).")
    public boolean isGovernmentFunded() {
        return funding != null;
    }

    @Description("Days since the details were last confirmed (freshness).")
    public int getDaysSinceConfirmed() {
        return (int) ChronoUnit.DAYS.between(confirmedAt.toLocalDate(), LocalDate.now(Row.CHINA));
    }

    @Description("True when the details have not been confirmed for 180 days or more: they may be out of date.")
    public boolean isStale() {
        return getDaysSinceConfirmed() >= STALE_AFTER_DAYS;
    }

    @Description("Price of one use, in fen (分).")
    public record Price(
            @Description("Free, subsidized or paid.") @NonNull Pricing pricing,
            @Description("Full price of one use in fen (分, 0.01 yuan).") int priceFen,
            @Description("Government subsidy in fen.") int subsidyFen,
            @Description("Unit the price is for, e.g. 餐, 次, 小时.") String unit) {

        @Description("What the resident pays, in fen: price less subsidy.")
        public int getResidentPaysFen() {
            return priceFen - subsidyFen;
        }

        @Description("Label of the pricing in the request language.")
        @NonNull
    public String getPricingLabel() {
            return Messages.label(pricing);
        }
    }

    @Description("Who may use a service. Empty target groups: everyone of the age range.")
    public record Eligibility(
            @Description("Minimum age, inclusive; null for none.") Integer minAge,
            @Description("Maximum age, inclusive; null for none.") Integer maxAge,
            @Description("Groups it is reserved for; empty for everyone.") @NonNull List<@NonNull TargetGroup> targetGroups) {

        @Description("Labels of the target groups in the request language.")
        @NonNull
        public List<@NonNull String> getTargetGroupLabels() {
            return targetGroups.stream().map(Messages::label).toList();
        }
    }

    @Description("The contract funding a service.")
    public record Funding(
            @Description("Contract code.") String contractCode,
            @Description("What was bought.") String contractTitle,
            @Description("The government unit that bought it (采购人).") String buyerName) {
    }
}
