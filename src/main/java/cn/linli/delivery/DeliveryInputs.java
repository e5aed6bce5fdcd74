package cn.linli.delivery;

import cn.linli.common.Location;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** What the organization console and the mini-program send about service records. */
public final class DeliveryInputs {
    private DeliveryInputs() {
    }

    @Input("RecordServiceDeliveryInput")
    @Description("A service record (服务记录): for a booking, which it completes, or for an unbooked delivery of a "
            + "contract-funded service (a 探访, a 物业 round).")
    public record Record(
            @Description("The listing delivered, of your organization.") @Id @NonNull String serviceId,
            @Id @Description("The booking served; it must be CONFIRMED (it becomes COMPLETED) or COMPLETED.") String bookingId,
            @Description("Who was served, for an unbooked delivery (a booking names its own beneficiary).") Beneficiary beneficiary,
            @NonNull @Description("When the service began; in the past.") OffsetDateTime startedAt,
            @NonNull @Description("When it ended: after the start, at most 12 hours later, not in the future.") OffsetDateTime endedAt,
            @NonNull @Description("Where the worker checked in.") Location checkIn,
            @NonNull @Description("Where the worker checked out.") Location checkOut,
            @Description("What was done, at most 1 000 characters.") String note,
            @Description("At most 9 photo links, https only.") List<String> photoUrls) {
    }

    @Input("DeliveryBeneficiaryInput")
    @Description("The person served by an unbooked delivery. Personal data: shown to the organization only.")
    public record Beneficiary(@NonNull @Description("Name, at most 40 characters.") String name,
            @Description("Age in years.") Integer age) {
    }

    @Input("ServiceDeliveryActionInput")
    @Description("A service record, by id.")
    public record Action(@Description("The service record you were served, UNCONFIRMED, within 72 hours of its recording.")
            @Id @NonNull String id) {
    }

    @Input("DisputeServiceDeliveryInput")
    @Description("The resident served says the record is wrong, and why; this opens a complaint.")
    public record Dispute(@Description("The service record you were served, UNCONFIRMED, within 72 hours of its recording.")
            @Id @NonNull String id, @NonNull @Description("At most 500 characters.") String reason) {
    }

    @Input("SpotCheckServiceDeliveryInput")
    @Description("An official's 回访抽查 of a service record.")
    public record SpotCheck(@Description("The service record, of an organization in your jurisdiction.") @Id @NonNull String id,
            @Description("What the check found.") @NonNull SpotCheckResult result,
            @Description("What the official found, at most 500 characters.") String note) {
    }
}
