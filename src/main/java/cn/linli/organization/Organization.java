package cn.linli.organization;

import cn.linli.common.Location;
import cn.linli.common.Messages;
import cn.linli.common.Row;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;

@Description("A social organization (社会组织) or other provider offering services. Its contact details are public.")
public record Organization(
        @Id @Description("The organization's id.") @NonNull String id,
        @Description("Registered name.") @NonNull String name,
        @Description("统一社会信用代码 (GB 32100).") @NonNull String creditCode,
        @Description("Legal form.") @NonNull OrganizationKind kind,
        @Description("Status on the platform.") @NonNull OrganizationStatus status,
        @Description("Street address.") String address,
        @Description("Where it is.") Location location,
        @Description("Contact person.") String contactName,
        @Description("Public contact telephone.") String contactPhone,
        @Description("What the organization does.") String description,
        @Ignore List<@NonNull String> serviceCategoryCodes,
        @Description("Registered social workers (持证社工).") int socialWorkerCount,
        @Ignore RatingLevel assessedLevel,
        @Description("Until when the rating level is valid.") LocalDate ratingExpiresOn,
        @Description("Mean resident review rating, 1–5, null before the first review.") Double ratingAverage,
        @Description("Number of resident reviews.") int reviewCount,
        @Ignore long regionId,
        @Description("Version for optimistic locking: send it back with updateOrganization.") int version,
        @Description("优秀 in a published evaluation: the badge residents see.") boolean excellentBadge,
        @Description("True when the location is not the organization's own point but its region's centroid (an imported "
                + "organization without coordinates), until the organization sets its location.") boolean approximateLocation) {

    @Description("社会组织评估等级 when it is still valid, else null.")
    public RatingLevel getRatingLevel() {
        return assessedLevel != null && ratingExpiresOn != null && !ratingExpiresOn.isBefore(LocalDate.now(Row.CHINA))
                ? assessedLevel : null;
    }

    @Description("Label of the rating level, e.g. 5A.")
    public String getRatingLevelLabel() {
        return Messages.label(getRatingLevel());
    }

    @Description("Label of the legal form in the request language.")
    @NonNull
    public String getKindLabel() {
        return Messages.label(kind);
    }

    @Description("Label of the status in the request language.")
    @NonNull
    public String getStatusLabel() {
        return Messages.label(status);
    }
}
