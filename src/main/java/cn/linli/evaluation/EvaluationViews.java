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
    public record Template(@Id @NonNull String id, @NonNull String name, int version, @NonNull List<Indicator> indicators,
            @Description("The region whose officials made it; cycles of that region and the regions within it may use it.")
            @NonNull String regionCode,
            @Description("The id of the template's first version, shared by all its versions.") @Id @NonNull String familyId,
            @Description("When this version was made.") @NonNull OffsetDateTime createdAt) {
    }

    @Description("An indicator of a template.")
    public record Indicator(@Id @NonNull String id, @NonNull String name, @NonNull IndicatorKind kind, int weight) {
    }

    @Description("An evaluation cycle: a period, a region (and category) scope, a template version, thresholds and policy.")
    public record Cycle(
            @Id @NonNull String id,
            @NonNull String name,
            @NonNull LocalDate periodStart,
            @NonNull LocalDate periodEnd,
            @NonNull String regionCode,
            String categoryCode,
            @NonNull Template template,
            @Description("Grade thresholds as JSON, e.g. {\"excellent\":90,\"good\":80,\"pass\":60}.") @NonNull String thresholds,
            @Description("Outcome policy as JSON (barMonths, appealDays …).") @NonNull String policy,
            @NonNull CycleStatus status,
            OffsetDateTime publishedAt,
            @Ignore long regionId) {
    }

    @Description("The evaluation of one contract in a cycle. Totals, grades and ranks are public once published.")
    public record Evaluation(
            @Id @NonNull String id,
            @Id @NonNull String cycleId,
            @Id @NonNull String contractId,
            @Id @NonNull String organizationId,
            @NonNull String organizationName,
            @Description("Weighted total 0–100 (null until computed).") Double total,
            Grade grade,
            @Description("Rank by total (1 = best): in the whole cycle, or, from rankings, among the evaluations of the "
                    + "requested region and category (equal totals share a rank).") Integer rank,
            @Description("Changes only through an appeal decision.") int version,
            @Ignore long regionId,
            @Ignore CycleStatus cycleStatus) {

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
            @Id @NonNull String indicatorId,
            @NonNull String indicatorName,
            @NonNull IndicatorKind kind,
            int weight,
            double score,
            String comment,
            @Description("For computed indicators: the inputs, as JSON, so anyone can recompute them.") String inputs) {
    }

    @Description("An outcome applied by publishing or an appeal decision (优胜劣汰).")
    public record Outcome(@NonNull OutcomeKind kind, @NonNull String detail, @NonNull OffsetDateTime appliedAt, OffsetDateTime liftedAt) {
    }

    @Description("An appeal (复核) against a published evaluation.")
    public record Appeal(
            @Id @NonNull String id,
            @Id @NonNull String evaluationId,
            @NonNull String reasons,
            @NonNull AppealStatus status,
            String decisionReason,
            Double newTotal,
            @NonNull OffsetDateTime filedAt,
            OffsetDateTime decidedAt) {
    }

    @Description("Coverage of one community for a category (15分钟社区生活圈). A published service of the category serves the "
            + "community when it is located within 1 500 m of the community's centre (any mode), or when it is a HOME_VISIT "
            + "(上门) or ONLINE (线上) service whose service area names the community or a region containing it (a grid "
            + "alone does not cover the whole community).")
    public record CommunityCoverage(
            @NonNull String regionCode,
            @NonNull String name,
            @Description("Published services serving it: located within 1 500 m, or covering it through their service area.") int services,
            @Description("HOME_VISIT and ONLINE services among them that cover it through their service area.") int areaServices,
            @Description("Their places per slot, summed.") int capacity,
            @Description("Their places per week: for each serving service, places per slot × slots of its weekly opening hours "
                    + "(each range holds ⌊(closes − opens) / slot length⌋ slots; dated exceptions are not counted), summed. "
                    + "A service without weekly hours adds none.") int weeklyCapacity,
            Integer population,
            Integer aged60Plus,
            Integer children0To3,
            Integer children3To12,
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
    public record CycleConnection(@NonNull List<CycleEdge> edges, @NonNull cn.linli.common.PageInfo pageInfo,
            @Ignore java.util.function.IntSupplier total) {
    }

    @Description("An evaluation cycle and its cursor.")
    public record CycleEdge(@NonNull String cursor, @NonNull Cycle node) {
    }

    @Description("A page of appeals, the longest waiting first.")
    public record AppealConnection(@NonNull List<AppealEdge> edges, @NonNull cn.linli.common.PageInfo pageInfo,
            @Ignore java.util.function.IntSupplier total) {
    }

    @Description("An appeal and its cursor.")
    public record AppealEdge(@NonNull String cursor, @NonNull Appeal node) {
    }

    @Description("A page of evaluations.")
    public record EvaluationConnection(@NonNull List<EvaluationEdge> edges, @NonNull cn.linli.common.PageInfo pageInfo,
            @Ignore java.util.function.IntSupplier total) {
    }

    @Description("An evaluation and its cursor.")
    public record EvaluationEdge(@NonNull String cursor, @NonNull Evaluation node) {
    }
}
