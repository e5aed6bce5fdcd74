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
    @Description("A tender document to publish with the procurement.")
    public record Document(@Description("Its title, at most 200 characters, e.g. 招标文件.") @NonNull String title,
            @Description("Where it is published: an http or https address, at most 500 characters.") @NonNull String url) {
    }

    @Input("CreateProcurementInput")
    @Description("An official's new procurement, in PLANNING; the buyer is the official's government unit.")
    public record Create(
            @Description("What is bought, at most 200 characters.") @NonNull String title,
            @Description("What the service is and for whom, at most 5 000 characters.") String description,
            @Description("What the service must achieve, at most 2 000 characters, e.g. 全年助餐 12 000 人次.") String serviceTargets,
            @Description("Category code of the service bought, e.g. elderly.meal.") @NonNull String categoryCode,
            @Description("Regions to be served, inside the official's jurisdiction.") @NonNull List<@NonNull String> targetRegionCodes,
            @Description("Budget in fen: 1 … 100 000 000 000 (10 亿 yuan).") long budgetFen,
            @Description("How the supplier is chosen; SINGLE_SOURCE (单一来源) skips the tender and is awarded directly.")
            @NonNull ProcurementMethod method,
            @Description("Bidders need at least this valid rating level.") RatingLevel minRatingLevel,
            @Description("A recurring service: contracts of up to 3 years (default false).") Boolean recurring,
            @Description("When bidding opens.") @NonNull OffsetDateTime tenderStart,
            @Description("When bidding closes; after tenderStart.") @NonNull OffsetDateTime tenderEnd,
            @Description("Tender documents (招标文件) to publish with it; none when absent.") List<Document> documents,
            @Description("Residents' needs the procurement answers (at most 100): each OPEN or PLANNED, about a region you govern "
                    + "inside the target regions, of the category or one related to it in the tree; they become PROCURED and "
                    + "show this procurement, and its OCDS planning.rationale cites them.") @Id List<String> needIds) {
    }

    @Input("ProcurementActionInput")
    @Description("Publish the tender, close it, or cancel the procurement (cancelling needs a reason).")
    public record Action(@Description("The procurement.") @Id @NonNull String id,
            @Description("Why it is cancelled, at most 500 characters: required by cancelProcurement, ignored otherwise.") String reason,
            @Description("Cancel as unsuccessful (流标) rather than cancelled.") Boolean unsuccessful) {
    }

    @Input("SubmitBidInput")
    @Description("An OWNER bids for the organization.")
    public record SubmitBid(@Description("The procurement, TENDERING.") @Id @NonNull String procurementId,
            @Description("Your organization (you must be its OWNER), eligible to bid.") @Id @NonNull String organizationId,
            @Description("The price offered in fen: at least 1, at most the budget.") long amountFen,
            @Description("How you would deliver, at most 5 000 characters.") String proposal) {
    }

    @Input("WithdrawBidInput")
    @Description("The live bid to withdraw.")
    public record WithdrawBid(@Description("The bid, SUBMITTED, of a procurement still TENDERING.") @Id @NonNull String bidId) {
    }

    @Input("ServiceTargetInput")
    @Description("A target, e.g. name 助餐, quantity 12000, unit 人次.")
    public record ServiceTarget(@Description("What is delivered, at most 100 characters, e.g. 助餐.") @NonNull String name,
            @Description("How many units over the term, 1 … 1 000 000 000.") long quantity,
            @Description("The unit counted, at most 20 characters, e.g. 人次.") @NonNull String unit) {
    }

    @Input("MilestoneInput")
    @Description("A payment milestone.")
    public record Milestone(@Description("What it pays for, at most 100 characters, e.g. 第1季度服务费.") @NonNull String title,
            @Description("The day it falls due.") @NonNull LocalDate dueOn,
            @Description("Amount due in fen; the milestones together at most the contract amount.") long amountFen,
            @Description("Pay only if the latest evaluation is at least 合格.") Boolean requiresPassingGrade) {
    }

    @Input("ContractTermsInput")
    @Description("The contract an award creates: term (at most 1 year, 3 for recurring services), targets, milestones.")
    public record ContractTerms(@Description("First day of the term.") @NonNull LocalDate startsOn,
            @Description("Last day of the term: not before startsOn; the term lasts at most 1 year (3 for a recurring "
                    + "service).") @NonNull LocalDate endsOn,
            @Description("What the supplier must deliver (at most 100 targets); the COMPLETION indicator measures against them.")
            List<ServiceTarget> serviceTargets,
            @Description("Payment milestones, 1 … 100.") @NonNull List<@NonNull Milestone> milestones) {
    }

    @Input("AwardInput")
    @Description("One award: a bid (or, for 单一来源, an organization), the amount (default: the bid's) and the contract.")
    public record Award(@Description("The winning bid, SUBMITTED to this procurement; required unless 单一来源.") @Id String bidId,
            @Description("For 单一来源 only (required there): the organization awarded.") @Id String organizationId,
            @Description("Amount awarded in fen (default: the bid's; required for 单一来源); the awards together at most the budget.")
            Long amountFen,
            @Description("The terms of the contract the award creates (PENDING).") @NonNull ContractTerms contract) {
    }

    @Input("AwardProcurementInput")
    @Description("Award one or more bids, with the justification.")
    public record AwardProcurement(@Description("The procurement: EVALUATING, or PLANNING for 单一来源.") @Id @NonNull String id,
            @Description("Why these were chosen (评审/单一来源理由), at most 2 000 characters; published.") @NonNull String justification,
            @Description("The awards, 1 … 100.") @NonNull List<@NonNull Award> awards) {
    }

    @Input("ContractActionInput")
    @Description("Terminate or complete a contract (terminating needs a reason).")
    public record ContractAction(@Description("The contract, ACTIVE.") @Id @NonNull String id,
            @Description("Why: required to terminate (at most 500 characters), optional to complete.") String reason) {
    }

    @Input("ActivateContractInput")
    @Description("Activate a signed contract: its signed document is announced with the contract (102号令 art. 23).")
    public record ActivateContract(
            @Description("The contract, PENDING.") @Id @NonNull String id,
            @Description("Where the signed contract document is published: an https address.") @NonNull String signedDocumentUrl,
            @Description("SHA-256 of the signed contract document, 64 hexadecimal characters.") @NonNull String signedDocumentSha256) {
    }

    @Input("RenewContractInput")
    @Description("Renew an eligible contract without a new tender: a new contract linked to it.")
    public record Renew(@Description("The contract to renew: renewalEligible and not renewed before.") @Id @NonNull String id,
            @Description("The new contract's amount in fen; with the procurement's other contracts running at the same time, "
                    + "within its budget.") long amountFen,
            @Description("The new contract's terms.") @NonNull ContractTerms contract) {
    }

    @Input("RecordPaymentInput")
    @Description("A payment against a milestone.")
    public record RecordPayment(@Description("The milestone paid.") @Id @NonNull String milestoneId,
            @Description("Amount paid in fen: at most what is unpaid of the milestone and of the contract.") long amountFen,
            @Description("The day it was paid (default: today, China Standard Time).") LocalDate paidOn) {
    }

    @Input("LinkListingToContractInput")
    @Description("Mark a listing of the organization as funded by its contract (政府购买服务).")
    public record LinkListing(@Description("The listing, of your organization.") @Id @NonNull String serviceId,
            @Description("Your organization's contract, PENDING or ACTIVE.") @Id @NonNull String contractId) {
    }
}
