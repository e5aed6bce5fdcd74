package cn.linli.procurement;

import cn.linli.organization.RatingLevel;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs of the procurement mutations. */
public final class ProcurementInputs {
    private ProcurementInputs() {
    }

    @Input("DocumentInput")
    public record Document(@NonNull String title, @NonNull String url) {
    }

    @Input("CreateProcurementInput")
    @Description("An official's new procurement, in PLANNING; the buyer is the official's government unit.")
    public record Create(
            @NonNull String title,
            String description,
            @Description("What the service must achieve.") String serviceTargets,
            @NonNull String categoryCode,
            @Description("Regions to be served, inside the official's jurisdiction.") @NonNull List<String> targetRegionCodes,
            @Description("Budget in fen.") long budgetFen,
            @NonNull ProcurementMethod method,
            @Description("Bidders need at least this valid rating level.") RatingLevel minRatingLevel,
            @Description("A recurring service: contracts of up to 3 years (default false).") Boolean recurring,
            @NonNull OffsetDateTime tenderStart,
            @NonNull OffsetDateTime tenderEnd,
            List<Document> documents,
            @Description("Residents' needs the procurement answers (at most 100): each OPEN or PLANNED, about a region you govern "
                    + "inside the target regions, of the category or one related to it in the tree; they become PROCURED and "
                    + "show this procurement, and its OCDS planning.rationale cites them.") @Id List<String> needIds) {
    }

    @Input("ProcurementActionInput")
    @Description("Publish the tender, close it, or cancel the procurement (cancelling needs a reason).")
    public record Action(@Id @NonNull String id, String reason, @Description("Cancel as unsuccessful (流标) rather than cancelled.") Boolean unsuccessful) {
    }

    @Input("SubmitBidInput")
    @Description("An OWNER bids for the organization.")
    public record SubmitBid(@Id @NonNull String procurementId, @Id @NonNull String organizationId, long amountFen, String proposal) {
    }

    @Input("WithdrawBidInput")
    public record WithdrawBid(@Id @NonNull String bidId) {
    }

    @Input("ServiceTargetInput")
    @Description("A target, e.g. name 助餐, quantity 12000, unit 人次.")
    public record ServiceTarget(@NonNull String name, long quantity, @NonNull String unit) {
    }

    @Input("MilestoneInput")
    @Description("A payment milestone.")
    public record Milestone(@NonNull String title, @NonNull LocalDate dueOn, long amountFen,
            @Description("Pay only if the latest evaluation is at least 合格.") Boolean requiresPassingGrade) {
    }

    @Input("ContractTermsInput")
    @Description("The contract an award creates: term (at most 1 year, 3 for recurring services), targets, milestones.")
    public record ContractTerms(@NonNull LocalDate startsOn, @NonNull LocalDate endsOn, List<ServiceTarget> serviceTargets,
            @NonNull List<Milestone> milestones) {
    }

    @Input("AwardInput")
    @Description("One award: a bid (or, for 单一来源, an organization), the amount (default: the bid's) and the contract.")
    public record Award(@Id String bidId, @Id String organizationId, Long amountFen, @NonNull ContractTerms contract) {
    }

    @Input("AwardProcurementInput")
    @Description("Award one or more bids, with the justification.")
    public record AwardProcurement(@Id @NonNull String id, @NonNull String justification, @NonNull List<Award> awards) {
    }

    @Input("ContractActionInput")
    @Description("Terminate or complete a contract (terminating needs a reason).")
    public record ContractAction(@Id @NonNull String id, String reason) {
    }

    @Input("ActivateContractInput")
    @Description("Activate a signed contract: its signed document is announced with the contract (102号令 art. 23).")
    public record ActivateContract(
            @Id @NonNull String id,
            @Description("Where the signed contract document is published: an https address.") @NonNull String signedDocumentUrl,
            @Description("SHA-256 of the signed contract document, 64 hexadecimal characters.") @NonNull String signedDocumentSha256) {
    }

    @Input("RenewContractInput")
    @Description("Renew an eligible contract without a new tender: a new contract linked to it.")
    public record Renew(@Id @NonNull String id, long amountFen, @NonNull ContractTerms contract) {
    }

    @Input("RecordPaymentInput")
    @Description("A payment against a milestone.")
    public record RecordPayment(@Id @NonNull String milestoneId, long amountFen, LocalDate paidOn) {
    }

    @Input("LinkListingToContractInput")
    @Description("Mark a listing of the organization as funded by its contract (政府购买服务).")
    public record LinkListing(@Id @NonNull String serviceId, @Id @NonNull String contractId) {
    }
}
