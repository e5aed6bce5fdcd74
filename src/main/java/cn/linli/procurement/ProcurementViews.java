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
            @Id @NonNull String id,
            @Description("Open Contracting ID.") @NonNull String ocid,
            @NonNull String title,
            @NonNull String description,
            @Description("What the service must achieve, e.g. 全年助餐 12 000 人次.") @NonNull String serviceTargets,
            @Description("The government unit buying (采购人).") @NonNull String buyerName,
            @Ignore long buyerRegionId,
            @Description("Category code of the service bought.") @NonNull String categoryCode,
            @Description("Codes of the regions to be served.") @NonNull List<String> targetRegionCodes,
            @Description("Budget in fen.") long budgetFen,
            @NonNull ProcurementMethod method,
            @Description("Minimum rating level to bid (1 … 5 for 1A … 5A), or null.") Integer minRatingLevel,
            @Description("A recurring service (contracts up to 3 years instead of 1).") boolean recurring,
            @NonNull OffsetDateTime tenderStart,
            @NonNull OffsetDateTime tenderEnd,
            @NonNull List<Document> documents,
            @NonNull ProcurementStatus status,
            @Description("Why it was cancelled or unsuccessful.") String statusReason,
            @Description("The award's justification (评审/单一来源理由).") String justification,
            @NonNull OffsetDateTime updatedAt) {

        @NonNull
        public String getMethodLabel() {
            return Messages.label(method);
        }

        @NonNull
        public String getStatusLabel() {
            return Messages.label(status);
        }
    }

    @Description("A tender document.")
    public record Document(@NonNull String title, @NonNull String url) {
    }

    @Description("A bid. Visible to its organization and the buyer; after the award the winning bids are public.")
    public record Bid(
            @Id @NonNull String id,
            @Id @NonNull String procurementId,
            @Id @NonNull String organizationId,
            @Description("The organization's name.") @NonNull String organizationName,
            long amountFen,
            @NonNull String proposal,
            @NonNull BidStatus status,
            @NonNull OffsetDateTime submittedAt) {
    }

    @Description("An award: who won what, for how much.")
    public record Award(
            @Id @NonNull String id,
            @Id @NonNull String procurementId,
            @Id String bidId,
            @Id @NonNull String organizationId,
            @NonNull String organizationName,
            long amountFen,
            @NonNull OffsetDateTime awardedAt) {
    }

    @Description("A service target of a contract, e.g. 12 000 meals.")
    public record ServiceTarget(@NonNull String name, long quantity, @NonNull String unit) {
    }

    @Description("A contract (合同) that an award created, or a renewal of one.")
    public record Contract(
            @Id @NonNull String id,
            @NonNull String code,
            @NonNull String title,
            @NonNull String buyerName,
            @Id @NonNull String organizationId,
            @NonNull String organizationName,
            @Id String procurementId,
            long amountFen,
            @NonNull LocalDate startsOn,
            @NonNull LocalDate endsOn,
            @NonNull ContractStatus status,
            @NonNull List<ServiceTarget> serviceTargets,
            @Description("The contract this one renews.") @Id String renewsContractId,
            @Description("Set by an 优秀 evaluation: may be renewed without a new tender.") boolean renewalEligible,
            @Description("Set by a 不合格 evaluation: no payment until lifted.") boolean paymentsWithheld,
            @Description("Grade of the latest published evaluation, if any.") String latestGrade,
            @Description("Total paid so far, in fen.") long paidFen,
            @Ignore long buyerRegionId) {

        @NonNull
        public String getStatusLabel() {
            return Messages.label(status);
        }
    }

    @Description("A payment milestone of a contract.")
    public record Milestone(
            @Id @NonNull String id,
            @Ignore long contractId,
            @NonNull String title,
            @NonNull LocalDate dueOn,
            long amountFen,
            @Description("Paid only if the latest evaluation is at least 合格.") boolean requiresPassingGrade,
            @Description("Withheld by a 不合格 evaluation.") boolean withheld,
            @Description("Paid so far against it, in fen.") long paidFen) {
    }

    @Description("A payment (an OCDS implementation transaction).")
    public record Payment(
            @Id @NonNull String id,
            @Ignore long contractId,
            @Id @NonNull String milestoneId,
            long amountFen,
            @NonNull LocalDate paidOn,
            @NonNull OffsetDateTime recordedAt) {
    }

    @Description("Spending of one category in a region and year.")
    public record CategorySpending(@NonNull String categoryCode, @NonNull String categoryName, long budgetFen, long awardedFen,
            long paidFen) {
    }
}
