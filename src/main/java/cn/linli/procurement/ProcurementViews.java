package cn.linli.procurement;

import cn.linli.common.Messages;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** What the procurement API shows: public records of what was bought, from whom, for how much, and what was paid. */
public final class ProcurementViews {
    private ProcurementViews() {
    }

    @Description("A procurement (采购项目): the buyer's tender and its outcome. Public from TENDERING on.")
    public record Procurement(
            @Description("The procurement's id.") @Id @NonNull String id,
            @Description("Open Contracting ID.") @NonNull String ocid,
            @Description("What is bought, e.g. 2026年七里河区居家养老助餐服务项目.") @NonNull String title,
            @Description("What the service is and for whom; empty when the buyer gave none.") @NonNull String description,
            @Description("What the service must achieve, e.g. 全年助餐 12 000 人次.") @NonNull String serviceTargets,
            @Description("The government unit buying (采购人).") @NonNull String buyerName,
            @Ignore long buyerRegionId,
            @Description("Category code of the service bought.") @NonNull String categoryCode,
            @Description("Codes of the regions to be served.") @NonNull List<@NonNull String> targetRegionCodes,
            @Description("Budget in fen.") long budgetFen,
            @Description("How the supplier is chosen (政府采购方式).") @NonNull ProcurementMethod method,
            @Description("Minimum rating level to bid (1 … 5 for 1A … 5A), or null.") Integer minRatingLevel,
            @Description("A recurring service (contracts up to 3 years instead of 1).") boolean recurring,
            @Description("When bidding opens: bids are taken from then until tenderEnd.") @NonNull OffsetDateTime tenderStart,
            @Description("When bidding closes: after it the procurement is EVALUATING and takes no more bids.")
            @NonNull OffsetDateTime tenderEnd,
            @Description("The tender documents (招标文件) published with it.") @NonNull List<@NonNull Document> documents,
            @Description("Where the procurement stands; a TENDERING one whose tender period has ended shows as EVALUATING.")
            @NonNull ProcurementStatus status,
            @Description("Why it was cancelled or unsuccessful; null otherwise.") String statusReason,
            @Description("The award's justification (评审/单一来源理由); null before the award.") String justification,
            @Description("When the procurement last changed (a status change, the award).") @NonNull OffsetDateTime updatedAt) {

        @NonNull
        @Description("Label of the method in the request language, e.g. 公开招标.")
        public String getMethodLabel() {
            return Messages.label(method);
        }

        @NonNull
        @Description("Label of the status in the request language.")
        public String getStatusLabel() {
            return Messages.label(status);
        }
    }

    @Description("A tender document.")
    public record Document(@Description("Its title, e.g. 招标文件.") @NonNull String title,
            @Description("Where it is published: an http or https address.") @NonNull String url) {
    }

    @Description("A bid. Visible to its organization and the buyer; after the award the winning bids are public.")
    public record Bid(
            @Description("The bid's id.") @Id @NonNull String id,
            @Description("The procurement bid for.") @Id @NonNull String procurementId,
            @Description("The bidding organization.") @Id @NonNull String organizationId,
            @Description("The organization's name.") @NonNull String organizationName,
            @Description("The price offered in fen; at most the budget.") long amountFen,
            @Description("The organization's proposal (how it would deliver); empty when it gave none.") @NonNull String proposal,
            @Description("Where the bid stands.") @NonNull BidStatus status,
            @Description("When it was submitted.") @NonNull OffsetDateTime submittedAt) {
    }

    @Description("An award: who won what, for how much.")
    public record Award(
            @Description("The award's id.") @Id @NonNull String id,
            @Description("The procurement awarded.") @Id @NonNull String procurementId,
            @Description("The winning bid; null for a 单一来源 award, which has none.") @Id String bidId,
            @Description("The organization awarded (the supplier).") @Id @NonNull String organizationId,
            @Description("The supplier's name.") @NonNull String organizationName,
            @Description("The amount awarded in fen (the contract's amount).") long amountFen,
            @Description("When it was awarded.") @NonNull OffsetDateTime awardedAt) {
    }

    @Description("A service target of a contract, e.g. 12 000 meals.")
    public record ServiceTarget(@Description("What is delivered, e.g. 助餐.") @NonNull String name,
            @Description("How many units over the contract's term, e.g. 12000.") long quantity,
            @Description("The unit counted, e.g. 人次, 小时.") @NonNull String unit) {
    }

    @Description("A contract (合同) that an award created, or a renewal of one.")
    public record Contract(
            @Description("The contract's id.") @Id @NonNull String id,
            @Description("Contract code, e.g. QLH-2026-MZ-001; one made by an award or a renewal gets the procurement's ocid "
                    + "followed by -C and the id (ocds-linli0-12-C7).") @NonNull String code,
            @Description("What is bought (for one made by an award or a renewal: the procurement's title).") @NonNull String title,
            @Description("The government unit buying (采购人).") @NonNull String buyerName,
            @Description("The supplier (the organization delivering the service).") @Id @NonNull String organizationId,
            @Description("The supplier's name.") @NonNull String organizationName,
            @Description("The procurement it came from; null only for a contract recorded without one.") @Id String procurementId,
            @Description("Contract amount in fen; payments never exceed it.") long amountFen,
            @Description("First day of the term.") @NonNull LocalDate startsOn,
            @Description("Last day of the term (at most 1 year after the start, 3 for a recurring service).") @NonNull LocalDate endsOn,
            @Description("Where the contract stands.") @NonNull ContractStatus status,
            @Description("What the supplier must deliver over the term.") @NonNull List<@NonNull ServiceTarget> serviceTargets,
            @Description("The contract this one renews; null unless it is a renewal.") @Id String renewsContractId,
            @Description("Set by an 优秀 evaluation: may be renewed without a new tender.") boolean renewalEligible,
            @Description("Set by a 不合格 evaluation: no payment until lifted.") boolean paymentsWithheld,
            @Description("Grade (EXCELLENT, GOOD, PASS or FAIL) of the contract's latest published evaluation, as an "
                    + "appeal decision may have changed it; null before any.") String latestGrade,
            @Description("Total paid so far, in fen.") long paidFen,
            @Ignore long buyerRegionId) {

        @NonNull
        @Description("Label of the status in the request language.")
        public String getStatusLabel() {
            return Messages.label(status);
        }
    }

    @Description("A payment milestone of a contract.")
    public record Milestone(
            @Description("The milestone's id.") @Id @NonNull String id,
            @Ignore long contractId,
            @Description("What it pays for, e.g. 第1季度服务费.") @NonNull String title,
            @Description("The day it falls due.") @NonNull LocalDate dueOn,
            @Description("Amount due in fen.") long amountFen,
            @Description("Paid only if the latest evaluation is at least 合格.") boolean requiresPassingGrade,
            @Description("Withheld by a 不合格 evaluation.") boolean withheld,
            @Description("Paid so far against it, in fen.") long paidFen) {
    }

    @Description("A payment (an OCDS implementation transaction).")
    public record Payment(
            @Description("The payment's id.") @Id @NonNull String id,
            @Ignore long contractId,
            @Description("The milestone it pays.") @Id @NonNull String milestoneId,
            @Description("Amount paid in fen.") long amountFen,
            @Description("The day it was paid (China Standard Time).") @NonNull LocalDate paidOn,
            @Description("When the official recorded it.") @NonNull OffsetDateTime recordedAt) {
    }

    @Description("Spending of one category in a region and year.")
    public record CategorySpending(@Description("The category's code, e.g. elderly.meal.") @NonNull String categoryCode,
            @Description("The category's name in the request language.") @NonNull String categoryName,
            @Description("Budgets of the year's procurements (all but cancelled ones), summed, in fen.") long budgetFen,
            @Description("Amounts awarded on those procurements, summed, in fen.") long awardedFen,
            @Description("Amounts paid on their contracts (renewals included) so far, summed, in fen.") long paidFen) {
    }
}
