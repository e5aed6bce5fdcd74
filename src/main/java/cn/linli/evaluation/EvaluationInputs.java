package cn.linli.evaluation;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs of the evaluation mutations. */
public final class EvaluationInputs {
    private EvaluationInputs() {
    }

    @Input("IndicatorInput")
    @Description("An indicator of a new template.")
    public record Indicator(@Description("What it measures, at most 100 characters, e.g. 居民满意度.") @NonNull String name,
            @Description("Scored by an evaluator (MANUAL) or computed from the period's data.") @NonNull IndicatorKind kind,
            @Description("Its weight in percent, at least 1; the template's weights sum to exactly 100.") int weight) {
    }

    @Input("CreateEvaluationTemplateInput")
    @Description("Weighted indicators summing to 100. Give basedOnTemplateId to make a new version of a template.")
    public record CreateTemplate(@Description("The template's name, at most 100 characters.") @NonNull String name,
            @Description("The indicators in order, at least one, weights summing to 100.") @NonNull List<@NonNull Indicator> indicators,
            @Description("A template of a region you govern: the new one becomes the next version of its family (VALIDATION "
                    + "when unknown or not yours). None: a new family, version 1.") @Id String basedOnTemplateId) {
    }

    @Input("ThresholdsInput")
    @Description("Grade thresholds (default 90 / 80 / 60).")
    public record Thresholds(@Description("Lowest total for 优秀 (EXCELLENT), at most 100.") int excellent,
            @Description("Lowest total for 良好 (GOOD), below excellent.") int good,
            @Description("Lowest total for 合格 (PASS), below good and above 0; lower totals are 不合格.") int pass) {
    }

    @Input("OutcomePolicyInput")
    @Description("What publishing does (defaults in brackets).")
    public record Policy(
            @Description("不合格: withhold the contract's unpaid milestones [true].") Boolean withholdPayments,
            @Description("不合格: pause the contract's funded listings [true].") Boolean pauseListings,
            @Description("不合格: bar the organization from bidding for this many months, 0 … 120 (0: no bar) [12].") Integer barMonths,
            @Description("不合格 twice in a row: deregister the organization [true].") Boolean deregisterOnSecondFail,
            @Description("Days after publishing within which an appeal may be filed, 1 … 90 [15].") Integer appealDays) {
    }

    @Input("OpenEvaluationCycleInput")
    @Description("Open a cycle: one evaluation per ACTIVE contract in scope.")
    public record OpenCycle(@Description("The cycle's name, at most 100 characters, e.g. 2026年度政府购买服务考核.") @NonNull String name,
            @Description("First day of the period evaluated.") @NonNull LocalDate periodStart,
            @Description("Last day of the period evaluated, not before periodStart.") @NonNull LocalDate periodEnd,
            @Description("A region you govern: its ACTIVE contracts (buyer in it or below it) are evaluated.") @NonNull String regionCode,
            @Description("Only contracts of procurements in this category or below it (none: every category).") String categoryCode,
            @Description("The template to score with: one of the region or a region above it, or one made in your jurisdiction.")
            @Id @NonNull String templateId,
            @Description("Grade thresholds (default 90 / 80 / 60).") Thresholds thresholds,
            @Description("What publishing does (defaults when absent).") Policy policy) {
    }

    @Input("AssignEvaluatorInput")
    @Description("Who scores an evaluation (第三方评估).")
    public record Assign(@Description("The evaluation.") @Id @NonNull String evaluationId,
            @Description("The evaluator's token subject; registered with registerEvaluator.") @NonNull String evaluatorSubject) {
    }

    @Input("ScoreInput")
    @Description("A score of one MANUAL indicator; scoring it again replaces the score.")
    public record Score(@Description("A MANUAL indicator of the cycle's template.") @Id @NonNull String indicatorId,
            @Description("The score, 0–100.") double score,
            @Description("Why this score, required, at most 1 000 characters.") String comment) {
    }

    @Input("ScoreEvaluationInput")
    @Description("The assigned evaluator scores MANUAL indicators 0–100 with comments, while the cycle is SCORING.")
    public record ScoreEvaluation(@Description("An evaluation assigned to you.") @Id @NonNull String evaluationId,
            @Description("The scores to record.") @NonNull List<@NonNull Score> scores) {
    }

    @Input("EvaluationCycleActionInput")
    @Description("A cycle to move on (close scoring, publish).")
    public record CycleAction(@Description("The cycle.") @Id @NonNull String cycleId) {
    }

    @Input("AppealEvaluationInput")
    @Description("An appeal (复核) by the organization's OWNER.")
    public record Appeal(@Description("The evaluation, of a PUBLISHED cycle, within its appeal window; one pending appeal at a time.")
            @Id @NonNull String evaluationId,
            @Description("Why the organization contests it, at most 2 000 characters.") @NonNull String reasons) {
    }

    @Input("DecideAppealInput")
    @Description("UPHELD: the grade stands. CHANGED: a new total (and so grade); outcomes are re-applied.")
    public record Decide(@Description("The appeal, PENDING.") @Id @NonNull String appealId,
            @Description("UPHELD or CHANGED.") @NonNull AppealDecision decision,
            @Description("The new total, 0–100: required for CHANGED, ignored for UPHELD.") Double newTotal,
            @Description("Why, at most 2 000 characters; shown as the appeal's decisionReason.") @NonNull String reason) {
    }

    @Input("EvaluationCycleFilter")
    @Description("Which evaluation cycles: all fields optional and ANDed.")
    public record CycleFilter(
            @Description("Cycles of this region and of the regions within it.") String regionCode,
            @Description("Only cycles at this stage. A stage before PUBLISHED needs an official over the region (or, without "
                    + "regionCode, lists the cycles of your jurisdiction).") CycleStatus status,
            @Description("Cycles of this category or one below it, and cycles of the whole region (no category).") String categoryCode) {
    }

    @Input("AppealFilter")
    @Description("Which appeals.")
    public record AppealFilter(
            @Description("Only appeals in this state (PENDING is the queue of decisions to make).") AppealStatus status,
            @Description("Appeals against cycles of this region and the regions within it (default: your jurisdiction).") String regionCode) {
    }
}
