package cn.linli.evaluation;

import cn.linli.common.Messages;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** What the evaluation API shows. */
public final class EvaluationViews {
    private EvaluationViews() {
    }

    @Description("An evaluation template: weighted indicators summing to 100. Versioned.")
    public record Template(@Description("The id of this version.") @Id @NonNull String id,
            @Description("Its name, e.g. 七里河区政府购买养老服务考核.") @NonNull String name,
            @Description("Version within its family: 1 for the first, one more for each new version.") int version,
            @Description("The weighted indicators, in the template's order; their weights sum to 100.") @NonNull List<@NonNull Indicator> indicators,
            @Description("The region whose officials made it; cycles of that region and the regions within it may use it.")
            @NonNull String regionCode,
            @Description("The id of the template's first version, shared by all its versions.") @Id @NonNull String familyId,
            @Description("When this version was made.") @NonNull OffsetDateTime createdAt) {
    }

    @Description("An indicator of a template.")
    public record Indicator(@Description("The indicator's id (scores name it).") @Id @NonNull String id,
            @Description("What it measures, e.g. 居民满意度.") @NonNull String name,
            @Description("Scored by an evaluator (MANUAL) or computed from the period's data.") @NonNull IndicatorKind kind,
            @Description("Its weight in the total, in percent (the template's weights sum to 100).") int weight) {
    }

    @Description("An evaluation cycle: a period, a region (and category) scope, a template version, thresholds and policy.")
    public record Cycle(
            @Description("The cycle's id.") @Id @NonNull String id,
            @Description("Its name, e.g. 2026年度政府购买服务考核.") @NonNull String name,
            @Description("First day of the period evaluated.") @NonNull LocalDate periodStart,
            @Description("Last day of the period evaluated; computed indicators use the data of the period only.")
            @NonNull LocalDate periodEnd,
            @Description("The region in scope: the contracts evaluated were ACTIVE, with a buyer in it or below it, when the "
                    + "cycle opened.") @NonNull String regionCode,
            @Description("Only contracts of procurements in this category or below it; null for every category.") String categoryCode,
            @Description("The template version the evaluations are scored with.") @NonNull Template template,
            @Description("The grade thresholds the cycle grades with.") @NonNull Policy.Thresholds thresholds,
            @Description("What a 不合格 grade does under this cycle, and the appeal window.") @NonNull Policy policy,
            @Description("Where the cycle stands.") @NonNull CycleStatus status,
            @Description("When it was published (the appeal window runs from then); null before.") OffsetDateTime publishedAt,
            @Ignore long regionId) {
    }

    @Description("The evaluation of one contract in a cycle. Totals, grades and ranks are public once published.")
    public record Evaluation(
            @Description("The evaluation's id.") @Id @NonNull String id,
            @Description("The cycle it belongs to.") @Id @NonNull String cycleId,
            @Description("The contract evaluated.") @Id @NonNull String contractId,
            @Description("The supplier of the contract.") @Id @NonNull String organizationId,
            @Description("The supplier's name.") @NonNull String organizationName,
            @Description("Weighted total 0–100 (null until the cycle is published).") Double total,
            @Description("The grade by the cycle's thresholds; null until the cycle is published.") Grade grade,
            @Description("Rank by total (1 = best): in the whole cycle, or, from rankings, among the evaluations of the "
                    + "requested region and category (equal totals share a rank).") Integer rank,
            @Description("Changes only through an appeal decision.") int version,
            @Ignore long regionId,
            @Ignore CycleStatus cycleStatus) {

        @Description("Label of the grade in the request language (优秀, 良好, 合格, 不合格); null without a grade.")
        public String getGradeLabel() {
            return grade == null ? null : Messages.label(grade);
        }

        Evaluation withRank(Integer newRank) {
            return new Evaluation(id, cycleId, contractId, organizationId, organizationName, total, grade, newRank, version, regionId,
                    cycleStatus);
        }

        boolean published() {
            return cycleStatus == CycleStatus.PUBLISHED;
        }
    }

    @Description("A score of an indicator. Manual comments are shown to officials and the organization only.")
    public record Score(
            @Description("The indicator scored.") @Id @NonNull String indicatorId,
            @Description("The indicator's name.") @NonNull String indicatorName,
            @Description("Scored by an evaluator (MANUAL) or computed.") @NonNull IndicatorKind kind,
            @Description("The indicator's weight in the total, in percent.") int weight,
            @Description("The score, 0–100.") double score,
            @Description("The evaluator's comment on a MANUAL score: for officials over the cycle's region, the organization's "
                    + "members and the assigned evaluators only (null for anyone else, and for computed indicators).") String comment,
            @Description("For computed indicators: the inputs, as JSON, so anyone can recompute them.") String inputs) {
    }

    @Description("An outcome applied by publishing or an appeal decision (优胜劣汰).")
    public record Outcome(@Description("What was done.") @NonNull OutcomeKind kind,
            @Description("What it changed, as JSON with the keys OutcomeKind names for the kind; lifting restores exactly that.")
            @NonNull String detail,
            @Description("When it was applied.") @NonNull OffsetDateTime appliedAt,
            @Description("When an appeal decision lifted it; null unless lifted.") OffsetDateTime liftedAt) {
    }

    @Description("An appeal (复核) against a published evaluation.")
    public record Appeal(
            @Description("The appeal's id.") @Id @NonNull String id,
            @Description("The evaluation appealed against.") @Id @NonNull String evaluationId,
            @Description("Why the organization contests it.") @NonNull String reasons,
            @Description("Where the appeal stands.") @NonNull AppealStatus status,
            @Description("Why the official decided so; null while PENDING.") String decisionReason,
            @Description("The new total (0–100) a CHANGED decision gave; null otherwise.") Double newTotal,
            @Description("When it was filed.") @NonNull OffsetDateTime filedAt,
            @Description("When it was decided; null while PENDING.") OffsetDateTime decidedAt) {
    }

    @Description("Coverage of one community for a category (15分钟社区生活圈). A published service of the category serves the "
            + "community when it is located within 1 500 m of the community's centre (any mode), or when it is a HOME_VISIT "
            + "(上门) or ONLINE (线上) service whose service area names the community or a region containing it (a grid "
            + "alone does not cover the whole community).")
    public record CommunityCoverage(
            @Description("The community's region code.") @NonNull String regionCode,
            @Description("The community's name.") @NonNull String name,
            @Description("Published services serving it: located within 1 500 m, or covering it through their service area.") int services,
            @Description("HOME_VISIT and ONLINE services among them that cover it through their service area.") int areaServices,
            @Description("Their places per slot, summed.") int capacity,
            @Description("Their places per week: for each serving service, places per slot × slots of its weekly opening hours "
                    + "(each range holds ⌊(closes − opens) / slot length⌋ slots; dated exceptions are not counted), summed. "
                    + "A service without weekly hours adds none.") int weeklyCapacity,
            @Description("Residents living there (null: not recorded).") Integer population,
            @Description("Residents aged 60 or more (null: not recorded).") Integer aged60Plus,
            @Description("Children aged 0–3 (null: not recorded).") Integer children0To3,
            @Description("Children aged 3–12 (null: not recorded).") Integer children3To12,
            @Description("Whom the category serves: residents aged 60+ for 养老 (elderly), children aged 0–3 for 托育 "
                    + "(childcare), the whole population otherwise.") @NonNull ServedGroup servedGroup,
            @Description("How many people of the served group live there (null: the figure is not recorded).") Integer servedPeople,
            @Description("Weekly places per 1 000 people of the served group: weeklyCapacity × 1000 / servedPeople (null "
                    + "without a figure, or none living there).") Double capacityPer1000,
            @Description("OPEN needs of the category (and its descendants) residents submitted for the community or its grids.") int openNeeds,
            @Description("Metres from the community's centre to the nearest published service (null: none located).") Double nearestServiceMeters,
            @Description("No service located within 1 500 m and no service area covering it.") boolean noService,
            @Description("capacityPer1000 is under the request's minCapacityPer1000 (false without a threshold or a figure).")
            boolean belowCapacityThreshold,
            @Description("A gap to fill: noService, or belowCapacityThreshold.") boolean gap) {
    }

    @Description("The people a category serves, for capacity per 1 000.")
    public enum ServedGroup {
        @Description("Residents aged 60 or more (养老)") AGED_60_PLUS,
        @Description("Children aged 0–3 (托育)") CHILDREN_0_TO_3,
        @Description("The whole resident population") POPULATION
    }

    @Description("A page of evaluation cycles, the latest period first.")
    public record CycleConnection(@Description("The cycles of this page, the latest period first.") @NonNull List<@NonNull CycleEdge> edges,
            @Description("Whether more pages follow, and the cursor to continue from.") @NonNull cn.linli.common.PageInfo pageInfo,
            @Ignore java.util.function.IntSupplier total) {
    }

    @Description("An evaluation cycle and its cursor.")
    public record CycleEdge(@Description("Opaque cursor of this cycle: pass it as `after` for the ones after it.") @NonNull String cursor,
            @Description("The cycle.") @NonNull Cycle node) {
    }

    @Description("A page of appeals, the longest waiting first.")
    public record AppealConnection(@Description("The appeals of this page, the longest waiting first.") @NonNull List<@NonNull AppealEdge> edges,
            @Description("Whether more pages follow, and the cursor to continue from.") @NonNull cn.linli.common.PageInfo pageInfo,
            @Ignore java.util.function.IntSupplier total) {
    }

    @Description("An appeal and its cursor.")
    public record AppealEdge(@Description("Opaque cursor of this appeal: pass it as `after` for the ones after it.") @NonNull String cursor,
            @Description("The appeal.") @NonNull Appeal node) {
    }

    @Description("A page of evaluations.")
    public record EvaluationConnection(@Description("The evaluations of this page, newest first.") @NonNull List<@NonNull EvaluationEdge> edges,
            @Description("Whether more pages follow, and the cursor to continue from.") @NonNull cn.linli.common.PageInfo pageInfo,
            @Ignore java.util.function.IntSupplier total) {
    }

    @Description("An evaluation and its cursor.")
    public record EvaluationEdge(
            @Description("Opaque cursor of this evaluation: pass it as `after` for the ones after it.") @NonNull String cursor,
            @Description("The evaluation.") @NonNull Evaluation node) {
    }
}
