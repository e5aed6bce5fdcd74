package cn.linli.delivery;

import org.eclipse.microprofile.graphql.Ignore;
import cn.linli.common.Location;
import cn.linli.common.PageInfo;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ServiceDelivery")
@Description("A service record (服务记录): who was served, when and where, and whether the person served confirmed it. "
        + "The beneficiary, the check-in and check-out points and the photos are personal data: the organization and the "
        + "resident served see them, officials see whether the record was on site and the rest.")
public record ServiceDelivery(
        @Description("The record's id.") @Id @NonNull String id,
        @Description("The service listing delivered.") @Id @NonNull String serviceId,
        @Description("The organization that delivered it and recorded it.") @Id @NonNull String organizationId,
        @Id @Description("The contract funding the service when it was delivered, if any.") String contractId,
        @Id @Description("The booking it served, if any.") String bookingId,
        @Description("Who was served (organization and resident only).") String beneficiaryName,
        @Description("Their age (organization and resident only).") Integer beneficiaryAge,
        @Description("When the service began.") @NonNull OffsetDateTime startedAt,
        @Description("When it ended (at most 12 hours after it began).") @NonNull OffsetDateTime endedAt,
        @Description("Where the worker checked in (organization and resident only).") Location checkIn,
        @Description("Where the worker checked out (organization and resident only).") Location checkOut,
        @Description("Metres from the listing's address to the check-in, when the listing has an address.") Integer checkInDistanceMeters,
        @Description("Checked in farther than 500 m from the listing's address (or, for home visits, outside the area it "
                + "serves): kept, but flagged.") boolean offSite,
        @Description("What was done, as the organization wrote it; null when it wrote nothing.") String note,
        @Description("Photo links (organization and resident only).") @NonNull List<@NonNull String> photoUrls,
        @Description("When the organization recorded it.") @NonNull OffsetDateTime recordedAt,
        @Description("What the resident served said about it.") @NonNull Confirmation confirmation,
        @Description("When the resident confirmed or disputed it; null while UNCONFIRMED.") OffsetDateTime confirmedAt,
        @Description("Until when the resident served may confirm or dispute it (72 hours after it was recorded); null for an "
                + "unbooked delivery, which no resident account answers.")
        OffsetDateTime confirmableUntil,
        @Description("Why the resident disputed it; null unless DISPUTED.") String disputeReason,
        @Id @Description("The complaint a dispute opened; null unless DISPUTED.") String complaintId,
        @Description("What an official's 回访抽查 found, if one was made.") SpotCheckResult spotCheck,
        @Description("What the official noted at the spot check; null without one.") String spotCheckNote,
        @Description("When the spot check was recorded; null without one.") OffsetDateTime spotCheckedAt,
        @Description("Counts as evidence of delivery (COMPLETION): confirmed by the resident or by a spot check, and not "
                + "found missing by one.") boolean verified) {

    @Type("ServiceDeliveryConnection")
    @Description("A page of service records, newest first.")
    public record Connection(@Description("The records of this page, newest first.") @NonNull List<@NonNull Edge> edges,
            @Description("Whether more pages follow, and the cursor to continue from.") @NonNull PageInfo pageInfo,
            @Ignore java.util.function.IntSupplier total) {
        @Type("ServiceDeliveryEdge")
        @Description("A service record and its cursor.")
        public record Edge(@Description("Opaque cursor of this record: pass it as `after` for the ones after it.") @NonNull String cursor,
                @Description("The service record.") @NonNull ServiceDelivery node) {
        }
    }

    @Type("DeliveryCounts")
    @Description("A contract's service records as numbers (never the persons): public.")
    public record Counts(@Description("Records of the contract's services.") int delivered,
            @Description("Confirmed by the resident served.") int confirmed,
            @Description("Disputed by the resident served.") int disputed,
            @Description("Counting as evidence (confirmed, or spot-checked as delivered).") int verified,
            @Description("Flagged as checked in off site.") int offSite) {
    }
}
