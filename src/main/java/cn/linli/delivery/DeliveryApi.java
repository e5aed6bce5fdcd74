package cn.linli.delivery;

import cn.linli.common.ApiErrors;
import cn.linli.procurement.ProcurementViews.Contract;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** Service records over GraphQL: the rules are in {@link DeliveryService}. */
@GraphQLApi
@ApiErrors
public class DeliveryApi {
    @Inject
    DeliveryService deliveries;

    @Mutation("recordServiceDelivery")
    @Description("Organization member: record a delivered service (服务记录) for a booking, which it completes, or for an "
            + "unbooked delivery of a service funded by an ACTIVE contract. Times in the past, the end after the start, at "
            + "most 12 h; a check-in farther than 500 m from the listing's address (or outside its service area for home "
            + "visits) is kept but flagged offSite; at most 9 https photo links.")
    public ServiceDelivery recordServiceDelivery(
            @Name("input") @Description("The service, the booking or the person served, the times, the points and the photos.") @NonNull DeliveryInputs.Record input) {
        return deliveries.record(input);
    }

    @Mutation("confirmServiceDelivery")
    @Description("The resident served: confirm the record, within 72 hours of its recording; silence stays unconfirmed.")
    public ServiceDelivery confirmServiceDelivery(
            @Name("input") @Description("The record you were served.") @NonNull DeliveryInputs.Action input) {
        return deliveries.confirm(input);
    }

    @Mutation("disputeServiceDelivery")
    @Description("The resident served: dispute the record within 72 hours, with the reason; this opens a COMPLAINT.")
    public ServiceDelivery disputeServiceDelivery(
            @Name("input") @Description("The record you were served and why it is wrong.") @NonNull DeliveryInputs.Dispute input) {
        return deliveries.dispute(input);
    }

    @Mutation("spotCheckServiceDelivery")
    @Description("Official over the organization's region: record a 回访抽查 of a service record.")
    public ServiceDelivery spotCheckServiceDelivery(
            @Name("input") @Description("The record, what the check found and a note.") @NonNull DeliveryInputs.SpotCheck input) {
        return deliveries.spotCheck(input);
    }

    @Query("serviceDelivery")
    @Description("One service record: for the resident served, the organization's members and officials over its region "
            + "(without personal data); NOT_FOUND for anyone else.")
    public ServiceDelivery serviceDelivery(
            @Name("id") @Description("The record's id; NOT_FOUND when unknown or not yours to see.") @NonNull @Id String id) {
        return deliveries.one(id);
    }

    @Query("organizationServiceDeliveries")
    @Description("The organization's service records, newest first: members; officials over its region (without personal data).")
    @NonNull
    public ServiceDelivery.Connection organizationServiceDeliveries(
            @Name("organizationId") @Description("The organization: yours, or one in your jurisdiction (FORBIDDEN otherwise).")
            @NonNull @Id String organizationId,
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts (a previous page's endCursor).") String after) {
        return deliveries.ofOrganization(organizationId, first, after);
    }

    @Query("myServiceDeliveries")
    @Description("Resident: the service records of the services you were served, newest first, to confirm or dispute.")
    @NonNull
    public ServiceDelivery.Connection myServiceDeliveries(
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts (a previous page's endCursor).") String after) {
        return deliveries.mine(first, after);
    }

    @Description("The contract's service records as numbers (delivered, confirmed, disputed): public, never the persons.")
    @NonNull
    public List<ServiceDelivery.Counts> deliveries(@Source List<Contract> contracts) {
        return deliveries.counts(contracts.stream().map(c -> Long.parseLong(c.id())).toList());
    }

    // a source field: counted on a worker thread, and only when asked for
    @Description("How many service records match the filter in all, over every page (the caller may see) (counted only when asked for).")
    public int totalCount(@Source ServiceDelivery.Connection page) {
        return page.total().getAsInt();
    }
}
